package org.clusterdynamics.fit;

import org.hipparchus.random.MersenneTwister;
import org.hipparchus.random.RandomGenerator;

/**
 * Morris elementary effects for screening: {@code r} trajectories on a grid of {@code p} levels of
 * the unit cube, each moving one input at a time by Delta = p / (2 (p - 1)) in a random order; per input
 * the mean of the absolute effects (mu*), the mean (mu) and their standard deviation (sigma).
 */
public final class MorrisEffects {
    private MorrisEffects() {}

    /** Per input: mu* (the ranking measure), mu and sigma, in output units per unit of the input's range. */
    public record Effects(double[] muStar, double[] mu, double[] sigma, int trajectoriesUsed) {}

    public static double delta(int levels) {
        return levels / (2.0 * (levels - 1));
    }

    /** The design: {@code r * (k + 1)} unit-cube rows, trajectory after trajectory. */
    public static double[][] design(int k, int r, int levels, long seed) {
        if (k < 1 || r < 2 || levels < 2 || levels % 2 != 0) {
            throw new IllegalArgumentException("a Morris design needs at least 1 input, 2 trajectories and an even"
                    + " number of levels (got " + k + " inputs, " + r + " trajectories, " + levels + " levels)");
        }
        RandomGenerator rng = new MersenneTwister(seed);
        double d = delta(levels);
        double[][] rows = new double[r * (k + 1)][];
        for (int t = 0; t < r; t++) {
            double[] x = new double[k];
            for (int i = 0; i < k; i++) {
                // a level from the lower half, so that x + Delta stays inside the cube
                x[i] = rng.nextInt(levels / 2) / (double) (levels - 1);
            }
            int[] order = new int[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            for (int i = k - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int s = order[i];
                order[i] = order[j];
                order[j] = s;
            }
            rows[t * (k + 1)] = x.clone();
            for (int s = 0; s < k; s++) {
                x[order[s]] += d;
                rows[t * (k + 1) + s + 1] = x.clone();
            }
        }
        return rows;
    }

    /** Effects from the outputs of the design's rows; trajectories with a NaN (a failed run) are left out. */
    public static Effects compute(double[][] design, double[] y, int k, int r, int levels) {
        double d = delta(levels);
        double[] sum = new double[k];
        double[] sumAbs = new double[k];
        double[] sumSq = new double[k];
        int used = 0;
        for (int t = 0; t < r; t++) {
            int base = t * (k + 1);
            boolean ok = true;
            for (int s = 0; s <= k; s++) {
                ok &= !Double.isNaN(y[base + s]);
            }
            if (!ok) {
                continue;
            }
            used++;
            for (int s = 0; s < k; s++) {
                double[] a = design[base + s];
                double[] b = design[base + s + 1];
                int i = 0;
                while (i < k && a[i] == b[i]) {
                    i++;
                }
                double ee = (y[base + s + 1] - y[base + s]) / d;
                sum[i] += ee;
                sumAbs[i] += Math.abs(ee);
                sumSq[i] += ee * ee;
            }
        }
        double[] muStar = new double[k];
        double[] mu = new double[k];
        double[] sigma = new double[k];
        for (int i = 0; i < k; i++) {
            mu[i] = used > 0 ? sum[i] / used : Double.NaN;
            muStar[i] = used > 0 ? sumAbs[i] / used : Double.NaN;
            sigma[i] = used > 1 ? Math.sqrt(Math.max(0, (sumSq[i] - used * mu[i] * mu[i]) / (used - 1))) : Double.NaN;
        }
        return new Effects(muStar, mu, sigma, used);
    }
}
