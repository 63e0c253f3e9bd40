package org.clusterdynamics.compile;

import java.util.ArrayList;
import java.util.List;
import org.clusterdynamics.compile.LExpr.MathFn;
import org.clusterdynamics.expr.Builtin;
import org.clusterdynamics.expr.Expr;
import org.clusterdynamics.expr.RefusedFunctions;
import org.clusterdynamics.expr.Subscript;
import org.clusterdynamics.model.Variable;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.Dialect;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.Macro;

/**
 * Lowers function calls: lookup tables called as functions, macros, and builtins, each sent to the
 * pass that handles its kind (arrays, tables, stateful, random, arithmetic).
 */
final class CallLowering extends CompilerPass {

    CallLowering(Compilation unit) {
        super(unit);
    }

    LExpr lowerCall(Expr.Call c, Scope s) {
        String fn = c.function();
        // a table variable called as a function
        VarInfo tv = s.macroParams() != null && s.macroParams().containsKey(fn) ? null : unit.expressions.findVar(fn, s);
        if (tv != null && Builtin.find(fn).isEmpty() || tv != null && tv.tables != null) {
            return callTable(tv, c, s);
        }
        Macro macro = unit.macros.get(fn);
        if (macro != null) {
            return unit.macroExpansion.expandMacro(macro, c, s);
        }
        Builtin b = Builtin.find(fn).orElse(null);
        if (b == null && fn.equals("tabbed_array")) {
            // the reader takes TABBED ARRAY of numbers as the array's values; here it held something else
            diags.error("E010", where(s), c.asWritten() + " takes only numbers, separated by spaces or tabs and rows"
                    + " by new lines, as the whole equation of an array");
            throw new Abandon();
        }
        var refusal = RefusedFunctions.find(model.dialect(), fn);
        if (b == null && refusal.isPresent()) {
            // a function of the tool's own list that this engine leaves out: say why (docs/functions.md)
            diags.error("E003", where(s), refusal.get().dialect() + "'s function " + c.asWritten()
                    + " is not supported: " + refusal.get().reason());
            throw new Abandon();
        }
        if (b == null) {
            diags.error("E003", where(s), "unknown function '" + c.asWritten() + "': check the spelling, or define a"
                    + " lookup table or macro of that name");
            throw new Abandon();
        }
        int n = c.args().size();
        if (n < b.minArgs() || n > b.maxArgs()) {
            diags.error("E004", where(s), c.asWritten() + " takes " + b.arityText() + " but is given " + n
                    + refusal.map(r -> " (" + r.reason() + ")").orElse(""));
            throw new Abandon();
        }
        switch (b.kind()) {
            case VECTOR:
                return unit.reductions.arrayBuiltins.lower(fn, c, s);
            case ARRAY:
                return unit.reductions.arrayFunction(fn, c, s);
            case TABLE:
                return tableFunction(fn, c, s);
            case STATEFUL:
                return unit.statefuls.stateful(fn, c, s);
            case RANDOM:
                return unit.randoms.random(fn, c, s);
            default:
                break;
        }
        if ((fn.equals("min") || fn.equals("max")) && n == 1) {
            return unit.reductions.arrayFunction(fn, c, s);
        }
        if (fn.equals("mean") && n > 1) {
            return new LExpr.Fn(MathFn.MEAN, args(c, s));
        }
        switch (fn) {
            case "game": return unit.expressions.lower(c.args().get(0), s); // no gaming input outside Vensim's game mode
            case "time": case "dt": case "starttime": case "stoptime": case "pi": return unit.expressions.builtinValue(fn);
            case "inf": return new LExpr.Const(Double.POSITIVE_INFINITY);
            case "get_time_value": return getTimeValue(c, s);
            default: break;
        }
        MathFn m = mathFn(fn);
        List<LExpr> a = args(c, s);
        if (m == MathFn.LOG && a.size() == 1) {
            m = MathFn.LOG10;
        }
        if (m == MathFn.PULSE_VENSIM && a.size() != 2) {
            diags.error("E004", where(s), c.asWritten() + " takes 2 arguments in Vensim (start, width) but is given " + a.size());
            throw new Abandon();
        }
        if (m == MathFn.PULSE_XMILE && a.size() == 1) {
            a.add(new LExpr.Param(LExpr.Param.Which.START)); // Stella's PULSE(volume): one pulse at the start time
        }
        LExpr result = new LExpr.Fn(m, a);
        if (!Ops.isTimeDependent(m) && a.stream().allMatch(x -> x instanceof LExpr.Const)) {
            double[] v = a.stream().mapToDouble(x -> ((LExpr.Const) x).value()).toArray();
            return new LExpr.Const(Ops.math(m, v, Double.NaN, Double.NaN));
        }
        return result;
    }

    /**
     * Vensim's GET TIME VALUE(relativeto, offset, measure) in the model's own time (measure 0): the
     * current (relativeto 0) or initial (1) time plus the offset. Calendar measures and the computer
     * clock need Vensim's date labelling of Time, which model files do not carry.
     */
    LExpr getTimeValue(Expr.Call c, Scope s) {
        double relativeTo = unit.reductions.arrayBuiltins.constantArgument(c, 0, s);
        double measure = unit.reductions.arrayBuiltins.constantArgument(c, 2, s);
        if (measure != 0 || (relativeTo != 0 && relativeTo != 1)) {
            diags.error("E012", where(s), c.asWritten() + " with relativeto " + ArrayBuiltins.fmt(relativeTo) + " and measure "
                    + ArrayBuiltins.fmt(measure) + " is not supported: only the model's time (measure 0) relative to the current (0) or initial"
                    + " (1) time is; calendar measures and the computer clock depend on Vensim's date settings");
            throw new Abandon();
        }
        LExpr base = new LExpr.Param(relativeTo == 0 ? LExpr.Param.Which.TIME : LExpr.Param.Which.START);
        return new LExpr.Binary(Expr.BinaryOp.ADD, base, unit.expressions.lower(c.args().get(1), s));
    }

    MathFn mathFn(String fn) {
        boolean vensim = model.dialect() == Dialect.VENSIM;
        switch (fn) {
            case "abs": return MathFn.ABS;
            case "exp": return MathFn.EXP;
            case "ln": return MathFn.LN;
            case "log10": return MathFn.LOG10;
            case "log": return MathFn.LOG;
            case "sqrt": return MathFn.SQRT;
            case "sin": return MathFn.SIN;
            case "cos": return MathFn.COS;
            case "tan": return MathFn.TAN;
            case "arcsin": case "asin": return MathFn.ASIN;
            case "arccos": case "acos": return MathFn.ACOS;
            case "arctan": case "atan": return MathFn.ATAN;
            case "sinh": return MathFn.SINH;
            case "cosh": return MathFn.COSH;
            case "tanh": return MathFn.TANH;
            case "int": return MathFn.FLOOR;
            case "integer": return MathFn.TRUNC;
            case "round": return MathFn.ROUND;
            case "sign": return MathFn.SIGN;
            case "min": return MathFn.MIN;
            case "max": return MathFn.MAX;
            case "mod": return MathFn.MOD_FLOOR;
            case "modulo": return MathFn.MOD_TRUNC;
            case "power": return MathFn.POWER;
            case "quantum": return MathFn.QUANTUM;
            case "safediv": return MathFn.SAFEDIV;
            case "xidz": return MathFn.XIDZ;
            case "zidz": return MathFn.ZIDZ;
            case "step": return MathFn.STEP;
            case "pulse": return vensim ? MathFn.PULSE_VENSIM : MathFn.PULSE_XMILE;
            case "pulse_train": return MathFn.PULSE_TRAIN;
            case "ramp": return MathFn.RAMP;
            default: throw new IllegalStateException("builtin " + fn + " has no arithmetic");
        }
    }

    List<LExpr> args(Expr.Call c, Scope s) {
        List<LExpr> out = new ArrayList<>();
        for (Expr a : c.args()) {
            out.add(unit.expressions.lower(a, s));
        }
        return out;
    }

    LExpr callTable(VarInfo tv, Expr.Call c, Scope s) {
        if (c.args().size() != 1) {
            diags.error("E004", where(s), "the lookup table '" + c.asWritten() + "' takes 1 input but is given "
                    + c.args().size());
            throw new Abandon();
        }
        GraphicalFunction gf = tableOf(tv, c.subscripts(), s, c.asWritten());
        return new LExpr.Lookup(gf, unit.expressions.lower(c.args().get(0), s), LExpr.LookupMode.AS_DEFINED);
    }

    GraphicalFunction tableOf(VarInfo tv, List<Subscript> subs, Scope s, String written) {
        if (tv.tables == null) {
            // a graphical function with an equation can also be called with another input
            Definition def = Variable.definitionOf(tv.var);
            if (def != null && def.graphicalFunction() != null) {
                return def.graphicalFunction();
            }
            if (def != null && def.isPerElement()) {
                List<GraphicalFunction> per = unit.declarations.tablesOf(tv);
                GraphicalFunction g = per.get(unit.subscripts.elementOffset(tv, subs, s, written));
                if (g != null) {
                    return g;
                }
            }
            diags.error("E011", where(s), "'" + written + "' is not a lookup table: only tables can be called with an input");
            throw new Abandon();
        }
        GraphicalFunction g = tv.tables.get(unit.subscripts.elementOffset(tv, subs, s, written));
        if (g == null) {
            diags.error("E011", where(s), "element of '" + written + "' has no table");
            throw new Abandon();
        }
        return g;
    }

    LExpr tableFunction(String fn, Expr.Call c, Scope s) {
        if (fn.equals("with_lookup")) {
            Expr t = c.args().get(1);
            if (!(t instanceof Expr.Table table)) {
                diags.error("E010", where(s), "the second argument of WITH LOOKUP must be a table literal"
                        + " ([(xmin,ymin)-(xmax,ymax)],(x1,y1),...)");
                throw new Abandon();
            }
            return new LExpr.Lookup(table.table(), unit.expressions.lower(c.args().get(0), s), LExpr.LookupMode.AS_DEFINED);
        }
        Expr first = c.args().get(0);
        if (!(first instanceof Expr.Ref ref)) {
            diags.error("E010", where(s), "the first argument of " + c.asWritten() + " must name a lookup table");
            throw new Abandon();
        }
        VarInfo tv = unit.expressions.findVar(ref.name().id(), s);
        if (tv == null) {
            diags.error("E002", where(s), "the table '" + ref.name().asWritten() + "' is not defined");
            throw new Abandon();
        }
        GraphicalFunction gf = tableOf(tv, ref.subscripts(), s, ref.name().asWritten());
        if (fn.equals("lookup_area")) {
            // LOOKUP AREA(lookup, start, end): the area from the first point to end, less that to start
            return new LExpr.Binary(Expr.BinaryOp.SUB,
                    new LExpr.Lookup(gf, unit.expressions.lower(c.args().get(2), s), LExpr.LookupMode.AREA),
                    new LExpr.Lookup(gf, unit.expressions.lower(c.args().get(1), s), LExpr.LookupMode.AREA));
        }
        if (fn.equals("lookup_slope")) {
            double m;
            try {
                m = unit.settings.atRunStart().eval(unit.expressions.lower(c.args().get(2), s));
            } catch (ConstantFolder.NotConstant nc) {
                m = Double.NaN;
            }
            LExpr.LookupMode slope = m == 0 ? LExpr.LookupMode.SLOPE_ZERO_OUTSIDE
                    : m == 1 ? LExpr.LookupMode.SLOPE_EXTRAPOLATED : m == -1 ? LExpr.LookupMode.SLOPE_NA_OUTSIDE : null;
            if (slope == null) {
                diags.error("E012", where(s), "the third argument of " + c.asWritten() + " must be 0, 1 or -1 before"
                        + " the run starts (what to give outside the table's points: 0, the closest segment's slope,"
                        + " or :NA:)");
                throw new Abandon();
            }
            return new LExpr.Lookup(gf, unit.expressions.lower(c.args().get(1), s), slope);
        }
        LExpr.LookupMode mode = switch (fn) {
            case "lookup_invert" -> LExpr.LookupMode.INVERT;
            case "lookup_extrapolate" -> LExpr.LookupMode.EXTRAPOLATE;
            case "lookup_forward" -> LExpr.LookupMode.FORWARD;
            case "lookup_backward" -> LExpr.LookupMode.BACKWARD;
            default -> LExpr.LookupMode.AS_DEFINED;
        };
        return new LExpr.Lookup(gf, unit.expressions.lower(c.args().get(1), s), mode);
    }
}
