package org.clusterdynamics.io.xmile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.expr.Builtin;
import org.clusterdynamics.expr.Expr;
import org.clusterdynamics.expr.Expr.BinaryOp;
import org.clusterdynamics.expr.Subscript;
import org.clusterdynamics.io.xmile.ElementCells.Bound;
import org.clusterdynamics.model.Dimension;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.VarName;

/**
 * Rewrites a parsed equation into one that means the same when read back as XMILE: Vensim
 * functions become their XMILE equivalents (SMOOTH to SMTH1, ZIDZ to SAFEDIV, ...), Vensim's
 * PULSE becomes a difference of STEPs, the control variables become STARTTIME, STOPTIME and DT,
 * {@code dim!} becomes {@code *}, an inline WITH LOOKUP table becomes a call of a graphical
 * function, and within one element of a per-element definition the dimension names bound there
 * become that element. Functions without an XMILE equivalent keep this engine's canonical id.
 */
final class EquationConverter {
    /** XMILE 1.0 builtins; other ids are written as this engine spells them and reported. */
    private static final Set<String> XMILE_STANDARD = Set.of("abs", "arccos", "arcsin", "arctan", "cos", "exp",
            "int", "ln", "log10", "max", "min", "sin", "sqrt", "tan", "safediv", "exprnd", "normal", "random",
            "lognormal", "poisson", "delay", "delay1", "delay3", "delayn", "smth1", "smth3", "smthn", "trend", "forcst",
            "pulse", "ramp", "step", "init", "previous", "size", "sum", "mean", "stddev", "prod", "rank", "lookup",
            "time", "dt", "starttime", "stoptime", "pi", "inf");
    private static final Map<String, String> CONTROL_REFS = Map.of(
            "initial_time", "STARTTIME", "final_time", "STOPTIME", "time_step", "DT");

    /** What the converter needs to know about the model or macro an equation belongs to. */
    interface Scope {
        /** The dimensions of a variable of this scope (empty for a scalar); null when none has this id. */
        List<Dimension> dimensionsOf(String id);

        /** The name of a graphical function variable holding {@code table}, created on first use. */
        VarName tableFor(GraphicalFunction table);
    }

    /** An equation part that XMILE cannot express. */
    static final class Unconvertible extends Exception {
        Unconvertible(String message) {
            super(message);
        }
    }

    private final boolean vensim;
    private final Set<String> nonStandard;
    private final Set<String> keptBangs;
    private boolean savePerUsed;

    /**
     * {@code vensim}: the equations are Vensim's (PULSE and the control variables mean Vensim's).
     * Builtins written with this engine's ids because XMILE 1.0 has no equivalent are added to
     * {@code nonStandard} (in capitals), and dimensions summed over with {@code dim!} that cannot
     * become {@code *} (a subrange of the array's dimension) to {@code keptBangs}.
     */
    EquationConverter(boolean vensim, Set<String> nonStandard, Set<String> keptBangs) {
        this.vensim = vensim;
        this.nonStandard = nonStandard;
        this.keptBangs = keptBangs;
    }

    /** Whether an equation read Vensim's SAVEPER, which XMILE has no builtin for. */
    boolean savePerUsed() {
        return savePerUsed;
    }

    /** The equation rewritten for XMILE; {@code bound} maps dimension ids to the element they stand for. */
    Expr convert(Expr e, Scope scope, Map<String, Bound> bound) throws Unconvertible {
        if (e instanceof Expr.Num) {
            return e;
        } else if (e instanceof Expr.Ref r) {
            return ref(r, scope, bound);
        } else if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), convert(u.operand(), scope, bound));
        } else if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), convert(b.left(), scope, bound), convert(b.right(), scope, bound));
        } else if (e instanceof Expr.If f) {
            return new Expr.If(convert(f.condition(), scope, bound), convert(f.then(), scope, bound),
                    convert(f.otherwise(), scope, bound));
        } else if (e instanceof Expr.Call c) {
            return call(c, scope, bound);
        }
        throw new Unconvertible("an inline lookup table may only be the second argument of WITH LOOKUP");
    }

    private Expr ref(Expr.Ref r, Scope scope, Map<String, Bound> bound) throws Unconvertible {
        String id = r.name().id();
        List<Dimension> dims = scope.dimensionsOf(id);
        if (dims == null && r.subscripts().isEmpty()) {
            if (vensim && CONTROL_REFS.containsKey(id)) {
                return new Expr.Ref(VarName.of(CONTROL_REFS.get(id)), List.of());
            }
            if (vensim && id.equals("saveper")) {
                savePerUsed = true;
            }
            Bound b = bound.get(id);
            if (b != null) {
                return new Expr.Num(b.index() + 1); // a dimension as a value: the element's position
            }
            return r;
        }
        List<Subscript> subs = r.subscripts();
        if (subs.isEmpty() && dims != null && dims.stream().anyMatch(d -> bound.containsKey(d.name().id()))) {
            // an array read without subscripts takes the bound elements: say which, as there is no binding in XMILE
            subs = dims.stream().map(d -> (Subscript) new Subscript.Named(d.name().id(), d.name().asWritten(), false))
                    .toList();
        }
        return new Expr.Ref(r.name(), subscripts(subs, dims, scope, bound));
    }

    private List<Subscript> subscripts(List<Subscript> subs, List<Dimension> dims, Scope scope,
            Map<String, Bound> bound) throws Unconvertible {
        List<Subscript> out = new ArrayList<>();
        for (int k = 0; k < subs.size(); k++) {
            Subscript s = subs.get(k);
            Dimension d = dims != null && k < dims.size() ? dims.get(k) : null;
            if (s instanceof Subscript.Index ix) {
                out.add(new Subscript.Index(convert(ix.index(), scope, bound)));
            } else if (s instanceof Subscript.Named n && n.bang()) {
                if (d != null && d.name().id().equals(n.id())) {
                    out.add(new Subscript.Star());
                } else {
                    keptBangs.add(n.asWritten());
                    out.add(n);
                }
            } else if (s instanceof Subscript.Named n && bound.containsKey(n.id())) {
                Bound b = bound.get(n.id());
                if (d == null || ElementCells.indexOf(d, b.id()) >= 0) {
                    out.add(new Subscript.Named(b.id(), b.written(), false));
                } else if (d.size() == b.dimension().size()) {
                    out.add(new Subscript.Index(new Expr.Num(b.index() + 1))); // matched by position
                } else {
                    out.add(n);
                }
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private Expr call(Expr.Call c, Scope scope, Map<String, Bound> bound) throws Unconvertible {
        String fn = c.function();
        if (fn.equals("with_lookup") && c.args().size() == 2 && c.args().get(1) instanceof Expr.Table t) {
            VarName table = scope.tableFor(t.table());
            return new Expr.Call(table.id(), table.asWritten(), List.of(), List.of(convert(c.args().get(0), scope, bound)));
        }
        List<Expr> a = new ArrayList<>();
        for (Expr arg : c.args()) {
            a.add(convert(arg, scope, bound));
        }
        List<Dimension> tableDims = scope.dimensionsOf(fn);
        if (tableDims != null || Builtin.find(fn).isEmpty()) {
            // a table or macro of the model
            List<Subscript> subs = subscripts(c.subscripts(), tableDims, scope, bound);
            if (!subs.isEmpty() && a.size() == 1) {
                // XMILE reads an element's table with LOOKUP(table[element], x)
                return call("lookup", new Expr.Ref(VarName.of(c.asWritten()), subs), a.get(0));
            }
            return new Expr.Call(fn, c.asWritten(), subs, a);
        }
        int n = a.size();
        Expr mapped = switch (fn) {
            case "smooth", "smoothi" -> call("smth1", a);
            case "smooth3", "smooth3i" -> call("smth3", a);
            case "smooth_n" -> n == 4 ? call("smthn", a.get(0), a.get(1), a.get(3), a.get(2)) : null;
            case "delay1i" -> call("delay1", a);
            case "delay3i" -> call("delay3", a);
            case "delay_n" -> n == 4 ? call("delayn", a.get(0), a.get(1), a.get(3), a.get(2)) : null;
            case "delay_fixed" -> call("delay", a);
            case "zidz", "xidz" -> call("safediv", a);
            case "power" -> n == 2 ? new Expr.Binary(BinaryOp.POW, a.get(0), a.get(1)) : null;
            // Vensim's LOG(x, base); XMILE has only LN and LOG10
            case "log" -> n == 2 ? new Expr.Binary(BinaryOp.DIV, call("ln", a.get(0)), call("ln", a.get(1)))
                    : call("log10", a);
            case "initial" -> call("init", a);
            case "vmin" -> call("min", a);
            case "vmax" -> call("max", a);
            case "elmcount" -> call("size", a);
            case "random_uniform" -> n == 3 ? call("random", a) : null;
            case "random_0_1" -> n == 0 ? call("random", new Expr.Num(0), new Expr.Num(1)) : null;
            case "pulse" -> vensim && n == 2 ? vensimPulse(a.get(0), a.get(1)) : null;
            case "time", "dt", "starttime", "stoptime", "pi", "inf" ->
                    n == 0 ? new Expr.Ref(VarName.of(fn.toUpperCase(Locale.ROOT)), List.of()) : null;
            default -> null;
        };
        if (mapped != null) {
            return mapped;
        }
        if (!XMILE_STANDARD.contains(fn)) {
            nonStandard.add(fn.toUpperCase(Locale.ROOT));
        }
        return new Expr.Call(fn, c.asWritten(), c.subscripts(), a);
    }

    /**
     * Vensim's PULSE(start, width) is 1 from start for width (DT when width is 0 or less); XMILE's
     * PULSE takes a magnitude, a first time and an interval instead. A difference of two STEPs
     * means Vensim's.
     */
    private static Expr vensimPulse(Expr start, Expr width) {
        Expr w;
        if (width instanceof Expr.Num n) {
            w = n.value() > 0 ? n : new Expr.Ref(VarName.of("DT"), List.of());
        } else {
            w = new Expr.If(new Expr.Binary(BinaryOp.LE, width, new Expr.Num(0)),
                    new Expr.Ref(VarName.of("DT"), List.of()), width);
        }
        return new Expr.Binary(BinaryOp.SUB, call("step", new Expr.Num(1), start),
                call("step", new Expr.Num(1), new Expr.Binary(BinaryOp.ADD, start, w)));
    }

    private static Expr call(String id, Expr... args) {
        return call(id, List.of(args));
    }

    private static Expr call(String id, List<Expr> args) {
        return new Expr.Call(id, id.toUpperCase(Locale.ROOT), List.of(), args);
    }
}
