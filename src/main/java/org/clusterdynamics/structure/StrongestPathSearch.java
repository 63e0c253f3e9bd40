package org.clusterdynamics.structure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the loops that matter in a model with too many loops to list: at sampled steps of the
 * run, a depth-first search from every stock that follows the strongest links first and drops a
 * path that reaches a variable more weakly than an earlier path did (the strongest-path search of
 * Eberlein and Schoenberg, "Finding the Loops that Matter", 2020). It is a heuristic: a weak loop
 * may be missed, never a loop that dominates at a sampled step by a wide margin.
 */
final class StrongestPathSearch {
    /** At most this many steps are searched, spread evenly over the run. */
    static final int MAX_SAMPLED_STEPS = 200;

    private final SlotGraph graph;
    private final LinkScores scores;
    private final Map<List<Integer>, Integer> found = new LinkedHashMap<>();
    private final int maxLoops;
    private int[][] out;
    private double[][] outScore;
    private double[] best;
    private boolean[] visiting;
    private final ArrayDeque<Integer> stack = new ArrayDeque<>();
    private int target;
    private int currentPart;

    private StrongestPathSearch(SlotGraph graph, LinkScores scores, int maxLoops) {
        this.graph = graph;
        this.scores = scores;
        this.maxLoops = maxLoops;
    }

    /** The loops found, each with its cycle partition. */
    static LoopFinder.Cycles search(SlotGraph graph, LinkScores scores, int maxLoops) {
        StrongestPathSearch s = new StrongestPathSearch(graph, scores, maxLoops);
        List<Set<Integer>> parts = graph.cyclicParts();
        int rows = scores.rowCount();
        int every = Math.max(1, (rows - 1) / MAX_SAMPLED_STEPS);
        for (int p = 0; p < parts.size(); p++) {
            s.currentPart = p;
            for (int r = 1; r < rows && s.found.size() < maxLoops; r += every) {
                s.searchAt(parts.get(p), r);
            }
        }
        List<int[]> cycles = new ArrayList<>();
        List<Integer> partOf = new ArrayList<>();
        s.found.forEach((c, p) -> {
            cycles.add(LoopFinder.startAtStock(graph, c));
            partOf.add(p);
        });
        return new LoopFinder.Cycles(cycles, partOf, s.found.size() < maxLoops);
    }

    private void searchAt(Set<Integer> part, int row) {
        int n = graph.model().slotCount();
        out = new int[n][];
        outScore = new double[n][];
        best = new double[n];
        visiting = new boolean[n];
        Map<Integer, List<double[]>> adj = new HashMap<>();
        for (int v : part) {
            List<double[]> links = new ArrayList<>();
            for (SlotGraph.Link l : graph.graph().outgoingEdgesOf(v)) {
                if (part.contains(l.to())) {
                    double sc = Math.abs(scores.of(l)[row]);
                    if (sc > 0 && Double.isFinite(sc)) {
                        links.add(new double[] {l.to(), sc});
                    }
                }
            }
            // strongest first: the first visit of a variable is then likely its strongest
            links.sort((a, b) -> Double.compare(b[1], a[1]));
            out[v] = links.stream().mapToInt(a -> (int) a[0]).toArray();
            outScore[v] = links.stream().mapToDouble(a -> a[1]).toArray();
            adj.put(v, links);
        }
        for (int v : part) {
            if (graph.isStock(v)) {
                target = v;
                visit(v, 1.0);
                if (found.size() >= maxLoops) {
                    return;
                }
            }
        }
    }

    private void visit(int v, double score) {
        if (visiting[v]) {
            if (v == target) {
                record();
            }
            return;
        }
        if (score < best[v] || found.size() >= maxLoops) {
            return;
        }
        best[v] = score;
        visiting[v] = true;
        stack.addLast(v);
        int[] next = out[v];
        for (int i = 0; i < next.length; i++) {
            visit(next[i], score * outScore[v][i]);
        }
        visiting[v] = false;
        stack.removeLast();
    }

    private void record() {
        Integer[] c = stack.toArray(new Integer[0]);
        // one key per cycle whatever its starting point: rotate to the smallest slot
        int min = 0;
        for (int i = 1; i < c.length; i++) {
            if (c[i] < c[min]) {
                min = i;
            }
        }
        Integer[] key = new Integer[c.length];
        for (int i = 0; i < c.length; i++) {
            key[i] = c[(min + i) % c.length];
        }
        found.putIfAbsent(Arrays.asList(key), currentPart);
    }
}
