package org.clusterdynamics.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clusterdynamics.model.ModelBuilder;
import org.clusterdynamics.scenario.BatchRunner;
import org.clusterdynamics.scenario.Output;
import org.clusterdynamics.scenario.Scenario;
import org.clusterdynamics.scenario.ScenarioModel;
import org.junit.jupiter.api.Test;

/** Sobol and Morris on models: the Ishigami function as a model, the same indices on one thread or two. */
class SensitivityTest {
    private static ScenarioModel ishigami() {
        return new ScenarioModel(ModelBuilder.xmile().name("ishigami").time(0, 1, 1)
                .aux("Y", "SIN(x1) + 7 * SIN(x2)^2 + 0.1 * x3^4 * SIN(x1)")
                .aux("x1", "0").aux("x2", "0").aux("x3", "0").aux("x4", "0").build());
    }

    private static final List<FitParameter> RANGES = List.of(new FitParameter("x1", -Math.PI, Math.PI),
            new FitParameter("x2", -Math.PI, Math.PI), new FitParameter("x3", -Math.PI, Math.PI),
            new FitParameter("x4", -Math.PI, Math.PI));

    @Test
    void sobolOnTheModelIsTheSameForAnyThreadCountAndNearTheAnalyticValues() {
        ScenarioModel sm = ishigami();
        Sensitivity.Spec spec = Sensitivity.Spec.sobol(Scenario.of("base"), RANGES, List.of(Output.finalValue("Y")),
                1024, 5);
        SensitivityResult one = Sensitivity.run(sm, spec, new BatchRunner(1, null, null));
        SensitivityResult two = Sensitivity.run(sm, spec, new BatchRunner(2, null, null));
        SobolIndices.Indices a = one.outputs().get(0).sobol();
        SobolIndices.Indices b = two.outputs().get(0).sobol();
        assertArrayEquals(a.first(), b.first(), 0);
        assertArrayEquals(a.total(), b.total(), 0);
        assertArrayEquals(a.firstLo(), b.firstLo(), 0);
        assertEquals(1024 * 6 + 9, one.runs());
        assertEquals(0.3139, a.first()[0], 0.03);
        assertEquals(0.4424, a.first()[1], 0.03);
        assertEquals(0.2437, a.total()[2], 0.03);
        assertEquals(0, a.total()[3], 1e-12, "x4 is inert");
    }

    @Test
    void morrisOnTheModelRanksTheInertInputLast() {
        SensitivityResult r = Sensitivity.run(ishigami(), Sensitivity.Spec.morris(Scenario.of("base"), RANGES,
                List.of(Output.finalValue("Y")), 30, 3), new BatchRunner(2, null, null));
        double[] mu = r.outputs().get(0).morris().muStar();
        assertEquals(0, mu[3], 1e-12);
        for (int i = 0; i < 3; i++) {
            assertTrue(mu[i] > mu[3], "x" + (i + 1));
        }
        assertEquals(4, r.tornadoTable().size(), "one tornado row per factor");
    }

    @Test
    void aVariedNameThatIsNotAConstantIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sensitivity.run(ishigami(),
                Sensitivity.Spec.morris(Scenario.of("base"), List.of(new FitParameter("Y", 0, 1)),
                        List.of(Output.finalValue("Y")), 4, 3), new BatchRunner(1, null, null)));
        assertTrue(e.getMessage().contains("'Y' is not a constant"), e.getMessage());
    }
}
