package org.clusterdynamics.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.expr.Expr;
import org.clusterdynamics.expr.ExprPrinter;
import org.clusterdynamics.expr.Subscript;
import org.clusterdynamics.model.VarName;

/**
 * Subscripts of references: which element of an array a reference names in the current scope, by
 * binding, mapping between dimensions, element name or constant index; or, for Stella's
 * {@code a[index expression]}, the elements among which an index computed during the run chooses.
 */
final class Subscripts extends CompilerPass {

    Subscripts(Compilation unit) {
        super(unit);
    }

    /**
     * The value of an element name (Vensim): its 1-based position in the largest dimension that holds
     * it (the first declared among equals), so that subranges and reorderings of a range compare
     * equal element by element; 0 when no dimension holds it.
     */
    int elementPosition(String id) {
        DimInfo best = null;
        for (DimInfo d : dims.values()) {
            if (d.indexOf(id) >= 0 && (best == null || d.ids().size() > best.ids().size())) {
                best = d;
            }
        }
        return best == null ? 0 : best.indexOf(id) + 1;
    }

    /** A dimension bound in this scope that maps element by element onto {@code d}. */
    DimInfo boundMapping(DimInfo d, Scope s) {
        for (String dimId : s.binding().keySet()) {
            DimInfo bd = dims.get(dimId);
            if (bd != null && !bd.id().equals(d.id()) && mapsOnto(bd, d)) {
                return bd;
            }
        }
        return null;
    }

    /**
     * What a reference to v reads: one slot, or when a subscript is an expression known only during
     * the run (Stella's non-constant subscripts, or a variable used as an index), the element among
     * the candidates that its value chooses.
     */
    LExpr reference(VarInfo v, List<Subscript> written_, Scope s, String written) {
        int n = v.dimList.size();
        if (n == 0 || written_.size() != n) {
            return new LExpr.Slot(v.base + elementOffset(v, written_, s, written));
        }
        List<Subscript> subs = new ArrayList<>();
        LExpr[] computed = new LExpr[n];
        boolean any = false;
        for (int k = 0; k < n; k++) {
            Subscript sub = variableAsIndex(v.dimList.get(k), written_.get(k), s);
            if (sub instanceof Subscript.Index ix) {
                // lowered once here: a constant index is kept as its value; a variable named as the index
                // is read during the run, so that a run that overrides it (--set) reads the element it names
                LExpr e = unit.expressions.lower(ix.index(), s);
                boolean namedVariable = sub != written_.get(k);
                Double value = namedVariable && !(e instanceof LExpr.Const) ? null : constantValue(e);
                if (value != null) {
                    sub = new Subscript.Index(new Expr.Num(value));
                } else {
                    computed[k] = e;
                    any = true;
                }
            }
            subs.add(sub);
        }
        if (!any) {
            return new LExpr.Slot(v.base + elementOffset(v, subs, s, written));
        }
        int[] t = new int[n];
        List<Integer> sizes = new ArrayList<>();
        List<LExpr> indices = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (computed[k] == null) {
                t[k] = subscriptElement(v.dimList.get(k), subs.get(k), s, written);
            } else {
                sizes.add(v.dimList.get(k).ids().size());
                indices.add(computed[k]);
            }
        }
        List<Integer> elements = new ArrayList<>();
        candidates(v, computed, t, 0, elements);
        String reader = s.owner() == null ? written : s.owner().qualifiedWritten;
        return new LExpr.ElementAt(file, reader, printed(written, written_), elements, indices, sizes);
    }

    /** The value of an expression known before the run, or null. */
    private Double constantValue(LExpr e) {
        try {
            return new ConstantFolder(unit.variables::initialOf).eval(e);
        } catch (ConstantFolder.NotConstant nc) {
            return null;
        }
    }

    /** The slots a computed subscript may choose, in row-major order over the computed positions. */
    private void candidates(VarInfo v, LExpr[] computed, int[] t, int k, List<Integer> out) {
        if (k == t.length) {
            out.add(v.base + v.offset(t));
            return;
        }
        if (computed[k] == null) {
            candidates(v, computed, t, k + 1, out);
            return;
        }
        for (int i = 0; i < v.dimList.get(k).ids().size(); i++) {
            t[k] = i;
            candidates(v, computed, t, k + 1, out);
        }
    }

    /** A subscript naming a variable rather than an element or dimension is an index expression (Stella). */
    private Subscript variableAsIndex(DimInfo d, Subscript sub, Scope s) {
        if (sub instanceof Subscript.Named nm && !nm.bang() && !s.binding().containsKey(nm.id())
                && !dims.containsKey(nm.id()) && d.indexOf(nm.id()) < 0 && elementPosition(nm.id()) == 0
                && unit.expressions.findVar(nm.id(), s) != null) {
            return new Subscript.Index(new Expr.Ref(VarName.of(nm.asWritten()), List.of()));
        }
        return sub;
    }

    private static String printed(String written, List<Subscript> subs) {
        List<String> parts = new ArrayList<>();
        for (Subscript sub : subs) {
            parts.add(sub instanceof Subscript.Named nm ? nm.asWritten() : sub instanceof Subscript.Index ix
                    ? ExprPrinter.print(ix.index()) : "*");
        }
        return written + "[" + String.join(", ", parts) + "]";
    }

    /** The element of v that a subscripted reference names in the current scope. */
    int elementOffset(VarInfo v, List<Subscript> subs, Scope s, String written) {
        int n = v.dimList.size();
        if (n == 0) {
            if (!subs.isEmpty()) {
                diags.error("E006", where(s), "'" + written + "' is not an array but is written with subscripts:"
                        + " remove the [...]");
                throw new Abandon();
            }
            return 0;
        }
        int[] t = new int[n];
        if (subs.isEmpty()) {
            for (int k = 0; k < n; k++) {
                t[k] = implicitElement(v.dimList.get(k), s, written);
            }
            return v.offset(t);
        }
        if (subs.size() != n) {
            diags.error("E006", where(s), "'" + written + "' has " + n + " dimension" + (n == 1 ? "" : "s") + " but is"
                    + " written with " + subs.size() + " subscript" + (subs.size() == 1 ? "" : "s"));
            throw new Abandon();
        }
        for (int k = 0; k < n; k++) {
            t[k] = subscriptElement(v.dimList.get(k), subs.get(k), s, written);
        }
        return v.offset(t);
    }

    int implicitElement(DimInfo d, Scope s, String written) {
        String bound = s.binding().get(d.id());
        if (bound != null && d.indexOf(bound) >= 0) {
            return d.indexOf(bound);
        }
        String listed = listedMapping(d, s);
        if (listed != null) {
            return d.indexOf(listed);
        }
        // a dimension of the same size or mapped onto it bound in this scope
        for (Map.Entry<String, String> b : s.binding().entrySet()) {
            DimInfo bd = dims.get(b.getKey());
            if (bd != null && mapsOnto(bd, d)) {
                return bd.indexOf(b.getValue());
            }
        }
        diags.error("E006", where(s), "'" + written + "' is an array over " + d.written() + " but is used here without"
                + " subscripts where no element of " + d.written() + " is known: write " + written + "[" + d.written()
                + "] in an equation over " + d.written() + ", or name an element");
        throw new Abandon();
    }

    /**
     * The element of {@code named} that a mapping with listed elements pairs with an element bound in
     * this scope (Vensim's {@code named: n1, n2 -> (other: o2, o1)}, where an item may also be a
     * subrange of {@code other}, all of whose elements pair with that element; or the other way
     * round, declared on the bound dimension), or null.
     */
    String listedMapping(DimInfo named, Scope s) {
        for (Map.Entry<String, String> b : s.binding().entrySet()) {
            String element = b.getValue();
            for (Map.Entry<String, List<String>> m : named.mapLists().entrySet()) {
                DimInfo target = dims.get(m.getKey());
                if (target == null || target.indexOf(element) < 0 || m.getValue().size() != named.ids().size()) {
                    continue;
                }
                for (int i = 0; i < m.getValue().size(); i++) {
                    String item = m.getValue().get(i);
                    DimInfo sub = dims.get(item);
                    if (item.equals(element) && sub == null || sub != null && sub.indexOf(element) >= 0) {
                        return named.ids().get(i);
                    }
                }
            }
            DimInfo bd = dims.get(b.getKey());
            List<String> list = bd == null ? null : bd.mapLists().get(named.id());
            int p = bd == null ? -1 : bd.indexOf(element);
            if (list != null && p >= 0 && p < list.size() && named.indexOf(list.get(p)) >= 0) {
                return list.get(p);
            }
        }
        return null;
    }

    /** True when every element of {@code sub} is an element of {@code d}: a subrange of it, or d itself. */
    boolean within(DimInfo sub, DimInfo d) {
        return d.ids().containsAll(sub.ids());
    }

    boolean mapsOnto(DimInfo from, DimInfo to) {
        return from.ids().size() == to.ids().size()
                && (from.mapsTo().contains(to.id()) || to.mapsTo().contains(from.id()));
    }

    int subscriptElement(DimInfo d, Subscript sub, Scope s, String written) {
        if (sub instanceof Subscript.Index ix) {
            LExpr e = unit.expressions.lower(ix.index(), s);
            double v;
            try {
                v = new ConstantFolder(unit.variables::initialOf).eval(e);
            } catch (ConstantFolder.NotConstant nc) {
                diags.error("E006", where(s), "the subscript of '" + written + "' must be constant: " + nc.getMessage());
                throw new Abandon();
            }
            int i = (int) Math.round(v) - 1;
            if (i < 0 || i >= d.ids().size()) {
                diags.error("E006", where(s), "subscript " + (i + 1) + " of '" + written + "' is outside " + d.written()
                        + " (1.." + d.ids().size() + ")");
                throw new Abandon();
            }
            return i;
        }
        if (sub instanceof Subscript.Star) {
            diags.error("E006", where(s), "'" + written + "[*]' names a whole array: use it inside SUM, MEAN, MIN, MAX,"
                    + " PROD, STDDEV or SIZE");
            throw new Abandon();
        }
        Subscript.Named nm = (Subscript.Named) sub;
        String id = nm.id();
        if (!nm.bang() && d.indexOf(id) >= 0 && dims.containsKey(id) && !within(dims.get(id), d)) {
            // an element of d named like another dimension (Stella allows both): the element
            return d.indexOf(id);
        }
        String bound = s.binding().get(id);
        if (bound != null && !nm.bang()) {
            DimInfo bd = dims.get(id);
            if (d.indexOf(bound) >= 0) {
                return d.indexOf(bound);
            }
            if (bd != null && (bd.ids().size() == d.ids().size())) {
                return bd.indexOf(bound); // positional mapping between dimensions of equal size
            }
            diags.error("E006", where(s), "element '" + bound + "' of " + id + " is not in " + d.written() + " of '"
                    + written + "'");
            throw new Abandon();
        }
        if (d.indexOf(id) >= 0 && !dims.containsKey(id)) {
            return d.indexOf(id);
        }
        if (dims.containsKey(id) && !nm.bang()) {
            String listed = listedMapping(dims.get(id), s);
            if (listed != null && d.indexOf(listed) >= 0) {
                return d.indexOf(listed);
            }
            DimInfo mapped = boundMapping(dims.get(id), s);
            if (mapped != null) {
                // Vensim mapping: the bound element's position carries over to the mapped dimension
                int p = mapped.indexOf(s.binding().get(mapped.id()));
                DimInfo named = dims.get(id);
                String element = named.ids().get(p);
                if (d.indexOf(element) >= 0) {
                    return d.indexOf(element);
                }
                if (named.ids().size() == d.ids().size()) {
                    return p;
                }
            }
        }
        if (dims.containsKey(id)) {
            if (d.id().equals(id) || dims.get(id).ids().size() <= d.ids().size()) {
                // an unbound dimension here means "each element": only valid inside an array function
                diags.error("E006", where(s), "'" + written + "[" + nm.asWritten() + "]' names a whole dimension where"
                        + " a single value is needed: use it in an equation over " + nm.asWritten()
                        + " or inside SUM/MEAN/MIN/MAX");
                throw new Abandon();
            }
        }
        if (d.indexOf(id) >= 0) {
            return d.indexOf(id);
        }
        diags.error("E006", where(s), "'" + nm.asWritten() + "' is not an element of " + d.written() + " (subscript of '"
                + written + "'): use one of " + String.join(", ", d.written_()));
        throw new Abandon();
    }
}
