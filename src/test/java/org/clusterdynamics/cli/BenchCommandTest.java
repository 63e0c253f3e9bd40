package org.clusterdynamics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The bench command's report on a small model (what it prints, not how fast anything is). */
class BenchCommandTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();


    private Path model() throws Exception {
        return Files.writeString(dir.resolve("pop.xmile"), """
                <?xml version="1.0" encoding="utf-8"?>
                <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
                  <header><vendor>test</vendor><product version="1">test</product></header>
                  <sim_specs method="Euler" time_units="year"><start>0</start><stop>10</stop><dt>0.25</dt></sim_specs>
                  <model><variables>
                    <stock name="Population"><eqn>100</eqn><inflow>births</inflow></stock>
                    <flow name="births"><eqn>Population * birth_rate</eqn></flow>
                    <aux name="birth rate"><eqn>0.1</eqn></aux>
                  </variables></model>
                </xmile>
                """);
    }

    private static String field(String text, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=(\\S+)").matcher(text);
        assertTrue(m.find(), name + " in " + text);
        return m.group(1);
    }

    @Test
    void reportsEquationsStepsCompileTimesAndMicrosecondsPerRun() throws Exception {
        int code = Main.commandLine().execute("bench", model().toString(), "--runs", "3", "--reps", "3",
                "--warmup-ms", "0", "--compile-reps", "2", "--keep", "all", "--threads", "2");
        String text = console.out();
        assertEquals(0, code, text + console.err());
        assertTrue(text.contains("equations  2 per evaluation: 1 auxiliaries and flows, 1 stock rates"), text);
        assertTrue(text.contains("steps      40 of dt 0.25, 41 evaluations, 41 saved rows of 3 variables, euler"), text);
        assertTrue(text.contains("read+compile cold"), text);
        assertTrue(text.contains("codegen    cold"), text);
        assertEquals("generated", field(text, "backend"));
        assertEquals("all", field(text, "mode"));
        assertEquals("41", field(text, "steps"));
        assertEquals("3", field(text, "outputs"));
        double median = Double.parseDouble(field(text, "median_us"));
        double min = Double.parseDouble(field(text, "min_us"));
        double max = Double.parseDouble(field(text, "max_us"));
        assertTrue(min > 0 && min <= median && median <= max, text);
        assertTrue(Double.parseDouble(field(text, "parallel_us")) > 0, text);
    }

    @Test
    void theInterpreterCanBeTimedToo() throws Exception {
        int code = Main.commandLine().execute("bench", model().toString(), "--runs", "2", "--reps", "1",
                "--warmup-ms", "0", "--compile-reps", "1", "--keep", "none", "--backend", "interpreter");
        String text = console.out();
        assertEquals(0, code, text + console.err());
        assertEquals("interpreter", field(text, "backend"));
        assertEquals("none", field(text, "mode"));
        assertTrue(!text.contains("codegen"), text);
    }

    @Test
    void badOptionsSayWhatIsAllowed() throws Exception {
        assertEquals(2, Main.commandLine().execute("bench", model().toString(), "--keep", "some"));
        assertTrue(console.err().contains("--keep must be all or none"));
    }
}
