package org.clusterdynamics.scenario;

import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.sim.RunOptions;

/** A scenario ready to simulate: the compiled model (shared between scenarios with the same equations) and the run options. */
public record PreparedRun(Scenario scenario, CompiledModel compiled, RunOptions options) {

    /** The same run with more constants set and another seed (one run of a sweep or Monte Carlo batch). */
    public PreparedRun withConstants(java.util.Map<String, Double> values, long seed) {
        return new PreparedRun(scenario, compiled, options.withConstants(values).withSeed(seed));
    }
}
