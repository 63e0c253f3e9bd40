package org.clusterdynamics.compile;

import java.util.List;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.Variable;

/** A variable of the (flattened) model: its slots and definitions. */
final class VarInfo {
    final Variable var;
    final String ns;
    final String qualifiedWritten;
    final List<DimInfo> dimList;
    int base = -1;
    int count;
    VarInfo alias; // module inputs point at the outer variable
    boolean lowered;
    List<GraphicalFunction> tables; // per element; null when none

    VarInfo(Variable var, String ns, List<DimInfo> dimList) {
        this.var = var;
        this.ns = ns;
        this.qualifiedWritten = ns.isEmpty() ? var.name().asWritten() : ns + var.name().asWritten();
        this.dimList = dimList;
        long n = 1;
        for (DimInfo d : dimList) {
            n = Math.min(n * d.ids().size(), Integer.MAX_VALUE); // sizes are capped, so no overflow
        }
        this.count = (int) n;
    }

    VarInfo target() {
        return alias == null ? this : alias.target();
    }

    boolean isTableOnly() {
        Definition def = Variable.definitionOf(var);
        if (var instanceof Stock || def == null) {
            return false;
        }
        if (def.isPerElement()) {
            return def.elements().stream().allMatch(e -> e.equation() == null && e.graphicalFunction() != null);
        }
        return def.equation() == null && def.graphicalFunction() != null;
    }

    int[] tuple(int offset) {
        int[] t = new int[dimList.size()];
        for (int k = dimList.size() - 1; k >= 0; k--) {
            int n = dimList.get(k).ids().size();
            t[k] = offset % n;
            offset /= n;
        }
        return t;
    }

    int offset(int[] tuple) {
        int o = 0;
        for (int k = 0; k < dimList.size(); k++) {
            o = o * dimList.get(k).ids().size() + tuple[k];
        }
        return o;
    }

    String elementName(int offset) {
        if (dimList.isEmpty()) {
            return qualifiedWritten;
        }
        int[] t = tuple(offset);
        StringBuilder sb = new StringBuilder(qualifiedWritten).append('[');
        for (int k = 0; k < t.length; k++) {
            if (k > 0) {
                sb.append(',');
            }
            sb.append(dimList.get(k).written_().get(t[k]));
        }
        return sb.append(']').toString();
    }
}
