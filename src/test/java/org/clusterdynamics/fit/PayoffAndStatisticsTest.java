package org.clusterdynamics.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Payoffs against values worked out by hand, and Theil's statistics against worked examples. */
class PayoffAndStatisticsTest {
    private static final double[] M = {2, 4};
    private static final double[] D = {1, 5};

    private static double payoff(Payoff p, double w) {
        return p.term(M[0], D[0], w) + p.term(M[1], D[1], w);
    }

    private static double deviance(Payoff p, double w) {
        double a = p.residual(M[0], D[0], w);
        double b = p.residual(M[1], D[1], w);
        return a * a + b * b;
    }

    @Test
    void payoffsMatchHandComputedValues() {
        // (2-1)^2 + (4-5)^2 = 2
        assertEquals(-2, payoff(Payoff.SSE, 2), 1e-12);
        // (2*1)^2 + (2*-1)^2 = 8
        assertEquals(-8, payoff(Payoff.WSSE, 2), 1e-12);
        // sigma = 1/2: each point -(2)^2/2 + ln 2 - ln sqrt(2 pi) = -2.2257913526
        assertEquals(2 * (-2 + Math.log(2) - 0.5 * Math.log(2 * Math.PI)), payoff(Payoff.GAUSSIAN, 2), 1e-12);
        assertEquals(-4.4515827053, payoff(Payoff.GAUSSIAN, 2), 1e-9);
        // ln(2^1 e^-2 / 1!) + ln(4^5 e^-4 / 5!) = -1.3068528194 - 1.8560199372
        assertEquals(Math.log(2) - 2 + 5 * Math.log(4) - 4 - Math.log(120), payoff(Payoff.POISSON, 1), 1e-12);
        assertEquals(-3.1628727566, payoff(Payoff.POISSON, 1), 1e-9);
        // alpha 0.5 (r = 2): P(1 | mean 2) = C(2,1) 0.5^2 0.5 = 0.25; P(5 | mean 4) = C(6,5) (1/3)^2 (2/3)^5 = 192/2187
        assertEquals(Math.log(0.25) + Math.log(192.0 / 2187), payoff(Payoff.NEGBIN, 0.5), 1e-12);
    }

    @Test
    void squaredResidualsSumToTheMinimisedQuantity() {
        assertEquals(2, deviance(Payoff.SSE, 2), 1e-12);
        assertEquals(8, deviance(Payoff.WSSE, 2), 1e-12);
        assertEquals(8, deviance(Payoff.GAUSSIAN, 2), 1e-12);
        // twice the log-likelihood lost against a perfect fit: 2 (ln P(1|1) + ln P(5|5) - payoff)
        double saturated = (1 * Math.log(1) - 1) + (5 * Math.log(5) - 5 - Math.log(120));
        assertEquals(2 * (saturated - payoff(Payoff.POISSON, 1)), deviance(Payoff.POISSON, 1), 1e-9);
        double satNb = Payoff.NEGBIN.term(1, 1, 0.5) + Payoff.NEGBIN.term(5, 5, 0.5);
        assertEquals(2 * (satNb - payoff(Payoff.NEGBIN, 0.5)), deviance(Payoff.NEGBIN, 0.5), 1e-9);
        assertTrue(Payoff.POISSON.residual(2, 1, 1) > 0 && Payoff.POISSON.residual(4, 5, 1) < 0, "signed as model - data");
    }

    @Test
    void unknownPayoffIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Payoff.parse("chi2"));
        assertTrue(e.getMessage().contains("sse, wsse, gaussian, poisson or negbin"), e.getMessage());
    }

    @Test
    void theilStatisticsOfWorkedExamples() {
        double[] d = {1, 2, 3, 4};
        // a constant bias of 1: all of the error is bias
        FitStatistics bias = FitStatistics.of(new double[] {2, 3, 4, 5}, d);
        assertEquals(1, bias.um(), 1e-12);
        assertEquals(0, bias.us(), 1e-12);
        assertEquals(0, bias.uc(), 1e-12);
        assertEquals(1, bias.rmse(), 1e-12);
        assertEquals(1, bias.r2(), 1e-12);
        assertEquals(100 * (1 + 0.5 + 1 / 3.0 + 0.25) / 4, bias.mape(), 1e-9);
        // the mirror image: same mean and spread, opposite phase, so all of it is covariation
        FitStatistics mirror = FitStatistics.of(new double[] {4, 3, 2, 1}, d);
        assertEquals(0, mirror.um(), 1e-12);
        assertEquals(0, mirror.us(), 1e-12);
        assertEquals(1, mirror.uc(), 1e-12);
        // m = 1,3,5,7: MSE 3.5 = bias 1.5^2 + (sqrt 5 - sqrt 1.25)^2, correlation 1
        FitStatistics mixed = FitStatistics.of(new double[] {1, 3, 5, 7}, d);
        assertEquals(2.25 / 3.5, mixed.um(), 1e-12);
        assertEquals(1.25 / 3.5, mixed.us(), 1e-12);
        assertEquals(0, mixed.uc(), 1e-12);
        assertEquals(Math.sqrt(3.5) / (Math.sqrt(21) + Math.sqrt(7.5)), mixed.theilU(), 1e-12);
        assertEquals(0.2555356, mixed.theilU(), 1e-6);
    }

    @Test
    void theDecompositionSumsToOne() {
        java.util.Random r = new java.util.Random(5);
        for (int k = 0; k < 50; k++) {
            double[] m = new double[20];
            double[] d = new double[20];
            for (int i = 0; i < 20; i++) {
                d[i] = 10 * Math.sin(i / 3.0) + r.nextGaussian();
                m[i] = 0.8 * d[i] + 2 + 3 * r.nextGaussian();
            }
            FitStatistics s = FitStatistics.of(m, d);
            assertEquals(1, s.um() + s.us() + s.uc(), 1e-12);
        }
        FitStatistics flat = FitStatistics.of(new double[] {3, 3, 3}, new double[] {1, 2, 6});
        assertEquals(1, flat.um() + flat.us() + flat.uc(), 1e-12);
    }
}
