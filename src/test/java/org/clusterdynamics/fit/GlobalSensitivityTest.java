package org.clusterdynamics.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Sobol indices of the Ishigami function against their analytic values; Morris ranks inert inputs last. */
class GlobalSensitivityTest {
    private static final double A = 7;
    private static final double B = 0.1;

    private static double ishigami(double[] u) {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + A * Math.sin(x2) * Math.sin(x2) + B * Math.pow(x3, 4) * Math.sin(x1);
    }

    @Test
    void ishigamiIndicesAgreeWithTheAnalyticValues() {
        // analytic values (Ishigami and Homma 1990; Saltelli et al. 2008)
        double pi4 = Math.pow(Math.PI, 4);
        double v1 = 0.5 * Math.pow(1 + B * pi4 / 5, 2);
        double v2 = A * A / 8;
        double v13 = B * B * Math.pow(Math.PI, 8) * (1 / 18.0 - 1 / 50.0);
        double v = v1 + v2 + v13;
        double[] first = {v1 / v, v2 / v, 0};
        double[] total = {(v1 + v13) / v, v2 / v, v13 / v};
        int n = 8192;
        double[][] x = SobolIndices.design(3, n, 11);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = ishigami(x[i]);
        }
        SobolIndices.Indices s = SobolIndices.compute(y, 3, n, 100, 11);
        for (int i = 0; i < 3; i++) {
            assertEquals(first[i], s.first()[i], 0.02, "S" + (i + 1));
            assertEquals(total[i], s.total()[i], 0.02, "ST" + (i + 1));
            assertTrue(s.firstLo()[i] <= s.first()[i] && s.first()[i] <= s.firstHi()[i]);
        }
        System.out.printf("Ishigami N=%d: S1 %.4f %.4f %.4f (exact %.4f %.4f 0), ST %.4f %.4f %.4f (exact %.4f %.4f %.4f)%n",
                n, s.first()[0], s.first()[1], s.first()[2], first[0], first[1], s.total()[0], s.total()[1],
                s.total()[2], total[0], total[1], total[2]);
    }

    @Test
    void theSameSeedGivesTheSameDesign() {
        assertArrayEquals(SobolIndices.design(4, 64, 3)[77], SobolIndices.design(4, 64, 3)[77]);
        assertArrayEquals(MorrisEffects.design(4, 10, 4, 3)[23], MorrisEffects.design(4, 10, 4, 3)[23]);
    }

    @Test
    void morrisRanksInertInputsLast() {
        // y = 5 x0 + 3 x1^2 + x0 x2 + 0 x3 + 0 x4
        int k = 5;
        int r = 20;
        double[][] x = MorrisEffects.design(k, r, 4, 7);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            double[] u = x[i];
            y[i] = 5 * u[0] + 3 * u[1] * u[1] + u[0] * u[2];
        }
        MorrisEffects.Effects e = MorrisEffects.compute(x, y, k, r, 4);
        assertEquals(0, e.muStar()[3], 1e-12);
        assertEquals(0, e.muStar()[4], 1e-12);
        for (int i = 0; i < 3; i++) {
            assertTrue(e.muStar()[i] > 0.1, "input " + i + " matters: " + e.muStar()[i]);
        }
        assertTrue(e.muStar()[0] > e.muStar()[1] && e.muStar()[1] > e.muStar()[2], java.util.Arrays.toString(e.muStar()));
        assertEquals(5.5, e.mu()[0], 0.5);
    }
}
