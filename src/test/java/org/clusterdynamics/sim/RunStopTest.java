package org.clusterdynamics.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.ModelBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A requested stop ends a run that is under way, with every method and backend. */
class RunStopTest {

    private static CompiledModel decay() {
        return ModelCompiler.compile(ModelBuilder.xmile().time(0, 10_000, 1)
                .stock("s", "100", List.of(), List.of("out")).flow("out", "s * 0.001").build());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void aRequestedStopEndsTheRunAndSaysWhen(Method method) {
        AtomicInteger asked = new AtomicInteger();
        // answers yes from the third question on: the run has made progress, then stops
        Simulator sim = new Simulator(decay()).stopWhen(() -> asked.incrementAndGet() >= 3);
        RunStopped e = assertThrows(RunStopped.class, () -> sim.run(RunOptions.defaults().withMethod(method)));
        assertEquals(3, asked.get());
        assertTrue(e.time() > 0 && e.time() < 10_000, "stopped at " + e.time());
        assertTrue(e.getMessage().contains("was stopped at time"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Simulator.Backend.class)
    void withoutARequestTheRunIsUnchanged(Simulator.Backend backend) {
        Results plain = new Simulator(decay(), backend).run(RunOptions.defaults());
        Results asked = new Simulator(decay(), backend).stopWhen(() -> false).run(RunOptions.defaults());
        assertEquals(plain.finalValue("s"), asked.finalValue("s"));
        assertEquals(100 * Math.pow(0.999, 10_000), plain.finalValue("s"), 1e-9);
    }
}
