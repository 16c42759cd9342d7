package jp.jichitai.cloud.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The migration format library, the setup tool and the generator start without Spring (style: "the command line needs no Spring"). */
class MigrationWithoutSpringTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.jichitai.cloud");

    @Test
    void migrationFormatSetupToolAndSyntheticDependOnNoSpringClass() {
        ArchRule rule = noClasses().that().resideInAnyPackage("jp.jichitai.cloud.migrationformat..", "jp.jichitai.cloud.setuptool..",
                        "jp.jichitai.cloud.synthetic..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..");
        rule.check(CLASSES);
    }

    @Test
    void theMigrationFormatLibraryDependsOnlyOnSharedAndTheJdk() {
        noClasses().that().resideInAPackage("jp.jichitai.cloud.migrationformat..")
                .should().dependOnClassesThat().resideInAnyPackage("jp.jichitai.cloud.setuptool..", "jp.jichitai.cloud.synthetic..",
                        "picocli..", "org.springframework..")
                .check(CLASSES);
    }
}
