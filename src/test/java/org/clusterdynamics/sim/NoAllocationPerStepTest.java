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
        assertStepsAllocateNothing(new Simulator(m, backend), 200, backend.toString());
    }

    /** Each random distribution draws by inverting its CDF without creating objects. */
    @ParameterizedTest
    @EnumSource(value = Simulator.Backend.class, names = {"INTERPRETER", "GENERATED"})
    void randomDrawsAllocateNothing(Simulator.Backend backend) {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes");
        CompiledModel m = ModelCompiler.compile(ModelBuilder.xmile().time(0, 100, 1)
                .stock("stock", "100", List.of("inflow"), List.of())
                .flow("inflow", "POISSON(3) + LOGNORMAL(10, 2) + TRIANGULAR(1, 2, 6) + GAMMA(2.5, 1) + BETA(2, 5)"
                        + " + WEIBULL(1.5, 2) + BINOMIAL(20, 0.3) + RANDOM_POISSON(0, 10, 3, 0, 1, 0)"
                        + " + RANDOM_TRIANGULAR(1.5, 4, 1, 2, 6, 0) + RANDOM_GAMMA(1, 8, 2.5, 0.5, 2, 0)"
                        + " + RANDOM_BETA(0.2, 3, 2, 3, 0, 4, 0) + RANDOM_WEIBULL(0.5, 2, 1.7, 0, 1, 0)"
                        + " + RANDOM_BINOMIAL(3, 9, 0.3, 20, 0, 1, 0) + RANDOM_NEGATIVE_BINOMIAL(11, 25, 0.4, 3, 1, 2, 0)"
                        + " + RANDOM_EXPONENTIAL(2, 100, 0, 1, 0)")
                .build());
        // 20 rounds: these draws have no allocation that only the JIT's escape analysis would remove
        assertStepsAllocateNothing(new Simulator(m, backend), 20, backend + " random draws");
    }

    /** A conveyor's slats are made once per run: with the same dt, a 100 times longer run allocates no more. */
    @ParameterizedTest
    @EnumSource(value = Simulator.Backend.class, names = {"INTERPRETER", "GENERATED"})
    void conveyorsAllocateNothingPerStep(Simulator.Backend backend) {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes");
        CompiledModel m = ModelCompiler.compile(ModelBuilder.xmile().time(0, 100, 1)
                .flow("arriving", "10 + SIN(TIME)")
                .conveyor("belt", "30", List.of("arriving"), List.of("departing", "spilling"),
                        new org.clusterdynamics.model.Conveyor(org.clusterdynamics.model.Equation.of("3"),
                                org.clusterdynamics.model.Equation.of("50"), null, false))
                .flow("departing", "0")
                .leak("spilling", "0.1", new org.clusterdynamics.model.Leak(0.2, 0.9))
                .build());
        assertStepsAllocateNothing(new Simulator(m, backend), 200, backend + " conveyor",
                RunOptions.defaults().withDt(0.1).withStop(10), RunOptions.defaults().withDt(0.1).withStop(1000));
    }

    private static void assertStepsAllocateNothing(Simulator sim, int warmups, String what) {
        assertStepsAllocateNothing(sim, warmups, what, RunOptions.defaults().withDt(1),
                RunOptions.defaults().withDt(0.01));
    }

    private static void assertStepsAllocateNothing(Simulator sim, int warmups, String what, RunOptions small,
            RunOptions large) {
        for (int i = 0; i < warmups; i++) {
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
        assertTrue(perLargeRun - perSmallRun < 2_000, what + ": a run of 100 steps allocated " + perSmallRun
                + " bytes, one of 10,000 steps " + perLargeRun);
    }
}
