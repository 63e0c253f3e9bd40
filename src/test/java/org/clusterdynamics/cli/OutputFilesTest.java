package org.clusterdynamics.cli;

import static org.clusterdynamics.cli.BadInputTest.assertNoJavaTrace;
import static org.clusterdynamics.cli.BadInputTest.cdyn;
import static org.clusterdynamics.cli.BadInputTest.xmile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Where results go (issue 17): links followed, devices and pipes written in place, bad options refused. */
class OutputFilesTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private static final String GOOD = """
            <stock name="Population"><eqn>100</eqn><inflow>births</inflow></stock>
            <flow name="births"><eqn>Population * 0.1</eqn></flow>
            """;

    private Path model() throws Exception {
        return Files.writeString(dir.resolve("pop.xmile"), xmile(GOOD));
    }

    @Test
    void aLinkIsFollowedItsTargetReplacedAndTheLinkKept() throws Exception {
        Path model = model();
        Path real = Files.writeString(dir.resolve("real.csv"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real.getFileName());
        assertEquals(0, cdyn("run", model.toString(), "--output", link.toString()), console.err());
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        assertTrue(Files.readString(real).startsWith("Time,Population"), Files.readString(real));
        assertTrue(console.err().contains("the link " + link + " points to (the link is kept)"), console.err());

        Path xml = Files.writeString(dir.resolve("real.xmile"), "old");
        Path xmlLink = Files.createSymbolicLink(dir.resolve("link.xmile"), xml);
        assertEquals(0, cdyn("convert", model.toString(), "--to", "xmile", "--output", xmlLink.toString()));
        assertTrue(Files.isSymbolicLink(xmlLink));
        assertTrue(Files.readString(xml).contains("<xmile"));

        Path png = Files.writeString(dir.resolve("real.png"), "old");
        Path pngLink = Files.createSymbolicLink(dir.resolve("link.png"), png);
        assertEquals(0, cdyn("chart", real.toString(), "--var", "Population", "--out", pngLink.toString()),
                console.err());
        assertTrue(Files.isSymbolicLink(pngLink));
        assertTrue(Files.size(png) > 1000, "the chart went to the link's target");
    }

    @Test
    void aNamedPipeIsWrittenInPlaceNotReplacedByAFile() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is not available");
        Path model = model();
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (Exception e) {
                return "read failed: " + e;
            }
        });
        assertEquals(0, cdyn("run", model.toString(), "--output", fifo.toString()), console.err());
        assertTrue(reader.get(30, TimeUnit.SECONDS).startsWith("Time,Population"));
        assertFalse(Files.isRegularFile(fifo), "the pipe is still a pipe");
        assertTrue(console.err().contains("in place: it is not a regular file"), console.err());
    }

    @Test
    void timeOptionsThatAreNotFinitePositiveNumbersAreRefused() throws Exception {
        Path model = model();
        Path csv = dir.resolve("out.csv");
        String[][] cases = {{"--dt", "Infinity"}, {"--dt", "NaN"}, {"--dt", "0"}, {"--dt", "-1"}, {"--stop", "NaN"},
            {"--start", "-Infinity"}, {"--save-step", "0"}};
        for (String[] c : cases) {
            ConsoleCapture.Marks mark = console.mark();
            assertEquals(2, cdyn("run", model.toString(), c[0], c[1], "--output", csv.toString()), c[0] + " " + c[1]);
            String err = console.errSince(mark);
            assertTrue(err.contains(c[0] + " "), err);
            assertNoJavaTrace(err);
        }
        assertFalse(Files.exists(csv));
    }

    @Test
    void aSaveStepThatIsNotAMultipleOfTheTimeStepIsRefusedWithTheNearestThatFit() throws Exception {
        Path model = model();
        assertEquals(2, cdyn("run", model.toString(), "--dt", "0.25", "--save-step", "0.3"));
        assertTrue(console.err().contains("the save step 0.3 is not a multiple of the time step 0.25"), console.err());
        assertTrue(console.err().contains("use --save-step 0.25 or 0.5"), console.err());
        assertEquals(0, cdyn("run", model.toString(), "--dt", "0.25", "--save-step", "0.5"));
    }

    @Test
    void aModelsOwnSaveStepThatDoesNotFitGetsAWarning() throws Exception {
        Path model = Files.writeString(dir.resolve("m.xmile"), xmile(GOOD).replace("<dt>1</dt>",
                "<dt>0.25</dt><save_step>0.3</save_step>"));
        assertEquals(0, cdyn("run", model.toString(), "--output", dir.resolve("o.csv").toString()), console.err());
        assertTrue(console.err().contains("warning: the model's save step 0.3 is not a multiple of its time step 0.25;"
                + " rows are saved every 0.25"), console.err());
    }

    @Test
    void anUnknownResultsExtensionIsRefused() throws Exception {
        Path xlsx = dir.resolve("x.xlsx");
        assertEquals(2, cdyn("run", model().toString(), "--output", xlsx.toString()));
        assertTrue(console.err().contains("not '.xlsx'"), console.err());
        assertFalse(Files.exists(xlsx));
    }

    /** A separate JVM, its standard output sent to /dev/full: the failed write must show in the exit code. */
    @Test
    void aFailedWriteToStandardOutputIsAnError() throws Exception {
        File full = new File("/dev/full");
        Assumptions.assumeTrue(full.exists(), "no /dev/full on this system");
        Path model = model();
        Path errFile = dir.resolve("err.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "run", model.toString())
                .redirectOutput(full).redirectError(errFile.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String err = Files.readString(errFile, StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), err);
        assertTrue(err.contains("could not write everything to standard output"), err);
    }

    @Test
    void noCommandPrintsEveryCommandAndExitsTwo() {
        assertEquals(2, cdyn());
        String err = console.err();
        for (String c : new String[] {"run", "check", "chart", "script", "bench", "convert"}) {
            assertTrue(err.contains("\n  " + c + " "), c + " missing in\n" + err);
        }
    }
}
