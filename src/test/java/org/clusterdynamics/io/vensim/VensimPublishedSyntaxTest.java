package org.clusterdynamics.io.vensim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vensim constructs met in published models: indirect file names, '$' names in macros, comments, data. */
class VensimPublishedSyntaxTest {
    private static final String CONTROL = """
            INITIAL TIME = 0 ~~|
            FINAL TIME = 2 ~~|
            TIME STEP = 0.5 ~~|
            SAVEPER = 1 ~~|
            """;

    @TempDir
    Path dir;

    private Path model(String equations) throws IOException {
        Path mdl = dir.resolve("m.mdl");
        Files.writeString(mdl, "{UTF-8}\n" + equations + "\n" + CONTROL);
        return mdl;
    }

    private static Results run(Model m) {
        return new Simulator(ModelCompiler.compile(m), Simulator.Backend.INTERPRETER).run(RunOptions.defaults());
    }

    @Test
    void anIndirectFileNameIsTheFileBesideTheModel() throws IOException {
        Files.createDirectories(dir.resolve("inputs"));
        Files.writeString(dir.resolve("inputs/c.csv"), "k,7\n");
        Model m = VensimReader.read(model("k = GET DIRECT CONSTANTS('?inputs/c.csv', ',', 'B1') ~~|"));
        assertEquals(7, run(m).finalValue("k"));
    }

    @Test
    void anIndirectFileNameTakesTheRunsFileOfThatName() throws IOException {
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(dir.resolve("elsewhere/c.csv"), "k,9\n");
        Path mdl = model("k = GET DIRECT CONSTANTS('?../../scenarios/c.csv', ',', 'B1') ~~|");
        Model m = VensimReader.read(mdl, List.of(dir.resolve("elsewhere/c.csv")));
        assertEquals(9, run(m).finalValue("k"), "the --data file named like the reference wins");
    }

    @Test
    void aMissingIndirectFileIsNamedWithTheWayToGiveIt() throws IOException {
        Path mdl = model("k = GET DIRECT CONSTANTS('?scen.xlsx', 'S', 'B1') ~~|");
        ModelException e = assertThrows(ModelException.class, () -> VensimReader.read(mdl));
        assertTrue(e.getMessage().contains("'?scen.xlsx'") && e.getMessage().contains("--data scen.xlsx"),
                e.getMessage());
    }

    @Test
    void aMacroReadsTheRunsSettingsWithADollar() throws IOException {
        Model m = VensimReader.read(model("""
                :MACRO: PER STEP(x)
                PER STEP = x * TIME STEP$ + 0 * Time$ ~~|
                :END OF MACRO:
                a = PER STEP(4) ~~|
                """));
        assertEquals(2, run(m).finalValue("a"), "TIME STEP$ is the model's TIME STEP (0.5)");
        assertEquals("x * TIME STEP + 0 * Time", VensimReader.modelSettings("x * TIME STEP$ + 0 * Time$"));
        assertEquals("sales time$", VensimReader.modelSettings("sales time$"), "only a whole setting's name");
    }

    @Test
    void commentsInsideAnEquationAreSkipped() throws IOException {
        Model m = VensimReader.read(model("a = 3 {units: widgets ~ | } * 2 {twice} ~ Dmnl ~ {a} note |"));
        assertEquals(6, run(m).finalValue("a"));
    }

    @Test
    void aDataVariableWithoutEquationReadsTheDataFileOrIsNamed() throws IOException {
        Path mdl = model("demand ~ units ~ from the data file |\nb = demand * 2 ~~|");
        ModelException e = assertThrows(ModelException.class, () -> VensimReader.read(mdl));
        assertTrue(e.getMessage().contains("'demand'") && e.getMessage().contains("data file"), e.getMessage());
        Files.writeString(dir.resolve("d.tab"), "Time\tdemand\n0\t1\n2\t5\n");
        Model m = VensimReader.read(mdl, List.of(dir.resolve("d.tab")));
        assertEquals(6, run(m).valueAt("b", 1), 1e-12);
    }
}
