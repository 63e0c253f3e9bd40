package org.clusterdynamics.check;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.expr.Builtin;
import org.clusterdynamics.expr.Expr;
import org.clusterdynamics.expr.ExprParser;
import org.clusterdynamics.expr.ParseException;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.Flow;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.Variable;

/**
 * Checks the units of every equation against the declared units: sums and comparisons of
 * different units, arguments of EXP/LN that are not dimensionless, and stocks whose flows are
 * not in stock units per time unit. Mismatches are warnings naming the variable and both units.
 * Bare numbers fit any unit; variables without units are not checked.
 */
public final class UnitChecker {
    private final Model model;
    private final Diagnostics diags;
    private final Map<String, Units> declared = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final Units timeUnit;
    private String current;
    private int line;
    private boolean reported;

    private UnitChecker(Model model, Diagnostics diags) {
        this.model = model;
        this.diags = diags;
        model.unitAliases().forEach((k, v) -> aliases.put(k.toLowerCase(Locale.ROOT), v));
        for (Variable v : model.variables()) {
            Units u = UnitParser.parse(v.units(), aliases);
            if (u != null) {
                declared.put(v.name().id(), u);
            }
        }
        String tu = model.specs() == null ? null : model.specs().timeUnits();
        Units t = UnitParser.parse(tu, aliases);
        timeUnit = t == null ? Units.ANY : t;
    }

    /** Adds a warning to {@code diags} for every unit mismatch in the model. */
    public static void check(Model model, Diagnostics diags) {
        new UnitChecker(model, diags).run();
    }

    private void run() {
        for (Variable v : model.variables()) {
            current = v.name().asWritten();
            line = v.line();
            Units want = declared.get(v.name().id());
            if (v instanceof Stock s) {
                checkDefinition(s.initial(), want, "initial value");
                if (want != null && !timeUnit.any()) {
                    Units rate = want.dividedBy(timeUnit);
                    for (VarName f : s.inflows()) {
                        flowUnits(f, rate, "inflow");
                    }
                    for (VarName f : s.outflows()) {
                        flowUnits(f, rate, "outflow");
                    }
                    if (s.netRate() != null) {
                        checkDefinition(s.netRate(), rate, "rate");
                    }
                }
            } else if (v instanceof Flow f) {
                // a conveyor leakage's equation is its leak fraction, not a rate
                checkDefinition(f.definition(), f.leak() != null ? null : want, "equation");
            } else if (v instanceof Aux a) {
                checkDefinition(a.definition(), want, "equation");
            }
        }
    }

    private void flowUnits(VarName flow, Units rate, String role) {
        Units fu = declared.get(flow.id());
        if (fu != null && !fu.fits(rate)) {
            warn("the " + role + " '" + flow.asWritten() + "' has units " + fu + " but stock '" + current + "' needs "
                    + rate + " (stock units per time unit): correct the units of the flow or of the stock");
        }
    }

    private void checkDefinition(Definition def, Units want, String what) {
        if (def == null) {
            return;
        }
        if (def.graphicalFunction() != null || def.elements().stream().anyMatch(e -> e.graphicalFunction() != null)) {
            // a table maps its input to the variable's units; check the input expression only for errors inside
            want = null;
        }
        checkEquation(def.equation(), want, what);
        for (ElementDefinition ed : def.elements()) {
            checkEquation(ed.equation(), want, what);
        }
    }

    private void checkEquation(Equation eq, Units want, String what) {
        if (eq == null) {
            return;
        }
        Expr e;
        try {
            e = ExprParser.parse(eq.text(), model.dialect());
        } catch (ParseException pe) {
            return; // the compiler reports syntax errors
        }
        if (eq.line() > 0) {
            line = eq.line();
        }
        reported = false;
        Units got = infer(e);
        if (!reported && want != null && got != null && !got.fits(want)) {
            warn("the " + what + " has units " + got + " but the variable is declared in " + want
                    + ": correct the equation or the declared units");
        }
    }

    private void warn(String message) {
        reported = true;
        diags.warning("U001", Where.of(model.sourceName(), current, line), message);
    }

    /** The units of an expression; null when unknown (an input without units). */
    private Units infer(Expr e) {
        if (e instanceof Expr.Num) {
            return Units.ANY;
        } else if (e instanceof Expr.Ref r) {
            String id = r.name().id();
            if (declared.containsKey(id)) {
                return declared.get(id);
            }
            switch (id) {
                case "time": case "dt": case "starttime": case "stoptime": case "time_step": case "initial_time":
                case "final_time": case "saveper":
                    return timeUnit;
                default:
                    return null;
            }
        } else if (e instanceof Expr.Unary u) {
            Units x = infer(u.operand());
            return u.op() == Expr.UnaryOp.NOT ? Units.DIMENSIONLESS : x;
        } else if (e instanceof Expr.Binary b) {
            Units l = infer(b.left());
            Units r = infer(b.right());
            switch (b.op()) {
                case MUL: return l == null || r == null ? null : l.times(r);
                case DIV: return l == null || r == null ? null : l.dividedBy(r);
                case POW: {
                    if (l == null) {
                        return null;
                    }
                    if (b.right() instanceof Expr.Num n && n.value() == Math.rint(n.value())) {
                        return l.pow((int) n.value());
                    }
                    if (!l.fits(Units.DIMENSIONLESS)) {
                        mismatch("the base of a non-integer power", l, Units.DIMENSIONLESS);
                    }
                    return Units.DIMENSIONLESS;
                }
                case ADD: case SUB: case MOD:
                    return same(b.op().symbol, l, r);
                case AND: case OR:
                    return Units.DIMENSIONLESS;
                default:
                    same("comparison " + b.op().symbol, l, r);
                    return Units.DIMENSIONLESS;
            }
        } else if (e instanceof Expr.If f) {
            infer(f.condition());
            return same("IF THEN ELSE branches", infer(f.then()), infer(f.otherwise()));
        } else if (e instanceof Expr.Call c) {
            return call(c);
        }
        return null;
    }

    private Units same(String where, Units a, Units b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (!a.fits(b)) {
            mismatch(where, a, b);
            return a;
        }
        return a.any() ? b : a;
    }

    private void mismatch(String where, Units a, Units b) {
        if (!reported) {
            warn("units do not match in " + where + ": " + a + " vs " + b
                    + ": convert one side (multiply or divide by a parameter with the right units)");
        }
    }

    private Units call(Expr.Call c) {
        List<Expr> a = c.args();
        String fn = c.function();
        if (declared.containsKey(fn)) {
            // a table called as a function: result in the table's units
            a.forEach(this::infer);
            return declared.get(fn);
        }
        if (Builtin.find(fn).filter(b -> a.size() < b.minArgs() || a.size() > b.maxArgs()).isPresent()) {
            // a wrong argument count is the compiler's error (E004); only look inside the arguments
            a.forEach(this::infer);
            return null;
        }
        switch (fn) {
            case "exp": case "ln": case "log10": case "sin": case "cos": case "tan": case "arcsin": case "arccos":
            case "arctan": case "sinh": case "cosh": case "tanh": {
                Units x = infer(a.get(0));
                if (x != null && !x.fits(Units.DIMENSIONLESS)) {
                    mismatch("the argument of " + c.asWritten() + " (it must be dimensionless)", x, Units.DIMENSIONLESS);
                }
                return Units.DIMENSIONLESS;
            }
            case "abs": case "int": case "integer": case "round": case "init": case "initial": case "reinitial":
            case "sum": case "mean":
            case "stddev": case "vmin": case "vmax":
                return infer(a.get(0));
            case "sqrt": {
                Units x = infer(a.get(0));
                if (x == null || x.any()) {
                    return x;
                }
                Map<String, Integer> half = new HashMap<>();
                for (var en : x.powers().entrySet()) {
                    if (en.getValue() % 2 != 0) {
                        return null;
                    }
                    half.put(en.getKey(), en.getValue() / 2);
                }
                return new Units(half, false);
            }
            case "min": case "max":
                return a.size() == 1 ? infer(a.get(0)) : same(c.asWritten(), infer(a.get(0)), infer(a.get(1)));
            case "mod": case "modulo":
                return same(c.asWritten(), infer(a.get(0)), infer(a.get(1)));
            case "safediv": case "zidz": case "xidz": {
                Units l = infer(a.get(0));
                Units r = infer(a.get(1));
                Units q = l == null || r == null ? null : l.dividedBy(r);
                if (a.size() > 2) {
                    return same(c.asWritten() + " result and its value on zero", q, infer(a.get(2)));
                }
                return q;
            }
            case "smth1": case "smth3": case "smthn": case "smooth": case "smooth3": case "smoothi": case "smooth3i":
            case "smooth_n": case "delay1": case "delay3": case "delayn": case "delay1i": case "delay3i": case "delay_n":
            case "delay": case "delay_fixed": {
                Units x = infer(a.get(0));
                Units t = infer(a.get(1));
                if (t != null && !timeUnit.any() && !t.fits(timeUnit)) {
                    mismatch("the delay time of " + c.asWritten(), t, timeUnit);
                }
                if (a.size() > 2 && !fn.startsWith("smthn") && !fn.equals("delayn")) {
                    Units i = infer(a.get(a.size() - 1));
                    if (!(fn.equals("smooth_n") || fn.equals("delay_n"))) {
                        same("the initial value of " + c.asWritten(), x, i);
                    }
                }
                return x;
            }
            case "previous": case "sample_if_true": case "active_initial":
                return infer(a.get(fn.equals("sample_if_true") ? 1 : 0));
            case "trend":
                infer(a.get(0));
                return timeUnit.inverse();
            case "npv": {
                // NPV(units, 1/time, units*time, dimensionless) --> units*time
                Units x = infer(a.get(0));
                Units r = infer(a.get(1));
                if (r != null && !timeUnit.any() && !r.fits(timeUnit.inverse())) {
                    mismatch("the discount rate of " + c.asWritten(), r, timeUnit.inverse());
                }
                Units v = x == null || timeUnit.any() ? null : x.times(timeUnit);
                same("the initial value of " + c.asWritten(), v, infer(a.get(2)));
                Units f = infer(a.get(3));
                if (f != null && !f.fits(Units.DIMENSIONLESS)) {
                    mismatch("the factor of " + c.asWritten() + " (it must be dimensionless)", f, Units.DIMENSIONLESS);
                }
                return v;
            }
            case "forecast":
                return infer(a.get(0));
            case "step":
                infer(a.get(1));
                return infer(a.get(0));
            case "ramp": {
                Units s = infer(a.get(0));
                return s == null ? null : s.times(timeUnit);
            }
            case "pulse":
                a.forEach(this::infer);
                return null;
            case "lookup": case "lookup_extrapolate": case "lookup_forward": case "lookup_backward":
                infer(a.get(1));
                return a.get(0) instanceof Expr.Ref r ? declared.get(r.name().id()) : null;
            case "lookup_slope":
                infer(a.get(1));
                return a.get(0) instanceof Expr.Ref r ? declared.get(r.name().id()) : null; // units of the lookup
            case "lookup_invert":
                infer(a.get(1));
                return Units.DIMENSIONLESS; // Vensim's reference: LOOKUP INVERT(units1, units1) --> dmnl
            default:
                a.forEach(this::infer);
                return null;
        }
    }
}
