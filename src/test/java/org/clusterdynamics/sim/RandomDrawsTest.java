package org.clusterdynamics.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.GammaDistribution;
import org.hipparchus.distribution.continuous.WeibullDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.distribution.discrete.PascalDistribution;
import org.hipparchus.distribution.discrete.PoissonDistribution;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * The random builtins' distributions: 20,000 draws from a fixed seed have the theoretical mean and
 * variance within a few standard errors, stay within their bounds, repeat with the seed and take
 * exactly one value from the stream per draw. The theoretical moments come from closed forms or,
 * for Vensim's truncated distributions, from Hipparchus's densities summed or integrated over the
 * window: nothing here is copied from a run of the engine.
 */
class RandomDrawsTest {

    private static final int N = 20_000;
    private static final double Z = 4.5; // standard errors allowed

    /** One distribution under test: a draw from a stream. */
    interface Draw {
        double from(SplittableRandom rng);
    }

    private static double[] sample(Draw d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = d.from(rng);
        }
        return x;
    }

    /** Sample mean and variance agree with the theory within Z standard errors (the latter's from the sample's fourth moment). */
    private static double[] assertMoments(String what, double[] x, double mean, double variance) {
        double m = Arrays.stream(x).average().orElseThrow();
        double s2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - m;
            s2 += d * d;
            m4 += d * d * d * d;
        }
        s2 /= N - 1;
        m4 /= N;
        assertEquals(mean, m, Z * Math.sqrt(variance / N) + 1e-12, what + ": mean");
        double seVariance = Math.sqrt(Math.max(m4 - s2 * s2, 0) / N);
        assertEquals(variance, s2, Z * seVariance + 1e-12, what + ": variance");
        return x;
    }

    private static void assertWithin(String what, double[] x, double lo, double hi) {
        for (double v : x) {
            assertTrue(v >= lo && v <= hi, what + ": " + v + " outside " + lo + ".." + hi);
        }
    }

    private static void assertWhole(String what, double[] x) {
        for (double v : x) {
            assertEquals(Math.rint(v), v, 0, what + ": " + v + " is not a whole number");
        }
    }

    /** Mean and variance of g(K) for K of this probability mass on lo..hi, normalized over the window. */
    private static double[] discreteMoments(IntToDoubleFunction pmf, int lo, int hi, DoubleUnaryOperator g) {
        double mass = 0;
        double s1 = 0;
        double s2 = 0;
        for (int k = lo; k <= hi; k++) {
            double p = pmf.applyAsDouble(k);
            double y = g.applyAsDouble(k);
            mass += p;
            s1 += p * y;
            s2 += p * y * y;
        }
        double mean = s1 / mass;
        return new double[] {mean, s2 / mass - mean * mean};
    }

    /** Mean and variance of g(Z) for Z of this density on lo..hi, normalized (composite Simpson). */
    private static double[] continuousMoments(DoubleUnaryOperator density, double lo, double hi, DoubleUnaryOperator g) {
        int n = 200_000;
        double h = (hi - lo) / n;
        double mass = 0;
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i <= n; i++) {
            double z = lo + i * h;
            double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            double f = w * density.applyAsDouble(z);
            double y = g.applyAsDouble(z);
            mass += f;
            s1 += f * y;
            s2 += f * y * y;
        }
        double mean = s1 / mass;
        return new double[] {mean, s2 / mass - mean * mean};
    }

    // ---------------------------------------------------------------- XMILE / Stella

    @Test
    void poissonCountsHaveTheirMeanAsVariance() {
        for (double mean : new double[] {0.3, 4, 250}) {
            double[] x = assertMoments("POISSON " + mean, sample(rng -> RandomDraws.poisson(rng, mean), 11), mean, mean);
            assertWhole("POISSON", x);
            assertWithin("POISSON", x, 0, Double.MAX_VALUE);
        }
    }

    @Test
    void lognormalIsGivenByTheMeanAndSdOfTheValue() {
        double[] x = assertMoments("LOGNORMAL", sample(rng -> RandomDraws.lognormal(rng, 10, 3), 12), 10, 9);
        assertWithin("LOGNORMAL", x, 0, Double.MAX_VALUE);
        // the log is normal: its skew is about 0
        double[] logs = Arrays.stream(x).map(Math::log).toArray();
        double s2 = Math.log1p(0.09);
        assertMoments("log of LOGNORMAL", logs, Math.log(10) - s2 / 2, s2);
    }

    @Test
    void triangularGammaBetaWeibullBinomial() {
        double[] t = assertMoments("TRIANGULAR", sample(rng -> RandomDraws.triangular(rng, 1, 2, 6), 13), 3,
                (1 + 4 + 36 - 2 - 6 - 12) / 18.0);
        assertWithin("TRIANGULAR", t, 1, 6);

        for (double[] p : new double[][] {{0.4, 2}, {3, 0.5}, {60, 1}}) {
            double k = p[0];
            double theta = p[1];
            double[] g = assertMoments("GAMMA " + k, sample(rng -> RandomDraws.gamma(rng, k, theta), 14), k * theta,
                    k * theta * theta);
            assertWithin("GAMMA", g, 0, Double.MAX_VALUE);
        }

        for (double[] p : new double[][] {{0.5, 0.5}, {2, 5}, {40, 10}}) {
            double a = p[0];
            double b = p[1];
            double[] x = assertMoments("BETA " + a + ", " + b, sample(rng -> RandomDraws.beta(rng, a, b), 15),
                    a / (a + b), a * b / ((a + b) * (a + b) * (a + b + 1)));
            assertWithin("BETA", x, 0, 1);
        }

        for (double[] p : new double[][] {{0.8, 2}, {1, 1}, {3.5, 10}}) {
            double k = p[0];
            double lambda = p[1];
            double g1 = Gamma.gamma(1 + 1 / k);
            double g2 = Gamma.gamma(1 + 2 / k);
            double[] w = assertMoments("WEIBULL " + k, sample(rng -> RandomDraws.weibull(rng, k, lambda), 16),
                    lambda * g1, lambda * lambda * (g2 - g1 * g1));
            assertWithin("WEIBULL", w, 0, Double.MAX_VALUE);
        }

        double[] b = assertMoments("BINOMIAL", sample(rng -> RandomDraws.binomial(rng, 30, 0.2), 17), 6, 4.8);
        assertWhole("BINOMIAL", b);
        assertWithin("BINOMIAL", b, 0, 30);
        // trials are rounded to a whole number
        assertMoments("BINOMIAL 9.6 trials", sample(rng -> RandomDraws.binomial(rng, 9.6, 0.5), 18), 5, 2.5);
    }

    // ---------------------------------------------------------------- Vensim, truncated

    @Test
    void vensimPoissonIsShiftedStretchedAndTruncatedToTheWindow() {
        PoissonDistribution d = new PoissonDistribution(3);
        // RANDOM POISSON(2, 6, 3, 0, 1): counts 2..6 only, in the proportions of Poisson(3)
        double[] m = discreteMoments(d::probability, 2, 6, k -> k);
        double[] x = assertMoments("RANDOM POISSON(2, 6, 3, 0, 1)",
                sample(rng -> RandomDraws.poissonVensim(rng, 2, 6, 3, 0, 1), 21), m[0], m[1]);
        assertWithin("RANDOM POISSON", x, 2, 6);
        assertWhole("RANDOM POISSON", x);
        // shift 10, stretch 0.5, bounds wide: 10 + 0.5 K
        assertMoments("RANDOM POISSON(0, 1000, 3, 10, 0.5)",
                sample(rng -> RandomDraws.poissonVensim(rng, 0, 1000, 3, 10, 0.5), 22), 11.5, 0.75);
        // bounds in the shifted scale: 10 + 0.5 K in 11..12 means K in 2..4
        double[] w = discreteMoments(d::probability, 2, 4, k -> 10 + 0.5 * k);
        assertWithin("RANDOM POISSON shifted", assertMoments("RANDOM POISSON(11, 12, 3, 10, 0.5)",
                sample(rng -> RandomDraws.poissonVensim(rng, 11, 12, 3, 10, 0.5), 23), w[0], w[1]), 11, 12);
    }

    @Test
    void vensimExponentialIsTruncatedNotClipped() {
        // memoryless: 2 + an exponential of mean 1, where clipping at 2 would give a mean of 2 + e^-2
        double[] x = assertMoments("RANDOM EXPONENTIAL(2, 100, 0, 1)",
                sample(rng -> RandomDraws.exponentialVensim(rng, 2, 100, 0, 1), 61), 3, 1);
        assertWithin("RANDOM EXPONENTIAL", x, 2, 100);
        // 5 + 5 E within 5..7.2, so E within 0..0.44
        double[] m = continuousMoments(z -> Math.exp(-z), 0, 0.44, z -> 5 + 5 * z);
        assertWithin("RANDOM EXPONENTIAL", assertMoments("RANDOM EXPONENTIAL(0, 7.2, 5, 5)",
                sample(rng -> RandomDraws.exponentialVensim(rng, 0, 7.2, 5, 5), 62), m[0], m[1]), 5, 7.2);
        assertTrue(Double.isNaN(RandomDraws.exponentialVensim(new SplittableRandom(1), 3, 2, 0, 1)), "min > max");
    }

    @Test
    void vensimTriangularIsTruncatedToMinMax() {
        // RANDOM TRIANGULAR(0, 10, 1, 2, 6): untouched by wide bounds
        assertMoments("RANDOM TRIANGULAR wide", sample(rng -> RandomDraws.triangularVensim(rng, 0, 10, 1, 2, 6), 31),
                3, (1 + 4 + 36 - 2 - 6 - 12) / 18.0);
        // truncated to 1.5..4
        DoubleUnaryOperator pdf = z -> z < 1 || z > 6 ? 0 : z <= 2 ? 2 * (z - 1) / (5 * 1) : 2 * (6 - z) / (5 * 4);
        double[] m = continuousMoments(pdf, 1.5, 4, z -> z);
        double[] x = assertMoments("RANDOM TRIANGULAR(1.5, 4, 1, 2, 6)",
                sample(rng -> RandomDraws.triangularVensim(rng, 1.5, 4, 1, 2, 6), 32), m[0], m[1]);
        assertWithin("RANDOM TRIANGULAR", x, 1.5, 4);
    }

    @Test
    void vensimGammaBetaWeibull() {
        GammaDistribution g = new GammaDistribution(2.5, 1);
        // RANDOM GAMMA(1, 8, 2.5, 0.5, 2): 0.5 + 2 Z within 1..8, so Z in 0.25..3.75
        double[] mg = continuousMoments(g::density, 0.25, 3.75, z -> 0.5 + 2 * z);
        assertWithin("RANDOM GAMMA", assertMoments("RANDOM GAMMA(1, 8, 2.5, 0.5, 2)",
                sample(rng -> RandomDraws.gammaVensim(rng, 1, 8, 2.5, 0.5, 2), 41), mg[0], mg[1]), 1, 8);
        // a negative stretch mirrors: -Z within -10..0
        assertMoments("RANDOM GAMMA negative stretch", sample(rng -> RandomDraws.gammaVensim(rng, -100, 0, 2, 0, -1), 42),
                -2, 2);
        // order below 1 is taken as 1: the exponential
        assertMoments("RANDOM GAMMA order 0.3", sample(rng -> RandomDraws.gammaVensim(rng, 0, 1000, 0.3, 0, 1), 43), 1, 1);

        BetaDistribution b = new BetaDistribution(2, 3);
        // RANDOM BETA(0.2, 3, 2, 3, 0, 4): 4 Z within 0.2..3, Z in 0.05..0.75
        double[] mb = continuousMoments(b::density, 0.05, 0.75, z -> 4 * z);
        assertWithin("RANDOM BETA", assertMoments("RANDOM BETA(0.2, 3, 2, 3, 0, 4)",
                sample(rng -> RandomDraws.betaVensim(rng, 0.2, 3, 2, 3, 0, 4), 44), mb[0], mb[1]), 0.2, 3);

        WeibullDistribution w = new WeibullDistribution(1.7, 1);
        // RANDOM WEIBULL(0.5, 2, 1.7, 0, 1): Z in 0.5..2; and far in the tail, 3..3.5, drawn exactly
        double[] mw = continuousMoments(w::density, 0.5, 2, z -> z);
        assertWithin("RANDOM WEIBULL", assertMoments("RANDOM WEIBULL(0.5, 2, 1.7, 0, 1)",
                sample(rng -> RandomDraws.weibullVensim(rng, 0.5, 2, 1.7, 0, 1), 45), mw[0], mw[1]), 0.5, 2);
        double[] tail = continuousMoments(w::density, 3, 3.5, z -> z);
        assertWithin("RANDOM WEIBULL tail", assertMoments("RANDOM WEIBULL(3, 3.5, 1.7, 0, 1)",
                sample(rng -> RandomDraws.weibullVensim(rng, 3, 3.5, 1.7, 0, 1), 46), tail[0], tail[1]), 3, 3.5);
        double g1 = Gamma.gamma(1 + 1 / 1.7);
        assertMoments("RANDOM WEIBULL wide", sample(rng -> RandomDraws.weibullVensim(rng, 0, 1e9, 1.7, 0, 1), 47), g1,
                Gamma.gamma(1 + 2 / 1.7) - g1 * g1);
    }

    @Test
    void vensimBinomialAndNegativeBinomial() {
        BinomialDistribution b = new BinomialDistribution(20, 0.3);
        // RANDOM BINOMIAL(3, 9, 0.3, 20, 0, 1): successes 3..9
        double[] mb = discreteMoments(b::probability, 3, 9, k -> k);
        double[] x = assertMoments("RANDOM BINOMIAL(3, 9, 0.3, 20, 0, 1)",
                sample(rng -> RandomDraws.binomialVensim(rng, 3, 9, 0.3, 20, 0, 1), 51), mb[0], mb[1]);
        assertWithin("RANDOM BINOMIAL", x, 3, 9);
        assertWhole("RANDOM BINOMIAL", x);
        // trials rounded: 19.7 is 20
        assertMoments("RANDOM BINOMIAL 19.7 trials", sample(rng -> RandomDraws.binomialVensim(rng, 0, 100, 0.3, 19.7, 0, 1), 52),
                6, 4.2);

        // RANDOM NEGATIVE BINOMIAL(0, 1000, 0.4, 3, 0, 1): trials up to the 3rd success, from 3 up
        double r = 3;
        double q = 0.4;
        double[] nb = assertMoments("RANDOM NEGATIVE BINOMIAL wide",
                sample(rng -> RandomDraws.negativeBinomialVensim(rng, 0, 1000, q, r, 0, 1), 53), r / q, r * (1 - q) / (q * q));
        assertWithin("RANDOM NEGATIVE BINOMIAL", nb, 3, 1000);
        assertWhole("RANDOM NEGATIVE BINOMIAL", nb);
        // truncated to 5..12 trials, shifted by 1 and stretched by 2: 1 + 2T within 11..25
        PascalDistribution failures = new PascalDistribution(3, 0.4);
        double[] mn = discreteMoments(failures::probability, 2, 9, f -> 1 + 2 * (f + 3));
        assertWithin("RANDOM NEGATIVE BINOMIAL truncated", assertMoments("RANDOM NEGATIVE BINOMIAL(11, 25, 0.4, 3, 1, 2)",
                sample(rng -> RandomDraws.negativeBinomialVensim(rng, 11, 25, 0.4, 3, 1, 2), 54), mn[0], mn[1]), 11, 25);
    }

    // ---------------------------------------------------------------- the stream

    private static final List<Draw> EVERY_NEW_DRAW = List.of(
            rng -> RandomDraws.poisson(rng, 4),
            rng -> RandomDraws.lognormal(rng, 10, 3),
            rng -> RandomDraws.triangular(rng, 1, 2, 6),
            rng -> RandomDraws.gamma(rng, 3, 0.5),
            rng -> RandomDraws.beta(rng, 2, 5),
            rng -> RandomDraws.weibull(rng, 1.5, 2),
            rng -> RandomDraws.binomial(rng, 30, 0.2),
            rng -> RandomDraws.poissonVensim(rng, 2, 6, 3, 0, 1),
            rng -> RandomDraws.triangularVensim(rng, 1.5, 4, 1, 2, 6),
            rng -> RandomDraws.gammaVensim(rng, 1, 8, 2.5, 0.5, 2),
            rng -> RandomDraws.betaVensim(rng, 0.2, 3, 2, 3, 0, 4),
            rng -> RandomDraws.weibullVensim(rng, 0.5, 2, 1.7, 0, 1),
            rng -> RandomDraws.binomialVensim(rng, 3, 9, 0.3, 20, 0, 1),
            rng -> RandomDraws.negativeBinomialVensim(rng, 11, 25, 0.4, 3, 1, 2),
            rng -> RandomDraws.exponentialVensim(rng, 2, 100, 0, 1),
            // invalid arguments still take their one value
            rng -> RandomDraws.gamma(rng, -1, 1),
            rng -> RandomDraws.poissonVensim(rng, 5, 1, 3, 0, 1));

    @Test
    void theSameSeedGivesTheSameSequenceAndAnotherSeedAnother() {
        for (int i = 0; i < EVERY_NEW_DRAW.size() - 2; i++) {
            Draw d = EVERY_NEW_DRAW.get(i);
            double[] a = sample(d, 99);
            assertArrayEquals(a, sample(d, 99), 0, "draw " + i);
            assertFalse(Arrays.equals(a, sample(d, 100)), "draw " + i + " ignores the seed");
        }
    }

    @Test
    void everyDrawTakesExactlyOneValueFromTheStream() {
        for (int i = 0; i < EVERY_NEW_DRAW.size(); i++) {
            SplittableRandom drawn = new SplittableRandom(7);
            SplittableRandom counted = new SplittableRandom(7);
            for (int k = 0; k < 50; k++) {
                EVERY_NEW_DRAW.get(i).from(drawn);
                counted.nextDouble();
            }
            assertEquals(counted.nextLong(), drawn.nextLong(), "draw " + i + " is out of step with its stream");
        }
    }

    @Test
    void invalidArgumentsGiveNaN() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] bad = {
            RandomDraws.poisson(rng, -1),
            RandomDraws.lognormal(rng, -2, 1),
            RandomDraws.lognormal(rng, 2, -1),
            RandomDraws.triangular(rng, 3, 1, 5),
            RandomDraws.gamma(rng, 0, 1),
            RandomDraws.beta(rng, 1, -1),
            RandomDraws.weibull(rng, 2, 0),
            RandomDraws.binomial(rng, 10, 1.2),
            RandomDraws.binomial(rng, -3, 0.5),
            RandomDraws.poissonVensim(rng, 6, 2, 3, 0, 1), // min > max
            RandomDraws.poissonVensim(rng, 0, 10, -3, 0, 1),
            RandomDraws.triangularVensim(rng, 0, 10, 5, 2, 6), // peak before start
            RandomDraws.gammaVensim(rng, 0, 10, Double.NaN, 0, 1),
            RandomDraws.betaVensim(rng, 0, 1, 0, 2, 0, 1),
            RandomDraws.weibullVensim(rng, 0, 10, -1, 0, 1),
            RandomDraws.binomialVensim(rng, 0, 10, -0.1, 10, 0, 1),
            RandomDraws.negativeBinomialVensim(rng, 0, 100, 0, 3, 0, 1),
        };
        for (int i = 0; i < bad.length; i++) {
            assertTrue(Double.isNaN(bad[i]), "case " + i + " gave " + bad[i]);
        }
    }
}
