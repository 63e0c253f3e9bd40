package org.clusterdynamics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.files.AtomicFiles;
import org.clusterdynamics.fit.Settings;
import org.clusterdynamics.scenario.BatchRunner;
import org.clusterdynamics.scenario.CancelToken;
import org.clusterdynamics.scenario.Change;
import org.clusterdynamics.scenario.Scenario;
import org.clusterdynamics.scenario.ScenarioModel;
import org.clusterdynamics.scenario.TerminalProgress;

/**
 * What calibrate and sensitivity share: NAME=VALUE lists, settings files, option errors, the base scenario,
 * the batch runner, a time limit with its error handling, writing an output folder.
 */
final class FitOptions {
    private FitOptions() {}

    /** NAME=VALUE pairs of an option (e.g. --weight), in order. */
    static Map<String, Double> pairs(String option, List<String> items) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String s : items) {
            int eq = s.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(option + " '" + s + "' must be NAME=VALUE, e.g. " + option
                        + " \"Infected=0.5\"");
            }
            String name = s.substring(0, eq).strip();
            String value = s.substring(eq + 1).strip();
            try {
                out.put(name, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " " + name + ": '" + value + "' is not a number");
            }
        }
        return out;
    }

    /** The constants of settings files, later files overriding earlier ones. */
    static Map<String, Double> settingsFiles(List<Path> files) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("--set-file " + f + ": no such file");
            }
            out.putAll(Settings.parse(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** Prints why the options could not be read; returns exit code 2. */
    static int optionError(PrintWriter err, String command, Exception e) {
        String what = e instanceof IOException ? "cannot read a settings file: " : "";
        err.println("cdyn " + command + ": " + what + e.getMessage());
        err.flush();
        return 2;
    }

    /**
     * Runs {@code body} on the batch executor that --spark names (none: this machine's threads) and
     * closes it after; a master that cannot be used is an option error.
     */
    static int onExecutor(PrintWriter err, String command, String spark,
            java.util.function.ToIntFunction<org.clusterdynamics.scenario.RunExecutor> body) {
        org.clusterdynamics.scenario.RunExecutor executor;
        try {
            executor = SparkOption.open(spark);
        } catch (IllegalArgumentException e) {
            return optionError(err, command, e);
        }
        try (executor) {
            return body.applyAsInt(executor);
        }
    }

    /** The scenario named {@code name} with the held constants set. */
    static Scenario baseScenario(ScenarioModel sm, String name, Map<String, Double> fixed) {
        Scenario base = Scenario.of(name);
        for (Map.Entry<String, Double> e : fixed.entrySet()) {
            base = sm.apply(base, new Change.SetValue(e.getKey(), e.getValue()));
        }
        return base;
    }

    /** A runner on {@code threads} threads (default one per core) with progress on the terminal. */
    static BatchRunner runner(Integer threads, CancelToken cancel) {
        return new BatchRunner(threads == null ? BatchRunner.defaultThreads() : threads,
                new TerminalProgress(System.err, System.console() != null, 1000, System::currentTimeMillis), cancel);
    }

    /** The work of a command once its options are read; returns the exit code. */
    interface Job {
        int run(CancelToken cancel) throws IOException;
    }

    /**
     * Runs the job under a time limit of {@code timeout} seconds (0: none) and turns its failures into
     * messages: model errors as reported, a stop (exit 4), bad input or unreadable files (exit 1).
     */
    static int runLimited(PrintWriter err, String command, double timeout, Job job) {
        CancelToken cancel = new CancelToken();
        ScheduledExecutorService timer = timeLimit(cancel, timeout);
        try {
            return job.run(cancel);
        } catch (ModelException e) {
            return Reporting.fail(e, err);
        } catch (CancelToken.Cancelled e) {
            err.println("cdyn " + command + ": stopped: " + e.getMessage() + "; nothing was written");
            return 4;
        } catch (IllegalArgumentException | IOException e) {
            err.println("cdyn " + command + ": " + e.getMessage());
            return 1;
        } finally {
            timer.shutdownNow();
            err.flush();
        }
    }

    /** Cancels the token after {@code seconds} (none when 0); close the returned timer when done. */
    static ScheduledExecutorService timeLimit(CancelToken cancel, double seconds) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cdyn-time-limit");
            t.setDaemon(true);
            return t;
        });
        if (seconds > 0) {
            timer.schedule(() -> cancel.cancel("the time limit of " + seconds + " s (--timeout) was reached"),
                    Math.round(seconds * 1000), TimeUnit.MILLISECONDS);
        }
        return timer;
    }

    /** Checks that the output folder can be made; prints why not. */
    static boolean checkOutFolder(PrintWriter err, Path out) {
        if (out == null) {
            return true;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            err.println("--out " + out + " is a file; give a folder");
            err.flush();
            return false;
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            err.println("--out " + out + ": the folder " + parent + " does not exist; create it first");
            err.flush();
            return false;
        }
        return true;
    }

    /** Writes files into the output folder, each through a temporary file. */
    static void write(Path dir, String name, AtomicFiles.Content content) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(name), content);
    }

    static void writeText(Path dir, String name, String text) throws IOException {
        write(dir, name, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The processor time this process has used so far, in seconds (NaN where the system does not say). */
    static double cpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** "N runs in X s (Y s of processor time) on T threads": the figures for a shared machine. */
    /** As {@link #timing(String, int, long, double, int)}, naming where the runs ran (Spark) when not here. */
    static String timing(String what, int runs, long startNanos, double startCpu, BatchRunner runner) {
        String line = timing(what, runs, startNanos, startCpu, runner.threads());
        return runner.executor() == null ? line : line.replaceFirst(" on \\d+ threads$", " on "
                + runner.executor().describe() + " (processor time of this JVM)");
    }

    static String timing(String what, int runs, long startNanos, double startCpu, int threads) {
        return String.format(java.util.Locale.ROOT, "%s: %d runs in %.2f s (%.2f s of processor time) on %d threads",
                what, runs, (System.nanoTime() - startNanos) / 1e9, cpuSeconds() - startCpu, threads);
    }
}
