package org.clusterdynamics.structure;

import java.util.ArrayList;
import java.util.List;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.sim.Frame;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;

/**
 * Every slot's value at every time step of one run (helpers of SMOOTH and DELAY included), which
 * link scores need: each is computed from the change between two consecutive steps.
 */
public final class Trajectory {
    /** At most this many values are kept (8 bytes each), so that a huge model fails with a message, not a crash. */
    static final long MAX_VALUES = 40_000_000L;

    final double[] times;
    final double[][] rows;
    /** Each row's random draws, so that re-evaluating an equation sees the run's draws. */
    final double[][] draws;
    final double dt;
    final double start;
    final double stop;
    final double saveStep;

    private Trajectory(double[] times, double[][] rows, double[][] draws, double dt, double start, double stop,
            double saveStep) {
        this.times = times;
        this.rows = rows;
        this.draws = draws;
        this.dt = dt;
        this.start = start;
        this.stop = stop;
        this.saveStep = saveStep;
    }

    /** Runs the model once, keeping every step. */
    public static Trajectory record(CompiledModel model, RunOptions options) {
        Method method = options.method() != null ? options.method() : model.specs().method();
        double dt = Double.isNaN(options.dt()) ? model.specs().dt() : options.dt();
        RunOptions o = method == Method.ADAPTIVE ? options : options.withSaveStep(dt);
        Simulator sim = new Simulator(model);
        int steps = sim.stepCount(o);
        long values = (long) (steps + 1) * model.slotCount();
        if (values > MAX_VALUES) {
            throw new ModelException(Diagnostic.error("LOOPS_TOO_LONG", Where.file(model.source()), "the loop scores"
                    + " need every value at every step: " + (steps + 1) + " steps x " + model.slotCount()
                    + " values is more than " + MAX_VALUES + "; take a longer time step (--dt) or a shorter run"
                    + " (--stop)"));
        }
        List<double[]> rows = new ArrayList<>();
        List<double[]> draws = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        double[] settings = new double[4];
        sim.run(o, (row, f) -> {
            rows.add(f.v.clone());
            draws.add(f.drawn.clone());
            times.add(f.time);
            settings[0] = f.dt;
            settings[1] = f.start;
            settings[2] = f.stop;
            settings[3] = f.saveStep;
        });
        double[] t = new double[times.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = times.get(i);
        }
        return new Trajectory(t, rows.toArray(new double[0][]), draws.toArray(new double[0][]), settings[0],
                settings[1], settings[2], settings[3]);
    }

    public double[] times() {
        return times;
    }

    public int rowCount() {
        return times.length;
    }

    /** A frame to evaluate equations at a row: run settings set, random draws as in the run. */
    Frame frame(CompiledModel model) {
        Frame f = new Frame(model.slotCount(), model.randomStreams());
        f.dt = dt;
        f.start = start;
        f.stop = stop;
        f.saveStep = saveStep;
        return f;
    }

    /** Loads row r into the frame (values, time, draws). */
    void load(Frame f, int r) {
        System.arraycopy(rows[r], 0, f.v, 0, f.v.length);
        f.time = times[r];
        f.step = r;
        if (f.drawn.length > 0) {
            System.arraycopy(draws[r], 0, f.drawn, 0, f.drawn.length);
            java.util.Arrays.fill(f.drawnAt, r);
        }
    }
}
