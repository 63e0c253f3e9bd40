package org.clusterdynamics.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

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
        for (int j = 0; j < names.size(); j++) {
            Distribution d = dists.get(names.get(j));
            int[] perm = permutation(n, rng);
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

    /**
     * The same draws, reordered so that the named parameters are correlated as given (Iman and
     * Conover 1982, "A distribution-free approach to inducing rank correlation among input
     * variables"): normal scores are given the target correlation, and each parameter's values are
     * put in the rank order of its scores. Every parameter keeps exactly its own values (a Latin
     * hypercube stays one); only which run gets which value changes. Used for estimates that a
     * calibration found correlated. The same seed gives the same order.
     *
     * @param correlated the parameters to correlate, each one of {@link #names()}
     * @param matrix their correlation matrix: symmetric, ones on the diagonal, positive definite
     */
    public Samples correlated(List<String> correlated, double[][] matrix, long seed) {
        int k = correlated.size();
        int[] cols = new int[k];
        for (int j = 0; j < k; j++) {
            cols[j] = names.indexOf(correlated.get(j));
            if (cols[j] < 0) {
                throw new IllegalArgumentException("correlation: '" + correlated.get(j) + "' is not among the parameters"
                        + " drawn (" + String.join(", ", names) + "); give it a distribution in parameters");
            }
        }
        RealMatrix target = checkedCorrelation(correlated, matrix);
        int n = rows.length;
        if (n < 3 || k < 2) {
            return this;
        }
        // van der Waerden scores, shuffled independently per parameter
        NormalDistribution normal = new NormalDistribution(0, 1);
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[][] scores = new double[n][k];
        for (int j = 0; j < k; j++) {
            int[] perm = permutation(n, rng);
            for (int i = 0; i < n; i++) {
                scores[i][j] = normal.inverseCumulativeProbability((perm[i] + 1.0) / (n + 1));
            }
        }
        // T = S (Q^-1)' P', where P P' is the target and Q Q' the scores' own sample correlation
        RealMatrix s = new Array2DRowRealMatrix(scores, false);
        RealMatrix p = cholesky(target, correlated);
        // with few runs the scores' own correlation is singular: then only the target is imposed
        RealMatrix t = s.multiply(p.transpose());
        if (n > k + 1) {
            try {
                RealMatrix q = new CholeskyDecomposition(sampleCorrelation(scores), 1e-6, 1e-10).getL();
                t = s.multiply(MatrixUtils.inverse(q).transpose()).multiply(p.transpose());
            } catch (MathIllegalArgumentException e) {
                // keep the uncorrected scores
            }
        }
        final RealMatrix scored = t;
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = rows[i].clone();
        }
        for (int j = 0; j < k; j++) {
            double[] sorted = new double[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = rows[i][cols[j]];
            }
            java.util.Arrays.sort(sorted);
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            final int col = j;
            java.util.Arrays.sort(order, (a, b) -> Double.compare(scored.getEntry(a, col), scored.getEntry(b, col)));
            for (int r = 0; r < n; r++) {
                out[order[r]][cols[j]] = sorted[r];
            }
        }
        return new Samples(names, out, design);
    }

    private static RealMatrix checkedCorrelation(List<String> names, double[][] m) {
        int k = names.size();
        if (m == null || m.length != k) {
            throw new IllegalArgumentException("correlation: the matrix needs " + k + " rows, one per name ("
                    + String.join(", ", names) + ")");
        }
        for (int i = 0; i < k; i++) {
            if (m[i] == null || m[i].length != k) {
                throw new IllegalArgumentException("correlation: row " + (i + 1) + " of the matrix needs " + k + " values");
            }
            for (int j = 0; j < k; j++) {
                double r = m[i][j];
                if (!Double.isFinite(r) || Math.abs(r) > 1 + 1e-9) { // a calibration's 1.0000000000000002 is 1
                    throw new IllegalArgumentException("correlation: the value for '" + names.get(i) + "' and '"
                            + names.get(j) + "' must be between -1 and 1, not " + Change.number(r));
                }
                if (Math.abs(r - m[j][i]) > 1e-6) {
                    throw new IllegalArgumentException("correlation: the matrix must be symmetric; '" + names.get(i)
                            + "' and '" + names.get(j) + "' have " + Change.number(r) + " and " + Change.number(m[j][i]));
                }
            }
            if (Math.abs(m[i][i] - 1) > 1e-6) {
                throw new IllegalArgumentException("correlation: '" + names.get(i) + "' must have 1 on the diagonal, not "
                        + Change.number(m[i][i]));
            }
        }
        return new Array2DRowRealMatrix(m);
    }

    private static RealMatrix cholesky(RealMatrix m, List<String> names) {
        try {
            return new CholeskyDecomposition(m, 1e-6, 1e-10).getL();
        } catch (MathIllegalArgumentException e) {
            throw new IllegalArgumentException("correlation: the matrix of " + String.join(", ", names) + " is not"
                    + " positive definite (no set of variables can have these correlations); check its values");
        }
    }

    private static RealMatrix sampleCorrelation(double[][] x) {
        int n = x.length;
        int k = x[0].length;
        double[][] c = new double[k][k];
        double[] mean = new double[k];
        double[] sd = new double[k];
        for (int j = 0; j < k; j++) {
            for (double[] row : x) {
                mean[j] += row[j] / n;
            }
            for (double[] row : x) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
            sd[j] = Math.sqrt(sd[j]);
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double s = 0;
                for (double[] row : x) {
                    s += (row[a] - mean[a]) * (row[b] - mean[b]);
                }
                c[a][b] = s / (sd[a] * sd[b]);
            }
        }
        return new Array2DRowRealMatrix(c, false);
    }

    /** A random ordering of 0..n-1 (Fisher-Yates), drawn from {@code rng}. */
    static int[] permutation(int n, SplittableRandom rng) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
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
