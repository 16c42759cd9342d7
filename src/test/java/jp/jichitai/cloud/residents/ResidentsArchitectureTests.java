package jp.jichitai.cloud.residents;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ResidentsArchitectureTests {

    /** The domain core: the published package and its pure internals; the service lives in registry and web. */
    private static final JavaClasses RESIDENTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/residents/registry/") && !location.contains("/residents/web/"))
            .importPackages("jp.jichitai.cloud.residents");

    @Test
    void theDomainCoreUsesNoFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "javax.persistence..")
                .check(RESIDENTS);
    }

    @Test
    void theCoreIsImportedWithoutTheService() {
        org.assertj.core.api.Assertions.assertThat(RESIDENTS.contain("jp.jichitai.cloud.residents.ResidentHistory")).isTrue();
        org.assertj.core.api.Assertions.assertThat(RESIDENTS.stream().noneMatch(type -> type.getPackageName().endsWith(".registry")))
                .isTrue();
    }

    @Test
    void theCoreDoesNotUseTheService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jp.jichitai.cloud.residents.registry..",
                "jp.jichitai.cloud.residents.web..").check(RESIDENTS);
    }

    @Test
    void dependsOnlyOnTheSharedKernelAndTheJdk() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                "jp.jichitai.cloud.residents..", "jp.jichitai.cloud.shared..", "java..")
                .check(RESIDENTS);
    }
}
