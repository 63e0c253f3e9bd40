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
 * function, and element names used as values become their positions. XMILE has no subscript
 * mappings, so a dimension read through one is replaced by the dimension mapped onto it (equal
 * sizes match by position). Within one element of a per-element definition, the dimension names
 * bound there become that element. Functions without an XMILE equivalent keep this engine's
 * canonical id. Every rule follows how the compiler reads the original.
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
    /** Names the compiler reads as values before it looks for an element of that name. */
    private static final Set<String> BUILTIN_VALUES = Set.of("time", "dt", "time_step", "starttime", "initial_time",
            "stoptime", "final_time", "saveper", "pi", "inf", "infinity", "true", "false");

    /** What the converter needs to know about the model or macro an equation belongs to. */
    interface Scope {
        /** The dimensions of a variable of this scope (empty for a scalar); null when none has this id. */
        List<Dimension> dimensionsOf(String id);

        /** The name of a graphical function variable holding {@code table}, created on first use. */
        VarName tableFor(GraphicalFunction table);
    }

    /**
     * Where an equation is: the dimensions of the variable it defines and, within one element of
     * a per-element definition, the element each dimension name stands for (empty for an
     * equation of all elements).
     */
    record Context(List<Dimension> owner, Map<String, Bound> bound) {
        Context {
            owner = List.copyOf(owner);
            bound = Map.copyOf(bound);
        }

        static Context whole(List<Dimension> owner) {
            return new Context(owner, Map.of());
        }
    }

    /** An equation part that XMILE cannot express. */
    static final class Unconvertible extends Exception {
        Unconvertible(String message) {
            super(message);
        }
    }

    private final boolean vensim;
    private final Map<String, Dimension> dims;
    private final Set<String> nonStandard;
    private final Set<String> keptBangs;
    private boolean savePerUsed;
    /** Inside the arguments of a VECTOR builtin, which read dimension names and dim! themselves. */
    private int vectorDepth;

    /**
     * {@code vensim}: the equations are Vensim's (PULSE and the control variables mean Vensim's);
     * {@code dims}: the model's dimensions by id, in order. Builtins written with this engine's ids
     * because XMILE 1.0 has no equivalent are added to {@code nonStandard} (in capitals), and
     * dimensions reduced with {@code dim!} that cannot become {@code *} to {@code keptBangs}.
     */
    EquationConverter(boolean vensim, Map<String, Dimension> dims, Set<String> nonStandard, Set<String> keptBangs) {
        this.vensim = vensim;
        this.dims = dims;
        this.nonStandard = nonStandard;
        this.keptBangs = keptBangs;
    }

    /** Whether an equation read Vensim's SAVEPER, which XMILE has no builtin for. */
    boolean savePerUsed() {
        return savePerUsed;
    }

    /** The equation rewritten for XMILE. */
    Expr convert(Expr e, Scope scope, Context ctx) throws Unconvertible {
        if (e instanceof Expr.Num) {
            return e;
        } else if (e instanceof Expr.Ref r) {
            return ref(r, scope, ctx);
        } else if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), convert(u.operand(), scope, ctx));
        } else if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), convert(b.left(), scope, ctx), convert(b.right(), scope, ctx));
        } else if (e instanceof Expr.If f) {
            return new Expr.If(convert(f.condition(), scope, ctx), convert(f.then(), scope, ctx),
                    convert(f.otherwise(), scope, ctx));
        } else if (e instanceof Expr.Call c) {
            return call(c, scope, ctx);
        }
        throw new Unconvertible("an inline lookup table may only be the second argument of WITH LOOKUP");
    }

    private boolean substituting(Context ctx) {
        return !ctx.bound().isEmpty() && vectorDepth == 0;
    }

    private Expr ref(Expr.Ref r, Scope scope, Context ctx) throws Unconvertible {
        String id = r.name().id();
        List<Dimension> varDims = scope.dimensionsOf(id);
        if (varDims == null && r.subscripts().isEmpty()) {
            return value(r, ctx);
        }
        List<Subscript> subs = r.subscripts();
        if (subs.isEmpty() && varDims != null && varDims.stream().anyMatch(d -> implicitNeedsName(d, ctx))) {
            // an array read without subscripts takes its elements from bindings XMILE lacks: name them
            subs = varDims.stream().map(d -> (Subscript) new Subscript.Named(d.name().id(), d.name().asWritten(), false))
                    .toList();
        }
        return new Expr.Ref(r.name(), subscripts(subs, varDims, scope, ctx));
    }

    /** A name that is no variable: a control, a dimension or an element used as a value, or a builtin. */
    private Expr value(Expr.Ref r, Context ctx) {
        String id = r.name().id();
        if (vensim && CONTROL_REFS.containsKey(id)) {
            return new Expr.Ref(VarName.of(CONTROL_REFS.get(id)), List.of());
        }
        if (vensim && id.equals("saveper")) {
            savePerUsed = true;
        }
        if (BUILTIN_VALUES.contains(id) || vectorDepth > 0) {
            return r;
        }
        if (substituting(ctx) && ctx.bound().containsKey(id)) {
            return new Expr.Num(elementPosition(ctx.bound().get(id).id()));
        }
        Dimension d = dims.get(id);
        if (d != null) {
            Bound m = substituting(ctx) ? boundMapping(d, ctx) : null;
            if (m != null) {
                return new Expr.Num(m.index() + 1);
            }
            Dimension onto = ownerMapping(d, ctx);
            return onto == null ? r : new Expr.Ref(onto.name(), List.of());
        }
        int position = elementPosition(id);
        // an element name read as a value (Vensim) is its position, which XMILE writes as a number
        return position > 0 ? new Expr.Num(position) : r;
    }

    private boolean implicitNeedsName(Dimension d, Context ctx) {
        if (vectorDepth > 0) {
            return false;
        }
        if (substituting(ctx)) {
            return ctx.bound().containsKey(d.name().id()) || boundMapping(d, ctx) != null;
        }
        return ownerMapping(d, ctx) != null;
    }

    private List<Subscript> subscripts(List<Subscript> subs, List<Dimension> target, Scope scope, Context ctx)
            throws Unconvertible {
        List<Subscript> out = new ArrayList<>();
        for (int k = 0; k < subs.size(); k++) {
            Subscript s = subs.get(k);
            Dimension d = target != null && k < target.size() ? target.get(k) : null;
            if (s instanceof Subscript.Index ix) {
                out.add(new Subscript.Index(convert(ix.index(), scope, ctx)));
            } else if (s instanceof Subscript.Named n && n.bang()) {
                if (vectorDepth > 0) {
                    out.add(n);
                } else if (d != null && d.name().id().equals(n.id())) {
                    out.add(new Subscript.Star());
                } else {
                    keptBangs.add(n.asWritten());
                    out.add(n);
                }
            } else if (s instanceof Subscript.Named n) {
                out.add(named(n, d, ctx));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** A dimension or element name as a subscript of an array over {@code d} (null when unknown). */
    private Subscript named(Subscript.Named n, Dimension d, Context ctx) {
        if (substituting(ctx) && ctx.bound().containsKey(n.id())) {
            return element(ctx.bound().get(n.id()).dimension(), ctx.bound().get(n.id()).index(), d, n);
        }
        Dimension nd = dims.get(n.id());
        if (nd == null) {
            return n;
        }
        Bound m = substituting(ctx) ? boundMapping(nd, ctx) : null;
        if (m != null) {
            // Vensim mapping: the bound element's position carries over to the mapped dimension
            return element(nd, m.index(), d, n);
        }
        Dimension onto = ownerMapping(nd, ctx);
        return onto == null ? n : new Subscript.Named(onto.name().id(), onto.name().asWritten(), false);
    }

    /** Element {@code index} of {@code from} as a subscript of {@code d}: by name, else by position. */
    private static Subscript element(Dimension from, int index, Dimension d, Subscript.Named fallback) {
        String written = VarName.cleanWritten(from.elements().get(index));
        String id = VarName.canonical(written);
        if (d == null || ElementCells.indexOf(d, id) >= 0) {
            return new Subscript.Named(id, written, false);
        }
        if (d.size() == from.size()) {
            return new Subscript.Index(new Expr.Num(index + 1));
        }
        return fallback;
    }

    /** Within one element: a bound dimension that maps onto {@code d}, with its element. */
    private Bound boundMapping(Dimension d, Context ctx) {
        for (Map.Entry<String, Bound> b : ctx.bound().entrySet()) {
            Dimension bd = b.getValue().dimension();
            if (b.getKey().equals(bd.name().id()) && !bd.name().id().equals(d.name().id()) && mapsOnto(bd, d)) {
                return b.getValue();
            }
        }
        return null;
    }

    /** In an equation of all elements: a dimension of the variable that maps onto {@code d}, if d is not one. */
    private static Dimension ownerMapping(Dimension d, Context ctx) {
        if (ctx.owner().stream().anyMatch(o -> o.name().id().equals(d.name().id()))) {
            return null;
        }
        return ctx.owner().stream().filter(o -> mapsOnto(o, d)).findFirst().orElse(null);
    }

    private static boolean mapsOnto(Dimension from, Dimension to) {
        return from.size() == to.size() && (from.mapsTo().stream().map(EquationConverter::mapTarget)
                .anyMatch(to.name().id()::equals)
                || to.mapsTo().stream().map(EquationConverter::mapTarget).anyMatch(from.name().id()::equals));
    }

    /** An element's value: its position in the largest dimension that holds it (the first among equals). */
    private int elementPosition(String elementId) {
        Dimension best = null;
        for (Dimension d : dims.values()) {
            if (ElementCells.indexOf(d, elementId) >= 0 && (best == null || d.size() > best.size())) {
                best = d;
            }
        }
        return best == null ? 0 : ElementCells.indexOf(best, elementId) + 1;
    }

    private Expr call(Expr.Call c, Scope scope, Context ctx) throws Unconvertible {
        String fn = c.function();
        if (fn.equals("with_lookup") && c.args().size() == 2 && c.args().get(1) instanceof Expr.Table t) {
            VarName table = scope.tableFor(t.table());
            return new Expr.Call(table.id(), table.asWritten(), List.of(), List.of(convert(c.args().get(0), scope, ctx)));
        }
        List<Dimension> tableDims = scope.dimensionsOf(fn);
        boolean vector = tableDims == null
                && Builtin.find(fn).map(b -> b.kind() == Builtin.Kind.VECTOR).orElse(false);
        List<Expr> a = new ArrayList<>();
        if (vector) {
            vectorDepth++;
        }
        try {
            for (Expr arg : c.args()) {
                a.add(convert(arg, scope, ctx));
            }
        } finally {
            if (vector) {
                vectorDepth--;
            }
        }
        if (tableDims != null || Builtin.find(fn).isEmpty()) {
            // a table or macro of the model
            List<Subscript> subs = subscripts(c.subscripts(), tableDims, scope, ctx);
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
            // DELAY N is not XMILE's DELAYN: Vensim lowers its order until order x TIME STEP fits the delay
            case "delay_fixed" -> call("delay", a);
            case "zidz", "xidz" -> call("safediv", a);
            case "power" -> n == 2 ? new Expr.Binary(BinaryOp.POW, a.get(0), a.get(1)) : null;
            // Vensim's LOG(x, base); XMILE has only LN and LOG10
            case "log" -> n == 2 ? new Expr.Binary(BinaryOp.DIV, call("ln", a.get(0)), call("ln", a.get(1)))
                    : call("log10", a);
            case "initial", "reinitial" -> call("init", a);
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

    /** The dimension a mapping names ("name" or "name: item1, item2"), canonical. */
    private static String mapTarget(String mapping) {
        int colon = mapping.indexOf(':');
        return VarName.canonical(colon < 0 ? mapping : mapping.substring(0, colon));
    }
}
