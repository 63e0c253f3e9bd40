package org.clusterdynamics.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.io.ModelFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * World3-03 gives the numbers of SDEverywhere's C code (the benchmark peer) on every variable it
 * writes: the resource holds the peer's output ({@code run.sh world3-03 1 1 dump}) every 20 years.
 * Both engines interpolate tables as y0 + slope * (x - x0); the runs agree to the last bit.
 */
class PeerAgreementTest {

    @ParameterizedTest
    @EnumSource(value = Simulator.Backend.class, names = {"INTERPRETER", "GENERATED"})
    void world3MatchesTheCompiledPeer(Simulator.Backend backend) throws IOException {
        Path world3 = Path.of(System.getProperty("cdyn.testModels", "../shared/test-models"))
                .resolveSibling("bench/models/world3-03/wrld3-03.mdl");
        Assumptions.assumeTrue(Files.isRegularFile(world3), "World3 not found at " + world3);
        CompiledModel model = ModelCompiler.compile(ModelFiles.read(world3));
        Results r = new Simulator(model, backend).run(RunOptions.defaults());
        List<String> lines;
        try (InputStream in = PeerAgreementTest.class.getResourceAsStream("/peer/world3-03-sdeverywhere.tsv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        String[] names = lines.get(0).split("\t");
        int compared = 0;
        for (int j = 0; j < names.length; j++) {
            String name = names[j].replace("\"", "");
            if (!r.has(name)) {
                continue;
            }
            double[] ours = r.column(name);
            for (int i = 1; i < lines.size(); i++) {
                int row = (i - 1) * 40;
                double peer = Double.parseDouble(lines.get(i).split("\t")[j]);
                double scale = Math.max(Math.abs(peer), 1e-300);
                assertEquals(peer, ours[row], 1e-12 * scale, name + " at " + r.times()[row]);
            }
            compared++;
        }
        assertTrue(compared >= 259, "compared " + compared + " of the peer's " + names.length + " variables");
    }
}
