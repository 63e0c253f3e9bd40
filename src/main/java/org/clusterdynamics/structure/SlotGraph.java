package org.clusterdynamics.structure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.LExpr;
import org.clusterdynamics.compile.SlotKind;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;

/**
 * The causal links of a compiled model, one node per scalar slot (array elements apart, the
 * stocks and helpers of SMOOTH and DELAY included): x -> z when z's equation, rate or once-a-step
 * update reads x. Only the links that act during a run count; initial-value equations do not.
 */
public final class SlotGraph {

    /** How a link acts, which decides how its score is computed. */
    public enum LinkKind {
        /** z is an auxiliary or flow recomputed at every evaluation from x. */
        INSTANT,
        /** z is a stock whose net rate reads x (a flow, or a Vensim rate expression). */
        TO_STOCK,
        /** z is discrete state set once a step from x (PREVIOUS, DELAY FIXED stages, SAMPLE IF TRUE). */
        STEP_UPDATE,
        /** z is set by the time loop from x without an equation (DELAY FIXED output, conveyor belts). */
        OPAQUE
    }

    /** A link from slot {@code from} to slot {@code to}. */
    public record Link(int from, int to, LinkKind kind) {}

    private final CompiledModel model;
    private final Graph<Integer, Link> graph = new DefaultDirectedGraph<>(Link.class);
    private final Map<Integer, LExpr> equations = new HashMap<>();
    private final Map<Integer, LinkKind> targetKinds = new HashMap<>();

    private SlotGraph(CompiledModel model) {
        this.model = model;
    }

    /** The links of a compiled model. */
    public static SlotGraph of(CompiledModel model) {
        SlotGraph g = new SlotGraph(model);
        for (int i = 0; i < model.slotCount(); i++) {
            g.graph.addVertex(i);
        }
        for (CompiledModel.Assignment a : model.dynamicOrder()) {
            g.addAll(a.slot(), a.expr(), LinkKind.INSTANT);
        }
        for (CompiledModel.StockRate r : model.stocks()) {
            g.addAll(r.slot(), r.rate(), LinkKind.TO_STOCK);
        }
        for (CompiledModel.Assignment a : model.stepUpdates()) {
            g.addAll(a.slot(), a.expr(), LinkKind.STEP_UPDATE);
        }
        for (CompiledModel.FixedDelay d : model.delays()) {
            for (int from : refs(d.input())) {
                g.add(from, d.output(), LinkKind.OPAQUE);
            }
        }
        for (CompiledModel.Conveyor c : model.conveyors()) {
            for (int in : c.inflows()) {
                g.add(in, c.stock(), LinkKind.TO_STOCK);
            }
            g.add(c.stock(), c.outflow(), LinkKind.OPAQUE);
            g.add(c.outflow(), c.stock(), LinkKind.TO_STOCK);
            for (CompiledModel.ConveyorLeak leak : c.leaks()) {
                g.add(c.stock(), leak.flow(), LinkKind.OPAQUE);
                g.add(leak.flow(), c.stock(), LinkKind.TO_STOCK);
            }
        }
        return g;
    }

    private void addAll(int target, LExpr e, LinkKind kind) {
        equations.put(target, e);
        targetKinds.put(target, kind);
        for (int from : refs(e)) {
            add(from, target, kind);
        }
    }

    private void add(int from, int to, LinkKind kind) {
        if (!graph.containsEdge(from, to)) {
            graph.addEdge(from, to, new Link(from, to, kind));
        }
    }

    /** The slots an expression reads, each once, in order of appearance. */
    public static Set<Integer> refs(LExpr e) {
        Set<Integer> out = new LinkedHashSet<>();
        collect(e, out);
        return out;
    }

    private static void collect(LExpr e, Set<Integer> out) {
        if (e instanceof LExpr.Slot s) {
            out.add(s.index());
        } else if (e instanceof LExpr.Unary u) {
            collect(u.operand(), out);
        } else if (e instanceof LExpr.Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (e instanceof LExpr.If i) {
            collect(i.condition(), out);
            collect(i.then(), out);
            collect(i.otherwise(), out);
        } else if (e instanceof LExpr.Fn f) {
            f.args().forEach(a -> collect(a, out));
        } else if (e instanceof LExpr.Lookup l) {
            collect(l.x(), out);
        } else if (e instanceof LExpr.Random r) {
            r.args().forEach(a -> collect(a, out));
        } else if (e instanceof LExpr.ArrayFn a) {
            a.inputs().forEach(x -> collect(x, out));
            a.params().forEach(x -> collect(x, out));
        }
    }

    public CompiledModel model() {
        return model;
    }

    /** The JGraphT graph (read only by convention). */
    public Graph<Integer, Link> graph() {
        return graph;
    }

    /** The equation that computes slot z from its inputs (its rate for a stock), or null. */
    public LExpr equation(int z) {
        return equations.get(z);
    }

    public Link link(int from, int to) {
        return graph.getEdge(from, to);
    }

    /**
     * The strongly connected parts that can hold a feedback loop (more than one slot, or a slot
     * that reads itself), largest first. Loops never leave their part, so each part is searched
     * alone, and loop scores are compared only within a part (LTM's cycle partitions).
     */
    public List<Set<Integer>> cyclicParts() {
        List<Set<Integer>> parts = new ArrayList<>();
        for (Set<Integer> c : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            if (c.size() > 1 || graph.containsEdge(c.iterator().next(), c.iterator().next())) {
                parts.add(c);
            }
        }
        parts.sort((a, b) -> Integer.compare(b.size(), a.size()));
        return parts;
    }

    /** True for the slots a modeller sees as a stock (the stocks SMOOTH and DELAY hide included). */
    public boolean isStock(int slot) {
        SlotKind k = model.slotKinds()[slot];
        return k == SlotKind.STOCK || k == SlotKind.HIDDEN_STOCK || k == SlotKind.DISCRETE;
    }

    /** The name of a slot as the modeller knows it: the variable (with its element) a helper slot belongs to. */
    public String displayName(int slot) {
        return SlotNames.display(model.slotNames()[slot]);
    }

    /** The variable of a slot without its element: {@code Sales[North]} and its helpers give {@code Sales}. */
    public String variableName(int slot) {
        return SlotNames.variable(model.slotNames()[slot]);
    }
}
