package org.clusterdynamics.io.xmile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stella import links that set constants from a CSV file beside the model. */
class DataImportsTest {
    @TempDir
    Path dir;

    private Path model(String imports) throws IOException {
        Path m = dir.resolve("m.stmx");
        Files.writeString(m, """
                <xmile version="1.0"><sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
                <dimensions><dim name="Tract" size="3"/></dimensions>
                """ + imports + """
                <model><variables>
                  <aux name="Initial HEI"><dimensions><dim name="Tract"/></dimensions><eqn>0</eqn></aux>
                  <aux name="rate"><eqn>1</eqn></aux>
                  <aux name="share"><dimensions><dim name="Tract"/></dimensions>
                    <eqn>rate * Initial_HEI / SUM(Initial_HEI[*])</eqn></aux>
                </variables></model></xmile>
                """);
        return m;
    }

    private static Results run(Model m) {
        return new Simulator(ModelCompiler.compile(m), Simulator.Backend.INTERPRETER).run(RunOptions.defaults());
    }

    @Test
    void columnHeadingsSetAnArrayElementByElementAndAScalar() throws IOException {
        Files.writeString(dir.resolve("HEI.csv"), "\"Initial_HEI\",rate\n1,2\n3,\n4,\n");
        Results r = run(XmileReader.read(model("<data><import resource=\"r../HEI.csv\"/></data>")));
        assertEquals(3, r.valueAt("Initial HEI[2]", 0));
        assertEquals(2 * 4 / 8.0, r.valueAt("share[3]", 0), 1e-12);
    }

    @Test
    void rowHeadingsWork() throws IOException {
        Files.writeString(dir.resolve("p.csv"), "Initial HEI,1,1,2\n");
        Results r = run(XmileReader.read(model("<data><import resource=\"r../p.csv\"/></data>")));
        assertEquals(0.5, r.valueAt("share[3]", 0), 1e-12);
    }

    @Test
    void aMissingOrDisabledLinkLeavesTheModelsEquations() throws IOException {
        Model m = XmileReader.read(model("<data><import resource=\"r../absent.csv\"/></data>"));
        assertEquals("0", ((org.clusterdynamics.model.Aux) m.variable("Initial HEI").orElseThrow()).definition()
                .equation().text());
    }

    @Test
    void aWrongNumberOfValuesNamesTheVariable() throws IOException {
        Files.writeString(dir.resolve("HEI.csv"), "Initial_HEI\n1\n2\n");
        ModelException e = assertThrows(ModelException.class,
                () -> XmileReader.read(model("<data><import resource=\"r../HEI.csv\"/></data>")));
        assertTrue(e.getMessage().contains("2 value(s) for 'Initial HEI'") && e.getMessage().contains("3 element"),
                e.getMessage());
    }
}
