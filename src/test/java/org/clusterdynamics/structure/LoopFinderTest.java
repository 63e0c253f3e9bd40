package org.clusterdynamics.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModelBuilder;
import org.clusterdynamics.sim.RunOptions;
import org.junit.jupiter.api.Test;

/** Loops found in small models whose loops are known. */
class LoopFinderTest {

    static LoopAnalysis analyse(Model m) {
        return LoopAnalysis.of(ModelCompiler.compile(m), RunOptions.defaults(), LoopFinder.DEFAULT_MAX_LOOPS);
    }

    /** Loop id -> path, for assertions that read like the listing. */
    static Map<String, String> paths(LoopAnalysis a) {
        Map<String, String> m = new TreeMap<>();
        a.loops().forEach(l -> m.put(l.id(), l.path()));
        return m;
    }

    /**
     * Suite models whose loops are known from their structure: the teacup's one cooling loop; SIR's
     * contagion loop and its two depletion loops; Lotka-Volterra's births, deaths and predation;
     * the hares and lynxes modules, loops crossing the modules' boundary included; the workforce
     * model's hiring loops through the backlog, each sign read from the equations.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "teacup/teacup.xmile, B1",
        "SIR/SIR.xmile, B1 R1 B2",
        "Lotka_Volterra/Lotka_Volterra.mdl, R1 B1 R2 B2 B3",
        "bpowers-hares_and_lynxes_modules/model.xmile, R1 R2 B1 B2 B3",
        "Workforce/workforce.mdl, B1 B2 B3 R1 B4 B5"})
    void suiteModelsHaveTheirKnownLoops(String file, String ids) {
        java.nio.file.Path p = java.nio.file.Path.of("../shared/test-models/samples").resolve(file);
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(p), "the SDXorg suite is not here");
        LoopAnalysis a = analyse(org.clusterdynamics.io.ModelFiles.read(p));
        assertEquals(ids, String.join(" ", a.loops().stream().map(Loop::id).toList()));
    }

    @Test
    void aBathtubHasNoLoops() {
        Model m = ModelBuilder.xmile().time(0, 10, 1)
                .stock("Water", "50", List.of("inflow"), List.of("drain"))
                .flow("inflow", "5").flow("drain", "STEP(8, 5)").build();
        assertEquals(List.of(), analyse(m).loops());
    }

    @Test
    void predatorPreyHasItsFiveLoopsWithTheirPolarities() {
        // Lotka-Volterra: prey births (R), predation of prey (B), predator growth through prey (B: more
        // predators eat prey, fewer prey feed fewer predators), predator deaths (B)
        Model m = ModelBuilder.xmile().time(0, 20, 0.01)
                .stock("Prey", "100", List.of("prey births"), List.of("prey deaths"))
                .stock("Predators", "10", List.of("predator births"), List.of("predator deaths"))
                .flow("prey births", "0.5 * Prey")
                .flow("prey deaths", "0.02 * Prey * Predators")
                .flow("predator births", "0.01 * Prey * Predators")
                .flow("predator deaths", "0.4 * Predators").build();
        Map<String, String> p = paths(analyse(m));
        assertEquals(Map.of(
                "R2", "Prey -> prey births -> Prey",
                "B1", "Predators -> predator deaths -> Predators",
                "B2", "Prey -> prey deaths -> Prey",
                "R1", "Predators -> predator births -> Predators",
                "B3", "Prey -> predator births -> Predators -> prey deaths -> Prey"), p);
    }

    @Test
    void polaritiesTheEquationDoesNotShowComeFromTheRun() {
        // births = Population * rate, with rate a changing auxiliary: the sign needs the run
        Model m = ModelBuilder.xmile().time(0, 10, 0.25)
                .stock("Population", "100", List.of("births"), List.of())
                .flow("births", "Population * fertility")
                .aux("fertility", "0.1 + 0 * Population + 0.01 * TIME").build();
        LoopAnalysis a = analyse(m);
        assertEquals("R1", a.loops().get(0).id());
        SlotGraph.Link link = a.loops().get(0).links().stream()
                .filter(l -> a.graph().displayName(l.from()).equals("Population")).findFirst().orElseThrow();
        assertEquals(new LoopAnalysis.LinkSign(Polarity.POSITIVE, "run"), a.linkSign(link));
    }

    @Test
    void arrayedLoopsShareANumberAcrossElements() {
        Model m = ModelBuilder.xmile().time(0, 5, 1).dimension("Region", "North", "South")
                .build();
        Model arrayed = new Model(null, "arrayed", m.dialect(), m.specs(), List.of(
                new org.clusterdynamics.model.Stock(org.clusterdynamics.model.VarName.of("Stock"),
                        org.clusterdynamics.model.Definition.of("10"),
                        List.of(org.clusterdynamics.model.VarName.of("growth")), List.of(), null, false,
                        List.of("Region"), "", "", 0),
                new org.clusterdynamics.model.Flow(org.clusterdynamics.model.VarName.of("growth"),
                        org.clusterdynamics.model.Definition.of("0.1 * Stock"), false, List.of("Region"), "", "", 0)),
                m.dimensions(), null, null, null);
        Map<String, String> p = paths(analyse(arrayed));
        assertEquals(Map.of("R1[North]", "Stock[North] -> growth[North] -> Stock[North]",
                "R1[South]", "Stock[South] -> growth[South] -> Stock[South]"), p);
    }

    @Test
    void tooManyLoopsStopWithAMessage() {
        // every stock feeds every other: the number of loops grows factorially
        ModelBuilder b = ModelBuilder.xmile().time(0, 2, 1);
        int n = 8;
        StringBuilder all = new StringBuilder("0");
        for (int i = 0; i < n; i++) {
            all.append(" + S").append(i);
        }
        for (int i = 0; i < n; i++) {
            b.stock("S" + i, "1", List.of("f" + i), List.of()).flow("f" + i, "0.001 * (" + all + ")");
        }
        SlotGraph g = SlotGraph.of(ModelCompiler.compile(b.build()));
        ModelException e = assertThrows(ModelException.class, () -> LoopFinder.find(g, 1000, l -> Polarity.POSITIVE));
        assertTrue(e.getMessage().contains("more than 1000 feedback loops"), e.getMessage());
        assertTrue(e.getMessage().contains("--max-loops"), e.getMessage());
        // with a run, the strongest-path search finds the loops that matter instead
        LoopAnalysis a = LoopAnalysis.of(ModelCompiler.compile(b.build()), RunOptions.defaults(), 1000);
        assertTrue(!a.exhaustive());
        assertTrue(a.loops().size() > 0 && a.loops().size() <= 1000, "found " + a.loops().size());
    }
}
