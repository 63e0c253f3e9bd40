package org.clusterdynamics.structure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Where;
import org.jgrapht.alg.cycle.JohnsonSimpleCycles;
import org.jgrapht.graph.AsSubgraph;

/**
 * Enumerates a model's feedback loops: every elementary cycle of its link graph (Johnson's
 * algorithm, per strongly connected part), stopping with a message beyond a cap, since a large
 * model can have millions (World3 has hundreds of thousands).
 */
public final class LoopFinder {
    /** The default cap on the number of loops enumerated. */
    public static final int DEFAULT_MAX_LOOPS = 20_000;

    private LoopFinder() {}

    /** Thrown inside the enumeration to stop it at the cap. */
    private static final class TooMany extends RuntimeException {
        TooMany() {
            super(null, null, false, false);
        }
    }

    /** Cycles as found, each with its cycle partition; {@code complete} is false when a search stopped at the cap. */
    public record Cycles(List<int[]> cycles, List<Integer> parts, boolean complete) {}

    /** Every elementary cycle, or an incomplete result when there are more than {@code maxLoops}. */
    public static Cycles enumerate(SlotGraph graph, int maxLoops) {
        List<Set<Integer>> parts = graph.cyclicParts();
        List<int[]> cycles = new ArrayList<>();
        List<Integer> partOf = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            AsSubgraph<Integer, SlotGraph.Link> sub = new AsSubgraph<>(graph.graph(), parts.get(p));
            int part = p;
            try {
                new JohnsonSimpleCycles<>(sub).findSimpleCycles(c -> {
                    if (cycles.size() >= maxLoops) {
                        throw new TooMany();
                    }
                    cycles.add(startAtStock(graph, c));
                    partOf.add(part);
                });
            } catch (TooMany e) {
                return new Cycles(cycles, partOf, false);
            }
        }
        return new Cycles(cycles, partOf, true);
    }

    /** The message for a model with more loops than the cap. */
    static String tooManyMessage(SlotGraph graph, int maxLoops) {
        List<Set<Integer>> parts = graph.cyclicParts();
        return "the model has more than " + maxLoops + " feedback loops (" + graph.model().slotCount()
                + " values, the largest feedback part has " + parts.get(0).size() + ")";
    }

    /** Stops with a message when a model has more loops than the cap. */
    public static List<Loop> find(SlotGraph graph, int maxLoops, Function<SlotGraph.Link, Polarity> linkPolarity) {
        Cycles c = enumerate(graph, maxLoops);
        if (!c.complete()) {
            throw new ModelException(Diagnostic.error("LOOPS_TOO_MANY", Where.file(graph.model().source()),
                    tooManyMessage(graph, maxLoops) + "; listing stops there: raise the cap with --max-loops N, or"
                            + " score the loops (--scores), which finds the loops that matter by their strength"));
        }
        return build(graph, c, linkPolarity);
    }

    /** Loops of the given cycles, numbered R1.., B1.., U1.. by length then name. */
    public static List<Loop> build(SlotGraph graph, Cycles c, Function<SlotGraph.Link, Polarity> linkPolarity) {
        List<Loop> loops = new ArrayList<>();
        for (int i = 0; i < c.cycles().size(); i++) {
            loops.add(build(graph, c.cycles().get(i), c.parts().get(i), linkPolarity));
        }
        loops.sort(Comparator.comparingInt((Loop l) -> l.structure().size())
                .thenComparing(l -> String.join(" -> ", l.structure())).thenComparing(Loop::path));
        return number(loops);
    }

    /** Rotates a cycle to start at its first stock (lowest slot), so that listings are stable. */
    static int[] startAtStock(SlotGraph g, List<Integer> c) {
        int start = 0;
        int best = Integer.MAX_VALUE;
        for (int i = 0; i < c.size(); i++) {
            int s = c.get(i);
            int rank = (g.isStock(s) ? 0 : 1_000_000_000) + s;
            if (rank < best) {
                best = rank;
                start = i;
            }
        }
        int[] out = new int[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.get((start + i) % c.size());
        }
        return out;
    }

    private static Loop build(SlotGraph g, int[] slots, int part, Function<SlotGraph.Link, Polarity> linkPolarity) {
        List<SlotGraph.Link> links = new ArrayList<>();
        Polarity p = Polarity.POSITIVE;
        for (int i = 0; i < slots.length; i++) {
            SlotGraph.Link l = g.link(slots[i], slots[(i + 1) % slots.length]);
            links.add(l);
            p = p.times(linkPolarity.apply(l));
        }
        // helper slots of one variable (a SMOOTH's stock and output) show as that variable once
        List<String> names = new ArrayList<>();
        List<String> structure = new ArrayList<>();
        for (int s : slots) {
            String n = g.displayName(s);
            if (names.isEmpty() || !names.get(names.size() - 1).equals(n)) {
                names.add(n);
                structure.add(g.variableName(s));
            }
        }
        if (names.size() > 1 && names.get(0).equals(names.get(names.size() - 1))) {
            names.remove(names.size() - 1);
            structure.remove(structure.size() - 1);
        }
        return new Loop("", slots, names, structure, links, p, part);
    }

    /**
     * Numbers loops by structure: the element copies of one arrayed loop share a number (R1[North],
     * R1[South]), so that a listing reads as the model's diagram does.
     */
    private static List<Loop> number(List<Loop> loops) {
        Map<String, Integer> counters = new HashMap<>();
        List<Loop> out = new ArrayList<>();
        for (List<Loop> group : byStructure(loops).values()) {
            Polarity p = group.get(0).polarity();
            for (Loop l : group) {
                p = l.polarity() == p ? p : Polarity.UNKNOWN;
            }
            String letter = p.loopLetter();
            String id = letter + counters.merge(letter, 1, Integer::sum);
            for (Loop l : group) {
                String elements = l.elements();
                out.add(new Loop(elements.isEmpty() ? id
                        : id + "[" + elements + "]", l.slots(), l.variables(), l.structure(), l.links(), l.polarity(),
                        l.part()));
            }
        }
        return out;
    }

    /** The id of a loop's structure: R1 for R1[North] and R1[South]. */
    public static String structureId(Loop loop) {
        int b = loop.id().indexOf('[');
        return b < 0 ? loop.id() : loop.id().substring(0, b);
    }

    /** Loops grouped by their structure: the element copies of one arrayed loop together, in listing order. */
    public static Map<List<String>, List<Loop>> byStructure(List<Loop> loops) {
        Map<List<String>, List<Loop>> m = new LinkedHashMap<>();
        for (Loop l : loops) {
            m.computeIfAbsent(l.structure(), k -> new ArrayList<>()).add(l);
        }
        return m;
    }
}
