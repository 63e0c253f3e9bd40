package org.clusterdynamics.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.model.ModelBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The time loop allocates nothing per step, on either backend: a run of 100 times more steps
 * allocates no more (bytes counted by the JVM for this thread, not timed).
 */
class NoAllocationPerStepTest {

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @ParameterizedTest
    @EnumSource(value = Simulator.Backend.class, names = {"INTERPRETER", "GENERATED"})
    void stepsAllocateNothing(Simulator.Backend backend) {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes");
        CompiledModel m = ModelCompiler.compile(ModelBuilder.xmile().time(0, 100, 1)
                .stock("stock", "100", List.of("inflow"), List.of("outflow"))
                .flow("inflow", "effect(stock / 100) * UNIFORM(0.9, 1.1) + STEP(5, 50)")
                .flow("outflow", "MAX(stock / delay, 0) + PULSE(1, 10, 20)")
                .aux("delay", "4")
                .table("effect", new double[] {0, 1, 2}, new double[] {0, 10, 12})
                .build());
        Simulator sim = new Simulator(m, backend);
        RunOptions small = RunOptions.defaults().withDt(1);
        RunOptions large = RunOptions.defaults().withDt(0.01);
        for (int i = 0; i < 200; i++) {
            sim.runDiscarding(small);
            sim.runDiscarding(large);
        }
        long a = allocated();
        sim.runDiscarding(small);
        long b = allocated();
        sim.runDiscarding(large);
        long c = allocated();
        long perSmallRun = b - a;
        long perLargeRun = c - b;
        // 10,000 steps instead of 100: one byte per step would show as 9,900 more
        assertTrue(perLargeRun - perSmallRun < 2_000, backend + ": a run of 100 steps allocated " + perSmallRun
                + " bytes, one of 10,000 steps " + perLargeRun);
    }
}
