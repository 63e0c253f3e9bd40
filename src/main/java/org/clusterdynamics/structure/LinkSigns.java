package org.clusterdynamics.structure;

import org.clusterdynamics.compile.LExpr;
import org.clusterdynamics.expr.Expr.BinaryOp;
import org.clusterdynamics.expr.Expr.UnaryOp;

/**
 * The sign of a link read from its equation: the sign of dz/dx where the equation shows it,
 * knowing the values of the model's constants (slots that do not change during a run). Where it
 * does not show (a product of two changing values, a non-monotonic table, a condition on x), the
 * answer is {@link Polarity#UNKNOWN} and the sign is taken from a run instead.
 */
final class LinkSigns {
    /** Values of slots that stay constant during the run, NaN for the others. */
    private final double[] constants;

    LinkSigns(double[] constants) {
        this.constants = constants;
    }

    /** The sign of the partial derivative of e with respect to slot x. */
    Polarity derivative(LExpr e, int x) {
        if (e instanceof LExpr.Slot s) {
            return s.index() == x ? Polarity.POSITIVE : Polarity.NONE;
        } else if (e instanceof LExpr.Const || e instanceof LExpr.Param) {
            return Polarity.NONE;
        } else if (e instanceof LExpr.Unary u) {
            Polarity d = derivative(u.operand(), x);
            return switch (u.op()) {
                case NEG -> d.negate();
                case PLUS -> d;
                case NOT -> d == Polarity.NONE ? d : Polarity.UNKNOWN;
            };
        } else if (e instanceof LExpr.Binary b) {
            return binary(b.op(), b.left(), b.right(), x);
        } else if (e instanceof LExpr.If i) {
            if (derivative(i.condition(), x) != Polarity.NONE) {
                return Polarity.UNKNOWN;
            }
            double c = value(i.condition());
            if (!Double.isNaN(c)) {
                return derivative(c != 0 ? i.then() : i.otherwise(), x);
            }
            Polarity t = derivative(i.then(), x);
            Polarity o = derivative(i.otherwise(), x);
            return t == Polarity.NONE ? o : o == Polarity.NONE ? t : t == o ? t : Polarity.UNKNOWN;
        } else if (e instanceof LExpr.Fn f) {
            return function(f, x);
        } else if (e instanceof LExpr.Lookup l && l.mode().ordinal() <= LExpr.LookupMode.BACKWARD.ordinal()) {
            return derivative(l.x(), x).times(monotonicity(l.table().ys()));
        }
        // random draws and whole-array functions: only a run can tell
        return dependsOn(e, x) ? Polarity.UNKNOWN : Polarity.NONE;
    }

    private Polarity binary(BinaryOp op, LExpr l, LExpr r, int x) {
        Polarity dl = derivative(l, x);
        Polarity dr = derivative(r, x);
        switch (op) {
            case ADD:
                return dl.plus(dr);
            case SUB:
                return dl.plus(dr.negate());
            case MUL:
                return dl.times(sign(r)).plus(sign(l).times(dr));
            case DIV:
                return dl.times(sign(r)).plus(sign(l).times(dr).negate());
            case POW:
                return power(l, r, dl, dr);
            default:
                return dl == Polarity.NONE && dr == Polarity.NONE ? Polarity.NONE : Polarity.UNKNOWN;
        }
    }

    /** d(l^r): r * l^(r-1) * dl + l^r * ln(l) * dr, signed where l is known positive. */
    private Polarity power(LExpr l, LExpr r, Polarity dl, Polarity dr) {
        if (dl == Polarity.NONE && dr == Polarity.NONE) {
            return Polarity.NONE;
        }
        if (sign(l) != Polarity.POSITIVE) {
            return Polarity.UNKNOWN;
        }
        Polarity viaBase = dl.times(sign(r));
        double base = value(l);
        Polarity logBase = Double.isNaN(base) ? Polarity.UNKNOWN : Polarity.ofSign(Math.log(base));
        return viaBase.plus(dr.times(logBase));
    }

    private Polarity function(LExpr.Fn f, int x) {
        switch (f.fn()) {
            case EXP, LN, LOG10, SQRT, ATAN, SINH, TANH, ASIN, FLOOR, TRUNC, ROUND, TO_SINGLE, QUANTUM: {
                return derivative(f.args().get(0), x);
            }
            case ACOS:
                return derivative(f.args().get(0), x).negate();
            case MIN, MAX, SUM, MEAN: {
                Polarity p = Polarity.NONE;
                for (LExpr a : f.args()) {
                    p = p.plus(derivative(a, x));
                }
                return p;
            }
            case SAFEDIV, ZIDZ, XIDZ: {
                LExpr a = f.args().get(0);
                LExpr b = f.args().get(1);
                Polarity extra = f.args().size() > 2 ? derivative(f.args().get(2), x) : Polarity.NONE;
                Polarity p = binary(BinaryOp.DIV, a, b, x);
                return extra == Polarity.NONE ? p : Polarity.UNKNOWN;
            }
            case POWER:
                return power(f.args().get(0), f.args().get(1), derivative(f.args().get(0), x),
                        derivative(f.args().get(1), x));
            default:
                return dependsOn(f, x) ? Polarity.UNKNOWN : Polarity.NONE;
        }
    }

    private static Polarity monotonicity(double[] ys) {
        boolean up = false;
        boolean down = false;
        for (int i = 1; i < ys.length; i++) {
            up |= ys[i] > ys[i - 1];
            down |= ys[i] < ys[i - 1];
        }
        return up && down ? Polarity.UNKNOWN : up ? Polarity.POSITIVE : down ? Polarity.NEGATIVE : Polarity.NONE;
    }

    /** The sign of an expression's value where it is fixed during the run, else UNKNOWN. */
    private Polarity sign(LExpr e) {
        double v = value(e);
        if (!Double.isNaN(v)) {
            return v > 0 ? Polarity.POSITIVE : v < 0 ? Polarity.NEGATIVE : Polarity.NONE;
        }
        if (e instanceof LExpr.Fn f && f.fn() == LExpr.MathFn.EXP) {
            return Polarity.POSITIVE;
        }
        return Polarity.UNKNOWN;
    }

    /** The value of an expression of constants only, or NaN. */
    private double value(LExpr e) {
        if (e instanceof LExpr.Const c) {
            return c.value();
        } else if (e instanceof LExpr.Slot s) {
            return constants[s.index()];
        } else if (e instanceof LExpr.Unary u && u.op() != UnaryOp.NOT) {
            double v = value(u.operand());
            return u.op() == UnaryOp.NEG ? -v : v;
        } else if (e instanceof LExpr.Binary b) {
            double l = value(b.left());
            double r = value(b.right());
            return switch (b.op()) {
                case ADD -> l + r;
                case SUB -> l - r;
                case MUL -> l * r;
                case DIV -> l / r;
                case POW -> Math.pow(l, r);
                default -> Double.NaN;
            };
        }
        return Double.NaN;
    }

    private static boolean dependsOn(LExpr e, int x) {
        return SlotGraph.refs(e).contains(x);
    }
}
