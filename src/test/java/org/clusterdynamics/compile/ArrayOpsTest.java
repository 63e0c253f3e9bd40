package org.clusterdynamics.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.clusterdynamics.compile.LExpr.ArrayKind;
import org.junit.jupiter.api.Test;

/** The arithmetic of the array-valued builtins, on inputs whose answers are known. */
class ArrayOpsTest {

    private static double[] all(ArrayKind kind, double[] in, double... params) {
        int n = kind == ArrayKind.ALLOCATE_AVAILABLE ? in.length / (1 + ArrayOps.PROFILE_SIZE)
                : kind == ArrayKind.ALLOCATE_BY_PRIORITY || kind == ArrayKind.REORDER ? in.length / 2 : in.length;
        double[] out = new double[n];
        double[] work = new double[ArrayOps.workSize(kind, in.length)];
        for (int i = 0; i < n; i++) {
            out[i] = ArrayOps.eval(kind, in, params, i, work);
        }
        return out;
    }

    @Test
    void erfcAgreesWithTabulatedValues() {
        assertEquals(1, ArrayOps.erfc(0), 1e-16);
        assertEquals(0.4795001221869535, ArrayOps.erfc(0.5), 1e-15);
        assertEquals(0.15729920705028513, ArrayOps.erfc(1), 1e-15);
        assertEquals(1.84270079294971487, ArrayOps.erfc(-1), 1e-15);
        assertEquals(4.069520174449590e-4, ArrayOps.erfc(2.5), 1e-17);
        assertEquals(2.209049699858544e-5, ArrayOps.erfc(3), 1e-18);
        assertEquals(1.537459794428035e-12, ArrayOps.erfc(5), 1e-24);
    }

    @Test
    void sortingIsStableForEqualValues() {
        double[] v = {2, 1, 2, 1};
        assertArrayEquals(new double[] {1, 3, 0, 2}, all(ArrayKind.SORT_ORDER, v, 1));
        assertArrayEquals(new double[] {0, 2, 1, 3}, all(ArrayKind.SORT_ORDER, v, 0));
        assertArrayEquals(new double[] {3, 1, 4, 2}, all(ArrayKind.RANK, v, 1));
    }

    @Test
    void reorderOutsideTheVectorIsAnError() {
        double[] in = {5, 6, 1, 7};
        assertEquals(6, ArrayOps.eval(ArrayKind.REORDER, in, new double[0], 0, new double[0]));
        assertTrue(Double.isNaN(ArrayOps.eval(ArrayKind.REORDER, in, new double[0], 1, new double[0])));
    }

    @Test
    void singularMatricesHaveNoInverse() {
        double[] singular = {1, 2, 2, 4};
        assertTrue(Double.isNaN(ArrayOps.eval(ArrayKind.INVERT_MATRIX, singular, new double[0], 0, new double[8])));
        // needs a row swap: the first pivot is 0
        double[] swap = {0, 1, 1, 0};
        assertArrayEquals(new double[] {0, 1, 1, 0}, all(ArrayKind.INVERT_MATRIX, swap));
    }

    @Test
    void everyProfileTypeDistributesExactlyTheAvailableAmount() {
        for (int type = ArrayOps.RECTANGULAR; type <= ArrayOps.EXPONENTIAL; type++) {
            double[] in = {500, 300, 750, type, 5, 2, 0, type, 7, 2, 0, type, 3, 2, 0};
            for (double avail : new double[] {1, 100, 900, 1549}) {
                double[] out = all(ArrayKind.ALLOCATE_AVAILABLE, in, avail);
                assertEquals(avail, out[0] + out[1] + out[2], 1e-9 * avail, "type " + type + ", available " + avail);
                for (int i = 0; i < 3; i++) {
                    assertTrue(out[i] >= 0 && out[i] <= in[i], "type " + type + ": " + out[i]);
                }
                // with equal widths, a higher priority never gets a smaller share of its request
                assertTrue(out[1] / 300 >= out[0] / 500 && out[0] / 500 >= out[2] / 750, "type " + type);
            }
            assertArrayEquals(new double[] {500, 300, 750}, all(ArrayKind.ALLOCATE_AVAILABLE, in, 2000));
        }
    }

    @Test
    void requestsOfZeroReceiveNothing() {
        double[] in = {0, 4, 10, 10};
        assertArrayEquals(new double[] {0, 2}, all(ArrayKind.ALLOCATE_BY_PRIORITY, in, 1, 2), 1e-12);
    }
}
