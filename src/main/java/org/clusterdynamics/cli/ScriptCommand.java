package org.clusterdynamics.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.clusterdynamics.scenario.TerminalProgress;
import org.clusterdynamics.script.ScriptRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code cdyn script} command: runs a sandboxed JavaScript scenario script. */
@Command(name = "script", mixinStandardHelpOptions = true,
        description = {"Runs a JavaScript scenario script in a sandbox that reaches only the cdyn API "
                + "(docs/scripting.md).",
            "Exit codes: 0 done, 1 error in the script or model, 2 bad command line, 3 refused by the sandbox,"
                + " 4 stopped at --timeout, 130 stopped by Ctrl-C."},
        footerHeading = "%nExamples:%n",
        footer = {"  cdyn script scripts/policy-comparison.js --out out/policy",
            "  cdyn script scripts/policy-comparison.js --out out/policy --timeout 1200 -- --mc-runs 1000"})
public final class ScriptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.js", description = "The script.")
    Path script;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the script (cdyn.args); put them"
            + " after -- when they start with a dash.")
    List<String> args = List.of();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder; the script may write only inside it"
            + " (created when needed). Without it the script may not write files.")
    Path out;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Stop the script after this many seconds (0: no limit; default ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads for sweeps and Monte Carlo (default: one per core).")
    int threads;

    @Option(names = "--spark", paramLabel = "MASTER", description = SparkOption.HELP)
    String spark;

    @Option(names = "--max-output", paramLabel = "SIZE", defaultValue = "1G",
            description = "The most the script may write into --out in all, e.g. 500M, 1G, 4G (default ${DEFAULT-VALUE}).")
    String maxOutput;

    @Option(names = "--keep-partial", description = "When the script fails or is stopped, keep the files it finished"
            + " and mark the folder with INCOMPLETE.txt (default: leave --out as it was).")
    boolean keepPartial;

    @Override
    public Integer call() {
        long maxBytes = size(maxOutput);
        if (maxBytes <= 0) {
            spec.commandLine().getErr().println("cdyn script: --max-output must be a size such as 500M, 1G or 1048576"
                    + " (bytes), not '" + maxOutput + "'");
            return ScriptRunner.USAGE;
        }
        if (timeout < 0 || Double.isNaN(timeout)) {
            spec.commandLine().getErr().println("cdyn script: --timeout must be 0 (no limit) or a positive number of"
                    + " seconds, not " + timeout);
            return ScriptRunner.USAGE;
        }
        if (threads < 0) {
            spec.commandLine().getErr().println("cdyn script: --threads must be positive, not " + threads);
            return ScriptRunner.USAGE;
        }
        org.clusterdynamics.scenario.RunExecutor executor;
        try {
            executor = SparkOption.open(spark);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("cdyn script: " + e.getMessage());
            return ScriptRunner.USAGE;
        }
        PrintStream out = stream(spec.commandLine().getOut());
        PrintStream err = stream(spec.commandLine().getErr());
        TerminalProgress progress = new TerminalProgress(err, System.console() != null, 1000, System::currentTimeMillis);
        try (executor; ScriptRunner runner = new ScriptRunner(out, err, progress)) {
            runner.useExecutor(executor);
            Duration limit = Duration.ofMillis(Math.round(timeout * 1000));
            Runnable restore = onCtrlC(() -> runner.stop("stopped by the user (Ctrl-C)"));
            try {
                return runner.run(new ScriptRunner.Options(script, this.out, args, limit, threads, maxBytes,
                        keepPartial)).exitCode();
            } finally {
                restore.run();
            }
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Bytes in "1G", "500M", "64k", "2GB" or "1048576"; -1 when it is not a size. */
    static long size(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)i?b?\\s*")
                .matcher(text == null ? "" : text);
        if (!m.matches()) {
            return -1;
        }
        int power = m.group(2).isEmpty() ? 0 : "kmgt".indexOf(m.group(2).toLowerCase(java.util.Locale.ROOT)) + 1;
        double bytes = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
        return bytes >= Long.MAX_VALUE ? -1 : (long) bytes;
    }

    /**
     * Ctrl-C stops the script in an orderly way (its staging folder removed, "stopped by the user"
     * reported); a second Ctrl-C exits at once. Returns what puts the previous handler back.
     */
    @SuppressWarnings("restriction")
    private static Runnable onCtrlC(Runnable stop) {
        try {
            sun.misc.Signal sigint = new sun.misc.Signal("INT");
            java.util.concurrent.atomic.AtomicBoolean asked = new java.util.concurrent.atomic.AtomicBoolean();
            sun.misc.SignalHandler previous = sun.misc.Signal.handle(sigint, sig -> {
                if (asked.getAndSet(true)) {
                    Runtime.getRuntime().halt(ScriptRunner.STOPPED);
                }
                stop.run();
            });
            return () -> sun.misc.Signal.handle(sigint, previous);
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // no signals here (or the JVM runs with -Xrs): Ctrl-C ends the program as usual
            return () -> { };
        }
    }

    /** The engine writes bytes; picocli's streams are writers: pass whole UTF-8 lines across. */
    private static PrintStream stream(PrintWriter w) {
        OutputStream lines = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                line.write(b);
                if (b == '\n') {
                    flush();
                }
            }

            @Override
            public void flush() {
                w.write(line.toString(StandardCharsets.UTF_8));
                line.reset();
                w.flush();
            }
        };
        return new PrintStream(lines, true, StandardCharsets.UTF_8);
    }
}
