package org.clusterdynamics.sim;

/**
 * Cumulative distribution functions and their inverses for the random builtins, written so that
 * a draw allocates nothing: Hipparchus's distribution objects, its regularized gamma and beta
 * functions (a continued-fraction object per call) and even its log-gamma and log-beta allocate,
 * so the continued fractions (modified Lentz) and log-gamma (Lanczos) are evaluated here; the
 * tests check all of them against Hipparchus. Inverses refine a closed-form first guess by
 * safeguarded Halley steps (bisection when a step leaves the bracket), so they converge for every
 * valid parameter. Invalid parameters give NaN; callers check them first.
 */
final class Quantiles {
    private Quantiles() {}

    private static final double EPS = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_TERMS = 100_000;

    // ---------------------------------------------------------------- log-gamma

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    /** ln Gamma(x) for x > 0 (Lanczos, g = 7, about 1e-15 relative). */
    static double logGamma(double x) {
        if (!(x > 0)) {
            return Double.NaN;
        }
        if (x == 1 || x == 2) {
            return 0; // exactly, so that probabilities such as a fair coin's come out exact
        }
        if (x < 0.5) {
            // Gamma(x) = Gamma(x + 1) / x keeps the series where it is accurate
            return logGamma(x + 1) - Math.log(x);
        }
        double y = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (y + i);
        }
        double t = y + 7.5;
        return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** ln B(a, b) for a, b > 0. */
    static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }

    // ---------------------------------------------------------------- normal

    /**
     * The standard normal quantile by Wichura's algorithm AS 241 (PPND16), accurate to about 1e-16
     * relative: p 0 gives -infinity, 1 gives +infinity.
     */
    static double normalQuantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                    + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
                    / (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                    + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                    + 42.313330701600911252) * r + 1);
        }
        double r = q < 0 ? p : 1 - p;
        if (r == 0) {
            return q < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        r = Math.sqrt(-Math.log(r));
        double x;
        if (r <= 5) {
            r -= 1.6;
            x = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                    + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                    / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                    + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1);
        } else {
            r -= 5;
            x = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                    + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                    + 5.4637849111641143699) * r + 6.6579046435011037772)
                    / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                    + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                    + 0.59983220655588793769) * r + 1);
        }
        return q < 0 ? -x : x;
    }

    // ---------------------------------------------------------------- gamma

    /** The regularized lower incomplete gamma function P(a, x), for a > 0. */
    static double gammaCdf(double a, double x) {
        if (!(a > 0) || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 1;
        }
        return x < a + 1 ? gammaSeries(a, x) : 1 - gammaFraction(a, x);
    }

    /** The regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x), for a > 0. */
    static double gammaSurvival(double a, double x) {
        if (!(a > 0) || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0;
        }
        return x < a + 1 ? 1 - gammaSeries(a, x) : gammaFraction(a, x);
    }

    private static double gammaPrefactor(double a, double x) {
        return Math.exp(a * Math.log(x) - x - logGamma(a));
    }

    private static double gammaSeries(double a, double x) {
        double ap = a;
        double term = 1 / a;
        double sum = term;
        for (int n = 0; n < MAX_TERMS; n++) {
            ap += 1;
            term *= x / ap;
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPS) {
                break;
            }
        }
        return Math.min(1, sum * gammaPrefactor(a, x));
    }

    private static double gammaFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_TERMS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < EPS) {
                break;
            }
        }
        return Math.min(1, gammaPrefactor(a, x) * h);
    }

    /** The x at which P(a, x) = p, for shape a > 0 (scale 1). */
    static double gammaQuantile(double a, double p) {
        if (!(a > 0) || !(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        if (p == 0) {
            return 0;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double x;
        if (a > 1) {
            // Wilson-Hilferty, or the left tail's P(a, x) ~ x^a / Gamma(a + 1) where that is smaller
            double z = normalQuantile(p);
            x = a * Math.pow(1 - 1 / (9 * a) + z / (3 * Math.sqrt(a)), 3);
            double tail = Math.exp((Math.log(p) + logGamma(a + 1)) / a);
            if (!(x > 0) || tail < x) {
                x = tail;
            }
        } else {
            // small shape: the density near 0 dominates
            double t = 1 - a * (0.253 + a * 0.12);
            x = p < t ? Math.pow(p / t, 1 / a) : 1 - Math.log(1 - (p - t) / (1 - t));
        }
        if (!(x > 0) || Double.isInfinite(x)) {
            x = a;
        }
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double logNorm = logGamma(a);
        for (int i = 0; i < 400; i++) {
            double f = gammaCdf(a, x) - p;
            if (f == 0) {
                return x;
            }
            if (f < 0) {
                lo = x;
            } else {
                hi = x;
            }
            double density = Math.exp((a - 1) * Math.log(x) - x - logNorm);
            double next = Double.NaN;
            if (density > 0 && Double.isFinite(density)) {
                double u = f / density;
                // Halley near the root (the density's log-derivative is (a - 1) / x - 1), Newton further out
                double c = u * ((a - 1) / x - 1);
                next = x - (Math.abs(c) < 1 ? u / (1 - 0.5 * c) : u);
            }
            if (!(next > lo && next < hi)) {
                next = hi == Double.POSITIVE_INFINITY ? 4 * lo : lo == 0 ? hi / 16 : split(lo, hi);
            }
            if (Math.abs(next - x) <= 1e-15 * x) {
                return next;
            }
            x = next;
        }
        return x;
    }

    /** A point between 0 < lo < hi: geometric while they are far apart in ratio, else the midpoint. */
    private static double split(double lo, double hi) {
        return hi > 4 * lo ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
    }

    // ---------------------------------------------------------------- beta

    /** The regularized incomplete beta function I_x(a, b), for a, b > 0. */
    static double betaCdf(double a, double b, double x) {
        if (!(a > 0) || !(b > 0) || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
        if (x < (a + 1) / (a + b + 2)) {
            return Math.min(1, front * betaFraction(a, b, x) / a);
        }
        return Math.max(0, 1 - front * betaFraction(b, a, 1 - x) / b);
    }

    private static double betaFraction(double a, double b, double x) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < TINY) {
            d = TINY;
        }
        d = 1 / d;
        double h = d;
        for (int m = 1; m < MAX_TERMS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < EPS) {
                break;
            }
        }
        return h;
    }

    /** The x in [0, 1] at which I_x(a, b) = p, for a, b > 0. */
    static double betaQuantile(double a, double b, double p) {
        if (!(a > 0) || !(b > 0) || !(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        if (p == 0) {
            return 0;
        }
        if (p == 1) {
            return 1;
        }
        double x;
        if (a >= 1 && b >= 1) {
            // normal approximation (Abramowitz and Stegun 26.5.22)
            double z = -normalQuantile(p);
            double al = (z * z - 3) / 6;
            double h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
            double w = z * Math.sqrt(al + h) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5.0 / 6 - 2 / (3 * h));
            x = a / (a + b * Math.exp(2 * w));
        } else {
            // the two power-law ends of the density
            double t = Math.exp(a * Math.log(a / (a + b))) / a;
            double u = Math.exp(b * Math.log(b / (a + b))) / b;
            double w = t + u;
            x = p < t / w ? Math.pow(a * w * p, 1 / a) : 1 - Math.pow(b * w * (1 - p), 1 / b);
        }
        if (!(x > 0 && x < 1)) {
            x = 0.5;
        }
        double lo = 0;
        double hi = 1;
        double logNorm = logBeta(a, b);
        for (int i = 0; i < 400; i++) {
            double f = betaCdf(a, b, x) - p;
            if (f == 0) {
                return x;
            }
            if (f < 0) {
                lo = x;
            } else {
                hi = x;
            }
            double density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logNorm);
            double next = Double.NaN;
            if (density > 0 && Double.isFinite(density)) {
                double u = f / density;
                double c = u * ((a - 1) / x - (b - 1) / (1 - x));
                next = x - (Math.abs(c) < 1 ? u / (1 - 0.5 * c) : u);
            }
            if (!(next > lo && next < hi)) {
                // bisect geometrically towards whichever end is far away in ratio
                if (lo == 0) {
                    next = hi / 16;
                } else if (hi == 1) {
                    next = 1 - (1 - lo) / 16;
                } else if (hi < 0.5) {
                    next = split(lo, hi);
                } else if (lo > 0.5) {
                    next = 1 - split(1 - hi, 1 - lo);
                } else {
                    next = 0.5 * (lo + hi);
                }
            }
            if (Math.abs(next - x) <= 1e-15 * Math.min(x, 1 - x) || next == x) {
                return next;
            }
            x = next;
        }
        return x;
    }

    // ---------------------------------------------------------------- discrete

    /** P(K <= k) for a Poisson count of this mean (mean > 0). */
    static double poissonCdf(double mean, double k) {
        if (k < 0) {
            return 0;
        }
        return gammaSurvival(Math.floor(k) + 1, mean);
    }

    /** The smallest count k with P(K <= k) >= p, for a Poisson count of this mean (mean > 0, 0 < p < 1). */
    static double poissonQuantile(double mean, double p) {
        double sd = Math.sqrt(mean);
        long k = Math.max(0, Math.round(mean + sd * normalQuantile(p)));
        double c = poissonCdf(mean, k);
        double pm = Math.exp(k * Math.log(mean) - mean - logGamma(k + 1.0));
        if (c >= p) {
            // step down while the count below still reaches p
            while (k > 0 && pm > 0) {
                double below = c - pm;
                if (below < p) {
                    break;
                }
                c = below;
                pm *= k / mean;
                k--;
            }
            return k;
        }
        while (c < p && pm > 0) {
            k++;
            pm *= mean / k;
            c += pm;
        }
        return k;
    }

    /** P(K <= k) for the successes in n trials of probability q (0 < q < 1). */
    static double binomialCdf(double n, double q, double k) {
        if (k < 0) {
            return 0;
        }
        if (k >= n) {
            return 1;
        }
        double j = Math.floor(k);
        return betaCdf(n - j, j + 1, 1 - q);
    }

    /** The smallest k with P(K <= k) >= p, for the successes in n trials of probability q (0 < q < 1). */
    static double binomialQuantile(double n, double q, double p) {
        double sd = Math.sqrt(n * q * (1 - q));
        long k = Math.max(0, Math.min((long) n, Math.round(n * q + sd * normalQuantile(p))));
        double c = binomialCdf(n, q, k);
        double odds = q / (1 - q);
        double pm = Math.exp(logGamma(n + 1) - logGamma(k + 1.0) - logGamma(n - k + 1)
                + k * Math.log(q) + (n - k) * Math.log1p(-q));
        if (c >= p) {
            while (k > 0 && pm > 0) {
                double below = c - pm;
                if (below < p) {
                    break;
                }
                c = below;
                pm *= k / ((n - k + 1) * odds);
                k--;
            }
            return k;
        }
        while (c < p && k < n && pm > 0) {
            pm *= (n - k) / (k + 1.0) * odds;
            k++;
            c += pm;
        }
        return k;
    }

    /** P(F <= k) for the failures before the r-th success in trials of probability q (r > 0, 0 < q < 1). */
    static double negativeBinomialCdf(double r, double q, double k) {
        if (k < 0) {
            return 0;
        }
        return betaCdf(r, Math.floor(k) + 1, q);
    }

    /** The smallest k with P(F <= k) >= p, for the failures before the r-th success (r > 0, 0 < q < 1). */
    static double negativeBinomialQuantile(double r, double q, double p) {
        double mean = r * (1 - q) / q;
        double sd = Math.sqrt(mean / q);
        long k = Math.max(0, Math.round(mean + sd * normalQuantile(p)));
        double c = negativeBinomialCdf(r, q, k);
        double pm = Math.exp(logGamma(k + r) - logGamma(k + 1.0) - logGamma(r) + r * Math.log(q)
                + k * Math.log1p(-q));
        if (c >= p) {
            while (k > 0 && pm > 0) {
                double below = c - pm;
                if (below < p) {
                    break;
                }
                c = below;
                pm *= k / ((k - 1 + r) * (1 - q));
                k--;
            }
            return k;
        }
        while (c < p && pm > 0) {
            pm *= (k + r) / (k + 1.0) * (1 - q);
            k++;
            c += pm;
        }
        return k;
    }

    // ---------------------------------------------------------------- triangular

    /** P(X <= x) for the triangular distribution on [lo, hi] with its peak at mode (lo <= mode <= hi, lo < hi). */
    static double triangularCdf(double lo, double mode, double hi, double x) {
        if (x <= lo) {
            return 0;
        }
        if (x >= hi) {
            return 1;
        }
        if (x <= mode) {
            return (x - lo) * (x - lo) / ((hi - lo) * (mode - lo));
        }
        return 1 - (hi - x) * (hi - x) / ((hi - lo) * (hi - mode));
    }

    /** The inverse of {@link #triangularCdf}. */
    static double triangularQuantile(double lo, double mode, double hi, double p) {
        double f = (mode - lo) / (hi - lo);
        return p < f ? lo + Math.sqrt(p * (hi - lo) * (mode - lo)) : hi - Math.sqrt((1 - p) * (hi - lo) * (hi - mode));
    }
}
