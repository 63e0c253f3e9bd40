package org.clusterdynamics.compile;

import java.util.List;
import java.util.Map;
import org.clusterdynamics.expr.Subscript;

/**
 * Subscripts of references: which element of an array a reference names in the current scope, by
 * binding, mapping between dimensions, element name or constant index.
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
