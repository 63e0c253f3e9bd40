package org.clusterdynamics.script;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Runs scripts with one shared runner, next to a copy of the small test model, and captures what they print. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScriptTestSupport {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    ScriptRunner runner;

    @TempDir
    Path dir;

    /** What a script run gave. */
    record Ran(int exit, String out, String err, Path outDir) {
        Path file(String name) {
            return outDir.resolve(name);
        }

        String text(String name) throws IOException {
            return Files.readString(file(name));
        }

        /** The value printed after "label=" on a line of its own. */
        double value(String label) {
            for (String line : out.split("\n")) {
                if (line.startsWith(label + "=")) {
                    return Double.parseDouble(line.substring(label.length() + 1).strip());
                }
            }
            throw new AssertionError("the script printed no '" + label + "=' line; it printed:\n" + out + err);
        }

        /** The text printed after "label=". */
        String line(String label) {
            for (String line : out.split("\n")) {
                if (line.startsWith(label + "=")) {
                    return line.substring(label.length() + 1).strip();
                }
            }
            throw new AssertionError("the script printed no '" + label + "=' line; it printed:\n" + out + err);
        }
    }

    @BeforeAll
    void startRunner() {
        runner = new ScriptRunner(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), null);
    }

    @AfterAll
    void stopRunner() {
        runner.close();
    }

    /** Copies the test model next to where scripts run. */
    Path model() throws IOException {
        Path m = dir.resolve("mini-cluster.xmile");
        if (!Files.exists(m)) {
            try (InputStream in = ScriptTestSupport.class.getResourceAsStream("mini-cluster.xmile")) {
                Files.copy(in, m, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return m;
    }

    /** Runs code as dir/script.js with output folder dir/out, two threads and a 60 s limit. */
    Ran run(String code, String... args) throws IOException {
        return run(code, dir.resolve("out"), Duration.ofSeconds(60), args);
    }

    Ran run(String code, Path out, Duration timeout, String... args) throws IOException {
        model();
        Path script = dir.resolve("script.js");
        Files.writeString(script, code);
        return runFile(script, out, timeout, 2, args);
    }

    Ran runFile(Path script, Path out, Duration timeout, int threads, String... args) {
        return run(new ScriptRunner.Options(script, out, List.of(args), timeout, threads));
    }

    /** Runs with all options given. */
    Ran run(ScriptRunner.Options options) {
        stdout.reset();
        stderr.reset();
        ScriptRunner.Outcome o = runner.run(options);
        return new Ran(o.exitCode(), stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8),
                options.out());
    }

    /** What the script running now has printed so far. */
    String printedSoFar() {
        return stdout.toString(StandardCharsets.UTF_8);
    }
}
