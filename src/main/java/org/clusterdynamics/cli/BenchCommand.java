package org.clusterdynamics.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.sim.Benchmark;
import org.clusterdynamics.sim.GeneratedCode;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code cdyn bench} command: times reading, compiling and full runs of a model. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times a model: reading and compiling it (cold, then warm), and full runs (initialise,"
                + " integrate from start to stop, keep the results) in microseconds per run, median and spread"
                + " over repetitions after a warm-up.",
            "--keep all keeps every variable at every save step in memory; --keep none keeps nothing."},
        footerHeading = "%nExamples:%n",
        footer = {"  cdyn bench ../shared/bench/models/world3-03/wrld3-03.mdl --runs 2000 --keep none",
            "  cdyn bench models/punjab-clusters.xmile --keep all --threads 2"})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model file.")
    Path modelFile;

    @Option(names = "--runs", paramLabel = "N", description = "Runs per timed repetition (default ${DEFAULT-VALUE}).",
            defaultValue = "1000")
    int runs;

    @Option(names = "--reps", paramLabel = "R", description = "Timed repetitions (default ${DEFAULT-VALUE}).",
            defaultValue = "7")
    int reps;

    @Option(names = "--keep", paramLabel = "all|none", description = "What a run keeps (default ${DEFAULT-VALUE}).",
            defaultValue = "all")
    String keep;

    @Option(names = "--backend", paramLabel = "generated|interpreter",
            description = "Generated JVM code or the reference interpreter (default ${DEFAULT-VALUE}).",
            defaultValue = "generated")
    String backend;

    @Option(names = "--method", paramLabel = "euler|rk2|rk4", description = "Integration method (default: the model's).")
    String method;

    @Option(names = "--warmup-ms", paramLabel = "MS", description = "Minimum warm-up before timing (default ${DEFAULT-VALUE}).",
            defaultValue = "2000")
    long warmupMillis;

    @Option(names = "--compile-reps", paramLabel = "K",
            description = "Times reading and compiling are repeated; the first is cold (default ${DEFAULT-VALUE}).",
            defaultValue = "10")
    int compileReps;

    @Option(names = "--threads", paramLabel = "T",
            description = "Also time a batch of runs spread over T threads, one simulator copy each.")
    Integer threads;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Benchmark.Keep k;
        Simulator.Backend b;
        RunOptions options = RunOptions.defaults();
        try {
            k = Benchmark.Keep.valueOf(keep.toUpperCase(Locale.ROOT));
            b = Simulator.Backend.valueOf(backend.toUpperCase(Locale.ROOT));
            if (b == Simulator.Backend.AUTO) {
                throw new IllegalArgumentException("auto");
            }
        } catch (IllegalArgumentException e) {
            err.println("--keep must be all or none, and --backend generated or interpreter");
            err.flush();
            return 2;
        }
        if (method != null) {
            Method m = Method.parse(method);
            if (m == null || m == Method.ADAPTIVE) {
                err.println("--method '" + method + "' is not one of euler, rk2, rk4");
                err.flush();
                return 2;
            }
            options = options.withMethod(m);
        }
        if (runs < 1 || reps < 1 || compileReps < 1 || (threads != null && threads < 1)) {
            err.println("--runs, --reps, --compile-reps and --threads must be at least 1");
            err.flush();
            return 2;
        }
        try {
            double[] readMs = new double[compileReps];
            double[] compileMs = new double[compileReps];
            CompiledModel compiled = null;
            for (int i = 0; i < compileReps; i++) {
                long t0 = System.nanoTime();
                Model model = ModelFiles.read(modelFile);
                long t1 = System.nanoTime();
                compiled = ModelCompiler.compile(model);
                long t2 = System.nanoTime();
                readMs[i] = (t1 - t0) / 1e6;
                compileMs[i] = (t2 - t1) / 1e6;
            }
            double[] genMs = new double[b == Simulator.Backend.GENERATED ? compileReps : 0];
            GeneratedCode code = null;
            for (int i = 0; i < genMs.length; i++) {
                long t0 = System.nanoTime();
                code = GeneratedCode.compile(compiled);
                genMs[i] = (System.nanoTime() - t0) / 1e6;
            }
            // the code just generated, not generated once more (minutes for the largest models)
            Simulator sim = code != null ? new Simulator(compiled, code) : new Simulator(compiled, b);
            Results shape = sim.run(options);
            int dyn = compiled.dynamicOrder().size();
            int stocks = compiled.stocks().size();
            int steps = sim.stepCount(options);
            String name = modelFile.getFileName().toString();
            out.printf(Locale.ROOT, "model      %s%n", modelFile);
            out.printf(Locale.ROOT, "equations  %d per evaluation: %d auxiliaries and flows, %d stock rates"
                    + " (%d initial values, %d slots)%n", dyn + stocks, dyn, stocks, compiled.initOrder().size(),
                    compiled.slotCount());
            out.printf(Locale.ROOT, "steps      %d of dt %s, %d evaluations, %d saved rows of %d variables, %s%n",
                    steps, compiled.specs().dt(), steps + 1, shape.rowCount(), shape.names().size(),
                    (options.method() != null ? options.method() : compiled.specs().method()).name().toLowerCase(Locale.ROOT));
            out.printf(Locale.ROOT, "read       %s%n", coldWarm(readMs));
            out.printf(Locale.ROOT, "compile    %s%n", coldWarm(compileMs));
            double[] total = new double[compileReps];
            for (int i = 0; i < compileReps; i++) {
                total[i] = readMs[i] + compileMs[i];
            }
            out.printf(Locale.ROOT, "read+compile %s%n", coldWarm(total));
            if (code != null) {
                out.printf(Locale.ROOT, "codegen    %s; %d chars of Java in %d class%s, largest method %d bytes of bytecode%n",
                        coldWarm(genMs), code.source().length(), code.equationClasses(),
                        code.equationClasses() == 1 ? "" : "es", code.largestMethodBytes());
            }
            Benchmark.Timing t = Benchmark.time(sim, options, k, runs, reps, runs, warmupMillis);
            String mode = k.name().toLowerCase(Locale.ROOT);
            out.printf(Locale.ROOT, "run        keep %s, %s: median %.1f us/run (min %.1f, max %.1f; %d reps of %d runs)%n",
                    mode, b.name().toLowerCase(Locale.ROOT), t.median(), t.min(), t.max(), reps, runs);
            Double parallel = null;
            if (threads != null) {
                parallel = Benchmark.parallel(sim, options, k, runs * reps, threads);
                out.printf(Locale.ROOT, "batch      %d runs on %d threads: %.1f us/run of wall time (%.0f runs/s)%n",
                        runs * reps, threads, parallel, 1e6 / parallel);
            }
            out.printf(Locale.ROOT, "RESULT engine=java backend=%s model=%s mode=%s runs=%d reps=%d steps=%d saves=%d"
                    + " outputs=%d median_us=%.4f min_us=%.4f max_us=%.4f read_compile_warm_ms=%.1f%s checksum=%g%n",
                    b.name().toLowerCase(Locale.ROOT), name, mode, runs, reps, steps + 1, shape.rowCount(),
                    shape.names().size(), t.median(), t.min(), t.max(), median(total, 1),
                    parallel == null ? "" : String.format(Locale.ROOT, " parallel_us=%.4f threads=%d", parallel, threads),
                    t.checksum());
            out.flush();
            return 0;
        } catch (ModelException e) {
            return Reporting.fail(e, err);
        } catch (IllegalStateException e) {
            err.println(modelFile + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    /** "cold X ms, warm Y ms (median of the other K-1)". */
    private static String coldWarm(double[] ms) {
        if (ms.length == 1) {
            return String.format(Locale.ROOT, "%.1f ms (cold)", ms[0]);
        }
        return String.format(Locale.ROOT, "cold %.1f ms, warm %.1f ms (median of %d)", ms[0], median(ms, 1),
                ms.length - 1);
    }

    private static double median(double[] a, int from) {
        if (a.length <= from) {
            return a[a.length - 1];
        }
        double[] s = Arrays.copyOfRange(a, from, a.length);
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
