package org.clusterdynamics.compile;

import java.util.List;
import org.clusterdynamics.compile.LExpr.MathFn;
import org.clusterdynamics.expr.Expr;

/**
 * Stateful builtins desugared into hidden stocks and discrete state: SMOOTH, DELAY (chains and
 * fixed), TREND, FORECAST, NPV, INITIAL, PREVIOUS, SAMPLE IF TRUE, ACTIVE INITIAL, INTEG.
 */
final class StatefulBuiltins extends CompilerPass {

    StatefulBuiltins(Compilation unit) {
        super(unit);
    }

    /** Keeps a computed value in a hidden auxiliary so that rates and initial values share it. */
    LExpr materialize(LExpr e, String what, Scope s) {
        if (e instanceof LExpr.Const || e instanceof LExpr.Slot || e instanceof LExpr.Param) {
            return e;
        }
        int slot = newSlot(SlotKind.HIDDEN_AUX, what, s);
        slots.get(slot).init = e;
        slots.get(slot).dyn = e;
        return new LExpr.Slot(slot);
    }

    LExpr hiddenStock(String what, LExpr init, LExpr rate, Scope s) {
        int slot = newSlot(SlotKind.HIDDEN_STOCK, what, s);
        slots.get(slot).init = init;
        slots.get(slot).rate = rate;
        return new LExpr.Slot(slot);
    }

    static LExpr div(LExpr a, LExpr b) {
        return new LExpr.Binary(Expr.BinaryOp.DIV, a, b);
    }

    static LExpr mul(LExpr a, LExpr b) {
        return new LExpr.Binary(Expr.BinaryOp.MUL, a, b);
    }

    static LExpr sub(LExpr a, LExpr b) {
        return new LExpr.Binary(Expr.BinaryOp.SUB, a, b);
    }

    /** The order of SMOOTH N / DELAY N is fixed when the run starts, as in Vensim. */
    int constantOrder(LExpr e, String fn, Scope s) {
        try {
            double v = unit.settings.atRunStart().eval(e);
            int n = (int) Math.round(v);
            if (n < 1) {
                diags.error("E012", where(s), "the order of " + fn + " must be at least 1, not " + v);
                throw new Abandon();
            }
            return n;
        } catch (ConstantFolder.NotConstant nc) {
            diags.error("E012", where(s), "the order of " + fn + " must be a constant: " + nc.getMessage());
            throw new Abandon();
        }
    }

    LExpr stateful(String fn, Expr.Call c, Scope s) {
        List<Expr> a = c.args();
        switch (fn) {
            case "npv":
                return npv(a, s);
            case "smth1": case "smooth": case "smoothi":
                return smoothChain(fn, a.get(0), a.get(1), a.size() > 2 ? a.get(2) : null, 1, s);
            case "smth3": case "smooth3": case "smooth3i":
                return smoothChain(fn, a.get(0), a.get(1), a.size() > 2 ? a.get(2) : null, 3, s);
            case "smthn": {
                int n = constantOrder(unit.expressions.lower(a.get(2), s), "SMTHN", s);
                return smoothChain(fn, a.get(0), a.get(1), a.size() > 3 ? a.get(3) : null, n, s);
            }
            case "smooth_n": {
                int n = constantOrder(unit.expressions.lower(a.get(3), s), "SMOOTH N", s);
                return smoothChain(fn, a.get(0), a.get(1), a.get(2), n, s);
            }
            case "delay1": case "delay1i":
                return delayChain(fn, a.get(0), a.get(1), a.size() > 2 ? a.get(2) : null, 1, false, s);
            case "delay3": case "delay3i":
                return delayChain(fn, a.get(0), a.get(1), a.size() > 2 ? a.get(2) : null, 3, false, s);
            case "delayn": {
                int n = constantOrder(unit.expressions.lower(a.get(2), s), "DELAYN", s);
                return delayChain(fn, a.get(0), a.get(1), a.size() > 3 ? a.get(3) : null, n, false, s);
            }
            case "delay_n": {
                int n = constantOrder(unit.expressions.lower(a.get(3), s), "DELAY N", s);
                return delayChain(fn, a.get(0), a.get(1), a.get(2), n, true, s);
            }
            case "delay_material":
                return delayMaterial(c, s);
            case "history":
                return history(c, s);
            case "random_pink_noise":
                return pinkNoise(c, s);
            case "delay": case "delay_fixed": {
                LExpr input = materialize(unit.expressions.lower(a.get(0), s), fn + " input", s);
                LExpr time = unit.expressions.lower(a.get(1), s);
                shortestDelay(fn.equals("delay") ? "DELAY" : "DELAY FIXED", time, s);
                LExpr init = a.size() > 2 ? unit.expressions.lower(a.get(2), s) : input;
                int out = newSlot(SlotKind.DISCRETE, fn, s);
                slots.get(out).init = init;
                unit.delays.add(new CompiledModel.FixedDelay(out, input, time, init));
                return new LExpr.Slot(out);
            }
            case "trend": case "forecast": {
                LExpr input = materialize(unit.expressions.lower(a.get(0), s), fn + " input", s);
                LExpr avgTime = materialize(unit.expressions.lower(a.get(1), s), fn + " time", s);
                Expr initTrendExpr = fn.equals("trend") ? (a.size() > 2 ? a.get(2) : null) : (a.size() > 3 ? a.get(3) : null);
                LExpr initTrend = initTrendExpr == null ? new LExpr.Const(0) : unit.expressions.lower(initTrendExpr, s);
                LExpr init = div(input, new LExpr.Binary(Expr.BinaryOp.ADD, new LExpr.Const(1), mul(initTrend, avgTime)));
                LExpr avg = hiddenStock(fn + " average", init, null, s);
                slots.get(((LExpr.Slot) avg).index()).rate = div(sub(input, avg), avgTime);
                LExpr trend = new LExpr.Fn(MathFn.ZIDZ, List.of(sub(input, avg),
                        mul(avgTime, new LExpr.Fn(MathFn.ABS, List.of(avg)))));
                if (fn.equals("trend")) {
                    return trend;
                }
                LExpr horizon = unit.expressions.lower(a.get(2), s);
                return mul(input, new LExpr.Binary(Expr.BinaryOp.ADD, new LExpr.Const(1), mul(trend, horizon)));
            }
            case "init": case "initial": case "reinitial": {
                int slot = newSlot(SlotKind.DISCRETE, fn, s);
                slots.get(slot).init = unit.expressions.lower(a.get(0), s);
                return new LExpr.Slot(slot);
            }
            case "previous": {
                LExpr x = unit.expressions.lower(a.get(0), s);
                int slot = newSlot(SlotKind.DISCRETE, fn, s);
                slots.get(slot).init = a.size() > 1 ? unit.expressions.lower(a.get(1), s) : x;
                unit.stepUpdates.add(new CompiledModel.Assignment(slot, x));
                return new LExpr.Slot(slot);
            }
            case "sample_if_true": {
                LExpr cond = unit.expressions.lower(a.get(0), s);
                LExpr input = unit.expressions.lower(a.get(1), s);
                LExpr init = unit.expressions.lower(a.get(2), s);
                int memory = newSlot(SlotKind.DISCRETE, fn + " memory", s);
                slots.get(memory).init = init;
                int value = newSlot(SlotKind.HIDDEN_AUX, fn, s);
                slots.get(value).init = new LExpr.If(cond, input, init);
                slots.get(value).dyn = new LExpr.If(cond, input, new LExpr.Slot(memory));
                unit.stepUpdates.add(new CompiledModel.Assignment(memory, new LExpr.Slot(value)));
                return new LExpr.Slot(value);
            }
            case "active_initial": {
                int value = newSlot(SlotKind.HIDDEN_AUX, fn, s);
                slots.get(value).init = unit.expressions.lower(a.get(1), s);
                slots.get(value).dyn = unit.expressions.lower(a.get(0), s);
                return new LExpr.Slot(value);
            }
            case "integ": {
                return hiddenStock("integ", unit.expressions.lower(a.get(1), s), unit.expressions.lower(a.get(0), s), s);
            }
            case "sinteg":
                return sinteg(c, s);
            default:
                throw new IllegalStateException("stateful builtin " + fn + " not lowered");
        }
    }

    /**
     * Vensim's NPV(stream, discount rate, init val, factor), as its documentation defines it:
     * (accumulation + stream * TIME STEP * df) * factor, with accumulation = INTEG(stream * df,
     * init val) and the discount factor df = INTEG(-df * rate / (1 + rate * TIME STEP), 1); the
     * current period's stream is not discounted.
     */
    LExpr npv(List<Expr> a, Scope s) {
        LExpr stream = materialize(unit.expressions.lower(a.get(0), s), "NPV stream", s);
        LExpr rate = materialize(unit.expressions.lower(a.get(1), s), "NPV discount rate", s);
        LExpr dt = unit.expressions.builtinValue("dt");
        LExpr df = hiddenStock("NPV discount factor", new LExpr.Const(1), null, s);
        slots.get(((LExpr.Slot) df).index()).rate = div(mul(new LExpr.Unary(Expr.UnaryOp.NEG, df), rate),
                new LExpr.Binary(Expr.BinaryOp.ADD, new LExpr.Const(1), mul(rate, dt)));
        LExpr accumulation = hiddenStock("NPV accumulation", unit.expressions.lower(a.get(2), s), mul(stream, df), s);
        LExpr value = new LExpr.Binary(Expr.BinaryOp.ADD, accumulation, mul(mul(stream, dt), df));
        return mul(value, unit.expressions.lower(a.get(3), s));
    }

    LExpr smoothChain(String fn, Expr inputE, Expr timeE, Expr initE, int n, Scope s) {
        LExpr input = materialize(unit.expressions.lower(inputE, s), fn + " input", s);
        LExpr time = materialize(unit.expressions.lower(timeE, s), fn + " time", s);
        positiveTime(fn, time, s);
        LExpr init = initE == null ? input : materialize(unit.expressions.lower(initE, s), fn + " initial", s);
        LExpr stageTime = n == 1 ? time : div(time, new LExpr.Const(n));
        LExpr prev = input;
        LExpr stage = null;
        for (int k = 0; k < n; k++) {
            stage = hiddenStock(fn + " stage " + (k + 1), init, null, s);
            slots.get(((LExpr.Slot) stage).index()).rate = div(sub(prev, stage), stageTime);
            prev = stage;
        }
        return stage;
    }

    /**
     * A chain of n first-order stages. Vensim's DELAY N (discrete) also reduces its order so that
     * order x TIME STEP fits in the delay time, and lets a changing delay time travel down the
     * chain: stage k uses the delay time of k - 1 steps before, so that the output depends only on
     * earlier delay times.
     */
    LExpr delayChain(String fn, Expr inputE, Expr timeE, Expr initE, int n, boolean vensimN, Scope s) {
        LExpr input = materialize(unit.expressions.lower(inputE, s), fn + " input", s);
        LExpr time = materialize(unit.expressions.lower(timeE, s), fn + " time", s);
        positiveTime(fn, time, s);
        LExpr init = initE == null ? input : materialize(unit.expressions.lower(initE, s), fn + " initial", s);
        boolean travels = false;
        if (vensimN) {
            n = orderWithinTimeStep(n, time, s);
            try {
                new ConstantFolder(unit.variables::initialOf).eval(time);
            } catch (ConstantFolder.NotConstant nc) {
                travels = n > 1;
            }
        }
        LExpr stageDelay = time;
        LExpr stageTime = materialize(n == 1 ? time : div(time, new LExpr.Const(n)), fn + " stage time", s);
        LExpr inflow = input;
        LExpr outflow = null;
        for (int k = 0; k < n; k++) {
            if (travels && k > 0) {
                int earlier = newSlot(SlotKind.DISCRETE, fn + " delay time " + (k + 1), s);
                slots.get(earlier).init = stageDelay;
                unit.stepUpdates.add(new CompiledModel.Assignment(earlier, stageDelay));
                stageDelay = new LExpr.Slot(earlier);
                stageTime = materialize(div(stageDelay, new LExpr.Const(n)), fn + " stage time " + (k + 1), s);
            }
            LExpr stock = hiddenStock(fn + " stage " + (k + 1), mul(init, stageTime), null, s);
            outflow = materialize(div(stock, stageTime), fn + " outflow " + (k + 1), s);
            slots.get(((LExpr.Slot) stock).index()).rate = sub(inflow, outflow);
            inflow = outflow;
        }
        return outflow;
    }

    /**
     * Vensim's SINTEG(rate, initial, min, max, quant, spec, thresh): the integral of rate, never below
     * min or above max, a multiple of quant, and spec whenever within thresh of it; each of the last
     * five is a number or :NA: (no restriction). The restricted value is kept from step to step by
     * Euler's rule (the restrictions apply at each step, whatever the integration method).
     */
    private LExpr sinteg(Expr.Call c, Scope s) {
        double[] k = new double[5];
        for (int i = 0; i < 5; i++) {
            k[i] = unit.reductions.arrayBuiltins.constantArgument(c, i + 2, s);
        }
        LExpr rate = unit.expressions.lower(c.args().get(0), s);
        int level = newSlot(SlotKind.DISCRETE, "sinteg", s);
        slots.get(level).init = restricted(unit.expressions.lower(c.args().get(1), s), k);
        LExpr next = new LExpr.Binary(Expr.BinaryOp.ADD, new LExpr.Slot(level),
                mul(new LExpr.Param(LExpr.Param.Which.DT), rate));
        unit.stepUpdates.add(new CompiledModel.Assignment(level, restricted(next, k)));
        return new LExpr.Slot(level);
    }

    private static LExpr restricted(LExpr x, double[] k) {
        double na = org.clusterdynamics.expr.ExprParser.VENSIM_NA;
        if (k[2] != na && k[2] != 0) {
            x = new LExpr.Fn(MathFn.QUANTUM, List.of(x, new LExpr.Const(k[2])));
        }
        if (k[3] != na && k[4] != na) {
            LExpr near = new LExpr.Binary(Expr.BinaryOp.LT, new LExpr.Fn(MathFn.ABS, List.of(sub(x,
                    new LExpr.Const(k[3])))), new LExpr.Const(k[4]));
            x = new LExpr.If(near, new LExpr.Const(k[3]), x);
        }
        if (k[0] != na) {
            x = new LExpr.Fn(MathFn.MAX, List.of(x, new LExpr.Const(k[0])));
        }
        if (k[1] != na) {
            x = new LExpr.Fn(MathFn.MIN, List.of(x, new LExpr.Const(k[1])));
        }
        return x;
    }

    /**
     * Vensim's DELAY MATERIAL(input, delay time, initial value, missing value): "the same as DELAY
     * FIXED except that delay time can be a variable". With a delay time that is constant it is DELAY
     * FIXED (the missing value is never needed); one that changes during the run is refused.
     */
    private LExpr delayMaterial(Expr.Call c, Scope s) {
        List<Expr> a = c.args();
        LExpr time = unit.expressions.lower(a.get(1), s);
        LExpr missing = null;
        try {
            new ConstantFolder(unit.variables::initialOf).eval(time);
            shortestDelay("DELAY MATERIAL", time, s); // constant: DELAY FIXED, as the reference says
        } catch (ConstantFolder.NotConstant nc) {
            // read at every step, each input leaving after its own step's delay time
            missing = unit.expressions.lower(a.get(3), s);
        }
        LExpr input = materialize(unit.expressions.lower(a.get(0), s), "delay material input", s);
        LExpr init = unit.expressions.lower(a.get(2), s);
        int out = newSlot(SlotKind.DISCRETE, "delay material", s);
        slots.get(out).init = init;
        unit.delays.add(new CompiledModel.FixedDelay(out, input, time, init, missing));
        return new LExpr.Slot(out);
    }

    /**
     * A fixed delay shorter than one step delays by one step. Vensim's reference for DELAY FIXED (and so
     * DELAY MATERIAL) says so: "The minimum delay time is TIME STEP and shorter delay times will have the
     * same effect as a delay time of TIME STEP" (https://vensim.com/documentation/fn_delay_fixed.html).
     * isee's help for Stella's DELAY (https://iseesystems.com/resources/help/v10/Content/Reference/Builtins/Delay_builtins.htm)
     * and the XMILE 1.0 standard give no rule for a delay shorter than DT; Stella models get the same one.
     */
    void shortestDelay(String fn, LExpr time, Scope s) {
        double dt = unit.settings.timeStep();
        double d;
        try {
            d = unit.settings.atRunStart().eval(time);
        } catch (ConstantFolder.NotConstant nc) {
            return;
        }
        if (dt > 0 && d < dt - 1e-9 * dt) {
            diags.warning("W014", where(s), "the delay time of " + fn + " (" + ArrayBuiltins.fmt(d) + ") is shorter"
                    + " than the time step (" + ArrayBuiltins.fmt(dt) + "): it delays by one time step, by Vensim's"
                    + " rule for DELAY FIXED (the minimum delay time is TIME STEP)");
        }
    }

    /**
     * Stella's HISTORY(variable, time): the variable's value at an earlier time. Supported where the
     * time is TIME minus a constant lag, as models write it: a fixed delay of that lag, which gives the
     * value at the start of the run for times before it. Other times are refused by name.
     */
    private LExpr history(Expr.Call c, Scope s) {
        LExpr x = unit.expressions.lower(c.args().get(0), s);
        LExpr when = unit.expressions.lower(c.args().get(1), s);
        if (when instanceof LExpr.Param p && p.which() == LExpr.Param.Which.TIME) {
            return x;
        }
        double lag = Double.NaN;
        if (when instanceof LExpr.Binary b && b.op() == Expr.BinaryOp.SUB && b.left() instanceof LExpr.Param p
                && p.which() == LExpr.Param.Which.TIME) {
            try {
                lag = new ConstantFolder(unit.variables::initialOf).eval(b.right());
            } catch (ConstantFolder.NotConstant nc) {
                lag = Double.NaN;
            }
        }
        if (!(lag >= 0)) {
            diags.error("E012", where(s), c.asWritten() + " is supported with a time written TIME - lag, a constant"
                    + " lag of zero or more (as HISTORY(x, TIME - 3)); write the time that way, or use DELAY");
            throw new Abandon();
        }
        LExpr input = materialize(x, "history input", s);
        int out = newSlot(SlotKind.DISCRETE, "history", s);
        slots.get(out).init = input;
        unit.delays.add(new CompiledModel.FixedDelay(out, input, new LExpr.Const(lag), input));
        return new LExpr.Slot(out);
    }

    /**
     * Vensim's RANDOM PINK NOISE(mean, std deviation, correlation time, seed): Ed Anderson's pink
     * noise, which Vensim's reference describes: white noise drawn from a normal distribution (cut at
     * six standard deviations), scaled by SQRT((2 - TIME STEP / correlation time) * correlation time /
     * TIME STEP) so that the output keeps the standard deviation asked for, smoothed over the
     * correlation time, starting from a normal draw around the mean. The seed is not read, as for the
     * other RANDOM functions.
     */
    private LExpr pinkNoise(Expr.Call c, Scope s) {
        List<Expr> a = c.args();
        LExpr mean = materialize(unit.expressions.lower(a.get(0), s), "pink noise mean", s);
        LExpr sd = materialize(unit.expressions.lower(a.get(1), s), "pink noise std deviation", s);
        LExpr tau = materialize(unit.expressions.lower(a.get(2), s), "pink noise correlation time", s);
        List<LExpr> unitNormal = List.of(new LExpr.Const(-6), new LExpr.Const(6), new LExpr.Const(0),
                new LExpr.Const(1));
        LExpr start = unit.randoms.draw(LExpr.RandomKind.NORMAL_TRUNCATED, unitNormal, "pink noise start", s);
        LExpr white = unit.randoms.draw(LExpr.RandomKind.NORMAL_TRUNCATED, unitNormal, "pink noise white", s);
        LExpr dt = new LExpr.Param(LExpr.Param.Which.DT);
        LExpr scale = new LExpr.Fn(MathFn.SQRT, List.of(div(mul(sub(new LExpr.Const(2), div(dt, tau)), tau), dt)));
        LExpr scaled = new LExpr.Binary(Expr.BinaryOp.ADD, mean, mul(mul(white, sd), scale));
        LExpr noise = hiddenStock("pink noise", new LExpr.Binary(Expr.BinaryOp.ADD, mean, mul(sd, start)), null, s);
        slots.get(((LExpr.Slot) noise).index()).rate = div(sub(scaled, noise), tau);
        return noise;
    }

    /**
     * A first-order delay or smooth whose time is 0 when the run starts divides by zero (Vensim's
     * reference defines DELAY1 as LV / delay time and SMOOTH as INTEG((input - SMOOTH) / delay time,
     * input)): Vensim stops there with a floating-point error, so this names the cause instead.
     */
    private void positiveTime(String fn, LExpr time, Scope s) {
        double t;
        try {
            t = unit.settings.atRunStart().eval(time);
        } catch (ConstantFolder.NotConstant nc) {
            return; // known during the run only
        }
        if (t == 0) {
            // Vensim's reference (fn_delay1.html, fn_smooth.html) and isee's help (Delay builtins:
            // "delayed_input = Stock/delay_duration") define these as a stock divided by the delay time
            diags.error("E012", where(s), "the delay time of " + fn.toUpperCase(java.util.Locale.ROOT) + " is 0 when"
                    + " the run starts: Vensim's reference and isee's help define these delays as a stock divided"
                    + " by the delay time, a division by zero that stops Vensim with a floating-point error; give a"
                    + " positive delay time (at least TIME STEP), or use the input without a delay");
            throw new Abandon();
        }
        double dt = unit.settings.timeStep();
        if (t > 0 && t < dt - 1e-9 * dt) {
            // neither Vensim's reference nor isee's help gives a rule for this case (docs/functions.md)
            diags.warning("W015", where(s), "the delay time of " + fn.toUpperCase(java.util.Locale.ROOT) + " ("
                    + ArrayBuiltins.fmt(t) + ") is shorter than the time step (" + ArrayBuiltins.fmt(dt) + "): neither"
                    + " Vensim's reference nor isee's help gives a rule for this, so it runs as written, and Euler"
                    + " integration overshoots (each step moves more than the whole gap); use a smaller time step");
        }
    }

    /** Vensim's rule for DELAY N: the largest order up to n for which order x TIME STEP <= delay time. */
    int orderWithinTimeStep(int n, LExpr delay, Scope s) {
        double dt = unit.settings.timeStep();
        double d;
        try {
            d = unit.settings.atRunStart().eval(delay);
        } catch (ConstantFolder.NotConstant nc) {
            return n; // known only once the run starts: keep the order asked for
        }
        if (!(dt > 0) || !(d >= 0)) {
            return n;
        }
        int fit = Math.max(1, (int) Math.floor(d / dt + 1e-9));
        if (fit >= n) {
            return n;
        }
        diags.warning("W012", where(s), "the delay time of DELAY N (" + ArrayBuiltins.fmt(d) + ") is shorter than its"
                + " order " + n + " times TIME STEP (" + ArrayBuiltins.fmt(dt) + "): the order is reduced to " + fit
                + ", as Vensim does");
        return fit;
    }
}
