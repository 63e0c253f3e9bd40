package org.clusterdynamics.structure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.expr.Expr;
import org.clusterdynamics.expr.ExprParser;
import org.clusterdynamics.expr.ParseException;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.Flow;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModuleInstance;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.Variable;

/**
 * What a diagram shows of a model: its variables (arrays as one) and the links between them as
 * written in the equations, constants included, which a compiled model folds away: flows into and
 * out of stocks, and connectors from each variable an equation reads.
 */
public final class VariableGraph {

    /** A pipe: a flow leaves {@code from} (a stock, or null for a cloud) and fills {@code to}. */
    public record Pipe(String flow, String from, String to) {}

    /** A connector: {@code to}'s equation reads {@code from}. */
    public record Connector(String from, String to) {}

    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final List<Pipe> pipes = new ArrayList<>();
    private final Set<Connector> connectors = new LinkedHashSet<>();

    private VariableGraph() {}

    /** The graph of a model's main variables; equations that do not parse give no connectors (cdyn check reports them). */
    public static VariableGraph of(Model model) {
        VariableGraph g = new VariableGraph();
        for (Variable v : model.variables()) {
            g.variables.put(v.name().id(), v);
        }
        Map<String, String> from = new LinkedHashMap<>();
        Map<String, String> to = new LinkedHashMap<>();
        for (Variable v : model.variables()) {
            if (v instanceof Stock s) {
                s.inflows().forEach(f -> to.put(f.id(), s.name().id()));
                s.outflows().forEach(f -> from.put(f.id(), s.name().id()));
                if (s.netRate() != null) {
                    // a Vensim INTEG: the variables its rate reads are its flows
                    for (String r : g.reads(s.netRate(), model)) {
                        if (g.variables.containsKey(r)) {
                            to.putIfAbsent(r, s.name().id());
                        }
                    }
                }
            }
        }
        for (Variable v : model.variables()) {
            String id = v.name().id();
            boolean pipe = v instanceof Flow || (!(v instanceof Stock) && (to.containsKey(id) || from.containsKey(id)));
            if (pipe) {
                g.pipes.add(new Pipe(id, from.get(id), to.get(id)));
            }
            Definition d = v instanceof Flow f ? f.definition() : v instanceof Aux a ? a.definition() : null;
            if (d != null) {
                for (String r : g.reads(d, model)) {
                    if (g.variables.containsKey(r) && !r.equals(id)) {
                        g.connectors.add(new Connector(r, id));
                    }
                }
            }
            if (v instanceof ModuleInstance m) {
                for (ModuleInstance.Connection c : m.connections()) {
                    String src = VarName.canonical(c.from());
                    if (g.variables.containsKey(src)) {
                        g.connectors.add(new Connector(src, id));
                    }
                }
            }
        }
        return g;
    }

    private Set<String> reads(Definition d, Model model) {
        Set<String> out = new LinkedHashSet<>();
        if (d.equation() != null) {
            collect(d.equation().text(), model, out);
        }
        for (ElementDefinition e : d.elements()) {
            if (e.equation() != null) {
                collect(e.equation().text(), model, out);
            }
        }
        return out;
    }

    private static void collect(String text, Model model, Set<String> out) {
        try {
            walk(ExprParser.parse(text, model.dialect()), out);
        } catch (ParseException | RuntimeException e) {
            // an equation that does not parse draws no connectors; cdyn check names it
        }
    }

    private static void walk(Expr e, Set<String> out) {
        if (e instanceof Expr.Ref r) {
            out.add(r.name().id());
            r.subscripts().forEach(s -> {
                if (s instanceof org.clusterdynamics.expr.Subscript.Index i) {
                    walk(i.index(), out);
                }
            });
        } else if (e instanceof Expr.Unary u) {
            walk(u.operand(), out);
        } else if (e instanceof Expr.Binary b) {
            walk(b.left(), out);
            walk(b.right(), out);
        } else if (e instanceof Expr.If i) {
            walk(i.condition(), out);
            walk(i.then(), out);
            walk(i.otherwise(), out);
        } else if (e instanceof Expr.Call c) {
            // a table called like a function is a variable too
            out.add(c.function());
            c.args().forEach(a -> walk(a, out));
        }
    }

    /**
     * The graph without constants and tables that read nothing (parameters and switches), which a
     * large model's diagram is unreadable with; stocks and flows always stay.
     */
    public VariableGraph withoutConstants() {
        Set<String> fed = new java.util.HashSet<>();
        connectors.forEach(c -> fed.add(c.to()));
        Set<String> flows = new java.util.HashSet<>();
        pipes.forEach(p -> flows.add(p.flow()));
        VariableGraph g = new VariableGraph();
        variables.forEach((id, v) -> {
            if (v instanceof Stock || flows.contains(id) || fed.contains(id)) {
                g.variables.put(id, v);
            }
        });
        g.pipes.addAll(pipes);
        for (Connector c : connectors) {
            if (g.variables.containsKey(c.from()) && g.variables.containsKey(c.to())) {
                g.connectors.add(c);
            }
        }
        return g;
    }

    public Map<String, Variable> variables() {
        return variables;
    }

    public List<Pipe> pipes() {
        return pipes;
    }

    public Set<Connector> connectors() {
        return connectors;
    }
}
