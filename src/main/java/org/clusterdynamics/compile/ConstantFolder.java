package org.clusterdynamics.compile;

import java.util.function.IntFunction;

/**
 * Evaluates a lowered expression that must be constant at compile time (control values, the
 * order of SMOOTH N, numeric subscripts), following slot references through their initial
 * expressions.
 */
final class ConstantFolder {
    /** Thrown when the expression depends on time, state or randomness. */
    static final class NotConstant extends Exception {
        NotConstant(String why) {
            super(why, null, false, false);
        }
    }

    private final IntFunction<LExpr> initialOf;
    private final double initialTime;
    private final double timeStep;
    private int depth;

    ConstantFolder(IntFunction<LExpr> initialOf) {
        this(initialOf, Double.NaN);
    }

    /** With an initial time, values that depend on time are taken at that time (Vensim fixes them so). */
    ConstantFolder(IntFunction<LExpr> initialOf, double initialTime) {
        this(initialOf, initialTime, Double.NaN);
    }

    /** With the model's time step too, DT folds to it (Vensim's DELAY N reads its order so). */
    ConstantFolder(IntFunction<LExpr> initialOf, double initialTime, double timeStep) {
        this.initialOf = initialOf;
        this.initialTime = initialTime;
        this.timeStep = timeStep;
    }

    double eval(LExpr e) throws NotConstant {
        if (++depth > 200) {
            throw new NotConstant("the definition is circular or too deep");
        }
        try {
            if (e instanceof LExpr.Const c) {
                return c.value();
            } else if (e instanceof LExpr.Slot s) {
                LExpr init = initialOf.apply(s.index());
                if (init == null) {
                    throw new NotConstant("it depends on a value that is not known before the run");
                }
                return eval(init);
            } else if (e instanceof LExpr.Unary u) {
                return Ops.unary(u.op(), eval(u.operand()));
            } else if (e instanceof LExpr.Binary b) {
                return Ops.binary(b.op(), eval(b.left()), eval(b.right()));
            } else if (e instanceof LExpr.If f) {
                return eval(f.condition()) != 0 ? eval(f.then()) : eval(f.otherwise());
            } else if (e instanceof LExpr.Fn f && (!Ops.isTimeDependent(f.fn()) || !Double.isNaN(initialTime))) {
                double[] a = new double[f.args().size()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = eval(f.args().get(i));
                }
                return Ops.math(f.fn(), a, initialTime, Double.NaN);
            } else if (e instanceof LExpr.Param p && !Double.isNaN(initialTime)
                    && (p.which() == LExpr.Param.Which.TIME || p.which() == LExpr.Param.Which.START)) {
                return initialTime;
            } else if (e instanceof LExpr.Param p && p.which() == LExpr.Param.Which.DT && !Double.isNaN(timeStep)) {
                return timeStep;
            } else if (e instanceof LExpr.Lookup l) {
                double x = eval(l.x());
                return Ops.lookup(l.table(), l.mode(), x);
            } else if (e instanceof LExpr.ArrayFn f) {
                double[] in = new double[f.inputs().size()];
                for (int i = 0; i < in.length; i++) {
                    in[i] = eval(f.inputs().get(i));
                }
                double[] p = new double[f.params().size()];
                for (int i = 0; i < p.length; i++) {
                    p[i] = eval(f.params().get(i));
                }
                return ArrayOps.eval(f.kind(), in, p, f.outputIndex(), new double[ArrayOps.workSize(f.kind(), in.length)]);
            }
            if (e instanceof LExpr.ElementAt) {
                throw new NotConstant("it reads an array element chosen during the run");
            }
            throw new NotConstant("it depends on time, on a stock or on a random draw");
        } finally {
            depth--;
        }
    }
}
