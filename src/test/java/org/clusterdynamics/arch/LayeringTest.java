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
                // the profile spark's tests (target/spark-test-classes), which ArchUnit does not know as tests
                .withImportOption(location -> !location.contains("/spark-test-classes/"))
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
                .layer("structure").definedBy("org.clusterdynamics.structure..")
                .layer("chart").definedBy("org.clusterdynamics.chart..")
                .layer("script").definedBy("org.clusterdynamics.script..")
                .layer("serve").definedBy("org.clusterdynamics.serve..")
                .layer("cli").definedBy("org.clusterdynamics.cli..")
                // the Spark runner (profile spark; absent from the default build): the command line finds it
                // through ServiceLoader, so no layer names it
                .layer("spark").definedBy("org.clusterdynamics.spark..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("spark").mayNotBeAccessedByAnyLayer()
                .whereLayer("script").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("serve").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("chart").mayOnlyBeAccessedByLayers("script", "serve", "cli")
                .whereLayer("fit").mayOnlyBeAccessedByLayers("script", "cli")
                .whereLayer("structure").mayOnlyBeAccessedByLayers("chart", "script", "serve", "cli")
                .whereLayer("scenario").mayOnlyBeAccessedByLayers("fit", "chart", "script", "serve", "cli", "spark")
                .whereLayer("sim").mayOnlyBeAccessedByLayers("scenario", "fit", "structure", "chart", "script", "serve", "cli",
                        "spark")
                .whereLayer("compile").mayOnlyBeAccessedByLayers("sim", "scenario", "fit", "structure", "chart", "script",
                        "serve", "cli", "spark")
                .whereLayer("check").mayOnlyBeAccessedByLayers("scenario", "script", "cli")
                .whereLayer("io").mayOnlyBeAccessedByLayers("scenario", "chart", "script", "cli", "spark")
                .whereLayer("expr").mayOnlyBeAccessedByLayers("io", "check", "compile", "sim", "scenario",
                        "structure", "chart", "script", "serve", "cli")
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
                        "org.clusterdynamics.fit..", "org.clusterdynamics.structure..")
                .should().dependOnClassesThat().resideInAnyPackage("org.graalvm..", "org.jfree..", "picocli..",
                        "com.orsonpdf..")
                .check(classes);
    }

    @Test
    void onlyTheSparkRunnerImportsSpark() {
        // the engine never depends on Spark (its runner lives in the profile spark); the runner is batch
        // plumbing, with no scripting, charts or command line of its own
        noClasses().that().resideOutsideOfPackage("org.clusterdynamics.spark..").should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.spark..", "scala..").check(classes);
        noClasses().that().resideInAPackage("org.clusterdynamics.spark..").should().dependOnClassesThat()
                .resideInAnyPackage("org.graalvm..", "org.jfree..", "picocli..", "org.clusterdynamics.script..",
                        "org.clusterdynamics.cli..", "org.clusterdynamics.chart..", "org.clusterdynamics.serve..")
                .allowEmptyShould(true).check(classes);
    }
}
