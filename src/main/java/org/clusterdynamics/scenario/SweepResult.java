package org.clusterdynamics.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a parameter sweep: each run's parameter values and outputs, and optionally the
 * saved series of a few variables per run.
 *
 * @param values values[run][output]
 * @param series series[variable][run][row], for {@code seriesVariables}
 */
public record SweepResult(String base, Samples samples, List<Output> outputs, double[][] values,
                          List<String> seriesVariables, double[] times, double[][][] series,
                          List<FailedRun> failures) {

    public SweepResult {
        outputs = List.copyOf(outputs);
        seriesVariables = List.copyOf(seriesVariables);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    /** A sweep in which every run finished. */
    public SweepResult(String base, Samples samples, List<Output> outputs, double[][] values,
                       List<String> seriesVariables, double[] times, double[][][] series) {
        this(base, samples, outputs, values, seriesVariables, times, series, List.of());
    }

    public int runs() {
        return samples.size();
    }

    /** One row per run: "run", each parameter, each output; and "error" when runs failed (their outputs NaN). */
    public Table table() {
        List<String> cols = new ArrayList<>();
        cols.add("run");
        cols.addAll(samples.names());
        for (Output o : outputs) {
            cols.add(o.label());
        }
        java.util.Map<Integer, String> errors = new java.util.HashMap<>();
        failures.forEach(f -> errors.put(f.run(), f.error()));
        if (!errors.isEmpty()) {
            cols.add("error");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < runs(); i++) {
            List<Object> r = new ArrayList<>();
            r.add((double) (i + 1));
            for (int j = 0; j < samples.names().size(); j++) {
                r.add(samples.value(i, j));
            }
            for (int k = 0; k < outputs.size(); k++) {
                r.add(values[i][k]);
            }
            if (!errors.isEmpty()) {
                r.add(errors.getOrDefault(i + 1, ""));
            }
            rows.add(r);
        }
        return new Table(cols, rows);
    }

    /** The index of an output by its label ("X @ 1994") or, when unique, by its variable name. */
    public int outputIndex(String name) {
        for (int k = 0; k < outputs.size(); k++) {
            if (outputs.get(k).label().equalsIgnoreCase(name.strip())) {
                return k;
            }
        }
        int found = -1;
        for (int k = 0; k < outputs.size(); k++) {
            if (Scenario.key(outputs.get(k).variable()).equals(Scenario.key(name))) {
                if (found >= 0) {
                    throw new IllegalArgumentException("'" + name + "' is recorded at several times; name one of: "
                            + String.join(", ", outputs.stream().map(Output::label).toList()));
                }
                found = k;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("the sweep has no output '" + name + "'; its outputs are "
                    + String.join(", ", outputs.stream().map(Output::label).toList()));
        }
        return found;
    }

    /** An output's value in every run, in run order. */
    public double[] output(String name) {
        int k = outputIndex(name);
        double[] out = new double[runs()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i][k];
        }
        return out;
    }

    /** A parameter's value in every run. */
    public double[] parameter(String name) {
        int j = parameterIndex(name);
        double[] out = new double[runs()];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples.value(i, j);
        }
        return out;
    }

    public int parameterIndex(String name) {
        for (int j = 0; j < samples.names().size(); j++) {
            if (Scenario.key(samples.names().get(j)).equals(Scenario.key(name))) {
                return j;
            }
        }
        throw new IllegalArgumentException("the sweep does not vary '" + name + "'; it varies "
                + String.join(", ", samples.names()));
    }
}
