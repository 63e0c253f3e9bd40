package org.clusterdynamics.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A Monte Carlo of 1,000 runs of the cluster model with a fixed seed gives the same percentiles on
 * every run and on one or two threads: runs are summarised in run order, and each run's parameters
 * and seed depend only on the batch seed and its number.
 */
class PunjabMonteCarloTest extends ScriptTestSupport {
    private static final String SCRIPT = """
            const m = cdyn.load('models/punjab-clusters.xmile');
            const mc = m.monteCarlo({base: m.baseline().time({saveStep: 1}), runs: 1000, seed: 20240601,
                parameters: {'Clustered Copying Lag': cdyn.triangular(0.5, 1, 2), 'Vendor MES': cdyn.lognormal(100, 30),
                  'Isolated Market Reach': cdyn.uniform(0.1, 0.5), 'Discovery Rate': cdyn.normal(0.5, 0.1, {min: 0.2})},
                outputs: ['Products Mastered', 'Average Capability'], percentiles: [5, 25, 50, 75, 95]});
            mc.writeCsv('percentiles.csv');
            print('exact=' + mc.exact());
            """;

    private byte[] run(int threads, String name) throws Exception {
        Path script = dir.resolve("mc.js");
        Files.writeString(script, SCRIPT);
        Path out = dir.resolve(name);
        Ran r = runFile(script, out, Duration.ofMinutes(10), threads);
        assertEquals(0, r.exit(), r.err());
        assertEquals("true", r.line("exact"));
        return Files.readAllBytes(out.resolve("percentiles.csv"));
    }

    @Test
    void thousandRunsGiveTheSamePercentilesEveryTimeOnOneOrTwoThreads() throws Exception {
        // a second batch on another number of threads repeats the first run and changes the scheduling
        byte[] two = run(2, "two");
        byte[] one = run(1, "one");
        assertArrayEquals(two, one, "the batch on one thread differs from the batch on two");
        String csv = new String(two, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1 + 2 * 46, csv.split("\n").length);
        // the draws matter: the spread of products in 1994 is wide, not a single value
        for (String line : csv.split("\n")) {
            if (line.startsWith("Products Mastered,1994,")) {
                String[] c = line.split(",");
                assertTrue(Double.parseDouble(c[8]) - Double.parseDouble(c[4]) > 3, line);
            }
        }
    }
}
