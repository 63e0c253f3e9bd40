package org.clusterdynamics.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.Dimension;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.Flow;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModuleInstance;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.Variable;

/**
 * Declarations: the dimensions with their element ids, every variable of the model and its modules
 * (flattened into namespaces), and a slot per element of each variable.
 */
final class Declarations extends CompilerPass {

    /** The most values (array elements included) one model may hold: about a gigabyte of slots. */
    static final int MAX_VALUES = 5_000_000;

    Declarations(Compilation unit) {
        super(unit);
    }

    void addDimension(Dimension d) {
        List<String> ids = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (String e : d.elements()) {
            ids.add(VarName.canonical(e));
            written.add(VarName.cleanWritten(e));
        }
        List<String> maps = new ArrayList<>();
        Map<String, List<String>> lists = new java.util.HashMap<>();
        for (String m : d.mapsTo()) {
            int colon = m.indexOf(':');
            String target = VarName.canonical(colon < 0 ? m : m.substring(0, colon));
            maps.add(target);
            if (colon >= 0) {
                lists.put(target, java.util.Arrays.stream(m.substring(colon + 1).split(",")).map(String::strip)
                        .filter(x -> !x.isEmpty()).map(VarName::canonical).toList());
            }
        }
        dims.put(d.name().id(), new DimInfo(d.name().id(), d.name().asWritten(), ids, written, List.copyOf(maps),
                Map.copyOf(lists)));
    }

    /** Allocates slots for every variable of a model (and, recursively, its modules). */
    void declare(Model m, String ns) {
        for (Variable v : m.variables()) {
            List<DimInfo> dl = new ArrayList<>();
            for (String dn : v.dimensions()) {
                DimInfo d = dims.get(VarName.canonical(dn));
                if (d == null) {
                    diags.error("E006", where(v, ns), "the dimension '" + dn + "' of '" + v.name().asWritten()
                            + "' is not defined: define it among the model's dimensions or correct the name");
                    continue;
                }
                dl.add(d);
            }
            String key = ns + v.name().id();
            if (vars.containsKey(key)) {
                diags.error("E008", where(v, ns), "'" + v.name().asWritten() + "' is defined twice: rename or remove one");
                continue;
            }
            VarInfo info = new VarInfo(v, ns, dl);
            vars.put(key, info);
            if (v instanceof ModuleInstance mi) {
                Model sub = model.subModels().get(VarName.canonical(mi.modelName()));
                if (sub == null) {
                    diags.error("E009", where(v, ns), "module '" + mi.name().asWritten() + "' uses the model '"
                            + mi.modelName() + "', which the file does not define");
                    continue;
                }
                declare(sub, key + ".");
                continue;
            }
            if (info.isTableOnly()) {
                info.tables = tablesOf(info);
                continue;
            }
            if ((long) slots.size() + info.count > MAX_VALUES) {
                diags.error("E014", where(v, ns), "'" + info.qualifiedWritten + "' has " + info.count + " elements, which"
                        + " takes the model past the " + MAX_VALUES + " values the engine holds: check the sizes of"
                        + " its dimensions");
                diags.throwIfErrors();
            }
            info.base = slots.size();
            SlotKind kind = v instanceof Stock ? SlotKind.STOCK : v instanceof Flow ? SlotKind.FLOW : SlotKind.AUX;
            for (int k = 0; k < info.count; k++) {
                slots.add(new SlotDef(info.elementName(k), kind, v.units(), info, v.line()));
            }
        }
        // module connections: an input inside the module becomes an alias of the outer variable
        for (Variable v : m.variables()) {
            if (v instanceof ModuleInstance mi) {
                String modKey = ns + mi.name().id();
                for (ModuleInstance.Connection c : mi.connections()) {
                    String to = VarName.canonical(c.to());
                    String from = VarName.canonical(c.from());
                    String inner = to.startsWith(mi.name().id() + ".") ? ns + to : modKey + "." + to;
                    VarInfo innerVar = vars.get(inner);
                    VarInfo outerVar = vars.get(ns + from);
                    if (innerVar == null || outerVar == null) {
                        diags.error("E009", where(v, ns), "module connection " + c.from() + " -> " + c.to()
                                + " names a variable that does not exist");
                        continue;
                    }
                    innerVar.alias = outerVar;
                }
            }
        }
    }

    List<GraphicalFunction> tablesOf(VarInfo info) {
        Definition def = Variable.definitionOf(info.var);
        List<GraphicalFunction> out = new ArrayList<>();
        for (int k = 0; k < info.count; k++) {
            out.add(null);
        }
        if (!def.isPerElement()) {
            for (int k = 0; k < info.count; k++) {
                out.set(k, def.graphicalFunction());
            }
            return out;
        }
        for (ElementDefinition ed : def.elements()) {
            for (Map<String, String> b : unit.elements.expandSubscripts(info, ed)) {
                out.set(unit.elements.offsetFor(info, b), ed.graphicalFunction());
            }
        }
        return out;
    }
}
