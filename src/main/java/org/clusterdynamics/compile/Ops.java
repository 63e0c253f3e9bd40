package org.clusterdynamics.compile;

import org.clusterdynamics.expr.Expr.BinaryOp;
import org.clusterdynamics.expr.Expr.UnaryOp;
import org.clusterdynamics.model.GraphicalFunction;

/**
 * The arithmetic of every operator and builtin in one place, shared by the interpreter, the
 * constant folder and generated code, so that all paths compute the same numbers.
 */
public final class Ops {
    private Ops() {}

    /** Tolerance for comparing simulated times with event times given in the model. */
    public static final double TIME_EPS = 1e-9;

    public static double unary(UnaryOp op, double x) {
        switch (op) {
            case NEG: return -x;
            case PLUS: return x;
            default: return x == 0 ? 1 : 0;
        }
    }

    public static double binary(BinaryOp op, double a, double b) {
        switch (op) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return a / b;
            case POW: return Math.pow(a, b);
            case MOD: return modFloor(a, b);
            case EQ: return a == b ? 1 : 0;
            case NE: return a != b ? 1 : 0;
            case LT: return a < b ? 1 : 0;
            case LE: return a <= b ? 1 : 0;
            case GT: return a > b ? 1 : 0;
            case GE: return a >= b ? 1 : 0;
            case AND: return a != 0 && b != 0 ? 1 : 0;
            default: return a != 0 || b != 0 ? 1 : 0;
        }
    }

    public static double modFloor(double a, double b) {
        return a - b * Math.floor(a / b);
    }

    public static boolean isTimeDependent(LExpr.MathFn fn) {
        switch (fn) {
            case STEP: case PULSE_XMILE: case PULSE_VENSIM: case PULSE_TRAIN: case RAMP:
                return true;
            default:
                return false;
        }
    }

    /** A builtin applied to evaluated arguments; time functions read {@code time} and {@code dt}. */
    public static double math(LExpr.MathFn fn, double[] a, double time, double dt) {
        switch (fn) {
            case ABS: return Math.abs(a[0]);
            case EXP: return Math.exp(a[0]);
            case LN: return Math.log(a[0]);
            case LOG10: return Math.log10(a[0]);
            case LOG: return a.length > 1 ? Math.log(a[0]) / Math.log(a[1]) : Math.log10(a[0]);
            case SQRT: return Math.sqrt(a[0]);
            case SIN: return Math.sin(a[0]);
            case COS: return Math.cos(a[0]);
            case TAN: return Math.tan(a[0]);
            case ASIN: return Math.asin(a[0]);
            case ACOS: return Math.acos(a[0]);
            case ATAN: return Math.atan(a[0]);
            case SINH: return Math.sinh(a[0]);
            case COSH: return Math.cosh(a[0]);
            case TANH: return Math.tanh(a[0]);
            case FLOOR: return Math.floor(a[0]);
            case TRUNC: return a[0] < 0 ? Math.ceil(a[0]) : Math.floor(a[0]);
            case ROUND: return Math.floor(a[0] + 0.5);
            case SIGN: return Math.signum(a[0]);
            case MIN: return Math.min(a[0], a[1]);
            case MAX: return Math.max(a[0], a[1]);
            case MOD_FLOOR: return modFloor(a[0], a[1]);
            case MOD_TRUNC: return a[0] % a[1];
            case POWER: return Math.pow(a[0], a[1]);
            case QUANTUM: return a[1] <= 0 ? a[0] : a[1] * (a[0] < 0 ? Math.ceil(a[0] / a[1]) : Math.floor(a[0] / a[1]));
            case SAFEDIV: return a[1] == 0 ? (a.length > 2 ? a[2] : 0) : a[0] / a[1];
            case XIDZ: return a[1] == 0 ? a[2] : a[0] / a[1];
            case ZIDZ: return a[1] == 0 ? 0 : a[0] / a[1];
            case STEP: return time + TIME_EPS >= a[1] ? a[0] : 0;
            case PULSE_XMILE: return pulseXmile(a, time, dt);
            case PULSE_VENSIM: {
                double width = a[1] <= 0 ? dt : a[1];
                return time + TIME_EPS >= a[0] && time + TIME_EPS < a[0] + width ? 1 : 0;
            }
            case PULSE_TRAIN: {
                double start = a[0];
                double width = a[1];
                double interval = a[2];
                double end = a[3];
                if (time + TIME_EPS < start || time > end + TIME_EPS) {
                    return 0;
                }
                if (interval <= 0) {
                    return time + TIME_EPS < start + width ? 1 : 0;
                }
                double into = modFloor(time - start + TIME_EPS, interval);
                return into < width ? 1 : 0;
            }
            case RAMP: {
                double slope = a[0];
                double start = a[1];
                if (time <= start) {
                    return 0;
                }
                if (a.length > 2 && !Double.isNaN(a[2]) && time > a[2]) {
                    return slope * (a[2] - start);
                }
                return slope * (time - start);
            }
            case SUM: {
                double s = 0;
                for (double v : a) {
                    s += v;
                }
                return s;
            }
            case PROD: {
                double p = 1;
                for (double v : a) {
                    p *= v;
                }
                return p;
            }
            case MEAN: {
                double s = 0;
                for (double v : a) {
                    s += v;
                }
                return s / a.length;
            }
            case STDDEV: {
                // population standard deviation, as XMILE defines it
                double mean = 0;
                for (double v : a) {
                    mean += v;
                }
                mean /= a.length;
                double ss = 0;
                for (double v : a) {
                    ss += (v - mean) * (v - mean);
                }
                return Math.sqrt(ss / a.length);
            }
            default:
                throw new IllegalStateException("no arithmetic for " + fn);
        }
    }

    private static double pulseXmile(double[] a, double time, double dt) {
        double magnitude = a[0];
        double first = a[1];
        double interval = a.length > 2 ? a[2] : 0;
        if (time + TIME_EPS < first) {
            return 0;
        }
        double since = time - first;
        if (interval > 0) {
            since = modFloor(since + TIME_EPS, interval) - TIME_EPS;
        }
        // one step wide, so that the integrated amount equals the magnitude
        return Math.abs(since) < dt / 2 ? magnitude / dt : 0;
    }

    public static double lookup(GraphicalFunction table, LExpr.LookupMode mode, double x) {
        switch (mode) {
            case EXTRAPOLATE: return table.lookup(x, GraphicalFunction.Kind.EXTRAPOLATE);
            case FORWARD: return table.lookupForward(x);
            case BACKWARD: return table.lookupBackward(x);
            default: return table.lookup(x);
        }
    }
}
