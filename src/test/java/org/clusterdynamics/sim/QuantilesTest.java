package org.clusterdynamics.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.GammaDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.distribution.discrete.PascalDistribution;
import org.hipparchus.distribution.discrete.PoissonDistribution;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free distribution functions behind the random builtins agree with Hipparchus's
 * distribution objects (which allocate, so the engine does not use them per draw).
 */
class QuantilesTest {

    private static final double[] PROBABILITIES = {1e-9, 1e-4, 0.01, 0.05, 0.2, 0.37, 0.5, 0.63, 0.8, 0.95, 0.99,
        0.9999, 1 - 1e-9};

    private static void close(double expected, double actual, double relative, String what) {
        double tolerance = relative * Math.max(1, Math.abs(expected));
        assertEquals(expected, actual, tolerance, what);
    }

    /**
     * A quantile q of p is right when its probability (by Hipparchus's CDF) is p, or, where the CDF
     * is too steep for doubles to hold such an x (near 1 for beta shapes below 1), when it is
     * Hipparchus's quantile (whose solver is accurate only to about 1e-9 in x, so not the reference
     * elsewhere).
     */
    private static void inverse(double p, double probabilityOfQ, double referenceX, double q, String what) {
        boolean probabilityMatches = Math.abs(probabilityOfQ - p) <= 1e-9;
        boolean xMatches = Math.abs(q - referenceX) <= 1e-12 * Math.max(1, Math.abs(referenceX));
        assertTrue(probabilityMatches || xMatches, what + ": " + q + " has probability " + probabilityOfQ
                + ", the reference's x is " + referenceX);
    }

    @Test
    void logGammaAndLogBeta() {
        for (double x : new double[] {1e-8, 0.1, 0.5, 1, 1.5, 2, 3.7, 10, 171.5, 1e4, 1e9}) {
            assertEquals(org.hipparchus.special.Gamma.logGamma(x), Quantiles.logGamma(x),
                    1e-13 * Math.max(1, Math.abs(Quantiles.logGamma(x))), "ln Gamma(" + x + ")");
        }
        assertEquals(org.hipparchus.special.Beta.logBeta(2.5, 40), Quantiles.logBeta(2.5, 40), 1e-12);
        assertTrue(Double.isNaN(Quantiles.logGamma(0)));
    }

    @Test
    void normalQuantile() {
        NormalDistribution n = new NormalDistribution(0, 1);
        for (double p : PROBABILITIES) {
            close(n.inverseCumulativeProbability(p), Quantiles.normalQuantile(p), 1e-9, "p " + p);
        }
        assertEquals(Double.NEGATIVE_INFINITY, Quantiles.normalQuantile(0));
        assertEquals(Double.POSITIVE_INFINITY, Quantiles.normalQuantile(1));
        assertTrue(Double.isNaN(Quantiles.normalQuantile(1.5)));
    }

    @Test
    void gammaCdfAndQuantile() {
        for (double shape : new double[] {0.05, 0.3, 1, 2.5, 7, 40, 900}) {
            GammaDistribution g = new GammaDistribution(shape, 1);
            for (double p : PROBABILITIES) {
                double q = Quantiles.gammaQuantile(shape, p);
                inverse(p, g.cumulativeProbability(q), g.inverseCumulativeProbability(p), q,
                        "quantile of gamma(" + shape + ") at " + p);
                close(g.cumulativeProbability(q), Quantiles.gammaCdf(shape, q), 1e-9, "P(" + shape + ", " + q + ")");
            }
            close(1 - g.cumulativeProbability(shape * 1.3), Quantiles.gammaSurvival(shape, shape * 1.3), 1e-9,
                    "Q(" + shape + ")");
        }
    }

    @Test
    void betaCdfAndQuantile() {
        double[][] shapes = {{0.5, 0.5}, {0.2, 3}, {2, 5}, {1, 1}, {30, 4}, {200, 150}};
        for (double[] s : shapes) {
            BetaDistribution b = new BetaDistribution(s[0], s[1]);
            for (double p : PROBABILITIES) {
                double q = Quantiles.betaQuantile(s[0], s[1], p);
                inverse(p, b.cumulativeProbability(q), b.inverseCumulativeProbability(p), q,
                        "quantile of beta(" + s[0] + ", " + s[1] + ") at " + p);
                close(b.cumulativeProbability(q), Quantiles.betaCdf(s[0], s[1], q), 1e-9,
                        "I(" + q + "; " + s[0] + ", " + s[1] + ")");
            }
        }
    }

    /**
     * The same count as the reference, except where p is (to rounding) exactly a CDF value, as 0.5
     * is for a fair coin: there the count below may come out either way.
     */
    private static void sameCount(int reference, double k, double p, java.util.function.IntToDoubleFunction cdf,
            String what) {
        if (k != reference) {
            assertEquals(1, Math.abs(k - reference), what);
            assertEquals(p, cdf.applyAsDouble((int) Math.min(k, reference)), 1e-12, what + ": not a tie");
        }
    }

    @Test
    void discreteQuantilesAreTheSmallestCountReachingTheProbability() {
        for (double mean : new double[] {0.01, 0.7, 4, 55, 3000}) {
            PoissonDistribution d = new PoissonDistribution(mean);
            for (double p : PROBABILITIES) {
                sameCount(d.inverseCumulativeProbability(p), Quantiles.poissonQuantile(mean, p), p,
                        d::cumulativeProbability, "poisson " + mean + " at " + p);
            }
            close(d.cumulativeProbability(3), Quantiles.poissonCdf(mean, 3), 1e-9, "poisson cdf " + mean);
        }
        for (double[] s : new double[][] {{1, 0.5}, {10, 0.03}, {40, 0.5}, {500, 0.9}}) {
            BinomialDistribution d = new BinomialDistribution((int) s[0], s[1]);
            for (double p : PROBABILITIES) {
                sameCount(d.inverseCumulativeProbability(p), Quantiles.binomialQuantile(s[0], s[1], p), p,
                        d::cumulativeProbability, "binomial " + s[0] + ", " + s[1] + " at " + p);
            }
            close(d.cumulativeProbability((int) (s[0] * s[1])), Quantiles.binomialCdf(s[0], s[1], (int) (s[0] * s[1])),
                    1e-9, "binomial cdf");
        }
        for (double[] s : new double[][] {{1, 0.5}, {3, 0.1}, {20, 0.8}, {7, 0.02}}) {
            PascalDistribution d = new PascalDistribution((int) s[0], s[1]);
            for (double p : PROBABILITIES) {
                sameCount(d.inverseCumulativeProbability(p), Quantiles.negativeBinomialQuantile(s[0], s[1], p), p,
                        d::cumulativeProbability, "negative binomial " + s[0] + ", " + s[1] + " at " + p);
            }
        }
    }

    @Test
    void triangularQuantileInvertsItsCdf() {
        for (double p : PROBABILITIES) {
            double x = Quantiles.triangularQuantile(1, 2, 5, p);
            close(p, Quantiles.triangularCdf(1, 2, 5, x), 1e-12, "triangular at " + p);
        }
        assertEquals(2, Quantiles.triangularQuantile(1, 2, 5, 0.25), 1e-12); // the peak holds (2-1)/(5-1) below
    }
}
