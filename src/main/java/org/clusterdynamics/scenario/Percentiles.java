package org.clusterdynamics.scenario;

import java.util.Arrays;

/**
 * Percentiles of samples: exact ones from all values (linear between order statistics, as R's
 * type 7 and NumPy's default), and a streaming estimate (P-square, Jain and Chlamtac 1985) that
 * keeps five numbers whatever the number of samples, for batches too large to keep.
 */
public final class Percentiles {
    private Percentiles() {}

    /** The p-th percentile (0..100) of the values; the array is sorted in place. */
    public static double exact(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(values);
        return sorted(values, p);
    }

    /** The p-th percentile of values already sorted ascending. */
    public static double sorted(double[] sorted, double p) {
        int n = sorted.length;
        double h = (n - 1) * p / 100.0;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /** Checks percentiles given by a user: each within 0..100. */
    public static double[] check(double[] ps) {
        if (ps == null || ps.length == 0) {
            throw new IllegalArgumentException("give at least one percentile, e.g. [5, 50, 95]");
        }
        for (double p : ps) {
            if (!(p >= 0 && p <= 100)) {
                throw new IllegalArgumentException("percentile " + p + " is outside 0..100");
            }
        }
        double[] out = ps.clone();
        Arrays.sort(out);
        return out;
    }

    /**
     * A streaming estimate of one percentile from five markers; the same values in the same order
     * always give the same estimate. Exact for the minimum, the maximum and fewer than six values.
     */
    public static final class Sketch {
        private final double p;
        private final double[] q = new double[5];
        private final double[] n = new double[5];
        private final double[] want = new double[5];
        private final double[] step;
        private long count;

        public Sketch(double percentile) {
            this.p = percentile / 100.0;
            this.step = new double[] {0, p / 2, p, (1 + p) / 2, 1};
        }

        public void add(double x) {
            if (count < 5) {
                q[(int) count++] = x;
                if (count == 5) {
                    Arrays.sort(q);
                    for (int i = 0; i < 5; i++) {
                        n[i] = i;
                    }
                    want[0] = 0;
                    want[1] = 2 * p;
                    want[2] = 4 * p;
                    want[3] = 2 + 2 * p;
                    want[4] = 4;
                }
                return;
            }
            count++;
            int k;
            if (x < q[0]) {
                q[0] = x;
                k = 0;
            } else if (x >= q[4]) {
                q[4] = Math.max(q[4], x);
                k = 3;
            } else {
                k = 0;
                while (k < 3 && x >= q[k + 1]) {
                    k++;
                }
            }
            for (int i = k + 1; i < 5; i++) {
                n[i]++;
            }
            for (int i = 0; i < 5; i++) {
                want[i] += step[i];
            }
            for (int i = 1; i <= 3; i++) {
                double d = want[i] - n[i];
                if ((d >= 1 && n[i + 1] - n[i] > 1) || (d <= -1 && n[i - 1] - n[i] < -1)) {
                    int s = d >= 0 ? 1 : -1;
                    double qp = parabolic(i, s);
                    q[i] = q[i - 1] < qp && qp < q[i + 1] ? qp : linear(i, s);
                    n[i] += s;
                }
            }
        }

        private double parabolic(int i, int s) {
            return q[i] + s / (n[i + 1] - n[i - 1]) * ((n[i] - n[i - 1] + s) * (q[i + 1] - q[i]) / (n[i + 1] - n[i])
                    + (n[i + 1] - n[i] - s) * (q[i] - q[i - 1]) / (n[i] - n[i - 1]));
        }

        private double linear(int i, int s) {
            return q[i] + s * (q[i + s] - q[i]) / (n[i + s] - n[i]);
        }

        public double value() {
            if (count == 0) {
                return Double.NaN;
            }
            if (count < 5) {
                double[] first = Arrays.copyOf(q, (int) count);
                Arrays.sort(first);
                return sorted(first, p * 100);
            }
            if (p == 0) {
                return q[0];
            }
            if (p == 1) {
                return q[4];
            }
            return q[2];
        }
    }
}
