package jp.jichitai.cloud.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import jp.jichitai.cloud.JichitaiCloudApplication;

class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(JichitaiCloudApplication.class);
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.jichitai.cloud");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theBusinessCapabilitiesAreModules() {
        assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()))
                .contains("tenancy", "identity", "audit", "web", "cli");
    }

    @Test
    void pureLibrariesDependOnNoSpring() {
        noClasses().that().resideInAnyPackage("..migrationformat..", "..setuptool..", "..synthetic..",
                        "..certificates..", "..shared..")
                .and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .allowEmptyShould(true)
                .check(PRODUCTION);
    }

    @Test
    void theBoundaryRuleCanFail() {
        // identity's internals do use tenancy: a rule forbidding that must fail, or rules are not evaluated.
        assertThatThrownBy(() -> noClasses().that().resideInAPackage("..identity.internal..")
                .should().dependOnClassesThat().resideInAPackage("..tenancy..")
                .check(PRODUCTION)).isInstanceOf(AssertionError.class);
    }
}
