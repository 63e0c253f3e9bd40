package org.clusterdynamics.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --spark local[2]} on the commands end to end: the same output as without it (each command
 * starts and stops its own Spark context, as on a user's machine), and a clear message for a bad master.
 */
class SparkCommandsTest {
    private static final String SIR = "docs/examples/sir.xmile";

    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private String[] with(String[] args, String... more) {
        String[] out = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, out, args.length, more.length);
        return out;
    }

    @Test
    void sensitivityOnSparkPrintsTheSameIndices() {
        String[] args = {"sensitivity", SIR, "--vary", "Contact Rate=0.3..0.8", "--vary", "Recovery Rate=0.1..0.3",
            "--output", "Infected:max", "--output", "Recovered@100", "--samples", "64", "--bootstrap", "20"};
        assertEquals(0, Main.commandLine().execute(args), console.err());
        String here = console.out();
        assertEquals(0, Main.commandLine().execute(with(args, "--spark", "local[2]")), console.err());
        String there = console.out().substring(here.length());
        assertTrue(here.contains("sobol, 64 base samples, 261 runs, 0 failed"), here);
        assertEquals(here, there);
    }

    @Test
    void calibrationOnSparkFindsTheSameEstimates() {
        String[] args = {"calibrate", "docs/examples/sir.xmile", "--data", "docs/examples/sir-daily.csv",
            "--fit", "Contact Rate=0.1..2", "--fit", "Recovery Rate=0.01..1", "--no-profile"};
        assertEquals(0, Main.commandLine().execute(args), console.err());
        String here = console.out();
        assertEquals(0, Main.commandLine().execute(with(args, "--spark", "local[2]")), console.err());
        assertEquals(here, console.out().substring(here.length()));
    }

    @Test
    void aScriptRunsUnchangedOnSpark() throws Exception {
        Path script = dir.resolve("batches.js");
        Files.writeString(script, """
                const m = cdyn.load('%s');
                const base = m.baseline().time({saveStep: 1});
                const mc = m.monteCarlo({base: base, runs: 48, seed: 7, sampling: 'lhs',
                  parameters: {'Clustered Copying Lag': cdyn.triangular(0.5, 1, 2), 'Vendor MES': cdyn.lognormal(100, 30)},
                  outputs: ['Products Mastered', 'Average Capability'], percentiles: [5, 50, 95]});
                mc.writeCsv('percentiles.csv');
                const sweep = m.sweep({base: base, parameters: {'Clustered Copying Lag': [0.5, 1, 2]},
                  outputs: ['Products Mastered'], at: [1994], series: ['Products Mastered']});
                sweep.writeCsv('sweep.csv');
                const shapley = m.attribution({base: base.time({stop: 1994}), method: 'shapley',
                  mechanisms: {'Ic': 'Switch Ic', 'IIIc': 'Switch IIIc'}, outputs: ['Average Capability'], at: [1994]});
                cdyn.writeText('shapley.txt', JSON.stringify(shapley.values()));
                """.formatted(Path.of("models/punjab-clusters.xmile").toAbsolutePath().toString().replace("\\\\", "/")));
        Path local = dir.resolve("local");
        Path spark = dir.resolve("spark");
        assertEquals(0, Main.commandLine().execute("script", script.toString(), "--out", local.toString()),
                console.err());
        assertEquals(0, Main.commandLine().execute("script", script.toString(), "--out", spark.toString(),
                "--spark", "local[2]"), console.err());
        for (String f : List.of("percentiles.csv", "sweep.csv", "shapley.txt")) {
            assertArrayEquals(Files.readAllBytes(local.resolve(f)), Files.readAllBytes(spark.resolve(f)), f);
        }
    }

    @Test
    void aMasterSparkCannotUseIsACommandLineError() {
        assertEquals(2, Main.commandLine().execute("sensitivity", SIR, "--vary", "Contact Rate=0.3..0.8",
                "--output", "Infected:max", "--spark", "nowhere:7077"));
        String err = console.err();
        assertTrue(err.contains("cannot start Spark with master 'nowhere:7077': not a master URL"), err);
        assertTrue(err.contains("local[N], spark://HOST:PORT"), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }
}
