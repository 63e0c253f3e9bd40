package org.clusterdynamics.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.expr.Expr;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.Macro;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.Variable;

/**
 * Vensim macros: each call expands the macro's body into hidden slots of a namespace of its own.
 */
final class MacroExpansion extends CompilerPass {

    MacroExpansion(Compilation unit) {
        super(unit);
    }

    LExpr expandMacro(Macro m, Expr.Call c, Scope s) {
        if (c.args().size() != m.parameters().size()) {
            diags.error("E004", where(s), "macro " + m.name().asWritten() + " takes " + m.parameters().size()
                    + " arguments but is given " + c.args().size());
            throw new Abandon();
        }
        List<LExpr> argv = new ArrayList<>();
        Map<String, Integer> params = new HashMap<>();
        for (int i = 0; i < c.args().size(); i++) {
            argv.add(unit.statefuls.materialize(unit.expressions.lower(c.args().get(i), s), m.name().asWritten() + " argument " + (i + 1), s));
            params.put(VarName.canonical(m.parameters().get(i)), i);
        }
        String ns = m.name().id() + "#" + (++unit.macroInstances) + ".";
        List<VarInfo> body = new ArrayList<>();
        for (Variable v : m.body()) {
            VarInfo info = new VarInfo(v, ns, List.of());
            vars.put(ns + v.name().id(), info);
            if (info.isTableOnly()) {
                info.tables = unit.declarations.tablesOf(info);
                continue;
            }
            info.base = slots.size();
            SlotKind kind = v instanceof Stock ? SlotKind.HIDDEN_STOCK : SlotKind.HIDDEN_AUX;
            slots.add(new SlotDef("#macro " + ns + v.name().asWritten(), kind, v.units(), s.owner(), v.line()));
            body.add(info);
        }
        VarInfo result = vars.get(ns + m.name().id());
        if (result == null) {
            diags.error("E007", where(s), "macro " + m.name().asWritten() + " does not define its output variable "
                    + m.name().asWritten());
            throw new Abandon();
        }
        for (VarInfo v : body) {
            lowerMacroVariable(v, argv, params);
        }
        return new LExpr.Slot(result.base);
    }

    void lowerMacroVariable(VarInfo v, List<LExpr> argv, Map<String, Integer> params) {
        Scope scope = new Scope(v, Map.of(), v.ns, v.var.line(), argv, params);
        SlotDef slot = slots.get(v.base);
        guarded(() -> {
            if (v.var instanceof Stock st) {
                slot.init = unit.expressions.lowerEquation(st.initial().equation(), scope);
                slot.rate = st.netRate() != null ? unit.expressions.lowerEquation(st.netRate().equation(), scope) : unit.variables.flowSum(v, 0, st);
            } else {
                Definition def = Variable.definitionOf(v.var);
                LExpr e = unit.variables.withTable(unit.expressions.lowerEquation(def.equation(), scope), def.graphicalFunction());
                slot.init = e;
                slot.dyn = e;
            }
        });
    }
}
