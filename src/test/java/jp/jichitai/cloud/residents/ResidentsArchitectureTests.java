package jp.jichitai.cloud.residents;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ResidentsArchitectureTests {

    private static final JavaClasses RESIDENTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.jichitai.cloud.residents");

    @Test
    void theDomainCoreUsesNoFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "javax.persistence..")
                .check(RESIDENTS);
    }

    @Test
    void dependsOnlyOnTheSharedKernelAndTheJdk() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                "jp.jichitai.cloud.residents..", "jp.jichitai.cloud.shared..", "java..")
                .check(RESIDENTS);
    }
}
