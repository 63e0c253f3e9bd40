package org.clusterdynamics.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.clusterdynamics.expr.Expr;
import org.clusterdynamics.expr.Subscript;

/**
 * Lowers Vensim's array-valued builtins (VECTOR SELECT, VECTOR SORT ORDER, VECTOR RANK, VECTOR
 * REORDER, VECTOR ELM MAP, ALLOCATE BY PRIORITY, ALLOCATE AVAILABLE, INVERT MATRIX) for one element
 * of the variable being defined: each argument array is expanded element by element into an
 * {@link LExpr.ArrayFn}, which takes this element's entry of the function's result.
 *
 * <p>Vensim applies these functions along the last subscript of their array arguments (the last two
 * for INVERT MATRIX); the other subscripts follow the equation's element as usual. The result's
 * element is the position, along that subscript, of the element being defined (or of the left-hand
 * side's last subscript when the argument's subscript is not among the equation's).
 *
 * @param <S> the compiler's scope: where an equation is being lowered and which elements it binds
 */
final class ArrayBuiltins<S> {

    /** What lowering needs from the compiler. */
    interface Host<S> {
        LExpr lower(Expr e, S scope);

        /** The scope with {@code key} (a dimension id, or a dimension id and '!') bound to an element. */
        S bind(S scope, String key, String elementId);

        boolean isBound(S scope, String dimId);

        /** Element ids of a dimension, or null when no dimension has that id. */
        List<String> elements(String dimId);

        /** Dimension ids of a variable, or null when no variable has that id. */
        List<String> dimensionsOf(String varId, S scope);

        /** Position of the element of {@code dimId} that the scope selects, bound or mapped, or -1. */
        int position(S scope, String dimId);

        /** Dimension ids of the variable being defined. */
        List<String> ownerDimensions(S scope);

        /** Every element of the variable a reference names, and the flat offset of the one it names. */
        Elements elementsOf(Expr.Ref ref, S scope);

        /** The value of an expression that must be known before the run; an error otherwise. */
        double constant(LExpr e, S scope, String what);

        OptionalDouble tryConstant(LExpr e);

        /** Records an error in this equation; the caller throws what it returns. */
        RuntimeException error(S scope, String code, String message);
    }

    /** All elements of a variable and the offset of one of them. */
    record Elements(List<LExpr> slots, int offset) {}

    /** One argument expanded along a dimension. */
    private record Vector(String dim, List<LExpr> values) {}

    private final Host<S> host;

    ArrayBuiltins(Host<S> host) {
        this.host = host;
    }

    /** Lowers a call of one of the builtins (by canonical id) whose arity has been checked. */
    LExpr lower(String fn, Expr.Call c, S s) {
        List<Expr> a = c.args();
        switch (fn) {
            case "vector_select":
                return vectorSelect(c, s);
            case "vector_sort_order":
                return sortLike(LExpr.ArrayKind.SORT_ORDER, c, s);
            case "vector_rank":
                return sortLike(LExpr.ArrayKind.RANK, c, s);
            case "vector_reorder": {
                Vector v = expand(a.get(0), s, c);
                Vector order = expand(a.get(1), s, c);
                sameSize(v, order, c, s);
                return new LExpr.ArrayFn(LExpr.ArrayKind.REORDER, concat(v.values(), order.values()), List.of(),
                        outputPosition(s, order.dim(), order.values().size(), c));
            }
            case "vector_elm_map":
                return elmMap(c, s);
            case "vector_lookup":
                return vectorLookup(c, s);
            case "allocate_by_priority":
                return allocateByPriority(c, s);
            case "allocate_available":
                return allocateAvailable(c, s);
            case "invert_matrix":
                return invertMatrix(c, s);
            default:
                throw new IllegalStateException("array builtin " + fn + " not lowered");
        }
    }

    /** The value of argument {@code i} of a call, which must be known before the run. */
    double constantArgument(Expr.Call c, int i, S s) {
        return host.constant(host.lower(c.args().get(i), s), s, "argument " + (i + 1) + " of " + c.asWritten());
    }

    private LExpr sortLike(LExpr.ArrayKind kind, Expr.Call c, S s) {
        Vector v = expand(c.args().get(0), s, c);
        return new LExpr.ArrayFn(kind, v.values(), List.of(host.lower(c.args().get(1), s)),
                outputPosition(s, v.dim(), v.values().size(), c));
    }

    // ---------------------------------------------------------------- VECTOR SELECT

    /** A reduction over the dimensions marked with '!' in the selection and expression arrays. */
    private LExpr vectorSelect(Expr.Call c, S s) {
        List<String> bangs = new ArrayList<>();
        collectBangs(c.args().get(0), bangs);
        collectBangs(c.args().get(1), bangs);
        // a dimension both bound by the equation and summed over ('d!') needs its own binding key
        Map<String, String> keys = new LinkedHashMap<>();
        for (String d : bangs) {
            keys.put(d, host.isBound(s, d) ? d + "!" : d);
        }
        Expr selection = rewriteBangs(c.args().get(0), keys);
        Expr expression = rewriteBangs(c.args().get(1), keys);
        List<LExpr> sel = new ArrayList<>();
        List<LExpr> exp = new ArrayList<>();
        expandBangs(new ArrayList<>(keys.entrySet()), 0, s, selection, expression, sel, exp);
        List<LExpr> params = List.of(host.lower(c.args().get(2), s), host.lower(c.args().get(3), s),
                host.lower(c.args().get(4), s));
        return new LExpr.ArrayFn(LExpr.ArrayKind.VECTOR_SELECT, concat(sel, exp), params, 0);
    }

    private void expandBangs(List<Map.Entry<String, String>> dims, int k, S s, Expr selection, Expr expression,
            List<LExpr> sel, List<LExpr> exp) {
        if (k == dims.size()) {
            sel.add(host.lower(selection, s));
            exp.add(host.lower(expression, s));
            return;
        }
        for (String e : host.elements(dims.get(k).getKey())) {
            expandBangs(dims, k + 1, host.bind(s, dims.get(k).getValue(), e), selection, expression, sel, exp);
        }
    }

    private void collectBangs(Expr e, List<String> out) {
        if (e instanceof Expr.Ref r) {
            collectBangs(r.subscripts(), out);
        } else if (e instanceof Expr.Unary u) {
            collectBangs(u.operand(), out);
        } else if (e instanceof Expr.Binary b) {
            collectBangs(b.left(), out);
            collectBangs(b.right(), out);
        } else if (e instanceof Expr.If f) {
            collectBangs(f.condition(), out);
            collectBangs(f.then(), out);
            collectBangs(f.otherwise(), out);
        } else if (e instanceof Expr.Call c) {
            collectBangs(c.subscripts(), out); // a subscripted lookup called with an input: t[d!](x)
            c.args().forEach(a -> collectBangs(a, out));
        }
    }

    private void collectBangs(List<Subscript> subscripts, List<String> out) {
        for (Subscript sub : subscripts) {
            if (sub instanceof Subscript.Named nm && nm.bang() && host.elements(nm.id()) != null
                    && !out.contains(nm.id())) {
                out.add(nm.id());
            }
        }
    }

    private static List<Subscript> rewriteBangs(List<Subscript> subscripts, Map<String, String> keys) {
        List<Subscript> subs = new ArrayList<>();
        for (Subscript sub : subscripts) {
            if (sub instanceof Subscript.Named nm && nm.bang() && keys.containsKey(nm.id())) {
                subs.add(new Subscript.Named(keys.get(nm.id()), nm.asWritten(), false));
            } else {
                subs.add(sub);
            }
        }
        return subs;
    }

    private static Expr rewriteBangs(Expr e, Map<String, String> keys) {
        if (e instanceof Expr.Ref r) {
            return new Expr.Ref(r.name(), rewriteBangs(r.subscripts(), keys));
        } else if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), rewriteBangs(u.operand(), keys));
        } else if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), rewriteBangs(b.left(), keys), rewriteBangs(b.right(), keys));
        } else if (e instanceof Expr.If f) {
            return new Expr.If(rewriteBangs(f.condition(), keys), rewriteBangs(f.then(), keys),
                    rewriteBangs(f.otherwise(), keys));
        } else if (e instanceof Expr.Call c) {
            return new Expr.Call(c.function(), c.asWritten(), rewriteBangs(c.subscripts(), keys),
                    c.args().stream().map(a -> rewriteBangs(a, keys)).toList());
        }
        return e;
    }

    // ---------------------------------------------------------------- VECTOR ELM MAP

    private LExpr elmMap(Expr.Call c, S s) {
        if (!(c.args().get(0) instanceof Expr.Ref ref)) {
            throw host.error(s, "E006", "the first argument of " + c.asWritten() + " must name an element of an"
                    + " array variable, as in VECTOR ELM MAP(x[first], offset)");
        }
        Elements el = host.elementsOf(ref, s);
        LExpr shift = host.lower(c.args().get(1), s);
        if (shift instanceof LExpr.Const k) {
            // a shift known here (as in x[first], stage - 1) reads one element: the equation then depends
            // on that element alone, so arrays whose elements feed one another are ordered element by element
            double at = el.offset() + Math.floor(k.value() + 0.5);
            return at >= 0 && at < el.slots().size() ? el.slots().get((int) at) : new LExpr.Const(Double.NaN);
        }
        return new LExpr.ArrayFn(LExpr.ArrayKind.ELM_MAP, el.slots(), List.of(shift), el.offset());
    }

    /**
     * VECTOR LOOKUP(vec[first], x, xmin, xmax, mode): the elements of vec from the named one to the end
     * of its last subscript are the y values; the mode must be known before the run.
     */
    private LExpr vectorLookup(Expr.Call c, S s) {
        if (!(c.args().get(0) instanceof Expr.Ref ref)) {
            throw host.error(s, "E006", "the first argument of " + c.asWritten() + " must name the first element of an"
                    + " array variable, as in VECTOR LOOKUP(y[first], x, xmin, xmax, 0)");
        }
        Elements el = host.elementsOf(ref, s);
        List<String> dims = host.dimensionsOf(ref.name().id(), s);
        if (dims == null || dims.isEmpty()) {
            throw host.error(s, "E006", "the first argument of " + c.asWritten() + " must be an element of an array"
                    + " variable; '" + ref.name().asWritten() + "' has no dimensions");
        }
        int row = host.elements(dims.get(dims.size() - 1)).size();
        int end = (el.offset() / row + 1) * row;
        double mode = constantArgument(c, 4, s);
        if (!(mode >= 0 && mode <= 9 && mode == Math.rint(mode))) {
            throw host.error(s, "E012", c.asWritten() + " with mode " + fmt(mode) + ": Vensim's reference defines"
                    + " modes 0 to 9 (0 LOOKUP, 1 AREA, 2 BACKWARD, 3 EXTRAPOLATE, 4 FORWARD, 5 INVERT, 6 SLOPE,"
                    + " 7-9 AREA, INVERT and SLOPE extrapolated)");
        }
        List<LExpr> params = List.of(host.lower(c.args().get(1), s), host.lower(c.args().get(2), s),
                host.lower(c.args().get(3), s), new LExpr.Const(mode));
        return new LExpr.ArrayFn(LExpr.ArrayKind.VECTOR_LOOKUP, el.slots().subList(el.offset(), end), params, 0);
    }

    // ---------------------------------------------------------------- allocation

    private LExpr allocateByPriority(Expr.Call c, S s) {
        List<Expr> a = c.args();
        Vector request = expand(a.get(0), s, c);
        Vector priority = expand(a.get(1), s, c);
        sameSize(request, priority, c, s);
        int n = request.values().size();
        double size = host.constant(host.lower(a.get(2), s), s, "the size argument of " + c.asWritten());
        if (size != n) {
            throw host.error(s, "E012", "the size argument of " + c.asWritten() + " is " + fmt(size) + " but the"
                    + " requests run over the " + n + " elements of " + request.dim() + ": give ELMCOUNT("
                    + request.dim() + ")");
        }
        return new LExpr.ArrayFn(LExpr.ArrayKind.ALLOCATE_BY_PRIORITY, concat(request.values(), priority.values()),
                List.of(host.lower(a.get(3), s), host.lower(a.get(4), s)),
                outputPosition(s, request.dim(), n, c));
    }

    /**
     * The priority argument names the first element (ptype) of a profile dimension, as in
     * {@code priority[branch, ptype]}: the profile is that element and the three after it.
     */
    private LExpr allocateAvailable(Expr.Call c, S s) {
        List<Expr> a = c.args();
        Vector request = expand(a.get(0), s, c);
        int n = request.values().size();
        Expr pp = a.get(1);
        String usage = ": write it as priority[requester, ptype], where ptype is the first of the profile"
                + " elements ptype, ppriority, pwidth, pextra";
        if (!(pp instanceof Expr.Ref ref) || ref.subscripts().size() < 2
                || !(ref.subscripts().get(ref.subscripts().size() - 1) instanceof Subscript.Named first)
                || host.elements(first.id()) != null) {
            throw host.error(s, "E006", "the priority profiles of " + c.asWritten() + " must name the first profile"
                    + " element" + usage);
        }
        List<String> varDims = host.dimensionsOf(ref.name().id(), s);
        if (varDims == null || varDims.size() != ref.subscripts().size()) {
            throw host.error(s, "E006", "the priority profiles of " + c.asWritten() + " are not an array with "
                    + ref.subscripts().size() + " dimensions" + usage);
        }
        List<String> profile = host.elements(varDims.get(varDims.size() - 1));
        int start = profile.indexOf(first.id());
        if (start < 0 || start + ArrayOps.PROFILE_SIZE > profile.size()) {
            throw host.error(s, "E006", "the priority profiles of " + c.asWritten() + " need " + ArrayOps.PROFILE_SIZE
                    + " profile elements from '" + first.asWritten() + "' on" + usage);
        }
        String ppDim = dimensionAt(pp, s, 1, c);
        List<String> requesters = host.elements(ppDim);
        if (requesters.size() != n) {
            throw host.error(s, "E006", c.asWritten() + ": the priority profiles run over the " + requesters.size()
                    + " elements of " + ppDim + " but the requests over the " + n + " elements of " + request.dim());
        }
        List<Subscript> lead = ref.subscripts().subList(0, ref.subscripts().size() - 1);
        List<LExpr> profiles = new ArrayList<>();
        for (String e : requesters) {
            S bound = host.bind(s, ppDim, e);
            for (int k = 0; k < ArrayOps.PROFILE_SIZE; k++) {
                List<Subscript> subs = new ArrayList<>(lead);
                subs.add(new Subscript.Named(profile.get(start + k), profile.get(start + k), false));
                LExpr x = host.lower(new Expr.Ref(ref.name(), subs), bound);
                if (k == 0) {
                    checkProfileType(x, c, s);
                }
                profiles.add(x);
            }
        }
        return new LExpr.ArrayFn(LExpr.ArrayKind.ALLOCATE_AVAILABLE, concat(request.values(), profiles),
                List.of(host.lower(a.get(2), s)), outputPosition(s, request.dim(), n, c));
    }

    private void checkProfileType(LExpr ptype, Expr.Call c, S s) {
        OptionalDouble t = host.tryConstant(ptype);
        if (t.isPresent() && !(t.getAsDouble() >= ArrayOps.RECTANGULAR && t.getAsDouble() <= ArrayOps.EXPONENTIAL)) {
            throw host.error(s, "E012", c.asWritten() + ": priority profile type " + fmt(t.getAsDouble()) + " is not"
                    + " supported; use 1 (rectangular), 2 (triangular), 3 (normal) or 4 (exponential)");
        }
    }

    // ---------------------------------------------------------------- INVERT MATRIX

    private LExpr invertMatrix(Expr.Call c, S s) {
        Expr m = c.args().get(0);
        String rows = dimensionAt(m, s, 1, c);
        String cols = dimensionAt(m, s, 0, c);
        int n = host.elements(rows).size();
        if (rows.equals(cols) || host.elements(cols).size() != n) {
            throw host.error(s, "E006", c.asWritten() + " needs a square matrix over two different dimensions of"
                    + " the same size as its last two subscripts, not " + rows + " and " + cols);
        }
        if (c.args().size() > 1) {
            double size = host.constant(host.lower(c.args().get(1), s), s, "the size argument of " + c.asWritten());
            if (size != n) {
                throw host.error(s, "E012", "the size argument of " + c.asWritten() + " is " + fmt(size)
                        + " but the matrix is " + n + " by " + n);
            }
        }
        List<LExpr> in = new ArrayList<>();
        for (String r : host.elements(rows)) {
            S rowScope = host.bind(s, rows, r);
            for (String col : host.elements(cols)) {
                in.add(host.lower(m, host.bind(rowScope, cols, col)));
            }
        }
        List<String> own = host.ownerDimensions(s);
        int row = position(s, rows, n, own.size() - 2, c);
        int col = position(s, cols, n, own.size() - 1, c);
        return new LExpr.ArrayFn(LExpr.ArrayKind.INVERT_MATRIX, in, List.of(), row * n + col);
    }

    // ---------------------------------------------------------------- vectors

    /** The argument evaluated at each element of its last dimension. */
    private Vector expand(Expr arg, S s, Expr.Call c) {
        String dim = dimensionAt(arg, s, 0, c);
        List<LExpr> values = new ArrayList<>();
        for (String e : host.elements(dim)) {
            values.add(host.lower(arg, host.bind(s, dim, e)));
        }
        return new Vector(dim, values);
    }

    /**
     * The dimension of the {@code fromEnd}-th subscript from the end of the first array variable in
     * the argument (its declared dimension when written without subscripts).
     */
    private String dimensionAt(Expr arg, S s, int fromEnd, Expr.Call c) {
        Expr.Ref r = firstArrayRef(arg, s);
        if (r == null) {
            throw host.error(s, "E006", c.asWritten() + " works on arrays, but its argument has no subscripted"
                    + " variable");
        }
        List<String> varDims = host.dimensionsOf(r.name().id(), s);
        List<Subscript> subs = r.subscripts();
        int count = subs.isEmpty() ? varDims.size() : subs.size();
        if (count <= fromEnd) {
            throw host.error(s, "E006", c.asWritten() + " needs " + (fromEnd + 1) + " dimensions in '"
                    + r.name().asWritten() + "', which has " + count);
        }
        int k = count - 1 - fromEnd;
        if (subs.isEmpty()) {
            return varDims.get(k);
        }
        if (subs.get(k) instanceof Subscript.Named nm && !nm.bang() && host.elements(nm.id()) != null) {
            return nm.id();
        }
        throw host.error(s, "E006", c.asWritten() + " works along the " + (fromEnd == 0 ? "last" : "second last")
                + " subscript of '" + r.name().asWritten() + "', which must name a dimension");
    }

    private Expr.Ref firstArrayRef(Expr e, S s) {
        if (e instanceof Expr.Ref r) {
            List<String> d = host.dimensionsOf(r.name().id(), s);
            return d != null && !d.isEmpty() ? r : null;
        } else if (e instanceof Expr.Unary u) {
            return firstArrayRef(u.operand(), s);
        } else if (e instanceof Expr.Binary b) {
            Expr.Ref r = firstArrayRef(b.left(), s);
            return r != null ? r : firstArrayRef(b.right(), s);
        } else if (e instanceof Expr.If f) {
            Expr.Ref r = firstArrayRef(f.then(), s);
            return r != null ? r : firstArrayRef(f.otherwise(), s);
        } else if (e instanceof Expr.Call c) {
            for (Expr a : c.args()) {
                Expr.Ref r = firstArrayRef(a, s);
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    /** The element of the result that this equation's element takes: its position along {@code dim}. */
    private int outputPosition(S s, String dim, int n, Expr.Call c) {
        return position(s, dim, n, host.ownerDimensions(s).size() - 1, c);
    }

    /** Position along {@code dim}, else along the left-hand side's dimension {@code ownIndex} of the same size. */
    private int position(S s, String dim, int n, int ownIndex, Expr.Call c) {
        int p = host.position(s, dim);
        if (p >= 0) {
            return p;
        }
        List<String> own = host.ownerDimensions(s);
        if (ownIndex >= 0 && ownIndex < own.size() && host.elements(own.get(ownIndex)).size() == n) {
            p = host.position(s, own.get(ownIndex));
            if (p >= 0) {
                return p;
            }
        }
        throw host.error(s, "E006", c.asWritten() + " computes an array over " + dim + ": define the variable over "
                + dim + " (or a dimension of " + n + " elements mapped to it) as its last subscript");
    }

    private void sameSize(Vector a, Vector b, Expr.Call c, S s) {
        if (a.values().size() != b.values().size()) {
            throw host.error(s, "E006", c.asWritten() + " needs arrays of the same size, but " + a.dim() + " has "
                    + a.values().size() + " elements and " + b.dim() + " has " + b.values().size());
        }
    }

    private static List<LExpr> concat(List<LExpr> a, List<LExpr> b) {
        List<LExpr> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
