package org.clusterdynamics.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModelBuilder;
import org.junit.jupiter.api.Test;

/**
 * Shapley values on a model whose answer is known: y = a A + b B + c A B + 0 C with switches A, B,
 * C. The interaction c is shared equally, so phi_A = a + c/2, phi_B = b + c/2, phi_C = 0, and the
 * values add up to y(all on) - y(all off) = a + b + c (efficiency).
 */
class ShapleyAttributionTest {
    private static final double A = 2;
    private static final double B = 3;
    private static final double C = 4;

    private static Model model() {
        return ModelBuilder.xmile().name("shapley").time(0, 1, 0.5).saveStep(0.5)
                .aux("Switch A", "1", "dmnl").aux("Switch B", "1", "dmnl").aux("Switch C", "1", "dmnl")
                .aux("Strength", String.valueOf(A), "dmnl")
                .aux("Y", "Strength*Switch_A + " + B + "*Switch_B + " + C + "*Switch_A*Switch_B + 0*Switch_C", "dmnl")
                .build();
    }

    private final ScenarioModel sm = new ScenarioModel(model());

    private static Map<String, String> players() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("a", "Switch A");
        m.put("b", "Switch B");
        m.put("c", "Switch C");
        return m;
    }

    private static BatchRunner threads(int n) {
        return new BatchRunner(n, Progress.NONE, new CancelToken());
    }

    private ShapleyAttribution.Result exact(int threads) {
        return ShapleyAttribution.run(sm, new ShapleyAttribution.Spec(sm.baseline(), players(),
                List.of(Output.finalValue("Y")), ShapleyAttribution.Method.EXACT, 0, 1, null), threads(threads));
    }

    @Test
    void exactValuesShareTheInteractionAndAddUpToTheTotalEffect() {
        ShapleyAttribution.Result r = exact(2);
        Map<String, Double> phi = r.shapley(0);
        assertEquals(A + C / 2, phi.get("a"), 1e-12);
        assertEquals(B + C / 2, phi.get("b"), 1e-12);
        assertEquals(0, phi.get("c"), 1e-12);
        assertEquals(A + B + C, r.total(0), 1e-12);
        assertEquals(0, r.efficiencyGap(0), 1e-12, "efficiency: the values sum to the total effect");
        assertEquals(8, r.runs(), "2^3 coalitions, one run each");
        // one at a time (all on minus all on but one) counts the interaction twice
        assertEquals(A + C, r.oneAtATime()[0][0][0], 1e-12);
        assertEquals(A + C / 2, r.table().number(0, "shapley"), 1e-12);
    }

    @Test
    void theSameOnOneOrTwoThreads() {
        assertArrayEquals(exact(1).values()[0][1], exact(2).values()[0][1]);
    }

    @Test
    void sampledOrderingsEstimateTheValuesWithAStandardError() {
        ShapleyAttribution.Result r = ShapleyAttribution.run(sm, new ShapleyAttribution.Spec(sm.baseline(), players(),
                List.of(Output.finalValue("Y")), ShapleyAttribution.Method.SAMPLED, 400, 7, null), threads(2));
        double se = r.errors()[0][0][0];
        assertTrue(se > 0 && se < 0.2, "standard error " + se);
        assertEquals(A + C / 2, r.shapley(0).get("a"), 4 * se + 1e-9);
        // every ordering's contributions add up to the total, so the sampled values do as well
        assertEquals(0, r.efficiencyGap(0), 1e-9);
    }

    @Test
    void parameterSamplesGiveBands() {
        Samples s = Samples.latinHypercube(Map.of("Strength", new Distribution.Uniform(1, 3)), 50, 3);
        ShapleyAttribution.Result r = ShapleyAttribution.run(sm, new ShapleyAttribution.Spec(sm.baseline(), players(),
                List.of(Output.finalValue("Y")), ShapleyAttribution.Method.EXACT, 0, 1, s), threads(2));
        assertEquals(51, r.samples());
        // phi_a = Strength + 2 with Strength uniform on [1, 3]
        assertTrue(r.percentile(0, 0, 5) > 3 && r.percentile(0, 0, 5) < 3.3, "p5 " + r.percentile(0, 0, 5));
        assertTrue(r.percentile(0, 0, 95) > 4.7 && r.percentile(0, 0, 95) < 5, "p95 " + r.percentile(0, 0, 95));
        // b (5) stays ahead of a (3 to 5) in every sample
        assertEquals(1.0, r.rankAgreement(0, 1), 1e-12);
    }

    @Test
    void tooManySwitchesForExactEnumerationAreRefusedWithAHint() {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 19; i++) {
            many.put("s" + i, "Switch " + i);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ShapleyAttribution.Spec(
                sm.baseline(), many, List.of(Output.finalValue("Y")), ShapleyAttribution.Method.EXACT, 0, 1, null));
        assertTrue(e.getMessage().contains("sampled"), e.getMessage());
    }
}
