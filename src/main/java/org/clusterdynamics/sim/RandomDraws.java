package org.clusterdynamics.sim;

import java.util.SplittableRandom;
import org.clusterdynamics.compile.LExpr;

/**
 * Random draws for the model's random builtins, from one seeded stream per call site. The
 * interpreter and generated code both call the scalar methods, so both consume a stream alike.
 *
 * <p>Every distribution but the normal (Box-Muller, redrawn when truncated) is sampled by
 * inversion: each draw takes exactly one value from the stream, whatever its arguments (valid or
 * not), so a call site's stream stays aligned from step to step, and nothing is allocated per draw.
 *
 * <p>Vensim's RANDOM functions draw X from a standard distribution and return shift + stretch * X,
 * truncated to [min, max]. Vensim documents the truncation as a truncated distribution, drawn again
 * until inside the bounds (its sensitivity notes contrast this with the uniform fallback used there);
 * drawing the inverse CDF at a uniform point between F(lo) and F(hi), where lo and hi are min and max
 * taken back through the shift and stretch, gives exactly that distribution with one value. When
 * min..max holds none of the distribution (or min > max), there is nothing to draw from: min > max
 * and invalid parameters give NaN (reported with the variable and time when it reaches a result),
 * a window without probability gives the untruncated draw clipped to min..max.
 */
public final class RandomDraws {
    private RandomDraws() {}

    /** How many arguments a kind reads (the others, such as Vensim's seed, are not evaluated). */
    static int arity(LExpr.RandomKind kind) {
        switch (kind) {
            case EXPONENTIAL: case POISSON: return 1;
            case UNIFORM: case NORMAL: case LOGNORMAL: case GAMMA: case BETA: case WEIBULL: case BINOMIAL: return 2;
            case TRIANGULAR: return 3;
            case NORMAL_TRUNCATED: case EXPONENTIAL_VENSIM: return 4;
            case POISSON_VENSIM: case TRIANGULAR_VENSIM: case GAMMA_VENSIM: case WEIBULL_VENSIM: return 5;
            case BETA_VENSIM: case BINOMIAL_VENSIM: case NEGATIVE_BINOMIAL_VENSIM: return 6;
            default: throw new IllegalArgumentException("random kind " + kind);
        }
    }

    /** The public static method of this class that draws a kind; generated code calls it. */
    static String method(LExpr.RandomKind kind) {
        switch (kind) {
            case UNIFORM: return "uniform";
            case NORMAL: return "normal";
            case NORMAL_TRUNCATED: return "normalTruncated";
            case EXPONENTIAL: return "exponential";
            case EXPONENTIAL_VENSIM: return "exponentialVensim";
            case POISSON: return "poisson";
            case LOGNORMAL: return "lognormal";
            case TRIANGULAR: return "triangular";
            case GAMMA: return "gamma";
            case BETA: return "beta";
            case WEIBULL: return "weibull";
            case BINOMIAL: return "binomial";
            case POISSON_VENSIM: return "poissonVensim";
            case TRIANGULAR_VENSIM: return "triangularVensim";
            case GAMMA_VENSIM: return "gammaVensim";
            case BETA_VENSIM: return "betaVensim";
            case WEIBULL_VENSIM: return "weibullVensim";
            case BINOMIAL_VENSIM: return "binomialVensim";
            case NEGATIVE_BINOMIAL_VENSIM: return "negativeBinomialVensim";
            default: throw new IllegalArgumentException("random kind " + kind);
        }
    }

    static double draw(LExpr.RandomKind kind, SplittableRandom rng, Evaluator[] a, Frame f) {
        // arguments first, in order, then the draw: generated code does the same
        int n = arity(kind);
        double x0 = a[0].eval(f);
        double x1 = n > 1 ? a[1].eval(f) : 0;
        double x2 = n > 2 ? a[2].eval(f) : 0;
        double x3 = n > 3 ? a[3].eval(f) : 0;
        double x4 = n > 4 ? a[4].eval(f) : 0;
        double x5 = n > 5 ? a[5].eval(f) : 0;
        switch (kind) {
            case UNIFORM: return uniform(rng, x0, x1);
            case NORMAL: return normal(rng, x0, x1);
            case NORMAL_TRUNCATED: return normalTruncated(rng, x0, x1, x2, x3);
            case EXPONENTIAL: return exponential(rng, x0);
            case EXPONENTIAL_VENSIM: return exponentialVensim(rng, x0, x1, x2, x3);
            case POISSON: return poisson(rng, x0);
            case LOGNORMAL: return lognormal(rng, x0, x1);
            case TRIANGULAR: return triangular(rng, x0, x1, x2);
            case GAMMA: return gamma(rng, x0, x1);
            case BETA: return beta(rng, x0, x1);
            case WEIBULL: return weibull(rng, x0, x1);
            case BINOMIAL: return binomial(rng, x0, x1);
            case POISSON_VENSIM: return poissonVensim(rng, x0, x1, x2, x3, x4);
            case TRIANGULAR_VENSIM: return triangularVensim(rng, x0, x1, x2, x3, x4);
            case GAMMA_VENSIM: return gammaVensim(rng, x0, x1, x2, x3, x4);
            case BETA_VENSIM: return betaVensim(rng, x0, x1, x2, x3, x4, x5);
            case WEIBULL_VENSIM: return weibullVensim(rng, x0, x1, x2, x3, x4);
            case BINOMIAL_VENSIM: return binomialVensim(rng, x0, x1, x2, x3, x4, x5);
            case NEGATIVE_BINOMIAL_VENSIM: return negativeBinomialVensim(rng, x0, x1, x2, x3, x4, x5);
            default: throw new IllegalArgumentException("random kind " + kind);
        }
    }

    /** Records a call site's draw for the frame's current step and returns it. */
    public static double keep(Frame f, int stream, double value) {
        f.drawn[stream] = value;
        f.drawnAt[stream] = f.step;
        return value;
    }

    public static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    public static double normal(SplittableRandom rng, double mean, double sd) {
        return mean + sd * gaussian(rng);
    }

    public static double normalTruncated(SplittableRandom rng, double lo, double hi, double mean, double sd) {
        // redraw until inside the bounds, as Vensim's truncated normal does; bounded tries
        for (int i = 0; i < 1000; i++) {
            double x = mean + sd * gaussian(rng);
            if (x >= lo && x <= hi) {
                return x;
            }
        }
        return Math.max(lo, Math.min(hi, mean));
    }

    public static double exponential(SplittableRandom rng, double mean) {
        return -mean * Math.log(1 - rng.nextDouble());
    }

    /**
     * Vensim RANDOM EXPONENTIAL(min, max, shift, stretch): shift + stretch * an exponential of mean 1,
     * truncated to min..max like the other Vensim distributions (redrawn, not clipped: of
     * RANDOM EXPONENTIAL(2, 100, 0, 1) the mean is 3); the exponential is the Weibull of shape 1.
     */
    public static double exponentialVensim(SplittableRandom rng, double lo, double hi, double shift, double stretch) {
        return weibullVensim(rng, lo, hi, 1, shift, stretch);
    }

    // ---------------------------------------------------------------- XMILE / Stella

    /** XMILE POISSON: a Poisson count of this mean (the compiler passes rate * DT, the arrivals in one step). */
    public static double poisson(SplittableRandom rng, double mean) {
        double u = rng.nextDouble();
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            return Double.NaN;
        }
        return mean == 0 ? 0 : Quantiles.poissonQuantile(mean, u);
    }

    /** XMILE LOGNORMAL(mean, sd): the mean and standard deviation of the value itself, not of its log. */
    public static double lognormal(SplittableRandom rng, double mean, double sd) {
        double u = rng.nextDouble();
        if (!(mean > 0) || !(sd >= 0) || Double.isInfinite(mean) || Double.isInfinite(sd)) {
            return Double.NaN;
        }
        double s2 = Math.log1p((sd / mean) * (sd / mean));
        return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * Quantiles.normalQuantile(u));
    }

    /** Stella TRIANGULAR(lower, mode, upper). */
    public static double triangular(SplittableRandom rng, double lower, double mode, double upper) {
        double u = rng.nextDouble();
        if (!(lower <= mode && mode <= upper) || Double.isInfinite(lower) || Double.isInfinite(upper)) {
            return Double.NaN;
        }
        return lower == upper ? lower : Quantiles.triangularQuantile(lower, mode, upper, u);
    }

    /** Stella GAMMA(shape, scale): mean shape * scale. */
    public static double gamma(SplittableRandom rng, double shape, double scale) {
        double u = rng.nextDouble();
        if (!(shape > 0) || !(scale > 0) || Double.isInfinite(shape) || Double.isInfinite(scale)) {
            return Double.NaN;
        }
        return scale * Quantiles.gammaQuantile(shape, u);
    }

    /** Stella BETA(alpha, beta): on [0, 1]. */
    public static double beta(SplittableRandom rng, double alpha, double beta) {
        double u = rng.nextDouble();
        if (!(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
            return Double.NaN;
        }
        return Quantiles.betaQuantile(alpha, beta, u);
    }

    /** Stella WEIBULL(shape, scale). */
    public static double weibull(SplittableRandom rng, double shape, double scale) {
        double u = rng.nextDouble();
        if (!(shape > 0) || !(scale > 0) || Double.isInfinite(shape) || Double.isInfinite(scale)) {
            return Double.NaN;
        }
        return scale * Math.pow(-Math.log1p(-u), 1 / shape);
    }

    /**
     * Stella BINOMIAL(trials, probability): trials rounded to a whole number. Stella's help sets a
     * probability outside 0..1 to 1; here it is NaN, reported like other invalid arguments.
     */
    public static double binomial(SplittableRandom rng, double trials, double probability) {
        double u = rng.nextDouble();
        double n = Math.rint(trials);
        if (!(n >= 0) || Double.isInfinite(n) || !(probability >= 0 && probability <= 1)) {
            return Double.NaN;
        }
        if (n == 0 || probability == 0) {
            return 0;
        }
        return probability == 1 ? n : Quantiles.binomialQuantile(n, probability, u);
    }

    // ---------------------------------------------------------------- Vensim

    /** The window lo..hi of the standard variable X whose shift + stretch * X lies in min..max. */
    private static double standardLow(double min, double max, double shift, double stretch) {
        return stretch > 0 ? (min - shift) / stretch : (max - shift) / stretch;
    }

    private static double standardHigh(double min, double max, double shift, double stretch) {
        return stretch > 0 ? (max - shift) / stretch : (min - shift) / stretch;
    }

    /** NaN when min..max is no interval or an argument is NaN. */
    private static boolean badBounds(double min, double max, double shift, double stretch) {
        return !(min <= max) || Double.isNaN(shift) || Double.isNaN(stretch) || Double.isInfinite(shift)
                || Double.isInfinite(stretch);
    }

    private static double clip(double min, double max, double x) {
        return Math.max(min, Math.min(max, x));
    }

    /** The point u of the way from probability from to probability to: what inversion reads the quantile at. */
    private static double between(double from, double to, double u) {
        return from + u * (to - from);
    }

    /** Vensim RANDOM POISSON(min, max, mean, shift, stretch): shift + stretch * a Poisson count, truncated. */
    public static double poissonVensim(SplittableRandom rng, double min, double max, double mean, double shift,
            double stretch) {
        double u = rng.nextDouble();
        if (badBounds(min, max, shift, stretch) || !(mean >= 0) || Double.isInfinite(mean)) {
            return Double.NaN;
        }
        if (stretch == 0 || mean == 0) {
            return clip(min, max, shift);
        }
        double a = Math.ceil(standardLow(min, max, shift, stretch));
        double b = Math.floor(standardHigh(min, max, shift, stretch));
        double from = a <= 0 ? 0 : Quantiles.poissonCdf(mean, a - 1);
        double to = Quantiles.poissonCdf(mean, b);
        if (!(to > from)) {
            return clip(min, max, shift + stretch * Quantiles.poissonQuantile(mean, u));
        }
        double k = Quantiles.poissonQuantile(mean, between(from, to, u));
        return clip(min, max, shift + stretch * Math.max(Math.max(a, 0), Math.min(b, k)));
    }

    /**
     * Vensim RANDOM TRIANGULAR(min, max, start, peak, end): triangular on start..end with its peak
     * at peak, truncated to min..max (no shift or stretch).
     */
    public static double triangularVensim(SplittableRandom rng, double min, double max, double start, double peak,
            double end) {
        double u = rng.nextDouble();
        if (!(min <= max) || !(start <= peak && peak <= end) || Double.isInfinite(start) || Double.isInfinite(end)) {
            return Double.NaN;
        }
        if (start == end) {
            return clip(min, max, start);
        }
        double from = Quantiles.triangularCdf(start, peak, end, min);
        double to = Quantiles.triangularCdf(start, peak, end, max);
        if (!(to > from)) {
            return clip(min, max, Quantiles.triangularQuantile(start, peak, end, u));
        }
        return clip(min, max, Quantiles.triangularQuantile(start, peak, end, between(from, to, u)));
    }

    /**
     * Vensim RANDOM GAMMA(min, max, order, shift, stretch): gamma of shape order and scale 1 (order 1
     * is RANDOM EXPONENTIAL), stretched, shifted, truncated. Vensim documents that an order below 1
     * is taken as 1.
     */
    public static double gammaVensim(SplittableRandom rng, double min, double max, double order, double shift,
            double stretch) {
        double u = rng.nextDouble();
        if (badBounds(min, max, shift, stretch) || Double.isNaN(order) || Double.isInfinite(order)) {
            return Double.NaN;
        }
        double k = Math.max(1, order);
        if (stretch == 0) {
            return clip(min, max, shift);
        }
        double from = Quantiles.gammaCdf(k, standardLow(min, max, shift, stretch));
        double to = Quantiles.gammaCdf(k, standardHigh(min, max, shift, stretch));
        if (!(to > from)) {
            return clip(min, max, shift + stretch * Quantiles.gammaQuantile(k, u));
        }
        return clip(min, max, shift + stretch * Quantiles.gammaQuantile(k, between(from, to, u)));
    }

    /** Vensim RANDOM BETA(min, max, alpha, beta, shift, stretch): beta on 0..1, stretched, shifted, truncated. */
    public static double betaVensim(SplittableRandom rng, double min, double max, double alpha, double beta,
            double shift, double stretch) {
        double u = rng.nextDouble();
        if (badBounds(min, max, shift, stretch) || !(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha)
                || Double.isInfinite(beta)) {
            return Double.NaN;
        }
        if (stretch == 0) {
            return clip(min, max, shift);
        }
        double from = Quantiles.betaCdf(alpha, beta, standardLow(min, max, shift, stretch));
        double to = Quantiles.betaCdf(alpha, beta, standardHigh(min, max, shift, stretch));
        if (!(to > from)) {
            return clip(min, max, shift + stretch * Quantiles.betaQuantile(alpha, beta, u));
        }
        return clip(min, max, shift + stretch * Quantiles.betaQuantile(alpha, beta, between(from, to, u)));
    }

    /**
     * Vensim RANDOM WEIBULL(min, max, shape, shift, stretch): Weibull of this shape and scale 1,
     * stretched, shifted, truncated. Drawn through the survival function exp(-x^shape), which keeps
     * a window far in the right tail exact.
     */
    public static double weibullVensim(SplittableRandom rng, double min, double max, double shape, double shift,
            double stretch) {
        double u = rng.nextDouble();
        if (badBounds(min, max, shift, stretch) || !(shape > 0) || Double.isInfinite(shape)) {
            return Double.NaN;
        }
        if (stretch == 0) {
            return clip(min, max, shift);
        }
        // H(x) = x^shape is the cumulative hazard; S = exp(-H)
        double lo = Math.max(0, standardLow(min, max, shift, stretch));
        double hi = standardHigh(min, max, shift, stretch);
        if (!(hi > lo)) {
            return clip(min, max, shift + stretch * Math.pow(-Math.log1p(-u), 1 / shape));
        }
        double hazardLo = Math.pow(lo, shape);
        double width = hi == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : Math.pow(hi, shape) - hazardLo;
        // the hazard past lo, of an exponential truncated to 0..width
        double extra = -Math.log1p(u * Math.expm1(-width));
        double x = Math.pow(hazardLo + extra, 1 / shape);
        return clip(min, max, shift + stretch * Math.min(hi, Math.max(lo, x)));
    }

    /**
     * Vensim RANDOM BINOMIAL(min, max, probability, trials, shift, stretch): the successes in trials
     * (rounded to a whole number, as Vensim documents), stretched, shifted, truncated.
     */
    public static double binomialVensim(SplittableRandom rng, double min, double max, double probability,
            double trials, double shift, double stretch) {
        double u = rng.nextDouble();
        double n = Math.rint(trials);
        if (badBounds(min, max, shift, stretch) || !(n >= 0) || Double.isInfinite(n)
                || !(probability >= 0 && probability <= 1)) {
            return Double.NaN;
        }
        if (stretch == 0 || n == 0 || probability == 0) {
            return clip(min, max, shift);
        }
        if (probability == 1) {
            return clip(min, max, shift + stretch * n);
        }
        double a = Math.ceil(standardLow(min, max, shift, stretch));
        double b = Math.floor(standardHigh(min, max, shift, stretch));
        double from = a <= 0 ? 0 : Quantiles.binomialCdf(n, probability, a - 1);
        double to = Quantiles.binomialCdf(n, probability, b);
        if (!(to > from)) {
            return clip(min, max, shift + stretch * Quantiles.binomialQuantile(n, probability, u));
        }
        double k = Quantiles.binomialQuantile(n, probability, between(from, to, u));
        return clip(min, max, shift + stretch * Math.max(Math.max(a, 0), Math.min(b, k)));
    }

    /**
     * Vensim RANDOM NEGATIVE BINOMIAL(min, max, probability, successes, shift, stretch): the number
     * of trials up to the successes-th success (from successes up; successes rounded to a whole
     * number), stretched, shifted, truncated.
     */
    public static double negativeBinomialVensim(SplittableRandom rng, double min, double max, double probability,
            double successes, double shift, double stretch) {
        double u = rng.nextDouble();
        double r = Math.rint(successes);
        if (badBounds(min, max, shift, stretch) || !(r >= 0) || Double.isInfinite(r)
                || !(probability > 0 && probability <= 1)) {
            return Double.NaN;
        }
        if (stretch == 0) {
            return clip(min, max, shift);
        }
        if (r == 0 || probability == 1) {
            return clip(min, max, shift + stretch * r);
        }
        // trials = r + failures
        double a = Math.ceil(standardLow(min, max, shift, stretch)) - r;
        double b = Math.floor(standardHigh(min, max, shift, stretch)) - r;
        double from = a <= 0 ? 0 : Quantiles.negativeBinomialCdf(r, probability, a - 1);
        double to = Quantiles.negativeBinomialCdf(r, probability, b);
        if (!(to > from)) {
            return clip(min, max, shift + stretch * (r + Quantiles.negativeBinomialQuantile(r, probability, u)));
        }
        double k = Quantiles.negativeBinomialQuantile(r, probability, between(from, to, u));
        return clip(min, max, shift + stretch * (r + Math.max(Math.max(a, 0), Math.min(b, k))));
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller: one value per call keeps the stream's use per step fixed
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
