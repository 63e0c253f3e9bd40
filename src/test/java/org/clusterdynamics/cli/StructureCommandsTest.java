package org.clusterdynamics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** cdyn loops and cdyn diagram end to end, on a small model written to a file. */
class StructureCommandsTest {
    @TempDir
    Path dir;

    private static final String LOGISTIC = """
            <?xml version="1.0" encoding="utf-8"?>
            <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
              <header><name>logistic</name></header>
              <sim_specs method="Euler" time_units="year"><start>0</start><stop>30</stop><dt>0.125</dt></sim_specs>
              <model><variables>
                <stock name="Population"><eqn>10</eqn><inflow>births</inflow><outflow>deaths</outflow></stock>
                <flow name="births"><eqn>Population * growth_rate</eqn></flow>
                <flow name="deaths"><eqn>Population * Population * growth_rate / capacity</eqn></flow>
                <aux name="growth rate"><eqn>0.5</eqn></aux>
                <aux name="capacity"><eqn>1000</eqn></aux>
              </variables></model>
            </xmile>
            """;

    private record Ran(int exit, String out, String err) {}

    private static Ran run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Ran(exit, out.toString(), err.toString());
    }

    @Test
    void loopsListsScoresAndWritesTablesAndAChart() throws Exception {
        Path model = dir.resolve("logistic.xmile");
        Files.writeString(model, LOGISTIC);
        Ran r = run("loops", model.toString(), "--scores", "--out", dir.resolve("loops").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("2 feedback loops"), r.out());
        assertTrue(r.out().contains("R1    + (equation) Population -> births -> Population"), r.out());
        assertTrue(r.out().contains("B1    - (run)    Population -> deaths -> Population"), r.out());
        assertTrue(r.out().contains(": R1 ("), r.out());
        assertTrue(r.out().contains(": B1 ("), r.out());
        for (String f : new String[] {"loops.csv", "loop-scores.csv", "loop-dominance.csv", "loop-dominance.png",
            "loop-dominance.svg"}) {
            assertTrue(Files.size(dir.resolve("loops").resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(dir.resolve("loops/loops.csv")).contains("R1,+,equation,2,1,"));
    }

    @Test
    void badRequestsSayWhatToDoAndWriteNothing() throws Exception {
        Path model = dir.resolve("logistic.xmile");
        Files.writeString(model, LOGISTIC);
        Ran noScores = run("loops", model.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, noScores.exit());
        assertTrue(noScores.err().contains("add --scores"), noScores.err());
        Ran view = run("diagram", model.toString(), "--view", "Sector 2", "--out", dir.resolve("d.svg").toString());
        assertEquals(2, view.exit());
        assertTrue(view.err().contains("no view 'Sector 2'"), view.err());
        Ran loop = run("diagram", model.toString(), "--loops", "R9", "--out", dir.resolve("d.png").toString());
        assertEquals(2, loop.exit());
        assertTrue(loop.err().contains("no loop 'R9'"), loop.err());
        assertFalse(Files.exists(dir.resolve("d.svg")) || Files.exists(dir.resolve("d.png")));
        assertFalse(r(noScores).contains("Exception"));
    }

    private static String r(Ran r) {
        return r.out() + r.err();
    }

    @Test
    void diagramDrawsTheAutoLayoutAndALoopView() throws Exception {
        Path model = dir.resolve("logistic.xmile");
        Files.writeString(model, LOGISTIC);
        Ran auto = run("diagram", model.toString(), "--out", dir.resolve("auto.svg").toString());
        assertEquals(0, auto.exit(), auto.err());
        String svg = Files.readString(dir.resolve("auto.svg"));
        assertTrue(svg.contains("id='stock:Population'") && svg.contains("id='flow:births'"), "groups drawn");
        Ran loops = run("diagram", model.toString(), "--loops", "R1,B1", "--out", dir.resolve("loops.png").toString());
        assertEquals(0, loops.exit(), loops.err());
        assertTrue(Files.size(dir.resolve("loops.png")) > 1000);
    }

    @Test
    void byGroupWritesAViewPerGroupIntoTheModelItselfOrSaysWhatIsMissing() throws Exception {
        Path plain = dir.resolve("logistic.xmile");
        Files.writeString(plain, LOGISTIC);
        Ran none = run("diagram", plain.toString(), "--by-group", "--write-views", plain.toString());
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("no <group> elements"), none.err());
        Ran noTarget = run("diagram", plain.toString(), "--by-group", "--out", dir.resolve("x.png").toString());
        assertEquals(2, noTarget.exit());
        assertTrue(noTarget.err().contains("--write-views"), noTarget.err());
        assertFalse(Files.exists(dir.resolve("x.png")));

        // one sector holds the stock and its flows; the constants are in no group and go on a page "Other"
        Path grouped = dir.resolve("grouped.xmile");
        Files.writeString(grouped, LOGISTIC.replace("</variables>", """
                <group name="Population sector"><entity name="Population"/><entity name="births"/>
                  <entity name="deaths"/></group>
                </variables>"""));
        Ran ok = run("diagram", grouped.toString(), "--by-group", "--write-views", grouped.toString(), "--out",
                dir.resolve("sector.svg").toString());
        assertEquals(0, ok.exit(), ok.err());
        var views = org.clusterdynamics.io.xmile.XmileViewReader.read(grouped);
        assertEquals(java.util.List.of("Sectors", "Population sector", "Other"),
                views.stream().map(v -> v.name()).toList());
        var sector = views.get(1);
        assertEquals(1, sector.of(org.clusterdynamics.model.view.ViewElement.Kind.STOCK).size());
        assertEquals(2, sector.of(org.clusterdynamics.model.view.ViewElement.Kind.FLOW).size());
        // the constants the flows read are aliases on the sector's page
        assertEquals(2, sector.of(org.clusterdynamics.model.view.ViewElement.Kind.ALIAS).size());
        assertTrue(Files.readString(dir.resolve("sector.svg")).contains("Population"));
        assertEquals(2, org.clusterdynamics.io.ModelFiles.read(grouped).variables().size() - 3);
    }
}
