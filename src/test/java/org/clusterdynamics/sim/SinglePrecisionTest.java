package org.clusterdynamics.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.compile.SinglePrecision;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.ModelBuilder;
import org.junit.jupiter.api.Test;

/** Single precision reproduces float arithmetic, on both backends, and leaves double runs alone. */
class SinglePrecisionTest {

    private static CompiledModel growth() {
        // a stock that grows by a rate computed from two constants: every operation rounds in float
        return ModelCompiler.compile(ModelBuilder.vensim().time(0, 100, 0.1)
                .stock("s", "1", List.of("inflow"), List.of()).flow("inflow", "s * rate + 0.1")
                .aux("rate", "0.3 / 7").build());
    }

    @Test
    void everyOperationAndTheEulerUpdateRoundToFloat() {
        CompiledModel single = SinglePrecision.of(growth());
        // the same computation written with Java floats
        float s = 1;
        float rate = 0.3f / 7f;
        float dt = 0.1f;
        float[] expected = new float[1001];
        for (int k = 0; k <= 1000; k++) {
            expected[k] = s;
            float inflow = s * rate + 0.1f;
            s = s + dt * inflow;
        }
        for (Simulator.Backend backend : List.of(Simulator.Backend.INTERPRETER, Simulator.Backend.GENERATED)) {
            double[] got = new Simulator(single, backend).run(RunOptions.defaults()).column("s");
            double[] want = new double[expected.length];
            for (int k = 0; k < want.length; k++) {
                want[k] = expected[k];
            }
            assertArrayEquals(want, got, 0, backend.toString());
        }
        double doubleEnd = Simulator.run(growth(), RunOptions.defaults()).finalValue("s");
        assertNotEquals(expected[1000], doubleEnd, "double precision is untouched, and differs");
        assertEquals(expected[1000], doubleEnd, 1e-3 * doubleEnd, "by rounding only");
    }

    @Test
    void onlyEulerIsReproduced() {
        CompiledModel single = SinglePrecision.of(growth());
        ModelException e = assertThrows(ModelException.class,
                () -> Simulator.run(single, RunOptions.defaults().withMethod(Method.RK4)));
        assertTrue(e.getMessage().contains("use --method euler"), e.getMessage());
    }
}
