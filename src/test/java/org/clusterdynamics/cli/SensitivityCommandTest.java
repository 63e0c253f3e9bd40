package org.clusterdynamics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** cdyn sensitivity end to end on the documented SIR example. */
class SensitivityCommandTest {
    private static final String MODEL = "docs/examples/sir.xmile";

    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void sobolWritesIndicesTornadoAndCharts() throws Exception {
        Path out = dir.resolve("sens");
        assertEquals(0, Main.commandLine().execute("sensitivity", MODEL, "--vary", "Contact Rate=0.3..0.8", "--vary",
                "Recovery Rate=0.1..0.3", "--output", "Infected:max", "--output", "Recovered@100", "--samples", "128",
                "--bootstrap", "50", "--out", out.toString()), console.err());
        for (String f : List.of("indices.csv", "tornado.csv", "indices.png", "tornado.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(out.resolve("indices.csv")).contains("Infected (max),Contact Rate,"));
        assertTrue(console.out().contains("sobol, 128 base samples, 517 runs, 0 failed"), console.out());
    }

    @Test
    void anUnknownOutputIsNamedWithTheClosestVariablesAndNothingIsWritten() {
        Path out = dir.resolve("never");
        assertEquals(1, Main.commandLine().execute("sensitivity", MODEL, "--vary", "Contact Rate=0.3..0.8", "--output",
                "Infectd@10", "--method", "morris", "--out", out.toString()));
        assertTrue(console.err().contains("Did you mean 'Infected'"), console.err());
        assertFalse(Files.exists(out));
    }
}
