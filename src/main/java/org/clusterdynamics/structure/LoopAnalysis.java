package org.clusterdynamics.structure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.sim.RunOptions;

/**
 * A model's feedback loops with their polarities and, over one run, their loop scores (the product
 * of their link scores), relative loop scores (a loop's score over the sum of the absolute scores of
 * the loops of its cycle partition) and the loops that dominate each period.
 */
public final class LoopAnalysis {
    private final SlotGraph graph;
    private final Trajectory run;
    private final LinkScores linkScores;
    private final Map<SlotGraph.Link, LinkSign> linkSigns;
    private final List<Loop> loops;
    private final double[][] scores;
    private final double[][] relative;

    private boolean exhaustive = true;

    /**
     * True when every loop was listed; false when the model had more loops than the cap and the
     * loops shown are those the strongest-path search found (the ones that matter at some step).
     */
    public boolean exhaustive() {
        return exhaustive;
    }

    /** A link's polarity and where it comes from: "equation" or "run" (the sign the run showed). */
    public record LinkSign(Polarity polarity, String source) {}

    private LoopAnalysis(SlotGraph graph, Trajectory run, LinkScores linkScores, Map<SlotGraph.Link, LinkSign> signs,
            List<Loop> loops) {
        this.graph = graph;
        this.run = run;
        this.linkScores = linkScores;
        this.linkSigns = signs;
        this.loops = loops;
        int rows = run.rowCount();
        scores = new double[loops.size()][rows];
        relative = new double[loops.size()][rows];
        for (int i = 0; i < loops.size(); i++) {
            double[] s = scores[i];
            java.util.Arrays.fill(s, 1.0);
            for (SlotGraph.Link l : loops.get(i).links()) {
                double[] ls = linkScores.of(l);
                for (int r = 0; r < rows; r++) {
                    s[r] *= ls[r];
                }
            }
        }
        Map<Integer, double[]> totals = new HashMap<>();
        for (int i = 0; i < loops.size(); i++) {
            double[] t = totals.computeIfAbsent(loops.get(i).part(), k -> new double[rows]);
            for (int r = 0; r < rows; r++) {
                t[r] += Math.abs(scores[i][r]);
            }
        }
        for (int i = 0; i < loops.size(); i++) {
            double[] t = totals.get(loops.get(i).part());
            for (int r = 0; r < rows; r++) {
                relative[i][r] = t[r] > 0 && Double.isFinite(t[r]) ? scores[i][r] / t[r] : 0;
            }
        }
    }

    /** Finds the loops of a model and scores them over one run with the given options. */
    public static LoopAnalysis of(CompiledModel model, RunOptions options, int maxLoops) {
        SlotGraph graph = SlotGraph.of(model);
        List<Set<Integer>> parts = graph.cyclicParts();
        List<SlotGraph.Link> links = new ArrayList<>();
        for (Set<Integer> part : parts) {
            for (SlotGraph.Link l : graph.graph().edgeSet()) {
                if (part.contains(l.from()) && part.contains(l.to())) {
                    links.add(l);
                }
            }
        }
        Trajectory run = Trajectory.record(model, options);
        LinkScores scores = LinkScores.compute(graph, run, links);
        LinkSigns analytic = new LinkSigns(constants(graph, run));
        Map<SlotGraph.Link, LinkSign> signs = new LinkedHashMap<>();
        for (SlotGraph.Link l : links) {
            Polarity p = l.kind() == SlotGraph.LinkKind.OPAQUE ? Polarity.POSITIVE
                    : graph.equation(l.to()) == null ? Polarity.UNKNOWN
                    : analytic.derivative(graph.equation(l.to()), l.from());
            if (p == Polarity.POSITIVE || p == Polarity.NEGATIVE) {
                signs.put(l, new LinkSign(p, "equation"));
            } else {
                signs.put(l, new LinkSign(scores.observedPolarity(l), "run"));
            }
        }
        LoopFinder.Cycles cycles = LoopFinder.enumerate(graph, maxLoops);
        boolean complete = cycles.complete();
        if (!complete) {
            cycles = StrongestPathSearch.search(graph, scores, maxLoops);
        }
        List<Loop> loops = LoopFinder.build(graph, cycles, l -> signs.get(l).polarity());
        LoopAnalysis a = new LoopAnalysis(graph, run, scores, signs, loops);
        a.exhaustive = complete;
        return a;
    }

    /** The values of slots that no equation changes during the run; NaN for the others. */
    private static double[] constants(SlotGraph graph, Trajectory run) {
        CompiledModel m = graph.model();
        double[] c = run.rows[0].clone();
        Set<Integer> changing = new HashSet<>();
        m.dynamicOrder().forEach(a -> changing.add(a.slot()));
        m.stocks().forEach(s -> changing.add(s.slot()));
        m.stepUpdates().forEach(a -> changing.add(a.slot()));
        m.delays().forEach(d -> changing.add(d.output()));
        for (CompiledModel.Conveyor cv : m.conveyors()) {
            changing.add(cv.stock());
            changing.add(cv.outflow());
            cv.leaks().forEach(l -> changing.add(l.flow()));
        }
        for (int s : changing) {
            c[s] = Double.NaN;
        }
        return c;
    }

    public List<Loop> loops() {
        return loops;
    }

    public SlotGraph graph() {
        return graph;
    }

    public double[] times() {
        return run.times();
    }

    /** The value of a slot at a row of the run. */
    public double valueAt(int slot, int row) {
        return run.rows[row][slot];
    }

    public LinkScores linkScores() {
        return linkScores;
    }

    public LinkSign linkSign(SlotGraph.Link l) {
        return linkSigns.get(l);
    }

    /** The loop score of loop i (its position in {@link #loops()}) per row of the run. */
    public double[] score(int i) {
        return scores[i];
    }

    /** The relative loop score of loop i per row, in [-1, 1]. */
    public double[] relativeScore(int i) {
        return relative[i];
    }

    /**
     * The polarity the run shows for loop i: the sign of its score whenever it is active, or
     * UNKNOWN when the sign changes (or the loop never acts).
     */
    public Polarity runPolarity(int i) {
        boolean pos = false;
        boolean neg = false;
        for (double v : scores[i]) {
            pos |= v > 0;
            neg |= v < 0;
        }
        return pos && !neg ? Polarity.POSITIVE : neg && !pos ? Polarity.NEGATIVE : Polarity.UNKNOWN;
    }

    /**
     * Relative scores per loop structure within one cycle partition (R1 for all of R1[North],
     * R1[South]... that lie in it): the sum of its copies' relative scores, so that an arrayed
     * model's loops read like its diagram. For a model without arrays these are the relative
     * loop scores of the partition's loops.
     */
    public Map<String, double[]> relativeByStructure(int part) {
        int rows = run.rowCount();
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < loops.size(); i++) {
            if (loops.get(i).part() != part) {
                continue;
            }
            double[] sum = out.computeIfAbsent(LoopFinder.structureId(loops.get(i)), k -> new double[rows]);
            for (int r = 0; r < rows; r++) {
                sum[r] += relative[i][r];
            }
        }
        return out;
    }

    /** The cycle partitions that hold loops, largest first: each is scored and dominated on its own. */
    public List<Integer> parts() {
        java.util.TreeSet<Integer> ps = new java.util.TreeSet<>();
        loops.forEach(l -> ps.add(l.part()));
        return new ArrayList<>(ps);
    }

    /** The stocks of a cycle partition, by variable (elements folded), as the modeller knows them. */
    public List<String> stocksOf(int part) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (Loop l : loops) {
            if (l.part() == part) {
                for (int s : l.slots()) {
                    if (graph.isStock(s)) {
                        names.add(graph.variableName(s));
                    }
                }
            }
        }
        return new ArrayList<>(names);
    }

    /** The loops (by structure) that explain at least half the change in each period of the run, in one partition. */
    public List<DominancePeriod> dominance(int part) {
        // periods no shorter than the model's save step or 1/100 of the run: finer swings are noise to a reader
        double[] t = run.times();
        double span = t.length > 1 ? t[t.length - 1] - t[0] : 0;
        double window = Math.max(Math.max(graph.model().specs().saveStep(), run.dt), span / 100);
        return DominancePeriod.of(run.times(), relativeByStructure(part), window);
    }
}
