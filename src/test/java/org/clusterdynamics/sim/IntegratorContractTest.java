package org.clusterdynamics.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModelBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every integration method on closed-form problems, and its order of accuracy. */
class IntegratorContractTest {

    /** y' = -y, y(0) = 1: y(t) = e^-t. */
    private static Model decay(double dt) {
        return ModelBuilder.xmile().time(0, 2, dt)
                .stock("y", "1", List.of(), List.of("out"))
                .flow("out", "y")
                .build();
    }

    private static double errorAtEnd(Method m, double dt) {
        Results r = Simulator.run(ModelCompiler.compile(decay(dt)), RunOptions.defaults().withMethod(m));
        return Math.abs(r.finalValue("y") - Math.exp(-2));
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void decayMatchesClosedForm(Method m) {
        double tol = switch (m) {
            case EULER -> 2e-2;
            case RK2 -> 1e-3;
            case RK4 -> 1e-7;
            case ADAPTIVE -> 1e-7;
        };
        assertEquals(0, errorAtEnd(m, 0.0625), tol, m.toString());
    }

    @ParameterizedTest
    @CsvSource({"EULER,1", "RK2,2", "RK4,4"})
    void halvingDtCutsErrorByTwoToTheOrder(Method m, int order) {
        double e1 = errorAtEnd(m, 0.1);
        double e2 = errorAtEnd(m, 0.05);
        double observed = Math.log(e1 / e2) / Math.log(2);
        assertEquals(order, observed, 0.15, "observed order " + observed);
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"RK4", "ADAPTIVE"})
    void harmonicOscillatorKeepsItsPhase(Method m) {
        // x'' = -x as two stocks: x = cos t, v = -sin t
        Model model = ModelBuilder.xmile().time(0, 10, 0.01)
                .stock("x", "1", List.of("dx"), List.of())
                .stock("v", "0", List.of("dv"), List.of())
                .flow("dx", "v")
                .flow("dv", "-x")
                .build();
        Results r = Simulator.run(ModelCompiler.compile(model), RunOptions.defaults().withMethod(m));
        assertEquals(Math.cos(10), r.finalValue("x"), 1e-6);
        assertEquals(-Math.sin(10), r.finalValue("v"), 1e-6);
    }

    /** s' = u(t) - s/2 with u stepping to 10 at t = 3.3 and to 15 at t = 6.2 (off the dt grid). */
    private static double stepResponse(double t) {
        if (t < 3.3) {
            return 0;
        }
        if (t <= 6.2) {
            return 20 * (1 - Math.exp(-(t - 3.3) / 2));
        }
        double at62 = 20 * (1 - Math.exp(-(6.2 - 3.3) / 2));
        return 30 + (at62 - 30) * Math.exp(-(t - 6.2) / 2);
    }

    @ParameterizedTest
    @CsvSource({"EULER,0.0005,5e-3", "RK4,0.0005,2e-3", "ADAPTIVE,0.5,1e-6"})
    void discontinuousInputsMatchTheClosedForm(Method m, double dt, double tol) {
        Model model = ModelBuilder.xmile().time(0, 10, 0.5)
                .stock("s", "0", List.of("inflow"), List.of("outflow"))
                .flow("inflow", "STEP(10, 3.3) + IF TIME > 6.2 THEN 5 ELSE 0")
                .flow("outflow", "s / 2")
                .build();
        Results r = Simulator.run(ModelCompiler.compile(model), RunOptions.defaults().withMethod(m).withDt(dt)
                .withSaveStep(0.5));
        assertEquals(21, r.rowCount());
        for (int i = 0; i < r.rowCount(); i++) {
            assertEquals(stepResponse(r.times()[i]), r.column("s")[i], tol, "at t=" + r.times()[i]);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"EULER", "RK2", "RK4"})
    void savesAtSaveStepsOnly(Method m) {
        Model model = ModelBuilder.xmile().time(0, 4, 0.25).saveStep(1)
                .stock("s", "0", List.of("f"), List.of()).flow("f", "1").build();
        Results r = Simulator.run(ModelCompiler.compile(model), RunOptions.defaults().withMethod(m));
        assertEquals(5, r.rowCount());
        assertEquals(4.0, r.times()[4], 1e-12);
        assertEquals(4.0, r.finalValue("s"), 1e-12);
        assertTrue(r.has("f"));
    }
}
