package org.clusterdynamics.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModelBuilder;
import org.clusterdynamics.sim.RunOptions;
import org.junit.jupiter.api.Test;

/** Link and loop scores against the Loops That Matter papers' examples and hand computations. */
class LoopScoresTest {

    private static double[] linkScores(CompiledModel m, String from, String to) {
        SlotGraph g = SlotGraph.of(m);
        Trajectory run = Trajectory.record(m, RunOptions.defaults());
        List<SlotGraph.Link> all = new ArrayList<>(g.graph().edgeSet());
        LinkScores s = LinkScores.compute(g, run, all);
        for (SlotGraph.Link l : all) {
            if (g.displayName(l.from()).equals(from) && g.displayName(l.to()).equals(to)) {
                return s.of(l);
            }
        }
        throw new AssertionError("no link " + from + " -> " + to);
    }

    /**
     * Schoenberg, Hayward and Eberlein (SDR 2023), the example that motivates the corrected
     * flow-to-stock score: inflow 5 then 10, outflow 4 then 5; the outflow's score is 1/4 whether
     * the flows are separate or netted into one flow.
     */
    @Test
    void flowToStockScoresMatchThe2023ExampleSeparateOrNetted() {
        ModelBuilder separate = ModelBuilder.xmile().time(1, 2, 1)
                .stock("S", "100", List.of("in"), List.of("out"))
                .flow("in", "IF TIME < 1.5 THEN 5 ELSE 10").flow("out", "IF TIME < 1.5 THEN 4 ELSE 5");
        CompiledModel m = ModelCompiler.compile(separate.build());
        assertEquals(-0.25, linkScores(m, "out", "S")[1], 1e-12);
        assertEquals(1.25, linkScores(m, "in", "S")[1], 1e-12);

        ModelBuilder netted = ModelBuilder.xmile().time(1, 2, 1)
                .stock("S", "100", List.of("net"), List.of())
                .flow("net", "in - out")
                .aux("in", "IF TIME < 1.5 THEN 5 ELSE 10").aux("out", "IF TIME < 1.5 THEN 4 ELSE 5");
        CompiledModel n = ModelCompiler.compile(netted.build());
        double viaNet = linkScores(n, "out", "net")[1] * linkScores(n, "net", "S")[1];
        assertEquals(-0.25, viaNet, 1e-12);
    }

    /** A loop that acts alone on its stock has loop score and relative score 1 in size (the 2020 paper). */
    @Test
    void aLoopActingAloneScoresOne() {
        Model m = ModelBuilder.xmile().time(0, 10, 0.5)
                .stock("Coffee", "90", List.of(), List.of("cooling"))
                .flow("cooling", "(Coffee - 20) / 8").build();
        LoopAnalysis a = LoopAnalysis.of(ModelCompiler.compile(m), RunOptions.defaults(), 100);
        assertEquals(1, a.loops().size());
        assertEquals("B1", a.loops().get(0).id());
        for (int r = 2; r < a.times().length; r++) {
            assertEquals(-1, a.score(0)[r], 1e-9, "at row " + r);
            assertEquals(-1, a.relativeScore(0)[r], 1e-12);
        }
    }

    /**
     * Logistic growth, births r*P (R) and crowding deaths r*P^2/K (B), scored by hand from the
     * Euler trajectory; and the shift of dominance at the inflection point P = K/2 that the LTM
     * papers report for S-shaped growth (the Bass model).
     */
    @Test
    void logisticGrowthScoresAsComputedByHandAndShiftsAtHalfTheCapacity() {
        double r = 0.5;
        double k = 1000;
        double dt = 0.125;
        Model m = ModelBuilder.xmile().time(0, 30, dt)
                .stock("P", "10", List.of("births"), List.of("deaths"))
                .flow("births", r + " * P").flow("deaths", r + " * P * P / " + k).build();
        LoopAnalysis a = LoopAnalysis.of(ModelCompiler.compile(m), RunOptions.defaults(), 100);
        assertEquals(2, a.loops().size());
        int rIndex = a.loops().get(0).id().equals("R1") ? 0 : 1;
        int bIndex = 1 - rIndex;
        assertEquals("B1", a.loops().get(bIndex).id());

        // hand computation at rows 1..3: P by Euler, then the flows' changes over the net flow's change
        double[] p = new double[4];
        p[0] = 10;
        for (int i = 1; i < 4; i++) {
            p[i] = p[i - 1] + dt * (r * p[i - 1] - r * p[i - 1] * p[i - 1] / k);
        }
        for (int i = 1; i < 4; i++) {
            double db = r * (p[i] - p[i - 1]);
            double dd = r * (p[i] * p[i] - p[i - 1] * p[i - 1]) / k;
            double dnet = db - dd;
            double reinforcing = Math.abs(db / dnet);
            double balancing = -Math.abs(dd / dnet);
            assertEquals(reinforcing, a.score(rIndex)[i], 1e-9);
            assertEquals(balancing, a.score(bIndex)[i], 1e-9);
            assertEquals(reinforcing / (reinforcing - balancing), a.relativeScore(rIndex)[i], 1e-12);
        }

        // dominance passes from R1 to B1 where P crosses K/2
        List<DominancePeriod> periods = a.dominance(a.parts().get(0));
        assertEquals(List.of("R1"), periods.get(0).loops());
        assertEquals(List.of("B1"), periods.get(1).loops());
        // periods are whole windows of 1/100 of the run: the shift is within one window of P = K/2
        double shift = periods.get(1).from();
        int row = (int) Math.round(shift / dt);
        int window = (int) Math.round(0.3 / dt);
        double before = pRow(a, row - window);
        double after = pRow(a, row + window);
        assertTrue(before <= k / 2 && after >= k / 2, "P around the shift: " + before + " .. " + after);
    }

    private static double pRow(LoopAnalysis a, int row) {
        return a.valueAt(a.graph().model().slotOf("P"), row);
    }
}
