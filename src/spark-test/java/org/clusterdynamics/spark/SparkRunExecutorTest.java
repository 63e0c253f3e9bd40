package org.clusterdynamics.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.fit.FitParameter;
import org.clusterdynamics.fit.Sensitivity;
import org.clusterdynamics.fit.SensitivityResult;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.io.xmile.XmileWriter;
import org.clusterdynamics.model.ModelBuilder;
import org.clusterdynamics.scenario.BatchRunner;
import org.clusterdynamics.scenario.CancelToken;
import org.clusterdynamics.scenario.Distribution;
import org.clusterdynamics.scenario.MonteCarlo;
import org.clusterdynamics.scenario.MonteCarloResult;
import org.clusterdynamics.scenario.Output;
import org.clusterdynamics.scenario.ParameterSweep;
import org.clusterdynamics.scenario.PreparedRun;
import org.clusterdynamics.scenario.RunSeries;
import org.clusterdynamics.scenario.Samples;
import org.clusterdynamics.scenario.ScenarioModel;
import org.clusterdynamics.scenario.SweepResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark runner in local mode (one context for the class, two cores) against the local runner:
 * the same batches give the same numbers bit for bit, failures name the run, cancelling stops the job.
 */
class SparkRunExecutorTest {
    private static JavaSparkContext sc;
    private static SparkRunExecutor spark;
    private static ScenarioModel noisy;
    private static ScenarioModel cluster;
    /** Runs executed by the cancel test's task (local mode: the executors are this JVM). */
    static final AtomicInteger EXECUTED = new AtomicInteger();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("cdyn-test")
                .set("spark.ui.enabled", "false").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.driver.host", "127.0.0.1"));
        SparkRunExecutor.quiet(sc, "ERROR");
        // small tasks, so that even the short batches here spread over several tasks and waves
        spark = new SparkRunExecutor(sc, 8);
        Path noisyFile = dir.resolve("noisy.xmile");
        Files.writeString(noisyFile, XmileWriter.write(ModelBuilder.xmile().name("noisy growth").time(0, 20, 0.25)
                .saveStep(1)
                .stock("Stock", "10", List.of("Growth"), List.of("Loss"), "things")
                .flow("Growth", "Rate * Stock * (1 + Noise_Level * NORMAL(0, 1))", "things/year")
                .flow("Loss", "Stock / Lifetime", "things/year")
                .aux("Rate", "0.1", "1/year")
                .aux("Lifetime", "10", "years")
                .aux("Noise Level", "0.3", "dmnl")
                .build()));
        noisy = new ScenarioModel(ModelFiles.read(noisyFile));
        cluster = new ScenarioModel(ModelFiles.read(Path.of("models/punjab-clusters.xmile")));
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.stop();
        }
    }

    private static BatchRunner local() {
        return new BatchRunner(2, null, new CancelToken());
    }

    private static BatchRunner onSpark() {
        return local().withExecutor(spark);
    }

    /** Every run's series by run index, from a batch of the model's own random numbers seeded per run. */
    private static RunSeries[] perRun(BatchRunner runner, int n) {
        PreparedRun base = noisy.prepare(noisy.baseline());
        int[] slots = RunSeries.slots(base.compiled(), List.of("Stock", "Growth"));
        RunSeries[] out = new RunSeries[n];
        runner.run("per run", n, i -> base.withConstants(Map.of("Rate", 0.05 + 0.001 * i), Samples.runSeed(42, i)),
                (i, sim, run) -> RunSeries.record(sim, run, slots), (i, rs) -> {
                    assertEquals(null, out[i], "run " + i + " handed over twice");
                    out[i] = rs;
                }, i -> "run " + i);
        return out;
    }

    @Test
    void everyRunGivesTheSameValuesBitForBit() {
        RunSeries[] here = perRun(local(), 101);
        RunSeries[] there = perRun(onSpark(), 101);
        for (int i = 0; i < here.length; i++) {
            assertArrayEquals(here[i].times(), there[i].times(), 0.0);
            for (int v = 0; v < here[i].values().length; v++) {
                assertArrayEquals(bits(here[i].values()[v]), bits(there[i].values()[v]), "run " + i + ", variable " + v);
            }
        }
        // the noise differs from run to run: the seeds are the runs', not one for all
        assertTrue(here[1].values()[0][20] != here[2].values()[0][20]);
    }

    @Test
    void monteCarloGivesIdenticalPercentiles() {
        Map<String, Distribution> d = new LinkedHashMap<>();
        d.put("Clustered Copying Lag", new Distribution.Triangular(0.5, 1, 2));
        d.put("Vendor MES", new Distribution.Uniform(60, 140));
        MonteCarlo.Spec spec = new MonteCarlo.Spec(cluster.baseline(), Samples.latinHypercube(d, 60, 7), 7,
                List.of("Products Mastered", "Average Capability"), new double[] {5, 50, 95},
                MonteCarlo.DEFAULT_EXACT_LIMIT);
        MonteCarloResult here = MonteCarlo.run(cluster, spec, local());
        MonteCarloResult there = MonteCarlo.run(cluster, spec, onSpark());
        assertEquals(60, there.completed());
        for (int v = 0; v < 2; v++) {
            for (int p = 0; p < 3; p++) {
                assertArrayEquals(bits(here.percentileValues()[v][p]), bits(there.percentileValues()[v][p]));
            }
            assertArrayEquals(bits(here.mean()[v]), bits(there.mean()[v]));
            assertArrayEquals(bits(here.sd()[v]), bits(there.sd()[v]));
            assertArrayEquals(bits(here.finals()[v]), bits(there.finals()[v]));
        }
        // and with the model's own random functions
        MonteCarlo.Spec noise = new MonteCarlo.Spec(noisy.baseline(), Samples.none(40), 11, List.of("Stock"),
                new double[] {5, 50, 95}, MonteCarlo.DEFAULT_EXACT_LIMIT);
        MonteCarloResult a = MonteCarlo.run(noisy, noise, local());
        MonteCarloResult b = MonteCarlo.run(noisy, noise, onSpark());
        for (int p = 0; p < 3; p++) {
            assertArrayEquals(bits(a.percentileValues()[0][p]), bits(b.percentileValues()[0][p]));
        }
        assertTrue(a.percentileValues()[0][0][20] < a.percentileValues()[0][2][20], "the noise spreads the runs");
    }

    @Test
    void sweepGivesTheSameValuesAndSeries() {
        Map<String, double[]> grid = new LinkedHashMap<>();
        grid.put("Clustered Copying Lag", new double[] {0.5, 1, 1.5, 2});
        grid.put("Vendor MES", new double[] {60, 100, 140});
        Samples s = Samples.grid(grid);
        List<Output> outs = List.of(Output.finalValue("Products Mastered"), Output.at("Average Capability", 1980));
        SweepResult here = ParameterSweep.run(cluster, cluster.baseline(), s, outs, List.of("Products Mastered"), local());
        SweepResult there = ParameterSweep.run(cluster, cluster.baseline(), s, outs, List.of("Products Mastered"),
                onSpark());
        for (int i = 0; i < s.size(); i++) {
            assertArrayEquals(bits(here.values()[i]), bits(there.values()[i]), "run " + i);
            assertArrayEquals(bits(here.series()[0][i]), bits(there.series()[0][i]), "run " + i);
        }
    }

    @Test
    void sobolGivesTheSameIndices() {
        List<FitParameter> factors = List.of(new FitParameter("Development Productivity", 0.001, 0.004),
                new FitParameter("Quality Elasticity", 0.2, 0.6), new FitParameter("Clustered Copying Lag", 0.5, 2));
        Sensitivity.Spec spec = new Sensitivity.Spec(cluster.baseline(), factors,
                List.of(Output.at("Products Mastered", 1994)), Sensitivity.Method.SOBOL, 32, 4, 3, 50);
        SensitivityResult here = Sensitivity.run(cluster, spec, local());
        SensitivityResult there = Sensitivity.run(cluster, spec, onSpark());
        assertEquals(here.runs(), there.runs());
        assertEquals(32 * 5 + 1 + 6, there.runs());
        assertEquals(0, there.failedRuns());
        var a = here.outputs().get(0);
        var b = there.outputs().get(0);
        assertArrayEquals(bits(a.sobol().first()), bits(b.sobol().first()));
        assertArrayEquals(bits(a.sobol().total()), bits(b.sobol().total()));
        assertArrayEquals(bits(a.sobol().totalLo()), bits(b.sobol().totalLo()));
        assertArrayEquals(bits(a.low()), bits(b.low()));
        assertArrayEquals(bits(a.high()), bits(b.high()));
        assertEquals(here.summary(), there.summary());
    }

    @Test
    void aRunThatFailsOnAnExecutorIsNamedWithItsIndexAndParameters() {
        Samples s = Samples.grid(Map.of("Lifetime", new double[] {10, 5, 0, 20}));
        List<Output> outs = List.of(Output.finalValue("Stock"));
        ModelException here = assertThrows(ModelException.class,
                () -> ParameterSweep.run(noisy, noisy.baseline(), s, outs, List.of(), local()));
        ModelException there = assertThrows(ModelException.class,
                () -> ParameterSweep.run(noisy, noisy.baseline(), s, outs, List.of(), onSpark()));
        assertEquals(here.getMessage(), there.getMessage());
        assertTrue(there.getMessage().contains("run 3 of 4 of sweep (Lifetime = 0)"), there.getMessage());
        // skipped, the failure is recorded as the local runner records it and the others run
        SweepResult skipped = ParameterSweep.run(noisy, noisy.baseline(), s, outs, List.of(), onSpark(), true);
        assertEquals(1, skipped.failures().size());
        assertEquals(3, skipped.failures().get(0).run());
        assertEquals("Lifetime = 0", skipped.failures().get(0).parameters());
        assertTrue(Double.isNaN(skipped.values()[2][0]));
        assertTrue(Double.isFinite(skipped.values()[3][0]));
    }

    @Test
    void cancellingStopsTheJob() throws Exception {
        EXECUTED.set(0);
        CancelToken cancel = new CancelToken();
        AtomicInteger seen = new AtomicInteger();
        BatchRunner runner = new BatchRunner(2, (label, done, total) -> {
            if (done >= 4) {
                cancel.cancel("stopped by the test");
            }
        }, cancel).withExecutor(spark);
        PreparedRun base = noisy.prepare(noisy.baseline());
        int[] slots = RunSeries.slots(base.compiled(), List.of("Stock"));
        int count = 2000;
        CancelToken.Cancelled e = assertThrows(CancelToken.Cancelled.class, () -> runner.run("long batch", count,
                // long runs (8,000 steps each), so that the job is still running when it is cancelled
                i -> new PreparedRun(base.scenario(), base.compiled(), base.options().withStop(2000)
                        .withSeed(Samples.runSeed(1, i))),
                (i, sim, run) -> {
                    EXECUTED.incrementAndGet();
                    return RunSeries.record(sim, run, slots);
                }, (i, rs) -> seen.incrementAndGet(), i -> "run " + i));
        assertEquals("stopped by the test", e.getMessage());
        // the job group's jobs end: no Spark job is left running (a bounded wait, not a timing assertion)
        for (int k = 0; k < 300 && sc.statusTracker().getActiveJobIds().length > 0; k++) {
            Thread.sleep(100);
        }
        assertEquals(0, sc.statusTracker().getActiveJobIds().length, "a cancelled batch left Spark jobs running");
        assertTrue(EXECUTED.get() < count, "cancelling stopped the runs: " + EXECUTED.get() + " of " + count + " ran");
        assertTrue(seen.get() < count);
    }

    @Test
    void aModelFileChangedAfterLoadingIsRefusedNotRunDifferently() throws Exception {
        Path copy = dir.resolve("edited.xmile");
        String text = Files.readString(dir.resolve("noisy.xmile"));
        Files.writeString(copy, text);
        ScenarioModel sm = new ScenarioModel(ModelFiles.read(copy));
        Files.writeString(copy, text.replace("<eqn>10</eqn>", "<eqn>12</eqn>"));
        Samples s = Samples.grid(Map.of("Rate", new double[] {0.1, 0.2}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterSweep.run(sm,
                sm.baseline(), s, List.of(Output.finalValue("Stock")), List.of(), onSpark()));
        assertTrue(e.getMessage().startsWith("Spark: the model " + copy + " is not the same on a Spark executor as on"
                + " the driver: the file was changed after it was loaded"), e.getMessage());
    }

    @Test
    void aTaskThatCannotTravelIsRefusedWithAMessage() {
        PreparedRun base = noisy.prepare(noisy.baseline());
        Object notSerializable = new Object();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> onSpark().run("odd batch", 3,
                i -> base, (i, sim, run) -> notSerializable.hashCode(), (i, v) -> { }, i -> ""));
        assertTrue(e.getMessage().startsWith("the batch 'odd batch' cannot run on Spark"), e.getMessage());
    }

    /**
     * A Vensim model under {@code root}/model that reads a series and a constant from data/ beside it
     * and a constant from {@code root}/elsewhere by an absolute path; read with both folders as data roots.
     */
    private static ScenarioModel dataModel(Path root, double initial) throws Exception {
        Path model = Files.createDirectories(root.resolve("model"));
        Files.createDirectories(model.resolve("data"));
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Files.writeString(model.resolve("data/demand.csv"), "0,2\n5,6\n10,3\n20,8\n");
        Files.writeString(model.resolve("data/params.csv"), "Initial," + initial + "\n");
        Path abs = Files.writeString(elsewhere.resolve("lifetime.csv"), "Lifetime,4\n");
        Path mdl = Files.writeString(model.resolve("m.mdl"), """
                Stock = INTEG(Inflow - Stock / Lifetime, Initial) ~ things ~|
                Inflow = Demand * Share ~ things/Month ~|
                Demand := GET DIRECT DATA('data/demand.csv', ',', 'A', 'B1') ~ things/Month ~|
                Initial = GET DIRECT CONSTANTS('data/params.csv', ',', 'B1') ~ things ~|
                Lifetime = GET DIRECT CONSTANTS('%s', ',', 'B1') ~ Month ~|
                Share = 0.5 ~ dmnl ~|
                ********************************************************
                \t.Control
                ********************************************************~
                \t\tSimulation Control Parameters
                \t|
                FINAL TIME  = 20 ~ Month ~|
                INITIAL TIME  = 0 ~ Month ~|
                SAVEPER  = 1 ~ Month ~|
                TIME STEP  = 0.25 ~ Month ~|
                """.formatted(abs.toString().replace('\\', '/')));
        return new ScenarioModel(ModelFiles.read(mdl, List.of(), List.of(model, elsewhere)));
    }

    @Test
    void aModelThatReadsDataFilesRunsOnSparkAsLocally() throws Exception {
        ScenarioModel sm = dataModel(Files.createDirectories(dir.resolve("with-data")), 7);
        Map<String, Distribution> d = new LinkedHashMap<>();
        d.put("Share", new Distribution.Uniform(0.2, 0.9));
        MonteCarlo.Spec spec = new MonteCarlo.Spec(sm.baseline(), Samples.latinHypercube(d, 40, 3), 3,
                List.of("Stock", "Demand"), new double[] {5, 50, 95}, MonteCarlo.DEFAULT_EXACT_LIMIT);
        MonteCarloResult here = MonteCarlo.run(sm, spec, local());
        MonteCarloResult there = MonteCarlo.run(sm, spec, onSpark());
        assertEquals(40, there.completed());
        for (int v = 0; v < 2; v++) {
            for (int p = 0; p < 3; p++) {
                assertArrayEquals(bits(here.percentileValues()[v][p]), bits(there.percentileValues()[v][p]));
            }
            assertArrayEquals(bits(here.finals()[v]), bits(there.finals()[v]));
        }
        // the data files' values are in the results: Initial = 7 at time 0, the demand series at time 5
        assertEquals(7.0, there.percentileValues()[0][1][0]);
        assertEquals(6.0, there.percentileValues()[1][1][5]);
        Samples s = Samples.grid(Map.of("Share", new double[] {0.1, 0.5, 1}));
        List<Output> outs = List.of(Output.finalValue("Stock"), Output.at("Stock", 3));
        SweepResult a = ParameterSweep.run(sm, sm.baseline(), s, outs, List.of("Stock"), local());
        SweepResult b = ParameterSweep.run(sm, sm.baseline(), s, outs, List.of("Stock"), onSpark());
        for (int i = 0; i < s.size(); i++) {
            assertArrayEquals(bits(a.values()[i]), bits(b.values()[i]), "run " + i);
            assertArrayEquals(bits(a.series()[0][i]), bits(b.series()[0][i]), "run " + i);
        }
    }

    @Test
    void theExecutorReadsTheDataFilesSentNotTheDriversPaths() throws Exception {
        Path root = Files.createDirectories(dir.resolve("sent"));
        ScenarioModel sm = dataModel(root, 11);
        PreparedRun base = sm.prepare(sm.baseline());
        ModelBundle bundle = ModelBundle.read(base.compiled().source());
        assertEquals("model/m.mdl", bundle.modelPath());
        assertEquals(List.of("elsewhere/lifetime.csv", "model/data/demand.csv", "model/data/params.csv"),
                bundle.data().stream().map(ModelBundle.DataFile::path).toList());
        // the driver's data files are gone: an executor that looked for them would fail
        for (String f : List.of("elsewhere/lifetime.csv", "model/data/demand.csv", "model/data/params.csv")) {
            Files.delete(root.resolve(f));
        }
        ExecutorModels.Loaded loaded = ExecutorModels.of(bundle);
        // the same compiled names and start values as the driver's (Initial 11, Lifetime 4 from the files)
        loaded.compiled(Variant.of(bundle.digest(), base.scenario(), base.compiled()));
        // a data file changed on the driver makes another bundle, which the executors compile again
        Files.writeString(root.resolve("model/data/params.csv"), "Initial,12\n");
        Files.writeString(root.resolve("model/data/demand.csv"), "0,2\n5,6\n10,3\n20,8\n");
        Files.writeString(root.resolve("elsewhere/lifetime.csv"), "Lifetime,4\n");
        assertTrue(!bundle.current());
        ModelBundle changed = ModelBundle.read(base.compiled().source());
        assertTrue(!changed.digest().equals(bundle.digest()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ExecutorModels.of(changed)
                .compiled(Variant.of(changed.digest(), base.scenario(), base.compiled())));
        assertTrue(e.getMessage().contains("is not the same on a Spark executor as on the driver"), e.getMessage());
    }

    private static long[] bits(double[] xs) {
        assertNotNull(xs);
        return Arrays.stream(xs).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
