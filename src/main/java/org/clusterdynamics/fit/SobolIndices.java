package org.clusterdynamics.fit;

import java.util.Arrays;
import org.hipparchus.random.MersenneTwister;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.SobolSequenceGenerator;

/**
 * Sobol first-order and total indices: Saltelli's sampling (matrices A and B from a randomly shifted
 * Sobol sequence, and A with column i taken from B for each input i) and Jansen's estimators, with
 * percentile intervals from a bootstrap over the sample rows. Pure arithmetic on the unit cube.
 */
public final class SobolIndices {
    private SobolIndices() {}

    /** Indices of one output; the intervals are 95% bootstrap percentiles (NaN without bootstrap). */
    public record Indices(double[] first, double[] total, double[] firstLo, double[] firstHi, double[] totalLo,
                          double[] totalHi, double variance, int rowsUsed) {}

    /**
     * The unit-cube design, {@code n * (k + 2)} rows in blocks: A (n rows), B (n rows), then A with
     * column i from B for i = 1..k. The seed sets the random shift of the Sobol points.
     */
    public static double[][] design(int k, int n, long seed) {
        if (k < 1 || k > 500 || n < 2) {
            throw new IllegalArgumentException("a Sobol design needs 1 to 500 inputs and at least 2 samples (got " + k
                    + " inputs, " + n + " samples)");
        }
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * k);
        sobol.skipTo(1);
        RandomGenerator rng = new MersenneTwister(seed);
        double[] shift = new double[2 * k];
        for (int j = 0; j < shift.length; j++) {
            shift[j] = rng.nextDouble();
        }
        double[][] rows = new double[n * (k + 2)][];
        for (int j = 0; j < n; j++) {
            double[] x = sobol.nextVector();
            double[] a = new double[k];
            double[] b = new double[k];
            for (int i = 0; i < k; i++) {
                a[i] = (x[i] + shift[i]) % 1.0;
                b[i] = (x[k + i] + shift[k + i]) % 1.0;
            }
            rows[j] = a;
            rows[n + j] = b;
            for (int i = 0; i < k; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                rows[(2 + i) * n + j] = ab;
            }
        }
        return rows;
    }

    /**
     * Indices from the outputs of the design's rows (in design order). Rows j whose evaluations
     * include a NaN (a failed run) are left out.
     */
    public static Indices compute(double[] y, int k, int n, int bootstrap, long seed) {
        if (y.length != n * (k + 2)) {
            throw new IllegalArgumentException("expected " + n * (k + 2) + " outputs, got " + y.length);
        }
        int[] rows = new int[n];
        int used = 0;
        for (int j = 0; j < n; j++) {
            boolean ok = true;
            for (int b = 0; b < k + 2; b++) {
                ok &= !Double.isNaN(y[b * n + j]);
            }
            if (ok) {
                rows[used++] = j;
            }
        }
        rows = Arrays.copyOf(rows, used);
        double[][] est = estimate(y, k, n, rows);
        double[] fLo = new double[k];
        double[] fHi = new double[k];
        double[] tLo = new double[k];
        double[] tHi = new double[k];
        Arrays.fill(fLo, Double.NaN);
        Arrays.fill(fHi, Double.NaN);
        Arrays.fill(tLo, Double.NaN);
        Arrays.fill(tHi, Double.NaN);
        if (bootstrap > 0 && used > 1) {
            RandomGenerator rng = new MersenneTwister(seed ^ 0x5DEECE66DL);
            double[][] f = new double[k][bootstrap];
            double[][] t = new double[k][bootstrap];
            int[] pick = new int[used];
            for (int r = 0; r < bootstrap; r++) {
                for (int j = 0; j < used; j++) {
                    pick[j] = rows[rng.nextInt(used)];
                }
                double[][] e = estimate(y, k, n, pick);
                for (int i = 0; i < k; i++) {
                    f[i][r] = e[0][i];
                    t[i][r] = e[1][i];
                }
            }
            for (int i = 0; i < k; i++) {
                Arrays.sort(f[i]);
                Arrays.sort(t[i]);
                fLo[i] = quantile(f[i], 0.025);
                fHi[i] = quantile(f[i], 0.975);
                tLo[i] = quantile(t[i], 0.025);
                tHi[i] = quantile(t[i], 0.975);
            }
        }
        return new Indices(est[0], est[1], fLo, fHi, tLo, tHi, est[2][0], used);
    }

    /** {first-order, total, {variance}} by Jansen's estimators over the given rows. */
    private static double[][] estimate(double[] y, int k, int n, int[] rows) {
        int m = rows.length;
        double mean = 0;
        for (int j : rows) {
            mean += y[j] + y[n + j];
        }
        mean /= 2.0 * m;
        double var = 0;
        for (int j : rows) {
            double a = y[j] - mean;
            double b = y[n + j] - mean;
            var += a * a + b * b;
        }
        var /= 2.0 * m - 1;
        double[] first = new double[k];
        double[] total = new double[k];
        for (int i = 0; i < k; i++) {
            double sb = 0;
            double sa = 0;
            int base = (2 + i) * n;
            for (int j : rows) {
                double dB = y[n + j] - y[base + j];
                double dA = y[j] - y[base + j];
                sb += dB * dB;
                sa += dA * dA;
            }
            first[i] = var > 0 ? (var - sb / (2.0 * m)) / var : Double.NaN;
            total[i] = var > 0 ? sa / (2.0 * m) / var : Double.NaN;
        }
        return new double[][] {first, total, {var}};
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
