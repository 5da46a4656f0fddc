package dev.vialab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture of docs/architecture: a UI-free, deterministic emulator core and one-way feature packages. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Spring AOT's generated bean definitions (Foo__BeanDefinitions, …, written at prepare-package) wire
        // every bean, whatever its package; they are build output, not our design
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("__"))
                .importPackages("dev.vialab");
    }

    @Test
    void the_emulator_depends_on_no_framework() {
        noClasses().that().resideInAPackage("dev.vialab.emulator..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..",
                        "tools.jackson..", "com.fasterxml..", "org.yaml..", "org.snakeyaml..")
                .check(classes);
    }

    @Test
    void the_emulator_depends_on_no_other_part_of_the_app() {
        noClasses().that().resideInAPackage("dev.vialab.emulator..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.vialab.scenario..", "dev.vialab.lab..",
                        "dev.vialab.cli..", "dev.vialab.base..", "dev.vialab.lesson..")
                .check(classes);
    }

    @Test
    void the_emulator_never_reads_the_wall_clock() {
        noClasses().that().resideInAPackage("dev.vialab.emulator..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .check(classes);
    }

    @Test
    void the_emulator_uses_no_unseeded_randomness() {
        noClasses().that().resideInAPackage("dev.vialab.emulator..")
                .should().callConstructor(java.util.Random.class)
                .orShould().callMethod(Math.class, "random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
                .check(classes);
    }

    @Test
    void the_emulator_never_iterates_hash_ordered_collections() {
        noClasses().that().resideInAPackage("dev.vialab.emulator..")
                .should().callConstructor(java.util.HashMap.class)
                .orShould().callConstructor(java.util.HashSet.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.HashMap")
                .check(classes);
    }

    @Test
    void jackson_is_used_only_by_the_views() {
        // views: Flow's element properties take Jackson trees (Element.setPropertyJson); the command line loads none
        noClasses().that().resideOutsideOfPackages("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void yaml_is_read_only_by_the_scenario_files() {
        noClasses().that().resideOutsideOfPackage("dev.vialab.scenario..")
                .should().dependOnClassesThat().resideInAnyPackage("org.snakeyaml..", "org.yaml..")
                .check(classes);
    }

    @Test
    void vaadin_is_used_only_by_views() {
        noClasses().that().resideOutsideOfPackages("..ui..")
                .and().doNotHaveSimpleName("Application")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..")
                .check(classes);
    }

    @Test
    void there_are_no_cycles_between_feature_packages() {
        slices().matching("dev.vialab.(*)..").should().beFreeOfCycles().check(classes);
    }
}
