package org.clusterdynamics.sim;

import java.util.SplittableRandom;
import org.clusterdynamics.compile.LExpr;

/** Random draws for the model's random builtins, from one seeded stream per call site. */
final class RandomDraws {
    private RandomDraws() {}

    static double draw(LExpr.RandomKind kind, SplittableRandom rng, Evaluator[] a, Frame f) {
        switch (kind) {
            case UNIFORM: {
                double lo = a[0].eval(f);
                double hi = a[1].eval(f);
                return lo + (hi - lo) * rng.nextDouble();
            }
            case NORMAL:
                return a[0].eval(f) + a[1].eval(f) * gaussian(rng);
            case NORMAL_TRUNCATED: {
                double lo = a[0].eval(f);
                double hi = a[1].eval(f);
                double mean = a[2].eval(f);
                double sd = a[3].eval(f);
                // redraw until inside the bounds, as Vensim's truncated normal does; bounded tries
                for (int i = 0; i < 1000; i++) {
                    double x = mean + sd * gaussian(rng);
                    if (x >= lo && x <= hi) {
                        return x;
                    }
                }
                return Math.max(lo, Math.min(hi, mean));
            }
            case EXPONENTIAL:
                return -a[0].eval(f) * Math.log(1 - rng.nextDouble());
            default: {
                double lo = a[0].eval(f);
                double hi = a[1].eval(f);
                double shift = a[2].eval(f);
                double stretch = a[3].eval(f);
                double x = shift - stretch * Math.log(1 - rng.nextDouble());
                return Math.max(lo, Math.min(hi, x));
            }
        }
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller: one value per call keeps the stream's use per step fixed
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
