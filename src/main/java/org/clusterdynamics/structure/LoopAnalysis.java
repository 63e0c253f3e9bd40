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
        List<Loop> loops = LoopFinder.find(graph, maxLoops, l -> signs.get(l).polarity());
        return new LoopAnalysis(graph, run, scores, signs, loops);
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
     * Relative scores per loop structure (R1 for all of R1[North], R1[South]...): the sum of its
     * copies' relative scores within each cycle partition, averaged over the partitions it spans,
     * so that an arrayed model's loops read like its diagram. For a model without arrays this is
     * the relative loop score of each loop.
     */
    public Map<String, double[]> relativeByStructure() {
        int rows = run.rowCount();
        Map<String, Map<Integer, double[]>> byPart = new LinkedHashMap<>();
        for (int i = 0; i < loops.size(); i++) {
            double[] sum = byPart.computeIfAbsent(LoopFinder.structureId(loops.get(i)), k -> new LinkedHashMap<>())
                    .computeIfAbsent(loops.get(i).part(), k -> new double[rows]);
            for (int r = 0; r < rows; r++) {
                sum[r] += relative[i][r];
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        byPart.forEach((id, parts) -> {
            double[] mean = new double[rows];
            for (double[] p : parts.values()) {
                for (int r = 0; r < rows; r++) {
                    mean[r] += p[r] / parts.size();
                }
            }
            out.put(id, mean);
        });
        return out;
    }

    /** The loops (by structure) that explain at least half the change in each period of the run. */
    public List<DominancePeriod> dominance() {
        return DominancePeriod.of(run.times(), relativeByStructure());
    }
}
