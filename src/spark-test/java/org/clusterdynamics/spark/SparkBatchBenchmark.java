package org.clusterdynamics.spark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.scenario.BatchRunner;
import org.clusterdynamics.scenario.CancelToken;
import org.clusterdynamics.scenario.Distribution;
import org.clusterdynamics.scenario.MonteCarlo;
import org.clusterdynamics.scenario.PreparedRun;
import org.clusterdynamics.scenario.Samples;
import org.clusterdynamics.scenario.ScenarioModel;
import org.clusterdynamics.scenario.TimeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs per second of a Monte Carlo batch of the cluster model on the local runner (1 and 2 threads)
 * and on Spark local[1] and local[2], Spark's overhead per task and per run, and from these an
 * estimate of the batch size at which a cluster pays off. A benchmark, not a test: it asserts nothing
 * and runs only with {@code mvn -Pspark test -Dtest=SparkBatchBenchmark -Dcdyn.bench=true}
 * ({@code -Dcdyn.bench.runs=N}, default 2000). Figures go to standard output and target/spark-bench.txt.
 */
@EnabledIfSystemProperty(named = "cdyn.bench", matches = "true")
class SparkBatchBenchmark {
    private final List<String> lines = new ArrayList<>();

    @Test
    void runsPerSecond() throws Exception {
        int runs = Integer.getInteger("cdyn.bench.runs", 2000);
        ScenarioModel sm = new ScenarioModel(ModelFiles.read(Path.of("models/punjab-clusters.xmile")));
        Map<String, Distribution> d = new LinkedHashMap<>();
        d.put("Clustered Copying Lag", new Distribution.Triangular(0.5, 1, 2));
        d.put("Vendor MES", new Distribution.LogNormal(100, 30));
        MonteCarlo.Spec spec = new MonteCarlo.Spec(sm.withTime(sm.baseline(),
                new TimeSettings(Double.NaN, Double.NaN, Double.NaN, 1, null)), Samples.random(d, runs, 7), 7,
                List.of("Products Mastered", "Average Capability"), new double[] {5, 25, 50, 75, 95},
                MonteCarlo.DEFAULT_EXACT_LIMIT);
        say("cluster model Monte Carlo, " + runs + " runs, 2 outputs; " + Runtime.getRuntime().availableProcessors()
                + " cores; load average at start " + load());
        double perRun1 = 0;
        double localStart = 0;
        for (int threads : new int[] {1, 2}) {
            BatchRunner local = new BatchRunner(threads, null, new CancelToken());
            long w0 = System.nanoTime();
            MonteCarlo.run(sm, spec, local); // warm-up: generated code, JIT
            double warm = (System.nanoTime() - w0) / 1e9;
            double[] t = best(() -> MonteCarlo.run(sm, spec, local));
            if (threads == 1) {
                localStart = Math.max(0, warm - t[0]);
                say(String.format(Locale.ROOT, "first local batch: %.2f s more (code generated, JIT)", localStart));
            }
            say(String.format(Locale.ROOT, "local runner, %d thread(s): %.2f s wall, %.2f s CPU, %.0f runs/s,"
                    + " %.3f ms CPU per run", threads, t[0], t[1], runs / t[0], 1000 * t[1] / runs));
            if (threads == 1) {
                perRun1 = t[1] / runs;
            }
        }
        double startup = 0;
        double perTask = 0;
        double perDriverRun = 0;
        double executorStart = 0;
        for (int cores : new int[] {1, 2}) {
            long s0 = System.nanoTime();
            JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local[" + cores + "]")
                    .setAppName("cdyn-bench").set("spark.ui.enabled", "false")
                    .set("spark.driver.bindAddress", "127.0.0.1").set("spark.driver.host", "127.0.0.1"));
            SparkRunExecutor.quiet(sc, "ERROR");
            double contextStart = (System.nanoTime() - s0) / 1e9;
            try {
                BatchRunner spark = new BatchRunner(cores, null, new CancelToken())
                        .withExecutor(new SparkRunExecutor(sc, SparkRunExecutor.DEFAULT_RUNS_PER_TASK));
                long w0 = System.nanoTime();
                MonteCarlo.run(sm, spec, spark); // warm-up; on local[1] the executor reads and compiles the model
                double warm = (System.nanoTime() - w0) / 1e9;
                double[] t = best(() -> MonteCarlo.run(sm, spec, spark));
                if (cores == 1) {
                    executorStart = Math.max(0, warm - t[0]);
                    say(String.format(Locale.ROOT, "first batch on a fresh executor: %.2f s more (model sent, read,"
                            + " compiled, code generated, Spark's own code warmed up)", executorStart));
                }
                say(String.format(Locale.ROOT, "Spark local[%d], %d runs per task: %.2f s wall, %.2f s CPU, %.0f"
                        + " runs/s (context start %.1f s)", cores, SparkRunExecutor.DEFAULT_RUNS_PER_TASK, t[0], t[1],
                        runs / t[0], contextStart));
                if (cores == 2) {
                    startup = contextStart;
                    // overheads: runs that do nothing, one per task, then many per task
                    PreparedRun base = sm.prepare(spec.base());
                    int empty = 400;
                    BatchRunner onePerTask = new BatchRunner(1, null, new CancelToken())
                            .withExecutor(new SparkRunExecutor(sc, 1));
                    double[] e1 = best(() -> onePerTask.run("empty", empty, i -> base, (i, sim, run) -> 0,
                            (i, v) -> { }, i -> ""));
                    perTask = e1[0] * cores / empty;
                    int many = 20_000;
                    BatchRunner batched = new BatchRunner(1, null, new CancelToken())
                            .withExecutor(new SparkRunExecutor(sc, SparkRunExecutor.DEFAULT_RUNS_PER_TASK));
                    double[] e2 = best(() -> batched.run("empty", many, i -> base.withConstants(
                            Map.of("Vendor MES", 100.0 + i % 7), Samples.runSeed(7, i)), (i, sim, run) -> 0,
                            (i, v) -> { }, i -> ""));
                    perDriverRun = e2[0] / many;
                    say(String.format(Locale.ROOT, "Spark overhead on local[2]: %.2f ms per task (one empty run per"
                            + " task), %.3f ms per run with %d runs per task (driver: options, sending, collecting)",
                            1000 * perTask, 1000 * perDriverRun, SparkRunExecutor.DEFAULT_RUNS_PER_TASK));
                }
            } finally {
                sc.stop();
            }
        }
        // a cluster of C cores against this machine's L = 2 cores: local n t / L, cluster S + n (t / C + o);
        // equal at n = S / (t / L - t / C - o)
        for (int c : new int[] {8, 32, 128}) {
            double gain = perRun1 / 2 - perRun1 / c - perDriverRun;
            // what a cluster adds once: the context, and an executor's first batch beyond the local runner's first
            double fixed = startup + Math.max(0, executorStart - localStart);
            say(String.format(Locale.ROOT, "estimate, a cluster of %d cores against 2 local cores: pays off above"
                    + " %s runs (per run %.3f ms CPU, Spark overhead %.3f ms per run, %.1f s fixed)", c,
                    gain <= 0 ? "no number of" : String.format(Locale.ROOT, "%,.0f", fixed / gain),
                    1000 * perRun1, 1000 * perDriverRun, fixed));
        }
        say("load average at end " + load());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/spark-bench.txt"), lines);
    }

    private void say(String s) {
        System.out.println(s);
        lines.add(s);
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The fastest of two: wall seconds and this process's CPU seconds. */
    private static double[] best(Runnable r) {
        double[] best = {Double.MAX_VALUE, 0};
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int k = 0; k < 2; k++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            r.run();
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - c0) / 1e9;
            if (wall < best[0]) {
                best[0] = wall;
                best[1] = cpu;
            }
        }
        return best;
    }
}
