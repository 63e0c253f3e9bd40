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
            case TRUNC: return trunc(a[0]);
            case ROUND: return round(a[0]);
            case SIGN: return Math.signum(a[0]);
            case MIN: return Math.min(a[0], a[1]);
            case MAX: return Math.max(a[0], a[1]);
            case MOD_FLOOR: return modFloor(a[0], a[1]);
            case MOD_TRUNC: return a[0] % a[1];
            case POWER: return Math.pow(a[0], a[1]);
            case QUANTUM: return quantum(a[0], a[1]);
            case TO_SINGLE: return (float) a[0];
            case SAFEDIV: return safeDiv(a[0], a[1], a.length > 2 ? a[2] : 0);
            case XIDZ: return xidz(a[0], a[1], a[2]);
            case ZIDZ: return zidz(a[0], a[1]);
            case STEP: return step(a[0], a[1], time);
            case PULSE_XMILE: return pulseXmile(a[0], a[1], a.length > 2 ? a[2] : 0, time, dt);
            case PULSE_VENSIM: return pulseVensim(a[0], a[1], time, dt);
            case PULSE_TRAIN: return pulseTrain(a[0], a[1], a[2], a[3], time);
            case RAMP: return ramp(a[0], a[1], a.length > 2 ? a[2] : Double.NaN, time);
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

    // One method per builtin with more than one operation, so that generated code calls the very
    // arithmetic the interpreter uses.

    public static double trunc(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    public static double round(double x) {
        return Math.floor(x + 0.5);
    }

    public static double quantum(double x, double q) {
        return q <= 0 ? x : q * (x < 0 ? Math.ceil(x / q) : Math.floor(x / q));
    }

    public static double safeDiv(double a, double b, double ifZero) {
        return b == 0 ? ifZero : a / b;
    }

    public static double xidz(double a, double b, double x) {
        return b == 0 ? x : a / b;
    }

    public static double zidz(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    public static double step(double height, double at, double time) {
        return time + TIME_EPS >= at ? height : 0;
    }

    /** Vensim PULSE(start, width): 1 for width time units (one step when the width is not positive). */
    public static double pulseVensim(double start, double width, double time, double dt) {
        double w = width <= 0 ? dt : width;
        return time + TIME_EPS >= start && time + TIME_EPS < start + w ? 1 : 0;
    }

    public static double pulseTrain(double start, double width, double interval, double end, double time) {
        if (time + TIME_EPS < start || time > end + TIME_EPS) {
            return 0;
        }
        if (interval <= 0) {
            return time + TIME_EPS < start + width ? 1 : 0;
        }
        double into = modFloor(time - start + TIME_EPS, interval);
        return into < width ? 1 : 0;
    }

    /** RAMP(slope, start, end); end NaN means no end. */
    public static double ramp(double slope, double start, double end, double time) {
        if (time <= start) {
            return 0;
        }
        if (!Double.isNaN(end) && time > end) {
            return slope * (end - start);
        }
        return slope * (time - start);
    }

    /** XMILE PULSE(magnitude, first, interval); interval 0 means once. */
    public static double pulseXmile(double magnitude, double first, double interval, double time, double dt) {
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
            case AREA: return LookupMath.area(table.xs(), table.ys(), 0, 0, x, false);
            case SLOPE_ZERO_OUTSIDE: return LookupMath.slope(table.xs(), table.ys(), 0, 0, x, 0);
            case SLOPE_EXTRAPOLATED: return LookupMath.slope(table.xs(), table.ys(), 0, 0, x, 1);
            case SLOPE_NA_OUTSIDE: return LookupMath.slope(table.xs(), table.ys(), 0, 0, x, -1);
            case INVERT: return LookupMath.invert(table.xs(), table.ys(), 0, 0, x, false);
            default: return table.lookup(x);
        }
    }
}
