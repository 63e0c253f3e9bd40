package org.clusterdynamics.scenario;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * A named probability distribution of an uncertain parameter, sampled through its inverse
 * cumulative distribution so that random and Latin hypercube sampling share one path.
 */
public sealed interface Distribution permits Distribution.Uniform, Distribution.LogUniform, Distribution.Normal,
        Distribution.LogNormal, Distribution.Triangular, Distribution.Choice {

    /** The value below which a fraction {@code u} (0..1) of the distribution lies. */
    double quantile(double u);

    /** "uniform(0.5, 2)" as a script would write it. */
    String describe();

    /** Every value between min and max equally likely. */
    record Uniform(double min, double max) implements Distribution {
        public Uniform {
            requireOrdered("uniform", min, max);
        }

        @Override
        public double quantile(double u) {
            return min + (max - min) * u;
        }

        @Override
        public String describe() {
            return "uniform(" + Change.number(min) + ", " + Change.number(max) + ")";
        }
    }

    /** Uniform in the logarithm: as likely between 0.1 and 1 as between 1 and 10 (for lags, rates). */
    record LogUniform(double min, double max) implements Distribution {
        public LogUniform {
            requireOrdered("loguniform", min, max);
            if (!(min > 0)) {
                throw new IllegalArgumentException("loguniform(" + Change.number(min) + ", " + Change.number(max)
                        + "): both bounds must be positive");
            }
        }

        @Override
        public double quantile(double u) {
            return Math.exp(Math.log(min) + (Math.log(max) - Math.log(min)) * u);
        }

        @Override
        public String describe() {
            return "loguniform(" + Change.number(min) + ", " + Change.number(max) + ")";
        }
    }

    /** A normal distribution, truncated to [min, max] when those are finite (use infinities for none). */
    record Normal(double mean, double sd, double min, double max) implements Distribution {
        public Normal {
            requireFinite("normal", mean, sd);
            if (!(sd > 0)) {
                throw new IllegalArgumentException("normal(" + Change.number(mean) + ", " + Change.number(sd)
                        + "): the standard deviation must be positive");
            }
            if (!(min < max) || min >= mean + 8 * sd || max <= mean - 8 * sd) {
                throw new IllegalArgumentException("normal(" + Change.number(mean) + ", " + Change.number(sd)
                        + ") truncated to [" + Change.number(min) + ", " + Change.number(max) + "]: the bounds must be"
                        + " ordered and leave some of the distribution between them");
            }
        }

        public static Normal of(double mean, double sd) {
            return new Normal(mean, sd, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }

        @Override
        public double quantile(double u) {
            NormalDistribution n = new NormalDistribution(mean, sd);
            double lo = Double.isInfinite(min) ? 0 : n.cumulativeProbability(min);
            double hi = Double.isInfinite(max) ? 1 : n.cumulativeProbability(max);
            double x = n.inverseCumulativeProbability(clamp(lo + (hi - lo) * u));
            return Math.max(min, Math.min(max, x));
        }

        @Override
        public String describe() {
            String s = "normal(" + Change.number(mean) + ", " + Change.number(sd);
            String lo = Double.isInfinite(min) ? "" : "min: " + Change.number(min);
            String hi = Double.isInfinite(max) ? "" : "max: " + Change.number(max);
            if (!lo.isEmpty() || !hi.isEmpty()) {
                s += ", {" + lo + (!lo.isEmpty() && !hi.isEmpty() ? ", " : "") + hi + "}";
            }
            return s + ")";
        }
    }

    /** A log-normal distribution given by the mean and standard deviation of the value itself (not its log). */
    record LogNormal(double mean, double sd) implements Distribution {
        public LogNormal {
            requireFinite("lognormal", mean, sd);
            if (!(mean > 0) || !(sd > 0)) {
                throw new IllegalArgumentException("lognormal(" + Change.number(mean) + ", " + Change.number(sd)
                        + "): the mean and standard deviation must be positive");
            }
        }

        @Override
        public double quantile(double u) {
            double s2 = Math.log(1 + (sd * sd) / (mean * mean));
            double mu = Math.log(mean) - s2 / 2;
            return Math.exp(mu + Math.sqrt(s2) * new NormalDistribution(0, 1).inverseCumulativeProbability(clamp(u)));
        }

        @Override
        public String describe() {
            return "lognormal(" + Change.number(mean) + ", " + Change.number(sd) + ")";
        }
    }

    /** Most likely at the mode, falling linearly to zero at min and max. */
    record Triangular(double min, double mode, double max) implements Distribution {
        public Triangular {
            requireFinite("triangular", min, max);
            if (!(min <= mode && mode <= max && min < max)) {
                throw new IllegalArgumentException("triangular(" + Change.number(min) + ", " + Change.number(mode)
                        + ", " + Change.number(max) + "): needs min <= mode <= max and min < max");
            }
        }

        @Override
        public double quantile(double u) {
            double f = (mode - min) / (max - min);
            return u < f ? min + Math.sqrt(u * (max - min) * (mode - min))
                    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
        }

        @Override
        public String describe() {
            return "triangular(" + Change.number(min) + ", " + Change.number(mode) + ", " + Change.number(max) + ")";
        }
    }

    /** One of a few values, with weights (equal when not given). */
    record Choice(double[] values, double[] weights) implements Distribution {
        public Choice {
            if (values == null || values.length == 0) {
                throw new IllegalArgumentException("choice: give at least one value, e.g. choice([1, 2, 3])");
            }
            if (weights == null || weights.length == 0) {
                weights = new double[values.length];
                Arrays.fill(weights, 1);
            }
            if (weights.length != values.length) {
                throw new IllegalArgumentException("choice: " + values.length + " values but " + weights.length
                        + " weights; give one weight per value");
            }
            for (double w : weights) {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("choice: weights must be finite and not negative");
                }
            }
            if (Arrays.stream(weights).sum() <= 0) {
                throw new IllegalArgumentException("choice: at least one weight must be positive");
            }
            values = values.clone();
            weights = weights.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }

        @Override
        public double quantile(double u) {
            double total = Arrays.stream(weights).sum();
            double acc = 0;
            for (int i = 0; i < values.length; i++) {
                acc += weights[i] / total;
                if (u < acc) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder("choice([");
            for (int i = 0; i < values.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(Change.number(values[i]));
            }
            return sb.append("])").toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Choice c && Arrays.equals(c.values, values) && Arrays.equals(c.weights, weights);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values) * 31 + Arrays.hashCode(weights);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    private static double clamp(double u) {
        // the tails of unbounded distributions: keep draws finite
        return Math.max(1e-12, Math.min(1 - 1e-12, u));
    }

    private static void requireOrdered(String what, double min, double max) {
        requireFinite(what, min, max);
        if (!(min <= max)) {
            throw new IllegalArgumentException(what + "(" + Change.number(min) + ", " + Change.number(max)
                    + "): the minimum is above the maximum; give (min, max)");
        }
    }

    private static void requireFinite(String what, double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException(what + ": the parameters must be finite numbers, got "
                    + a + " and " + b);
        }
    }
}
