package org.clusterdynamics.compile;

import java.util.List;
import org.clusterdynamics.expr.Expr;

/**
 * Random draws: each call gets a stream of its own and a slot that draws once per time step.
 */
final class RandomCalls extends CompilerPass {

    RandomCalls(Compilation unit) {
        super(unit);
    }

    LExpr random(String fn, Expr.Call c, Scope s) {
        List<LExpr> a = unit.calls.args(c, s);
        LExpr.RandomKind kind;
        List<LExpr> params;
        switch (fn) {
            case "random":
                kind = LExpr.RandomKind.UNIFORM;
                params = a.isEmpty() ? List.of(new LExpr.Const(0), new LExpr.Const(1)) : a.subList(0, 2);
                break;
            case "uniform": case "random_uniform":
                kind = LExpr.RandomKind.UNIFORM;
                params = a.subList(0, 2);
                break;
            case "random_0_1":
                kind = LExpr.RandomKind.UNIFORM;
                params = List.of(new LExpr.Const(0), new LExpr.Const(1));
                break;
            case "normal":
                kind = LExpr.RandomKind.NORMAL;
                params = a.subList(0, 2);
                break;
            case "random_normal":
                kind = LExpr.RandomKind.NORMAL_TRUNCATED;
                params = a.subList(0, 4);
                break;
            case "exprnd":
                kind = LExpr.RandomKind.EXPONENTIAL;
                params = a.subList(0, 1);
                break;
            case "random_exponential":
                kind = LExpr.RandomKind.EXPONENTIAL_VENSIM;
                params = a.subList(0, 4);
                break;
            // Vensim's: min, max, the distribution's own parameters, then shift and stretch; the seed is not read
            case "random_poisson":
                kind = LExpr.RandomKind.POISSON_VENSIM;
                params = a.subList(0, 5);
                break;
            case "random_triangular":
                kind = LExpr.RandomKind.TRIANGULAR_VENSIM;
                params = a.subList(0, 5);
                break;
            case "random_gamma":
                kind = LExpr.RandomKind.GAMMA_VENSIM;
                params = a.subList(0, 5);
                break;
            case "random_beta":
                kind = LExpr.RandomKind.BETA_VENSIM;
                params = a.subList(0, 6);
                break;
            case "random_weibull":
                kind = LExpr.RandomKind.WEIBULL_VENSIM;
                params = a.subList(0, 5);
                break;
            case "random_binomial":
                kind = LExpr.RandomKind.BINOMIAL_VENSIM;
                params = a.subList(0, 6);
                break;
            case "random_negative_binomial":
                kind = LExpr.RandomKind.NEGATIVE_BINOMIAL_VENSIM;
                params = a.subList(0, 6);
                break;
            case "poisson":
                // XMILE: "a mean arrival rate of 3 arrivals per unit time", drawn once per step, so the
                // count in one step has mean rate * DT (isee's Vensim converter writes RANDOM POISSON's
                // mean as POISSON(mean / DT))
                kind = LExpr.RandomKind.POISSON;
                params = List.of(new LExpr.Binary(Expr.BinaryOp.MUL, a.get(0), new LExpr.Param(LExpr.Param.Which.DT)));
                break;
            case "lognormal":
                kind = LExpr.RandomKind.LOGNORMAL;
                params = a.subList(0, 2);
                break;
            case "triangular":
                kind = LExpr.RandomKind.TRIANGULAR;
                params = a.subList(0, 3);
                break;
            case "gamma":
                kind = LExpr.RandomKind.GAMMA;
                params = a.subList(0, 2);
                break;
            case "beta":
                kind = LExpr.RandomKind.BETA;
                params = a.subList(0, 2);
                break;
            case "weibull":
                kind = LExpr.RandomKind.WEIBULL;
                params = a.subList(0, 2);
                break;
            case "binomial":
                kind = LExpr.RandomKind.BINOMIAL;
                params = a.subList(0, 2);
                break;
            default:
                throw new IllegalStateException("random builtin " + fn);
        }
        return draw(kind, params, fn, s);
    }

    /**
     * A draw of its own stream, taken once per time step with the arguments of that step (the
     * simulator keeps the draw for the step's other evaluations), in a slot of its own so that every
     * step draws, whatever reads it.
     */
    LExpr draw(LExpr.RandomKind kind, List<LExpr> params, String what, Scope s) {
        LExpr draw = new LExpr.Random(unit.randomStreams++, kind, params);
        int slot = newSlot(SlotKind.HIDDEN_AUX, what, s);
        slots.get(slot).init = draw;
        slots.get(slot).dyn = draw;
        return new LExpr.Slot(slot);
    }
}
