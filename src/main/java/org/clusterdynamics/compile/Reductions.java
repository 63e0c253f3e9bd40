package org.clusterdynamics.compile;

import java.util.ArrayList;
import java.util.List;
import org.clusterdynamics.compile.LExpr.MathFn;
import org.clusterdynamics.expr.Builtin;
import org.clusterdynamics.expr.Expr;
import org.clusterdynamics.expr.Subscript;

/**
 * Array reductions (SUM, PROD, MEAN, MIN, MAX, STDDEV, SIZE) over stars, bangs and unbound
 * dimensions, and what {@link ArrayBuiltins} needs of the compiler for the VECTOR functions.
 */
final class Reductions extends CompilerPass {

    final ArrayBuiltins<Scope> arrayBuiltins = new ArrayBuiltins<>(new ArrayHost());

    Reductions(Compilation unit) {
        super(unit);
    }

    LExpr arrayFunction(String fn, Expr.Call c, Scope s) {
        if ((fn.equals("size") || fn.equals("elmcount")) && c.args().get(0) instanceof Expr.Ref r
                && dims.containsKey(r.name().id()) && unit.expressions.findVar(r.name().id(), s) == null) {
            return new LExpr.Const(dims.get(r.name().id()).ids().size());
        }
        if (fn.equals("rank")) {
            return rank(c, s);
        }
        List<LExpr> items = new ArrayList<>();
        for (Expr a : c.args()) {
            List<String> free = new ArrayList<>();
            collectFree(a, s, free);
            if (free.isEmpty()) {
                items.add(unit.expressions.lower(a, s));
            } else {
                expandOver(a, s, free, 0, items);
            }
        }
        if (fn.equals("size") || fn.equals("elmcount")) {
            return new LExpr.Const(items.size());
        }
        if (items.size() == 1 && !fn.equals("stddev")) {
            return items.get(0);
        }
        switch (fn) {
            case "sum": return new LExpr.Fn(MathFn.SUM, items);
            case "prod": return new LExpr.Fn(MathFn.PROD, items);
            case "mean": return new LExpr.Fn(MathFn.MEAN, items);
            case "stddev": return new LExpr.Fn(MathFn.STDDEV, items);
            case "min": case "vmin": return fold(MathFn.MIN, items);
            default: return fold(MathFn.MAX, items);
        }
    }

    /** Stella's RANK(array, rank): the 1-based index of the element of that rank, 1 the smallest. */
    private LExpr rank(Expr.Call c, Scope s) {
        if (c.args().size() > 2) {
            diags.error("E012", where(s), c.asWritten() + " with a tiebreaker array is not supported: ties keep the"
                    + " array's order; remove the third argument");
            throw new Abandon();
        }
        Expr a = c.args().get(0);
        List<String> free = new ArrayList<>();
        collectFree(a, s, free);
        List<LExpr> items = new ArrayList<>();
        if (free.isEmpty()) {
            items.add(unit.expressions.lower(a, s));
        } else {
            expandOver(a, s, free, 0, items);
        }
        return new LExpr.ArrayFn(LExpr.ArrayKind.RANK_POSITION, items, List.of(unit.expressions.lower(c.args().get(1),
                s)), 0);
    }

    LExpr fold(MathFn f, List<LExpr> items) {
        LExpr acc = items.get(0);
        for (int i = 1; i < items.size(); i++) {
            acc = new LExpr.Fn(f, List.of(acc, items.get(i)));
        }
        return acc;
    }

    void expandOver(Expr a, Scope s, List<String> free, int k, List<LExpr> out) {
        if (k == free.size()) {
            out.add(unit.expressions.lower(stripBangs(a), s));
            return;
        }
        DimInfo d = dims.get(free.get(k));
        for (String e : d.ids()) {
            expandOver(a, s.bind(d.id(), e), free, k + 1, out);
        }
    }

    /** Dimensions a reduction iterates over: stars, bangs and dimension names not bound here. */
    void collectFree(Expr e, Scope s, List<String> free) {
        if (e instanceof Expr.Ref r) {
            VarInfo v = unit.expressions.findVar(r.name().id(), s);
            collectFree(v, r.subscripts(), s, free);
            if (r.subscripts().isEmpty() && v != null) {
                for (DimInfo d : v.dimList) {
                    if (!s.binding().containsKey(d.id()) && !free.contains(d.id())) {
                        free.add(d.id());
                    }
                }
            }
        } else if (e instanceof Expr.Unary u) {
            collectFree(u.operand(), s, free);
        } else if (e instanceof Expr.Binary b) {
            collectFree(b.left(), s, free);
            collectFree(b.right(), s, free);
        } else if (e instanceof Expr.If f) {
            collectFree(f.condition(), s, free);
            collectFree(f.then(), s, free);
            collectFree(f.otherwise(), s, free);
        } else if (e instanceof Expr.Call c && Builtin.find(c.function())
                .map(b -> b.kind() != Builtin.Kind.ARRAY && b.kind() != Builtin.Kind.VECTOR).orElse(true)) {
            // a subscripted lookup table called with an input, as in SUM(RS CO2 FF[COP!](Time))
            collectFree(unit.expressions.findVar(c.function(), s), c.subscripts(), s, free);
            for (Expr a : c.args()) {
                collectFree(a, s, free);
            }
        }
    }

    private void collectFree(VarInfo v, List<Subscript> subscripts, Scope s, List<String> free) {
        for (int k = 0; k < subscripts.size(); k++) {
            Subscript sub = subscripts.get(k);
            String dimId = null;
            if (sub instanceof Subscript.Star && v != null && k < v.dimList.size()) {
                dimId = v.dimList.get(k).id();
            } else if (sub instanceof Subscript.Named nm && dims.containsKey(nm.id())
                    && (nm.bang() || !s.binding().containsKey(nm.id()))
                    && !(v != null && k < v.dimList.size() && v.dimList.get(k).indexOf(nm.id()) >= 0
                            && !unit.subscripts.within(dims.get(nm.id()), v.dimList.get(k)))) {
                dimId = nm.id();
            }
            if (dimId != null && !free.contains(dimId)) {
                free.add(dimId);
            }
        }
    }

    /** Stars and bangs become plain dimension names, now bound by the reduction. */
    Expr stripBangs(Expr e) {
        if (e instanceof Expr.Ref r) {
            return new Expr.Ref(r.name(), stripBangs(r.name().id(), r.subscripts()));
        } else if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), stripBangs(u.operand()));
        } else if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), stripBangs(b.left()), stripBangs(b.right()));
        } else if (e instanceof Expr.If f) {
            return new Expr.If(stripBangs(f.condition()), stripBangs(f.then()), stripBangs(f.otherwise()));
        } else if (e instanceof Expr.Call c) {
            return new Expr.Call(c.function(), c.asWritten(), stripBangs(c.function(), c.subscripts()),
                    c.args().stream().map(this::stripBangs).toList());
        }
        return e;
    }

    private List<Subscript> stripBangs(String varId, List<Subscript> subscripts) {
        List<Subscript> subs = new ArrayList<>();
        VarInfo v = null;
        for (int k = 0; k < subscripts.size(); k++) {
            Subscript sub = subscripts.get(k);
            if (sub instanceof Subscript.Named nm && nm.bang()) {
                subs.add(new Subscript.Named(nm.id(), nm.asWritten(), false));
            } else if (sub instanceof Subscript.Star) {
                if (v == null) {
                    v = vars.get(varId);
                    v = v == null ? null : v.target();
                }
                String dimId = v != null && k < v.dimList.size() ? v.dimList.get(k).id() : "*";
                subs.add(new Subscript.Named(dimId, dimId, false));
            } else {
                subs.add(sub);
            }
        }
        return subs;
    }

    /** What {@link ArrayBuiltins} needs of this compiler. */
    private final class ArrayHost implements ArrayBuiltins.Host<Scope> {
        @Override
        public LExpr lower(Expr e, Scope scope) {
            return unit.expressions.lower(e, scope);
        }

        @Override
        public Scope bind(Scope scope, String key, String elementId) {
            return scope.bind(key, elementId);
        }

        @Override
        public boolean isBound(Scope scope, String dimId) {
            return scope.binding().containsKey(dimId);
        }

        @Override
        public List<String> elements(String dimId) {
            DimInfo d = dims.get(dimId);
            return d == null ? null : d.ids();
        }

        @Override
        public List<String> dimensionsOf(String varId, Scope scope) {
            VarInfo v = unit.expressions.findVar(varId, scope);
            return v == null ? null : v.dimList.stream().map(DimInfo::id).toList();
        }

        @Override
        public int position(Scope scope, String dimId) {
            DimInfo d = dims.get(dimId);
            String bound = scope.binding().get(dimId);
            if (bound != null && d.indexOf(bound) >= 0) {
                return d.indexOf(bound);
            }
            DimInfo mapped = unit.subscripts.boundMapping(d, scope);
            return mapped == null ? -1 : mapped.indexOf(scope.binding().get(mapped.id()));
        }

        @Override
        public List<String> ownerDimensions(Scope scope) {
            return scope.owner() == null ? List.of() : scope.owner().dimList.stream().map(DimInfo::id).toList();
        }

        @Override
        public ArrayBuiltins.Elements elementsOf(Expr.Ref ref, Scope scope) {
            VarInfo v = unit.expressions.findVar(ref.name().id(), scope);
            if (v == null || v.base < 0) {
                throw error(scope, "E002", "'" + ref.name().asWritten() + "' is not a variable with values");
            }
            List<LExpr> all = new ArrayList<>();
            for (int k = 0; k < v.count; k++) {
                all.add(new LExpr.Slot(v.base + k));
            }
            return new ArrayBuiltins.Elements(all, unit.subscripts.elementOffset(v, ref.subscripts(), scope, ref.name().asWritten()));
        }

        @Override
        public double constant(LExpr e, Scope scope, String what) {
            try {
                return unit.settings.atRunStart().eval(e);
            } catch (ConstantFolder.NotConstant nc) {
                throw error(scope, "E012", what + " must be a constant: " + nc.getMessage());
            }
        }

        @Override
        public java.util.OptionalDouble tryConstant(LExpr e) {
            try {
                return java.util.OptionalDouble.of(new ConstantFolder(unit.variables::initialOf).eval(e));
            } catch (ConstantFolder.NotConstant nc) {
                return java.util.OptionalDouble.empty();
            }
        }

        @Override
        public RuntimeException error(Scope scope, String code, String message) {
            diags.error(code, where(scope), message);
            return new Abandon();
        }
    }
}
