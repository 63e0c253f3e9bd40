package org.clusterdynamics.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.expr.Expr;
import org.clusterdynamics.expr.ExprParser;
import org.clusterdynamics.expr.ParseException;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.Flow;
import org.clusterdynamics.model.Macro;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.Variable;

/**
 * Refuses macros that call themselves, directly or through other macros: each call expands the
 * body again, so such a model has no finite form (Vensim refuses it too). Found once, when the
 * model is read, with the macros of the cycle named in order.
 */
final class MacroCycles {
    private MacroCycles() {}

    static void check(Model model) {
        if (model.macros().isEmpty()) {
            return;
        }
        Map<String, Macro> byId = new LinkedHashMap<>();
        for (Macro m : model.macros()) {
            byId.put(m.name().id(), m);
        }
        Map<String, Set<String>> calls = new LinkedHashMap<>();
        for (Macro m : model.macros()) {
            Set<String> out = new LinkedHashSet<>();
            for (Variable v : m.body()) {
                for (Definition d : definitions(v)) {
                    collect(d, model, byId.keySet(), out);
                }
            }
            calls.put(m.name().id(), out);
        }
        for (String start : calls.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> cycle = cycleFrom(start, calls, path, new LinkedHashSet<>());
            if (cycle != null) {
                Macro first = byId.get(cycle.get(0));
                List<String> names = cycle.stream().map(id -> byId.get(id).name().asWritten()).toList();
                String what = cycle.size() == 2 ? "the macro " + names.get(0) + " calls itself"
                        : "the macros " + andList(new ArrayList<>(new LinkedHashSet<>(names))) + " call each other";
                throw new ModelException(Diagnostic.error("MACRO_CYCLE", Where.of(model.sourceName(),
                        first.name().asWritten(), first.line()), what + " (" + String.join(" -> ", names) + "): a macro"
                        + " is expanded at every call, so a cycle never ends; compute the repeated part with a stock or"
                        + " a variable instead of a call"));
            }
        }
    }

    private static String andList(List<String> names) {
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static List<String> cycleFrom(String id, Map<String, Set<String>> calls, List<String> path,
                                          Set<String> done) {
        int at = path.indexOf(id);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(id);
            return cycle;
        }
        if (!done.add(id)) {
            return null;
        }
        path.add(id);
        for (String next : calls.getOrDefault(id, Set.of())) {
            List<String> c = cycleFrom(next, calls, path, done);
            if (c != null) {
                return c;
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    private static List<Definition> definitions(Variable v) {
        List<Definition> out = new ArrayList<>();
        if (v instanceof Stock s) {
            out.add(s.initial());
            out.add(s.netRate());
        } else if (v instanceof Flow f) {
            out.add(f.definition());
        } else if (v instanceof Aux a) {
            out.add(a.definition());
        }
        out.removeIf(d -> d == null);
        return out;
    }

    private static void collect(Definition d, Model model, Set<String> macros, Set<String> out) {
        List<String> texts = new ArrayList<>();
        if (d.equation() != null) {
            texts.add(d.equation().text());
        }
        for (ElementDefinition e : d.elements()) {
            if (e.equation() != null) {
                texts.add(e.equation().text());
            }
        }
        for (String t : texts) {
            try {
                walk(ExprParser.parse(t, model.dialect()), macros, out);
            } catch (ParseException e) {
                // the compiler reports it with its line
            }
        }
    }

    private static void walk(Expr e, Set<String> macros, Set<String> out) {
        if (e instanceof Expr.Call c) {
            if (macros.contains(c.function())) {
                out.add(c.function());
            }
            c.args().forEach(a -> walk(a, macros, out));
        } else if (e instanceof Expr.Unary u) {
            walk(u.operand(), macros, out);
        } else if (e instanceof Expr.Binary b) {
            walk(b.left(), macros, out);
            walk(b.right(), macros, out);
        } else if (e instanceof Expr.If i) {
            walk(i.condition(), macros, out);
            walk(i.then(), macros, out);
            walk(i.otherwise(), macros, out);
        }
    }
}
