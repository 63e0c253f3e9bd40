package org.clusterdynamics.sim;

import java.util.SplittableRandom;
import org.clusterdynamics.compile.LExpr;

/**
 * Random draws for the model's random builtins, from one seeded stream per call site. The
 * interpreter and generated code both call the scalar methods, so both consume a stream alike.
 */
public final class RandomDraws {
    private RandomDraws() {}

    /** How many arguments a kind reads (the others, such as Vensim's seed, are not evaluated). */
    static int arity(LExpr.RandomKind kind) {
        switch (kind) {
            case UNIFORM: case NORMAL: return 2;
            case EXPONENTIAL: return 1;
            default: return 4;
        }
    }

    static double draw(LExpr.RandomKind kind, SplittableRandom rng, Evaluator[] a, Frame f) {
        // arguments first, in order, then the draw: generated code does the same
        switch (kind) {
            case UNIFORM: {
                double lo = a[0].eval(f);
                double hi = a[1].eval(f);
                return uniform(rng, lo, hi);
            }
            case NORMAL: {
                double mean = a[0].eval(f);
                double sd = a[1].eval(f);
                return normal(rng, mean, sd);
            }
            case NORMAL_TRUNCATED: {
                double lo = a[0].eval(f);
                double hi = a[1].eval(f);
                double mean = a[2].eval(f);
                double sd = a[3].eval(f);
                return normalTruncated(rng, lo, hi, mean, sd);
            }
            case EXPONENTIAL:
                return exponential(rng, a[0].eval(f));
            default: {
                double lo = a[0].eval(f);
                double hi = a[1].eval(f);
                double shift = a[2].eval(f);
                double stretch = a[3].eval(f);
                return exponentialVensim(rng, lo, hi, shift, stretch);
            }
        }
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

    /** Vensim RANDOM EXPONENTIAL(min, max, shift, stretch). */
    public static double exponentialVensim(SplittableRandom rng, double lo, double hi, double shift, double stretch) {
        double x = shift - stretch * Math.log(1 - rng.nextDouble());
        return Math.max(lo, Math.min(hi, x));
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller: one value per call keeps the stream's use per step fixed
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
