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

/** The run and check commands end to end on small XMILE files. */
class RunCommandTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();


    private static String xmile(String body) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
                  <header><vendor>test</vendor><product version="1">test</product></header>
                  <sim_specs method="Euler" time_units="year"><start>0</start><stop>4</stop><dt>1</dt></sim_specs>
                  <model><variables>
                """ + body + """
                  </variables></model>
                </xmile>
                """;
    }

    private static final String GOOD = """
            <stock name="Population"><eqn>100</eqn><inflow>births</inflow><units>people</units></stock>
            <flow name="births"><eqn>Population * birth_rate</eqn><units>people/year</units></flow>
            <aux name="birth rate"><eqn>0.1</eqn><units>1/year</units></aux>
            """;

    private int cdyn(String... args) {
        return Main.commandLine().execute(args);
    }

    @Test
    void runWritesOneColumnPerVariableAndOneRowPerSaveStep() throws Exception {
        Path model = Files.writeString(dir.resolve("pop.xmile"), xmile(GOOD));
        Path csv = dir.resolve("out.csv");
        assertEquals(0, cdyn("run", model.toString(), "--output", csv.toString(), "--set", "birth rate=0.5"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(6, lines.size());
        assertEquals("Time,Population,births,birth rate", lines.get(0));
        assertTrue(lines.get(5).startsWith("4,506.25,"), lines.get(5));
    }

    @Test
    void undefinedNameFailsWithFileLineAndNoOutputFile() throws Exception {
        Path model = Files.writeString(dir.resolve("bad.xmile"), xmile(GOOD.replace("birth_rate", "birth_rat")));
        Path csv = dir.resolve("out.csv");
        assertEquals(1, cdyn("run", model.toString(), "--output", csv.toString()));
        String msg = console.err();
        assertTrue(msg.contains("bad.xmile:"), msg);
        assertTrue(msg.contains("variable 'births'"), msg);
        assertTrue(msg.contains("'birth_rat' is not defined"), msg);
        assertFalse(Files.exists(csv));
    }

    @Test
    void nanDuringTheRunLeavesTheExistingOutputUntouched() throws Exception {
        Path model = Files.writeString(dir.resolve("nan.xmile"), xmile(GOOD.replace("<eqn>0.1</eqn>",
                "<eqn>LN(3 - TIME)</eqn>")));
        Path csv = Files.writeString(dir.resolve("out.csv"), "previous results\n");
        assertEquals(1, cdyn("run", model.toString(), "--output", csv.toString()));
        String msg = console.err();
        assertTrue(msg.contains("at time 3"), msg);
        assertEquals("previous results\n", Files.readString(csv));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aFolderOrAMissingFileIsNamedWithoutAStackTrace() throws Exception {
        for (String name : new String[] {"folder.xmile", "folder.mdl"}) {
            Path folder = Files.createDirectory(dir.resolve(name));
            assertEquals(1, cdyn("run", folder.toString()));
            assertTrue(console.err().contains(name + ": error") && console.err().contains("this is a folder, not a model"
                    + " file"), console.err());
        }
        assertEquals(1, cdyn("run", dir.resolve("missing.mdl").toString()));
        assertTrue(console.err().contains("missing.mdl: error VENSIM_IO: the file does not exist"), console.err());
        assertTrue(!console.err().contains("Exception") && !console.err().contains("\tat "), console.err());
    }

    @Test
    void resultsAndChartsAreNeverWrittenOverTheModelOrItsData() throws Exception {
        Path model = Files.writeString(dir.resolve("pop.xmile"), xmile(GOOD));
        String text = Files.readString(model);
        assertEquals(2, cdyn("run", model.toString(), "--output", model.toString()));
        assertTrue(console.err().contains("which this command reads; write the results to another file"), console.err());
        assertEquals(2, cdyn("run", model.toString(), "--chart", "Population", "--out",
                dir.resolve(".").resolve("pop.xmile").toString()));
        assertTrue(console.err().contains("write the chart to another file"), console.err());
        assertEquals(text, Files.readString(model));
        Path csv = dir.resolve("out.csv");
        assertEquals(0, cdyn("run", model.toString(), "--output", csv.toString()));
        assertEquals(2, cdyn("chart", csv.toString(), "--var", "Population", "--out", csv.toString()));
        assertTrue(console.err().contains("out.csv, which this command reads; write the chart to another file"),
                console.err());
        assertTrue(Files.readString(csv).startsWith("Time,"));
    }

    @Test
    void precisionSingleRunsInFloatArithmetic() throws Exception {
        Path model = Files.writeString(dir.resolve("pop.xmile"), xmile(GOOD));
        Path plain = dir.resolve("double.csv");
        Path single = dir.resolve("single.csv");
        assertEquals(0, cdyn("run", model.toString(), "--output", plain.toString()));
        assertEquals(0, cdyn("run", model.toString(), "--output", single.toString(), "--precision", "single"));
        double[] d = org.clusterdynamics.sim.ResultsCsv.read(plain).column("Population");
        double[] f = org.clusterdynamics.sim.ResultsCsv.read(single).column("Population");
        for (int i = 0; i < f.length; i++) {
            assertEquals((float) f[i], f[i], 0, "every value a float");
            assertEquals(d[i], f[i], 1e-6 * Math.abs(d[i]), "close to the double run");
        }
        assertEquals(2, cdyn("run", model.toString(), "--precision", "half"));
        assertTrue(console.err().contains("--precision 'half' is not one of double, single"), console.err());
    }

    @Test
    void nothingIsWrittenWhenOneOfTheTwoOutputsCannotBe() throws Exception {
        Path model = Files.writeString(dir.resolve("pop.xmile"), xmile(GOOD));
        Path png = dir.resolve("pop.png");
        assertEquals(1, cdyn("run", model.toString(), "--chart", "Population", "--out", png.toString(), "--output",
                dir.resolve("missing").resolve("out.csv").toString()));
        assertTrue(console.err().contains("does not exist; create it first"), console.err());
        assertTrue(Files.notExists(png), "the chart is not written when the results cannot be");
    }

    @Test
    void aRunTooLongForOneResultIsRefusedBeforeItStarts() throws Exception {
        Path model = Files.writeString(dir.resolve("pop.xmile"), xmile(GOOD));
        Path csv = Files.writeString(dir.resolve("out.csv"), "previous results\n");
        assertEquals(1, cdyn("run", model.toString(), "--output", csv.toString(), "--stop", "1e12"));
        assertTrue(console.err().contains("error E013") && console.err().contains("steps, more than the 2147483646"
                + " one run can take: shorten the run or take a longer time step"), console.err());
        assertEquals(1, cdyn("run", model.toString(), "--output", csv.toString(), "--stop", "1e9", "--dt", "1",
                "--save-step", "1"));
        assertTrue(console.err().contains("more than one result can hold here") && console.err().contains(
                "take a longer save step (--save-step) or a shorter run"), console.err());
        assertEquals("previous results\n", Files.readString(csv));
    }

    @Test
    void runChartsVariablesAndRefusesUnknownOnesBeforeWritingAnything() throws Exception {
        Path model = Files.writeString(dir.resolve("pop.xmile"), xmile(GOOD));
        Path png = dir.resolve("pop.png");
        assertEquals(0, cdyn("run", model.toString(), "--chart", "Population", "--out", png.toString()));
        assertTrue(javax.imageio.ImageIO.read(png.toFile()).getWidth() > 100);
        Path csv = dir.resolve("out.csv");
        Path svg = dir.resolve("none.svg");
        assertEquals(2, cdyn("run", model.toString(), "--output", csv.toString(), "--chart", "Populaton", "--out",
                svg.toString()));
        assertTrue(console.err().contains("Populaton"));
        assertFalse(Files.exists(csv));
        assertFalse(Files.exists(svg));
    }

    @Test
    void vensimDataVariablesReadTheDataFilesGiven() throws Exception {
        Path model = Files.writeString(dir.resolve("data.mdl"), """
                demand :INTERPOLATE: ~ units ~ from the data file |
                doubled = demand * 2 ~ units ~ |
                INITIAL TIME = 0 ~ year ~ | FINAL TIME = 2 ~ year ~ | TIME STEP = 0.5 ~ year ~ | SAVEPER = 1 ~ year ~ |
                """);
        Path data = Files.writeString(dir.resolve("demand.tab"), "Time\tdemand\n0\t10\n2\t30\n");
        Path csv = dir.resolve("out.csv");
        assertEquals(0, cdyn("run", model.toString(), "--data", data.toString(), "--output", csv.toString()));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("Time,demand,doubled", lines.get(0).replaceAll(",(INITIAL TIME|FINAL TIME|TIME STEP|SAVEPER)", ""));
        assertTrue(lines.get(2).startsWith("1,20,40,"), lines.get(2)); // interpolated halfway, then doubled
        assertEquals(1, cdyn("run", model.toString(), "--output", dir.resolve("none.csv").toString()));
        assertTrue(console.err().contains("demand"));
    }

    @Test
    void checkReportsUnitMismatchesAsWarnings() throws Exception {
        Path model = Files.writeString(dir.resolve("units.xmile"), xmile(GOOD.replace("<units>1/year</units>",
                "<units>people</units>")));
        assertEquals(0, cdyn("check", model.toString()));
        String text = console.out();
        assertTrue(text.contains("variable 'births'"), text);
        assertTrue(text.contains("people^2"), text);
        assertTrue(text.contains("0 errors, 1 warning"), text);
    }

    @Test
    void checkOfAConsistentModelIsClean() throws Exception {
        Path model = Files.writeString(dir.resolve("pop.xmile"), xmile(GOOD));
        assertEquals(0, cdyn("check", model.toString()));
        assertTrue(console.out().contains("0 errors, 0 warnings"));
    }
}
