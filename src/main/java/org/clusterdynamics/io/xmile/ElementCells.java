package org.clusterdynamics.io.xmile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.model.Dimension;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.VarName;

/**
 * Turns a Vensim-style element definition ({@code x[sub, dim] :EXCEPT: [a, d1]}) into the single
 * elements it defines, the only form an XMILE {@code <element subscript="...">} may take. A
 * subscript naming a dimension or subrange stands for each of its elements (matched by name, or
 * by position between dimensions of equal size), and excepted tuples drop out, as the compiler
 * reads them.
 */
final class ElementCells {

    /** The element that a dimension name stands for in one cell. */
    record Bound(Dimension dimension, int index) {
        String id() {
            return VarName.canonical(dimension.elements().get(index));
        }

        String written() {
            return VarName.cleanWritten(dimension.elements().get(index));
        }
    }

    /**
     * One element of the variable: its element names, one per dimension as written, and the
     * element each dimension name stands for in its equation (the variable's own dimensions and
     * any subrange named in the definition), by dimension id.
     */
    record Cell(List<String> elements, Map<String, Bound> bound) {
        Cell {
            elements = List.copyOf(elements);
            bound = Map.copyOf(bound);
        }

        String key() {
            return String.join(",", elements.stream().map(VarName::canonical).toList());
        }
    }

    /** A subscript that is neither an element of its dimension nor a dimension. */
    static final class UnknownSubscript extends Exception {
        UnknownSubscript(String message) {
            super(message);
        }
    }

    private final Map<String, Dimension> dims;

    /** {@code dims}: every dimension of the model by canonical id. */
    ElementCells(Map<String, Dimension> dims) {
        this.dims = dims;
    }

    /** The cells of one element definition of a variable over {@code varDims}, in order. */
    List<Cell> cells(List<Dimension> varDims, ElementDefinition ed) throws UnknownSubscript {
        List<String> subs = ed.subscripts();
        if (subs.size() != varDims.size()) {
            throw new UnknownSubscript("the definition [" + String.join(", ", subs) + "] has " + subs.size()
                    + " subscripts but the variable has " + varDims.size() + " dimensions");
        }
        List<Cell> out = new ArrayList<>();
        expand(varDims, subs, 0, new int[subs.size()], new LinkedHashMap<>(), out);
        out.removeIf(c -> ed.except().stream().anyMatch(ex -> excepted(varDims, c, ex)));
        return out;
    }

    private void expand(List<Dimension> varDims, List<String> subs, int pos, int[] tuple, Map<String, Bound> bound,
            List<Cell> out) throws UnknownSubscript {
        if (pos == subs.size()) {
            List<String> names = new ArrayList<>();
            for (int k = 0; k < tuple.length; k++) {
                names.add(VarName.cleanWritten(varDims.get(k).elements().get(tuple[k])));
            }
            out.add(new Cell(names, bound));
            return;
        }
        Dimension vd = varDims.get(pos);
        String key = bindingKey(varDims, pos);
        String s = VarName.canonical(subs.get(pos));
        int own = indexOf(vd, s);
        if (own >= 0 && !dims.containsKey(s)) {
            tuple[pos] = own;
            bound.put(key, new Bound(vd, own));
            expand(varDims, subs, pos + 1, tuple, bound, out);
            bound.remove(key);
            return;
        }
        Dimension sd = dims.get(s);
        if (sd == null) {
            throw new UnknownSubscript("'" + subs.get(pos) + "' is neither an element of " + vd.name().asWritten()
                    + " nor a dimension");
        }
        for (int i = 0; i < sd.size(); i++) {
            int mapped = indexOf(vd, VarName.canonical(sd.elements().get(i)));
            if (mapped < 0 && sd.size() == vd.size()) {
                mapped = i;
            }
            if (mapped < 0) {
                continue;
            }
            tuple[pos] = mapped;
            bound.put(key, new Bound(vd, mapped));
            // the subrange's own name, used in the equation, keeps its first binding
            boolean named = !sd.name().id().equals(vd.name().id()) && !bound.containsKey(sd.name().id());
            if (named) {
                bound.put(sd.name().id(), new Bound(sd, i));
            }
            expand(varDims, subs, pos + 1, tuple, bound, out);
            bound.remove(key);
            if (named) {
                bound.remove(sd.name().id());
            }
        }
    }

    /**
     * The binding key of position k: the dimension's id, or for a dimension repeated in the
     * variable's dimensions (matrix[dim, dim]) one of its own, so that an equation's dimension
     * name means the first position, as the compiler reads it.
     */
    private static String bindingKey(List<Dimension> varDims, int k) {
        String id = varDims.get(k).name().id();
        for (int j = 0; j < k; j++) {
            if (varDims.get(j).name().id().equals(id)) {
                return id + "#" + k;
            }
        }
        return id;
    }

    private boolean excepted(List<Dimension> varDims, Cell c, List<String> ex) {
        for (int k = 0; k < ex.size() && k < varDims.size(); k++) {
            String s = VarName.canonical(ex.get(k));
            String have = VarName.canonical(c.elements().get(k));
            Dimension sd = dims.get(s);
            if (sd != null ? indexOf(sd, have) < 0 : !s.equals(have)) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(Dimension d, String elementId) {
        for (int i = 0; i < d.size(); i++) {
            if (VarName.canonical(d.elements().get(i)).equals(elementId)) {
                return i;
            }
        }
        return -1;
    }
}
