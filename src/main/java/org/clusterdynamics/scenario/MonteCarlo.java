package org.clusterdynamics.scenario;

import java.util.List;

/**
 * Runs a base scenario many times with uncertain parameters drawn from distributions (and the
 * model's random functions seeded per run) in parallel, and aggregates chosen variables into
 * percentile, mean and standard deviation series at every save time without keeping the runs.
 */
public final class MonteCarlo {
    private MonteCarlo() {}

    /** Stored values (runs x save times x variables) up to which percentiles are exact. */
    public static final long DEFAULT_EXACT_LIMIT = 8_000_000L;

    /**
     * What to run.
     *
     * @param samples the parameter values of each run (may have no parameters)
     * @param seed seeds the model's random functions, one derived seed per run
     * @param variables the variables to aggregate
     * @param percentiles the percentiles (0..100) to report
     * @param exactLimit above this many stored values, percentiles are streaming estimates
     */
    public record Spec(Scenario base, Samples samples, long seed, List<String> variables, double[] percentiles,
                       long exactLimit) {
        public Spec {
            variables = List.copyOf(variables);
            percentiles = Percentiles.check(percentiles);
            if (variables.isEmpty()) {
                throw new IllegalArgumentException("monte carlo: no outputs given; name the variables whose"
                        + " percentiles you want, e.g. outputs: ['Products Mastered']");
            }
        }
    }

    public static MonteCarloResult run(ScenarioModel sm, Spec spec, BatchRunner runner) {
        return run(sm, spec, runner, false);
    }

    /**
     * Runs the batch; with {@code skipFailures} a run that fails (a model error, e.g. a draw that
     * makes a variable NaN) is recorded in the result's failures and left out of the percentiles.
     */
    public static MonteCarloResult run(ScenarioModel sm, Spec spec, BatchRunner runner, boolean skipFailures) {
        Samples samples = spec.samples();
        List<String> targets = new java.util.ArrayList<>();
        for (int j = 0; j < samples.names().size(); j++) {
            sm.check(new Change.SetValue(samples.names().get(j), samples.value(0, j)));
            targets.add(sm.resolveTarget(samples.names().get(j)));
        }
        PreparedRun prepared = sm.prepare(spec.base());
        int[] slots = RunSeries.slots(prepared.compiled(), spec.variables());
        MonteCarloResult.Aggregator agg = new MonteCarloResult.Aggregator(spec, samples.size());
        runner.run("monte carlo", samples.size(),
                i -> prepared.withConstants(ParameterSweep.row(samples, targets, i), Samples.runSeed(spec.seed(), i)),
                (i, sim, run) -> RunSeries.record(sim, run, slots),
                agg::add,
                samples::describe,
                skipFailures ? agg::fail : null);
        return agg.result(spec.base().name(), samples);
    }
}
