package org.clusterdynamics.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The parameter values of every run of a sweep or Monte Carlo batch: a full grid, a Latin hypercube
 * or simple random draws. Row i holds run i's value of each parameter; the same seed always gives
 * the same rows.
 */
public final class Samples {
    private final List<String> names;
    private final double[][] rows;
    private final String design;

    private Samples(List<String> names, double[][] rows, String design) {
        this.names = List.copyOf(names);
        this.rows = rows;
        this.design = design;
    }

    /** Every combination of the given values, the last parameter varying fastest. */
    public static Samples grid(Map<String, double[]> values) {
        requireSome(values);
        List<String> names = new ArrayList<>(values.keySet());
        long n = 1;
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            if (e.getValue() == null || e.getValue().length == 0) {
                throw new IllegalArgumentException("sweep: parameter '" + e.getKey() + "' has no values; give a list"
                        + " such as [0.5, 1, 2]");
            }
            n *= e.getValue().length;
            if (n > 10_000_000) {
                throw new IllegalArgumentException("sweep: the full grid would have more than 10 million runs;"
                        + " use fewer values or a Latin hypercube design");
            }
        }
        double[][] rows = new double[(int) n][names.size()];
        for (int i = 0; i < n; i++) {
            long rest = i;
            for (int j = names.size() - 1; j >= 0; j--) {
                double[] vs = values.get(names.get(j));
                rows[i][j] = vs[(int) (rest % vs.length)];
                rest /= vs.length;
            }
        }
        return new Samples(names, rows, "grid");
    }

    /**
     * A Latin hypercube: each parameter's range is cut into {@code n} equally likely strata and
     * each stratum is used exactly once, in an order shuffled by the seed.
     */
    public static Samples latinHypercube(Map<String, Distribution> dists, int n, long seed) {
        requireSome(dists);
        requireCount(n);
        List<String> names = new ArrayList<>(dists.keySet());
        double[][] rows = new double[n][names.size()];
        SplittableRandom rng = new SplittableRandom(seed);
        int[] perm = new int[n];
        for (int j = 0; j < names.size(); j++) {
            Distribution d = dists.get(names.get(j));
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int k = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[k];
                perm[k] = t;
            }
            for (int i = 0; i < n; i++) {
                rows[i][j] = d.quantile((perm[i] + rng.nextDouble()) / n);
            }
        }
        return new Samples(names, rows, "latin hypercube");
    }

    /** Independent random draws, run after run. */
    public static Samples random(Map<String, Distribution> dists, int n, long seed) {
        requireSome(dists);
        requireCount(n);
        List<String> names = new ArrayList<>(dists.keySet());
        List<Distribution> ds = new ArrayList<>(dists.values());
        double[][] rows = new double[n][names.size()];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < ds.size(); j++) {
                rows[i][j] = ds.get(j).quantile(rng.nextDouble());
            }
        }
        return new Samples(names, rows, "random");
    }

    /** No parameters, {@code n} runs (a Monte Carlo of the model's own random functions only). */
    public static Samples none(int n) {
        requireCount(n);
        return new Samples(List.of(), new double[n][0], "none");
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return rows.length;
    }

    /** "grid", "latin hypercube", "random" or "none". */
    public String design() {
        return design;
    }

    public double value(int run, int parameter) {
        return rows[run][parameter];
    }

    /** Run i's values by parameter name, in parameter order. */
    public Map<String, Double> row(int run) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            m.put(names.get(j), rows[run][j]);
        }
        return m;
    }

    /** "Copying Lag = 0.5, Vendor Threshold = 40" for messages. */
    public String describe(int run) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < names.size(); j++) {
            sb.append(j == 0 ? "" : ", ").append(names.get(j)).append(" = ").append(Change.number(rows[run][j]));
        }
        return sb.toString();
    }

    /** A seed for run i's random functions, from the batch seed; independent of threads and order. */
    public static long runSeed(long seed, int run) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (run + 1))).nextLong();
    }

    private static void requireSome(Map<String, ?> m) {
        if (m == null || m.isEmpty()) {
            throw new IllegalArgumentException("no parameter given; name at least one model constant to vary");
        }
    }

    private static void requireCount(int n) {
        if (n < 1 || n > 10_000_000) {
            throw new IllegalArgumentException("the number of runs must be between 1 and 10,000,000, not " + n);
        }
    }
}
