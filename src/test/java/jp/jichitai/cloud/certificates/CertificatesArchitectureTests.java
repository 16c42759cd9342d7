package jp.jichitai.cloud.certificates;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CertificatesArchitectureTests {

    // The compiled main classes only: scanning the whole class path for the package takes seconds.
    private static final JavaClasses CERTIFICATES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target/classes/jp/jichitai/cloud/certificates"));

    @Test
    void findsTheModuleClasses() {
        org.assertj.core.api.Assertions.assertThat(CERTIFICATES.contain(CertificateRenderer.class)).isTrue();
        org.assertj.core.api.Assertions.assertThat(
                CERTIFICATES.contain(jp.jichitai.cloud.certificates.internal.PdfCertificateRenderer.class)).isTrue();
    }

    @Test
    void needsNoSpringAndNoOtherBusinessModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..",
                        "jp.jichitai.cloud.residents..", "jp.jichitai.cloud.disaster..", "jp.jichitai.cloud.tenancy..",
                        "jp.jichitai.cloud.identity..", "jp.jichitai.cloud.audit..", "jp.jichitai.cloud.web..",
                        "jp.jichitai.cloud.cli..", "jp.jichitai.cloud.migration..", "jp.jichitai.cloud.continuity..",
                        "jp.jichitai.cloud.operations..", "jp.jichitai.cloud.fitgap..")
                .check(CERTIFICATES);
    }

    @Test
    void publishesAnApiFreeOfPdfboxAndZxing() {
        noClasses().that().resideInAPackage("jp.jichitai.cloud.certificates")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.pdfbox..", "org.apache.fontbox..",
                        "com.google.zxing..")
                .check(CERTIFICATES);
    }
}
