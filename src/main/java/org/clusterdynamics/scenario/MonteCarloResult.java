package org.clusterdynamics.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The aggregate of a Monte Carlo batch: for each chosen variable and save time, the chosen
 * percentiles, the mean and the standard deviation over runs; and each run's parameter values and
 * final values.
 *
 * @param percentileValues [variable][percentile][row]
 * @param finals [variable][run]: each run's final value
 * @param exact false when percentiles are streaming estimates (very large batches)
 */
public record MonteCarloResult(String base, List<String> variables, double[] times, double[] percentiles,
                               double[][][] percentileValues, double[][] mean, double[][] sd, double[][] finals,
                               Samples samples, long seed, boolean exact, List<FailedRun> failures) {

    public MonteCarloResult {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    /** A batch in which every run finished. */
    public MonteCarloResult(String base, List<String> variables, double[] times, double[] percentiles,
                            double[][][] percentileValues, double[][] mean, double[][] sd, double[][] finals,
                            Samples samples, long seed, boolean exact) {
        this(base, variables, times, percentiles, percentileValues, mean, sd, finals, samples, seed, exact, List.of());
    }

    /** The runs asked for, failed ones included. */
    public int runs() {
        return samples.size();
    }

    /** The runs that finished and make up the percentiles. */
    public int completed() {
        return runs() - failures.size();
    }

    /** Each finished run's final value of a variable, in run order (failed runs left out). */
    public double[] completedFinals(int variable) {
        return Arrays.stream(finals[variable]).filter(x -> !Double.isNaN(x)).toArray();
    }

    public int variableIndex(String name) {
        for (int v = 0; v < variables.size(); v++) {
            if (Scenario.key(variables.get(v)).equals(Scenario.key(name))) {
                return v;
            }
        }
        throw new IllegalArgumentException("the Monte Carlo batch did not record '" + name + "'; it recorded "
                + String.join(", ", variables) + ". Add it to outputs");
    }

    /** Percentile (0..100) -> values at every save time, for one variable. */
    public SortedMap<Double, double[]> percentileSeries(String name) {
        int v = variableIndex(name);
        SortedMap<Double, double[]> m = new TreeMap<>();
        for (int k = 0; k < percentiles.length; k++) {
            m.put(percentiles[k], percentileValues[v][k].clone());
        }
        return m;
    }

    /** Long table: variable, time, mean, sd, then one column per percentile ("p5", "p50", ...). */
    public Table table() {
        List<String> cols = new ArrayList<>(List.of("variable", "time", "mean", "sd"));
        for (double p : percentiles) {
            cols.add(label(p));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int v = 0; v < variables.size(); v++) {
            for (int r = 0; r < times.length; r++) {
                List<Object> row = new ArrayList<>();
                row.add(variables.get(v));
                row.add(times[r]);
                row.add(mean[v][r]);
                row.add(sd[v][r]);
                for (int k = 0; k < percentiles.length; k++) {
                    row.add(percentileValues[v][k][r]);
                }
                rows.add(row);
            }
        }
        return new Table(cols, rows);
    }

    /** One row per run: "run", the sampled parameters, and each variable's final value. */
    public Table runsTable() {
        List<String> cols = new ArrayList<>();
        cols.add("run");
        cols.addAll(samples.names());
        for (String v : variables) {
            cols.add(v + " (final)");
        }
        Map<Integer, String> errors = new java.util.HashMap<>();
        failures.forEach(f -> errors.put(f.run(), f.error()));
        if (!errors.isEmpty()) {
            cols.add("error");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < runs(); i++) {
            List<Object> row = new ArrayList<>();
            row.add((double) (i + 1));
            for (int j = 0; j < samples.names().size(); j++) {
                row.add(samples.value(i, j));
            }
            for (int v = 0; v < variables.size(); v++) {
                row.add(finals[v][i]);
            }
            if (!errors.isEmpty()) {
                row.add(errors.getOrDefault(i + 1, ""));
            }
            rows.add(row);
        }
        return new Table(cols, rows);
    }

    /** "p5", "p50", "p97.5". */
    public static String label(double p) {
        return "p" + Change.number(p);
    }

    /** Collects runs in run order; exact percentiles from stored values or streaming sketches. */
    static final class Aggregator {
        private final MonteCarlo.Spec spec;
        private final int runs;
        private final int nv;
        private double[] times;
        private double[][][] stored; // [variable][row][run]
        private Percentiles.Sketch[][][] sketches; // [variable][row][percentile]
        private double[][] mean;
        private double[][] m2;
        private final double[][] finals;
        private final List<FailedRun> failures = new ArrayList<>();
        private int seen;

        Aggregator(MonteCarlo.Spec spec, int runs) {
            this.spec = spec;
            this.runs = runs;
            this.nv = spec.variables().size();
            this.finals = new double[nv][runs];
        }

        void add(int run, RunSeries rs) {
            if (times == null) {
                allocate(rs.times());
            }
            if (rs.times().length != times.length) {
                throw new IllegalStateException("run " + (run + 1) + " saved " + rs.times().length + " rows, the first "
                        + times.length);
            }
            seen++;
            for (int v = 0; v < nv; v++) {
                double[] xs = rs.values()[v];
                for (int r = 0; r < xs.length; r++) {
                    double x = xs[r];
                    if (stored != null) {
                        // finished runs side by side: failed ones leave no gap
                        stored[v][r][seen - 1] = x;
                    } else {
                        for (Percentiles.Sketch s : sketches[v][r]) {
                            s.add(x);
                        }
                    }
                    // Welford's running mean and variance, in run order
                    double d = x - mean[v][r];
                    mean[v][r] += d / seen;
                    m2[v][r] += d * (x - mean[v][r]);
                }
                finals[v][run] = xs[xs.length - 1];
            }
        }

        /** A run that failed and is left out: its final values are NaN. */
        void fail(FailedRun f) {
            failures.add(f);
            for (int v = 0; v < nv; v++) {
                finals[v][f.run() - 1] = Double.NaN;
            }
        }

        private void allocate(double[] t) {
            times = t.clone();
            int rows = t.length;
            mean = new double[nv][rows];
            m2 = new double[nv][rows];
            if ((long) nv * rows * runs <= spec.exactLimit()) {
                stored = new double[nv][rows][runs];
            } else {
                sketches = new Percentiles.Sketch[nv][rows][spec.percentiles().length];
                for (int v = 0; v < nv; v++) {
                    for (int r = 0; r < rows; r++) {
                        for (int k = 0; k < spec.percentiles().length; k++) {
                            sketches[v][r][k] = new Percentiles.Sketch(spec.percentiles()[k]);
                        }
                    }
                }
            }
        }

        MonteCarloResult result(String base, Samples samples) {
            if (seen == 0) {
                throw new IllegalArgumentException("monte carlo: all " + runs + " runs failed; the first: "
                        + failures.get(0).describe());
            }
            double[] ps = spec.percentiles();
            int rows = times.length;
            double[][][] pv = new double[nv][ps.length][rows];
            double[][] sd = new double[nv][rows];
            for (int v = 0; v < nv; v++) {
                for (int r = 0; r < rows; r++) {
                    if (stored != null) {
                        double[] xs = seen == runs ? stored[v][r] : Arrays.copyOf(stored[v][r], seen);
                        Arrays.sort(xs);
                        for (int k = 0; k < ps.length; k++) {
                            pv[v][k][r] = Percentiles.sorted(xs, ps[k]);
                        }
                        stored[v][r] = null; // let the sorted values go as soon as they are used
                    } else {
                        for (int k = 0; k < ps.length; k++) {
                            pv[v][k][r] = sketches[v][r][k].value();
                        }
                    }
                    sd[v][r] = seen > 1 ? Math.sqrt(m2[v][r] / (seen - 1)) : 0;
                }
            }
            return new MonteCarloResult(base, spec.variables(), times, ps, pv, mean, sd, finals, samples, spec.seed(),
                    stored != null, failures);
        }
    }

    /** Percentiles of one variable at one time, by label ("p5" -> value), with "mean" and "sd". */
    public Map<String, Double> at(String name, double time) {
        int v = variableIndex(name);
        SeriesStats.requireWithin(times, time, "the Monte Carlo runs");
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mean", SeriesStats.interpolate(times, mean[v], time));
        m.put("sd", SeriesStats.interpolate(times, sd[v], time));
        for (int k = 0; k < percentiles.length; k++) {
            m.put(label(percentiles[k]), SeriesStats.interpolate(times, percentileValues[v][k], time));
        }
        return m;
    }
}
