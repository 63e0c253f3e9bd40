package org.clusterdynamics.structure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.LExpr;
import org.clusterdynamics.sim.Evaluator;
import org.clusterdynamics.sim.Frame;
import org.clusterdynamics.sim.Interpreter;

/**
 * Link scores over a run, as Loops That Matter defines them (Schoenberg, Davidsen and Eberlein,
 * SDR 2020; flow-to-stock links as corrected by Schoenberg, Hayward and Eberlein, SDR 2023).
 *
 * <p>For z = f(x, y) the score of x -> z at time t is |Δx(z) / Δz| · sign(Δx(z) / Δx), where Δz
 * and Δx are the changes from t - dt to t and Δx(z) = f(x(t), y(t - dt)) - f(x(t - dt), y(t - dt)) is the
 * change z would have made had only x changed; 0 when z or x does not change. For a link into a
 * stock, z is the stock's net rate (the sum of its inflows less its outflows), which is the 2023
 * formula: a flow's change over the change in the stock's net flow, +1 for an inflow, -1 for an
 * outflow. Discrete state (PREVIOUS, DELAY FIXED stages) is scored the same way one step later,
 * since it takes its new value from the step before. Links set by the time loop without an
 * equation (DELAY FIXED's output, conveyor belts) carry the whole change: +1 when both ends change.
 */
public final class LinkScores {
    private final Map<SlotGraph.Link, double[]> scores = new LinkedHashMap<>();
    private final int rows;

    private LinkScores(int rows) {
        this.rows = rows;
    }

    /** The scores of the given links over the run. */
    public static LinkScores compute(SlotGraph graph, Trajectory run, Collection<SlotGraph.Link> links) {
        LinkScores out = new LinkScores(run.rowCount());
        Map<Integer, List<SlotGraph.Link>> byTarget = new LinkedHashMap<>();
        for (SlotGraph.Link l : links) {
            byTarget.computeIfAbsent(l.to(), k -> new ArrayList<>()).add(l);
            out.scores.put(l, new double[run.rowCount()]);
        }
        CompiledModel model = graph.model();
        Frame frame = run.frame(model);
        for (Map.Entry<Integer, List<SlotGraph.Link>> e : byTarget.entrySet()) {
            int z = e.getKey();
            List<SlotGraph.Link> in = e.getValue();
            LExpr eq = graph.equation(z);
            if (eq == null || in.get(0).kind() == SlotGraph.LinkKind.OPAQUE) {
                for (SlotGraph.Link l : in) {
                    opaque(run, l, out.scores.get(l));
                }
                continue;
            }
            int lag = in.get(0).kind() == SlotGraph.LinkKind.STEP_UPDATE ? 1 : 0;
            Evaluator f = Interpreter.build(eq);
            for (int r = 1 + lag; r < run.rowCount(); r++) {
                int before = r - 1 - lag;
                int after = r - lag;
                run.load(frame, after);
                double zAfter = f.eval(frame);
                run.load(frame, before);
                double zBefore = f.eval(frame);
                double dz = zAfter - zBefore;
                for (SlotGraph.Link l : in) {
                    int x = l.from();
                    double xBefore = run.rows[before][x];
                    double dx = run.rows[after][x] - xBefore;
                    double score = 0;
                    if (dz != 0 && dx != 0 && Double.isFinite(dz)) {
                        frame.v[x] = run.rows[after][x];
                        double partial = f.eval(frame) - zBefore;
                        frame.v[x] = xBefore;
                        score = Math.abs(partial / dz) * Math.signum(partial / dx);
                    }
                    out.scores.get(l)[r] = Double.isFinite(score) ? score : 0;
                }
            }
        }
        return out;
    }

    private static void opaque(Trajectory run, SlotGraph.Link l, double[] s) {
        for (int r = 1; r < run.rowCount(); r++) {
            boolean moved = run.rows[r][l.to()] != run.rows[r - 1][l.to()]
                    && run.rows[r][l.from()] != run.rows[r - 1][l.from()];
            s[r] = moved ? 1 : 0;
        }
    }

    /** The scores of a link, one per row of the run (0 where undefined: the first row). */
    public double[] of(SlotGraph.Link link) {
        double[] s = scores.get(link);
        if (s == null) {
            throw new IllegalArgumentException("no scores for the link " + link);
        }
        return s;
    }

    public int rowCount() {
        return rows;
    }

    /** The sign the run gives a link: one sign whenever it is active, or UNKNOWN (never active, or both). */
    public Polarity observedPolarity(SlotGraph.Link link) {
        boolean pos = false;
        boolean neg = false;
        for (double v : of(link)) {
            pos |= v > 0;
            neg |= v < 0;
        }
        return pos && !neg ? Polarity.POSITIVE : neg && !pos ? Polarity.NEGATIVE : Polarity.UNKNOWN;
    }
}
