package org.clusterdynamics.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline's layering rules, in one place (see ../shared/docs/architecture.md). */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.clusterdynamics");
    }

    @Test
    void stagesDependOnlyOnEarlierStages() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("model").definedBy("org.clusterdynamics.model..")
                .layer("diag").definedBy("org.clusterdynamics.diag..")
                .layer("expr").definedBy("org.clusterdynamics.expr..")
                .layer("io").definedBy("org.clusterdynamics.io..")
                .layer("check").definedBy("org.clusterdynamics.check..")
                .layer("compile").definedBy("org.clusterdynamics.compile..")
                .layer("sim").definedBy("org.clusterdynamics.sim..")
                .layer("scenario").definedBy("org.clusterdynamics.scenario..")
                .layer("fit").definedBy("org.clusterdynamics.fit..")
                .layer("chart").definedBy("org.clusterdynamics.chart..")
                .layer("script").definedBy("org.clusterdynamics.script..")
                .layer("cli").definedBy("org.clusterdynamics.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("script").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("chart").mayOnlyBeAccessedByLayers("script", "cli")
                .whereLayer("fit").mayOnlyBeAccessedByLayers("script", "cli")
                .whereLayer("scenario").mayOnlyBeAccessedByLayers("fit", "chart", "script", "cli")
                .whereLayer("sim").mayOnlyBeAccessedByLayers("scenario", "fit", "chart", "script", "cli")
                .whereLayer("compile").mayOnlyBeAccessedByLayers("sim", "scenario", "fit", "chart", "script", "cli")
                .whereLayer("check").mayOnlyBeAccessedByLayers("scenario", "script", "cli")
                .whereLayer("io").mayOnlyBeAccessedByLayers("scenario", "chart", "script", "cli")
                .whereLayer("expr").mayOnlyBeAccessedByLayers("io", "check", "compile", "sim", "scenario", "chart",
                        "script", "cli")
                .check(classes);
    }

    @Test
    void modelAndDiagnosticsDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.clusterdynamics.model..").should().dependOnClassesThat()
                .resideInAnyPackage("org.clusterdynamics.expr..", "org.clusterdynamics.io..",
                        "org.clusterdynamics.compile..", "org.clusterdynamics.sim..", "org.clusterdynamics.diag..")
                .check(classes);
        noClasses().that().resideInAPackage("org.clusterdynamics.diag..").should().dependOnClassesThat()
                .resideInAnyPackage("org.clusterdynamics.model..", "org.clusterdynamics.expr..")
                .check(classes);
    }

    @Test
    void theEngineImportsNoGraalJFreeChartOrPicocli() {
        noClasses().that().resideInAnyPackage("org.clusterdynamics.model..", "org.clusterdynamics.expr..",
                        "org.clusterdynamics.diag..", "org.clusterdynamics.io..", "org.clusterdynamics.check..",
                        "org.clusterdynamics.compile..", "org.clusterdynamics.sim..", "org.clusterdynamics.scenario..",
                        "org.clusterdynamics.fit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.graalvm..", "org.jfree..", "picocli..",
                        "com.orsonpdf..")
                .check(classes);
    }
}
