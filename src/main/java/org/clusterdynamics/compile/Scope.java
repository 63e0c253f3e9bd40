package org.clusterdynamics.compile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where an equation is being lowered: owner, element bindings, namespace (and the arguments of a macro). */
record Scope(VarInfo owner, Map<String, String> binding, String ns, int line, List<LExpr> macroArgs,
        Map<String, Integer> macroParams) {
    Scope bind(String dimId, String elementId) {
        Map<String, String> b = new HashMap<>(binding);
        b.put(dimId, elementId);
        return new Scope(owner, b, ns, line, macroArgs, macroParams);
    }
}
