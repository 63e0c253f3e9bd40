package org.clusterdynamics.sim;

import java.util.List;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Where;

/**
 * The XMILE conveyors of one fixed-step run (isee's "traditional" conveyor): each a ring of slats,
 * one per time step of its transit time, set up once at the initial time and advanced once per
 * step. A conveyor's level, outflow and leakage flows are written into the frame from its slats.
 *
 * <p>Within a step: what leaves (the exit slat, after its leakage) and what leaks are fixed at the
 * step's start, from fractions and contents known then; the admitted inflow is cut to the capacity
 * and the inflow limit after the model's equations are evaluated; at the end of the step the belt
 * moves one slat, and the step's inflow times dt lands on the entry slat.
 */
final class ConveyorBelts {
    private final CompiledModel.Conveyor[] cs;
    private final String source;
    /** Per conveyor: the slat contents, a ring whose exit slat is at {@code heads[c]}. */
    private final double[][] slats;
    private final int[] heads;
    /** Per conveyor, leak and slat: the linear leakage per step of the material on the slat. */
    private final double[][][] linear;
    /** Per conveyor and leak: the zone as steps since entry, {@code from < j <= to}. */
    private final int[][] zoneFrom;
    private final int[][] zoneTo;
    /** Per conveyor and slat: what leaks from it this step (all leaks together). */
    private final double[][] leaking;
    /** Per conveyor: the admitted inflow of this step, kept at the step's start (RK stages overwrite flows). */
    private final double[] admitted;
    /** Per conveyor and leak: the leak fraction kept with the inflow, read when the belt moves. */
    private final double[][] fractions;

    ConveyorBelts(CompiledModel model, double[] v, double dt) {
        List<CompiledModel.Conveyor> list = model.conveyors();
        source = model.source();
        cs = list.toArray(new CompiledModel.Conveyor[0]);
        slats = new double[cs.length][];
        heads = new int[cs.length];
        linear = new double[cs.length][][];
        zoneFrom = new int[cs.length][];
        zoneTo = new int[cs.length][];
        leaking = new double[cs.length][];
        admitted = new double[cs.length];
        fractions = new double[cs.length][];
        for (int c = 0; c < cs.length; c++) {
            setUp(c, v, dt);
        }
    }

    boolean isEmpty() {
        return cs.length == 0;
    }

    /** The number of slats of conveyor {@code c} (its transit time in steps). */
    int length(int c) {
        return slats[c].length;
    }

    private void setUp(int c, double[] v, double dt) {
        CompiledModel.Conveyor k = cs[c];
        double time = v[k.length()];
        if (!Double.isFinite(time) || time < 0) {
            throw new ModelException(Diagnostic.error("E100", new Where(source, k.name(), 0, Double.NaN), "the"
                    + " transit time of conveyor '" + k.name() + "' is " + time + " at the start of the run: give it a"
                    + " positive number"));
        }
        // one slat per time step; a transit time that is not a whole number of steps is rounded, as DELAY FIXED
        int n = Math.max(1, (int) Math.round(time / dt));
        int leaks = k.leaks().size();
        slats[c] = new double[n];
        leaking[c] = new double[n];
        linear[c] = new double[leaks][n];
        zoneFrom[c] = new int[leaks];
        zoneTo[c] = new int[leaks];
        fractions[c] = new double[leaks];
        for (int i = 0; i < leaks; i++) {
            CompiledModel.ConveyorLeak l = k.leaks().get(i);
            fractions[c][i] = v[l.fraction()];
            int from = (int) Math.round(l.zoneStart() * n);
            int to = (int) Math.round(l.zoneEnd() * n);
            if (to <= from) { // a zone shorter than one slat still leaks, on one slat
                to = Math.min(n, from + 1);
                from = to - 1;
            }
            zoneFrom[c][i] = from;
            zoneTo[c][i] = to;
        }
        // the initial contents in the steady state of a constant inflow: a unit entering, step by step
        double[] profile = new double[n];
        double[] perStep = new double[leaks];
        for (int i = 0; i < leaks; i++) {
            perStep[i] = k.exponentialLeak() ? 0 : fractions[c][i] / (zoneTo[c][i] - zoneFrom[c][i]);
        }
        double left = 1;
        double sum = 0;
        for (int j = 1; j <= n; j++) {
            profile[j - 1] = left;
            sum += left;
            double start = left;
            for (int i = 0; i < leaks; i++) {
                if (j > zoneFrom[c][i] && j <= zoneTo[c][i]) {
                    double want = k.exponentialLeak() ? start * fractions[c][i] * dt : perStep[i];
                    left -= clamp(want, left);
                }
            }
        }
        double entered = v[k.stock()] / sum;
        double level = 0;
        for (int j = 1; j <= n; j++) {
            int slat = n - j; // heads start at 0: the exit slat (j = n) is index 0
            slats[c][slat] = entered * profile[j - 1];
            level += slats[c][slat];
            for (int i = 0; i < leaks; i++) {
                linear[c][i][slat] = entered * perStep[i];
            }
        }
        v[k.stock()] = level;
        release(c, v, dt);
    }

    private static double clamp(double want, double available) {
        return Math.max(0, Math.min(want, available));
    }

    /** Sets the outflow and leakage flows of conveyor {@code c} for the coming step. */
    private void release(int c, double[] v, double dt) {
        CompiledModel.Conveyor k = cs[c];
        double[] s = slats[c];
        double[] out = leaking[c];
        int n = s.length;
        int leaks = k.leaks().size();
        for (int i = 0; i < leaks; i++) {
            v[k.leaks().get(i).flow()] = 0;
        }
        double exitLeft = 0;
        for (int r = 1; r <= n; r++) { // r steps left until the slat leaves
            int slat = (heads[c] + r - 1) % n;
            int j = n - r + 1; // the step since entry that this slat is on
            double content = s[slat];
            double left = content;
            for (int i = 0; i < leaks; i++) {
                if (j > zoneFrom[c][i] && j <= zoneTo[c][i]) {
                    CompiledModel.ConveyorLeak l = k.leaks().get(i);
                    double want = k.exponentialLeak() ? content * fractions[c][i] * dt : linear[c][i][slat];
                    double taken = clamp(want, left);
                    left -= taken;
                    v[l.flow()] += taken / dt;
                }
            }
            out[slat] = content - left;
            if (r == 1) {
                exitLeft = left;
            }
        }
        v[k.outflow()] = exitLeft / dt;
    }

    /**
     * Cuts the inflows to what the conveyors admit: none negative (XMILE conveyor inflows are
     * uniflows), at most the inflow limit per unit of time and what the capacity leaves room for
     * once this step's outflow and leakage are gone; the first listed inflow is served first.
     */
    void admit(double[] v, double dt) {
        for (CompiledModel.Conveyor k : cs) {
            double room = Double.POSITIVE_INFINITY;
            if (k.inflowLimit() >= 0) {
                room = v[k.inflowLimit()];
            }
            if (k.capacity() >= 0) {
                double leaving = v[k.outflow()];
                for (int i = 0; i < k.leaks().size(); i++) { // no iterator: nothing allocated per step
                    leaving += v[k.leaks().get(i).flow()];
                }
                room = Math.min(room, (v[k.capacity()] - v[k.stock()]) / dt + leaving);
            }
            room = Math.max(room, 0);
            for (int in : k.inflows()) {
                double want = Math.max(v[in], 0);
                v[in] = Math.min(want, room);
                room -= v[in];
            }
        }
    }

    /**
     * Keeps each conveyor's admitted inflow and leak fractions of this step (before Runge-Kutta
     * stages re-evaluate the flows): linear leakage takes the fraction in force when material
     * enters, exponential leakage the fraction of the last step's start.
     */
    void capture(double[] v) {
        for (int c = 0; c < cs.length; c++) {
            double sum = 0;
            for (int in : cs[c].inflows()) {
                sum += v[in];
            }
            admitted[c] = sum;
            for (int i = 0; i < fractions[c].length; i++) {
                fractions[c][i] = v[cs[c].leaks().get(i).fraction()];
            }
        }
    }

    /** Moves every belt one slat: leakage and the exit slat leave, the step's inflow enters. */
    void advance(double[] v, double dt) {
        for (int c = 0; c < cs.length; c++) {
            CompiledModel.Conveyor k = cs[c];
            double[] s = slats[c];
            int n = s.length;
            double[] out = leaking[c];
            for (int slat = 0; slat < n; slat++) {
                s[slat] -= out[slat];
            }
            int entry = heads[c]; // the exit slat, once emptied, becomes the entry slat
            heads[c] = (entry + 1) % n;
            double in = admitted[c] * dt;
            s[entry] = in;
            for (int i = 0; i < k.leaks().size(); i++) {
                linear[c][i][entry] = k.exponentialLeak() ? 0
                        : in * fractions[c][i] / (zoneTo[c][i] - zoneFrom[c][i]);
            }
            double level = 0;
            for (int slat = 0; slat < n; slat++) {
                level += s[slat];
            }
            v[k.stock()] = level;
            release(c, v, dt);
        }
    }
}
