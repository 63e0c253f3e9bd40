package org.clusterdynamics.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.Dialect;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.Variable;

/**
 * Element expansion: which elements of an array an equation defines (subscripts, subranges,
 * mappings, :EXCEPT:), each with the bindings of its dimensions.
 */
final class ElementExpansion extends CompilerPass {

    ElementExpansion(Compilation unit) {
        super(unit);
    }

    /** Called once per element with the equation and table that define it. */
    interface ElementAction {
        void apply(int offset, Scope scope, Equation eq, GraphicalFunction gf);
    }

    void forEachElement(VarInfo v, Definition def, ElementAction action) {
        Variable var = v.var;
        if (def == null) {
            diags.error("E007", Where.of(file, v.qualifiedWritten, var.line()), "'" + var.name().asWritten()
                    + "' has no equation: give it one");
            return;
        }
        boolean[] done = new boolean[v.count];
        if (def.isPerElement()) {
            for (ElementDefinition ed : def.elements()) {
                for (Map<String, String> b : expandSubscripts(v, ed)) {
                    int off = offsetFor(v, b);
                    if (off < 0) {
                        continue;
                    }
                    done[off] = true;
                    Scope scope = new Scope(v, b, v.ns, lineOf(ed.equation(), var), null, null);
                    if (ed.equation() == null && ed.graphicalFunction() == null) {
                        diags.error("E007", where(scope), "element " + v.elementName(off) + " has no equation");
                        continue;
                    }
                    guarded(() -> action.apply(off, scope, ed.equation(), ed.graphicalFunction()));
                }
            }
        }
        if (def.equation() != null || (!def.isPerElement() && def.graphicalFunction() != null)) {
            for (int k = 0; k < v.count; k++) {
                if (done[k]) {
                    continue;
                }
                done[k] = true;
                Map<String, String> b = new HashMap<>();
                int[] t = v.tuple(k);
                for (int d = 0; d < t.length; d++) {
                    b.put(bindingKey(v, d), v.dimList.get(d).ids().get(t[d]));
                }
                int off = k;
                Scope scope = new Scope(v, b, v.ns, lineOf(def.equation(), var), null, null);
                guarded(() -> action.apply(off, scope, def.equation(), def.graphicalFunction()));
            }
        }
        for (int k = 0; k < v.count; k++) {
            if (!done[k] && model.dialect() == Dialect.VENSIM && v.base >= 0) {
                // Vensim leaves elements without an equation undefined: they read as 0 and are not output
                SlotDef undefined = slots.get(v.base + k);
                undefined.kind = SlotKind.HIDDEN_AUX;
                undefined.init = new LExpr.Const(0);
                undefined.dyn = undefined.init;
                if (undefined.rate == null && var instanceof Stock) {
                    undefined.kind = SlotKind.HIDDEN_STOCK;
                    undefined.rate = new LExpr.Const(0);
                    undefined.dyn = null;
                }
                continue;
            }
            if (!done[k]) {
                diags.error("E007", Where.of(file, v.qualifiedWritten, var.line()), "element " + v.elementName(k)
                        + " has no equation: define it or cover it with an equation for the whole dimension");
            }
        }
    }


    /** The element bindings an element definition covers (its subscripts may name dimensions). */
    List<Map<String, String>> expandSubscripts(VarInfo v, ElementDefinition ed) {
        List<Map<String, String>> out = new ArrayList<>();
        if (ed.subscripts().size() != v.dimList.size()) {
            diags.error("E006", Where.of(file, v.qualifiedWritten, lineOf(ed.equation(), v.var)), "the definition of "
                    + v.qualifiedWritten + "[" + String.join(",", ed.subscripts()) + "] has " + ed.subscripts().size()
                    + " subscripts but the variable has " + v.dimList.size() + " dimensions");
            return out;
        }
        expand(v, ed.subscripts(), 0, new LinkedHashMap<>(), out);
        if (!ed.except().isEmpty()) {
            out.removeIf(b -> ed.except().stream().anyMatch(ex -> matchesExcept(v, b, ex)));
        }
        return out;
    }

    void expand(VarInfo v, List<String> subs, int pos, Map<String, String> b, List<Map<String, String>> out) {
        if (pos == subs.size()) {
            out.add(new HashMap<>(b));
            return;
        }
        DimInfo vd = v.dimList.get(pos);
        String s = VarName.canonical(subs.get(pos));
        String key = bindingKey(v, pos);
        if (vd.ids().contains(s) && (!dims.containsKey(s) || !unit.subscripts.within(dims.get(s), vd))) {
            // an element, also when a dimension elsewhere has its name (Stella allows both)
            b.put(key, s);
            expand(v, subs, pos + 1, b, out);
            b.remove(key);
            return;
        }
        DimInfo sd = dims.get(s);
        if (sd == null) {
            diags.error("E006", Where.of(file, v.qualifiedWritten, v.var.line()), "'" + subs.get(pos)
                    + "' is neither an element of " + vd.written() + " nor a dimension");
            return;
        }
        for (String e : sd.ids()) {
            String mapped = vd.ids().contains(e) ? e : null;
            if (mapped == null && sd.ids().size() == vd.ids().size()) {
                mapped = vd.ids().get(sd.indexOf(e));
            }
            if (mapped == null) {
                continue;
            }
            b.put(key, mapped);
            boolean named = !sd.id().equals(vd.id()) && !b.containsKey(sd.id());
            if (named) {
                b.put(sd.id(), e); // the equation may use the subrange's own name
            }
            expand(v, subs, pos + 1, b, out);
            b.remove(key);
            if (named) {
                b.remove(sd.id());
            }
        }
    }

    /**
     * The key that binds position k of v's subscripts: the dimension's id, or for a dimension that
     * repeats (matrix[dim, dim]) a key of its own for each later position, so both can vary.
     */
    static String bindingKey(VarInfo v, int k) {
        String id = v.dimList.get(k).id();
        for (int j = 0; j < k; j++) {
            if (v.dimList.get(j).id().equals(id)) {
                return id + "#" + k;
            }
        }
        return id;
    }

    boolean matchesExcept(VarInfo v, Map<String, String> b, List<String> ex) {
        for (int k = 0; k < ex.size() && k < v.dimList.size(); k++) {
            String s = VarName.canonical(ex.get(k));
            String have = b.get(bindingKey(v, k));
            DimInfo sd = dims.get(s);
            if (sd != null ? !sd.ids().contains(have) : !s.equals(have)) {
                return false;
            }
        }
        return true;
    }

    int offsetFor(VarInfo v, Map<String, String> b) {
        int[] t = new int[v.dimList.size()];
        for (int k = 0; k < t.length; k++) {
            t[k] = v.dimList.get(k).indexOf(b.get(bindingKey(v, k)));
            if (t[k] < 0) {
                return -1;
            }
        }
        return v.offset(t);
    }
}
