package org.clusterdynamics.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Runs a base scenario once per row of a parameter design (grid or Latin hypercube) in parallel and
 * keeps, per run, only the requested outputs and series.
 */
public final class ParameterSweep {
    private ParameterSweep() {}

    /**
     * Runs the sweep. Every parameter must be a variable the scenario may set; every output and
     * series variable must be saved by the model.
     */
    public static SweepResult run(ScenarioModel sm, Scenario base, Samples samples, List<Output> outputs,
                                  List<String> seriesVariables, BatchRunner runner) {
        return run(sm, base, samples, outputs, seriesVariables, runner, false);
    }

    /**
     * Runs the sweep; with {@code skipFailures} a run that fails (a model error, e.g. a value that
     * makes a variable NaN) is recorded in the result's failures, with NaN outputs, and the sweep goes on.
     */
    public static SweepResult run(ScenarioModel sm, Scenario base, Samples samples, List<Output> outputs,
                                  List<String> seriesVariables, BatchRunner runner, boolean skipFailures) {
        List<String> targets = new java.util.ArrayList<>();
        for (int j = 0; j < samples.names().size(); j++) {
            sm.check(new Change.SetValue(samples.names().get(j), samples.value(0, j)));
            targets.add(sm.resolveTarget(samples.names().get(j)));
        }
        if (outputs.isEmpty() && seriesVariables.isEmpty()) {
            throw new IllegalArgumentException("sweep: no outputs given; name the variables to record, e.g."
                    + " outputs: ['Products Mastered']");
        }
        PreparedRun prepared = sm.prepare(base);
        LinkedHashSet<String> vars = new LinkedHashSet<>();
        for (Output o : outputs) {
            vars.add(o.variable());
        }
        vars.addAll(seriesVariables);
        List<String> recorded = new ArrayList<>(vars);
        int[] slots = RunSeries.slots(prepared.compiled(), recorded);
        int[] outIdx = outputs.stream().mapToInt(o -> recorded.indexOf(o.variable())).toArray();
        int[] seriesIdx = seriesVariables.stream().mapToInt(recorded::indexOf).toArray();
        int n = samples.size();
        double[][] values = new double[n][outputs.size()];
        double[][][] series = new double[seriesVariables.size()][n][];
        double[][] times = new double[1][];
        List<FailedRun> failures = new ArrayList<>();
        runner.run("sweep", n,
                i -> prepared.withConstants(row(samples, targets, i), base.seed()),
                (i, sim, run) -> RunSeries.record(sim, run, slots),
                (i, rs) -> {
                    for (int k = 0; k < outIdx.length; k++) {
                        values[i][k] = outputs.get(k).of(rs.times(), rs.values()[outIdx[k]]);
                    }
                    for (int k = 0; k < seriesIdx.length; k++) {
                        series[k][i] = rs.values()[seriesIdx[k]];
                    }
                    if (times[0] == null) {
                        times[0] = rs.times();
                    }
                },
                samples::describe,
                !skipFailures ? null : f -> {
                    failures.add(f);
                    java.util.Arrays.fill(values[f.run() - 1], Double.NaN);
                });
        if (!failures.isEmpty() && failures.size() == n) {
            throw new IllegalArgumentException("sweep: all " + n + " runs failed; the first: " + failures.get(0).describe());
        }
        return new SweepResult(base.name(), samples, outputs, values, seriesVariables, times[0], series, failures);
    }

    /** Run i's parameter values under the names the model writes (elements resolved). */
    static java.util.Map<String, Double> row(Samples samples, List<String> targets, int i) {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        for (int j = 0; j < targets.size(); j++) {
            m.put(targets.get(j), samples.value(i, j));
        }
        return m;
    }
}
