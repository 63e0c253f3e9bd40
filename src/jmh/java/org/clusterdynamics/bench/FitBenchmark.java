package org.clusterdynamics.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clusterdynamics.fit.Calibration;
import org.clusterdynamics.fit.CalibrationResult;
import org.clusterdynamics.fit.DataReader;
import org.clusterdynamics.fit.FitParameter;
import org.clusterdynamics.fit.ObservedData;
import org.clusterdynamics.fit.Sensitivity;
import org.clusterdynamics.fit.SensitivityResult;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.scenario.BatchRunner;
import org.clusterdynamics.scenario.Scenario;
import org.clusterdynamics.scenario.ScenarioModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Calibration and sensitivity speed: fitting 3 parameters of the SIR example to 100 daily points
 * (with and without the profile-likelihood intervals), and a Sobol analysis of 8 constants of the
 * cluster model with N = 1,024 (10,257 runs). Seconds per analysis, single shots after a warm-up
 * (build with {@code mvn -Pbench package -DskipTests}, run from the checkout with
 * {@code java -cp target/cdyn.jar org.openjdk.jmh.Main FitBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class FitBenchmark {

    @Param({"2"})
    public int threads;

    private ScenarioModel sir;
    private ScenarioModel punjab;
    private ObservedData daily;
    private BatchRunner runner;

    private static final List<FitParameter> SIR_FIT = List.of(FitParameter.parse("Contact Rate=0.1..2"),
            FitParameter.parse("Recovery Rate=0.01..1"), FitParameter.parse("Initial Infected=0.5..50"));

    /** Eight constants of the cluster model's innovation, diffusion and vendor mechanisms. */
    static final List<FitParameter> PUNJAB_RANGES = List.of(
            FitParameter.parse("Tubewell Imitation Coefficient=0.3..0.6"),
            FitParameter.parse("Tractor Imitation Coefficient=0.25..0.55"),
            FitParameter.parse("Development Productivity=0.001..0.004"),
            FitParameter.parse("Isolated Copying Lag=2..5"),
            FitParameter.parse("Share Sensitivity=2..4"),
            FitParameter.parse("Output per Worker=8..14"),
            FitParameter.parse("Vendor Entry Time=1..3"),
            FitParameter.parse("Quality Elasticity=0.2..0.6"));

    @Setup
    public void setUp() throws Exception {
        sir = new ScenarioModel(ModelFiles.read(Path.of("docs/examples/sir.xmile")));
        daily = DataReader.read(Path.of("docs/examples/sir-daily.csv"));
        punjab = new ScenarioModel(ModelFiles.read(Path.of("models/punjab-clusters.xmile")));
        runner = new BatchRunner(threads, null, null);
    }

    @Benchmark
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public CalibrationResult sirThreeParametersHundredPoints() {
        return Calibration.run(sir, Calibration.Spec.of(Scenario.of("fit"), daily, SIR_FIT).withProfile(false),
                runner, null);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public CalibrationResult sirThreeParametersHundredPointsWithProfiles() {
        return Calibration.run(sir, Calibration.Spec.of(Scenario.of("fit"), daily, SIR_FIT), runner, null);
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public SensitivityResult punjabSobolEightConstantsN1024() {
        return Sensitivity.run(punjab, Sensitivity.Spec.sobol(Scenario.of("sobol"), PUNJAB_RANGES,
                List.of(Sensitivity.output("Products Mastered@1994")), 1024, 1), runner);
    }
}
