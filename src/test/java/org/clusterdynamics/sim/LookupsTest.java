package org.clusterdynamics.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.GraphicalFunction.Kind;
import org.junit.jupiter.api.Test;

/** The fast table reads of generated code give the reference's bits, whatever the hint holds. */
class LookupsTest {

    private static double read(GraphicalFunction g, Kind how, int[] hint, double x) {
        switch (how) {
            case DISCRETE: return Lookups.discrete(g.xs(), g.ys(), g, hint, 0, x);
            case EXTRAPOLATE: return Lookups.extrapolate(g.xs(), g.ys(), g, hint, 0, x);
            default:
                return Lookups.innerZero(g) ? Lookups.continuousZ(g.xs(), g.ys(), g, hint, 0, x)
                        : Lookups.continuous(g.xs(), g.ys(), hint, 0, x);
        }
    }

    private static void same(GraphicalFunction g, Kind how, int[] hint, double x) {
        double expected = g.lookup(x, how);
        double actual = read(g, how, hint, x);
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                how + " at " + x + " of " + g + ": expected " + expected + ", got " + actual);
    }

    @Test
    void randomTablesAndInputsMatchTheReference() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int t = 0; t < 2000; t++) {
            int n = 2 + rnd.nextInt(12);
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                // small integers make repeated x values and exact hits, thirds make rounding
                xs[i] = rnd.nextBoolean() ? rnd.nextInt(-4, 5) : rnd.nextInt(-12, 13) / 3.0;
                ys[i] = rnd.nextDouble(-10, 10);
            }
            Arrays.sort(xs);
            for (Kind how : Kind.values()) {
                GraphicalFunction g = new GraphicalFunction(xs, ys, how);
                if (!Lookups.fast(g)) {
                    continue;
                }
                int[] hint = new int[1];
                for (int k = 0; k < 60; k++) {
                    double x;
                    switch (rnd.nextInt(5)) {
                        case 0: x = xs[rnd.nextInt(n)]; break;
                        case 1: x = rnd.nextInt(-5, 6); break;
                        case 2: x = -0.0; break;
                        default: x = rnd.nextDouble(-6, 6);
                    }
                    same(g, how, hint, x);
                }
                same(g, how, hint, Double.NaN);
                same(g, how, hint, Double.POSITIVE_INFINITY);
                same(g, how, hint, Double.NEGATIVE_INFINITY);
            }
        }
    }

    @Test
    void minusZeroOnAnInnerZeroTakesTheReferencePath() {
        // the reference's binary search puts -0.0 before 0.0: it interpolates in [-1, 0] where a
        // plain comparison would call it an exact hit of 0.0
        GraphicalFunction g = new GraphicalFunction(new double[] {-1, 0, 1}, new double[] {0.1, 0.7, 3}, Kind.CONTINUOUS);
        assertTrue(Lookups.innerZero(g));
        int[] hint = {1};
        same(g, Kind.CONTINUOUS, hint, -0.0);
        same(g, Kind.DISCRETE, hint, -0.0);
        same(g, Kind.EXTRAPOLATE, hint, -0.0);
    }

    @Test
    void tablesTheFastPathCannotReadExactlyAreRefused() {
        assertFalse(Lookups.fast(new GraphicalFunction(new double[] {1}, new double[] {2}, Kind.CONTINUOUS)));
        assertFalse(Lookups.fast(new GraphicalFunction(new double[] {2, 1}, new double[] {0, 1}, Kind.CONTINUOUS)));
        assertFalse(Lookups.fast(new GraphicalFunction(new double[] {0, Double.NaN}, new double[] {0, 1},
                Kind.CONTINUOUS)));
        assertFalse(Lookups.fast(new GraphicalFunction(new double[] {-1, -0.0, 1}, new double[] {0, 1, 2},
                Kind.CONTINUOUS)));
        assertFalse(Lookups.fast(new GraphicalFunction(new double[] {0, 0, 1}, new double[] {0, 1, 2},
                Kind.CONTINUOUS)));
        assertTrue(Lookups.fast(new GraphicalFunction(new double[] {0, 1, 1, 2}, new double[] {0, 1, 5, 2},
                Kind.CONTINUOUS)));
    }
}
