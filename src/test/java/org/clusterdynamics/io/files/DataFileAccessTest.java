package org.clusterdynamics.io.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers name every data file they read, and read copies instead when asked (what the Spark runner needs). */
class DataFileAccessTest {
    @TempDir
    Path dir;

    private static double initial(Model m, String variable) {
        return new Simulator(ModelCompiler.compile(m), Simulator.Backend.INTERPRETER).run(RunOptions.defaults())
                .valueAt(variable, 0);
    }

    @Test
    void vensimGetFunctionsAreRecordedAndRedirected() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Path c = Files.writeString(dir.resolve("data/c.csv"), "k,3\n");
        Path mdl = Files.writeString(dir.resolve("m.mdl"), """
                k = GET DIRECT CONSTANTS('data/c.csv', ',', 'B1') ~~|
                x = k * 2 ~~|
                FINAL TIME = 1 ~~|
                INITIAL TIME = 0 ~~|
                SAVEPER = 1 ~~|
                TIME STEP = 1 ~~|
                """);
        Set<Path> read = new TreeSet<>();
        Model m = DataFileAccess.recording(read, () -> ModelFiles.read(mdl));
        assertEquals(Set.of(c.toAbsolutePath().normalize()), read);
        assertEquals(6.0, initial(m, "x"));
        Path copy = Files.writeString(dir.resolve("copy.csv"), "k,5\n");
        Model redirected = DataFileAccess.redirecting(Map.of(c.toAbsolutePath().normalize(), copy),
                () -> ModelFiles.read(mdl));
        assertEquals(10.0, initial(redirected, "x"));
        // outside a scope nothing is recorded or redirected
        assertEquals(6.0, initial(ModelFiles.read(mdl), "x"));
    }

    @Test
    void xmileImportLinksAreRecorded() throws Exception {
        Path csv = Files.writeString(dir.resolve("p.csv"), "rate\n4\n");
        Path xmile = Files.writeString(dir.resolve("m.stmx"), """
                <xmile version="1.0"><sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
                <data><import resource="r../p.csv"/></data>
                <model><variables><aux name="rate"><eqn>1</eqn></aux></variables></model></xmile>
                """);
        Set<Path> read = new TreeSet<>();
        Model m = DataFileAccess.recording(read, () -> ModelFiles.read(xmile, List.of(), List.of(dir)));
        assertEquals(Set.of(csv.toAbsolutePath().normalize()), read);
        assertEquals(4.0, initial(m, "rate"));
    }
}
