package dev.driftgate.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package map of docs/architecture.md, checked over the compiled classes of every module (the
 * command line sees them all). The module dependencies already keep the core from reaching the
 * engine at compile time; these rules keep the packages within a module from drifting into a loop.
 */
class LayeringTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar")) // the engine's test helpers
            .importPackages("dev.driftgate");

    @Test
    void readsTheClassesOfEveryModule() {
        for (String p : new String[] {"dev.driftgate.sql", "dev.driftgate.dialect.postgres", "dev.driftgate.gate",
                "dev.driftgate.junit", "dev.driftgate.reports", "dev.driftgate.cli"}) {
            assertTrue(MAIN.containPackage(p), p);
        }
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("dev.driftgate.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void sqlTextAndSessionsAreTheBottom() {
        classes().that().resideInAPackage("dev.driftgate.sql..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.driftgate", "dev.driftgate.sql..", "java..")
                .check(MAIN);
    }
}
