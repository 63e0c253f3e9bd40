package org.clusterdynamics.sim;

import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.Ops;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Texts;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.model.Method;

/**
 * One fixed-step run of a {@link Simulator}: Euler, RK2 or RK4 with auxiliaries at every evaluation
 * point, discrete state (PREVIOUS, DELAY FIXED, conveyors) moved once per step, and rows saved at
 * save steps, or at changing save steps when the model sets its time controls by equations.
 */
final class FixedStepRunner {
    private final Simulator sim;
    private final Simulator.Settings s;
    private final CompiledModel model;
    private final int[] stockSlots;
    private final int[] updSlots;
    private final int[] delayOut;

    FixedStepRunner(Simulator sim, Simulator.Settings s) {
        this.sim = sim;
        this.s = s;
        this.model = sim.model();
        this.stockSlots = sim.stockSlots;
        this.updSlots = sim.updSlots;
        this.delayOut = sim.delayOut;
    }

    /** Runs and hands each saved row to rec; returns the number of rows. */
    int run(Simulator.Recorder rec) {
        Frame f = sim.newFrame(s);
        double[] v = f.v;
        Kernel kernel = sim.start(f, s, new boolean[model.slotCount()]);
        DelayLines delays = new DelayLines(f, s.dt(), kernel);
        ConveyorBelts belts = new ConveyorBelts(model, v, s.dt());
        int nStocks = stockSlots.length;
        double[] y0 = new double[nStocks];
        double[] k1 = new double[nStocks];
        double[] k2 = new double[nStocks];
        double[] k3 = new double[nStocks];
        double[] k4 = new double[nStocks];
        double[] upd = new double[updSlots.length];
        double[] delayInputs = new double[sim.delayInputCount()];
        int row = 0;
        double dt = s.dt();
        CompiledModel.RunControls controls = s.controls();
        boolean following = controls.any();
        double t0 = s.start();
        double nextSave = s.start();
        for (int k = 0; ; k++) {
            f.time = following ? t0 : s.start() + k * dt;
            f.step = k;
            t0 = f.time;
            // also at the start: ACTIVE INITIAL reports its active value once stocks are initialised
            kernel.dynamic(f);
            if (following) {
                // Vensim's control variables given by equations: this step's settings
                dt = controls.dt() >= 0 ? v[controls.dt()] : dt;
                f.dt = dt;
                f.stop = controls.stop() >= 0 ? v[controls.stop()] : f.stop;
                f.saveStep = controls.saveStep() >= 0 ? v[controls.saveStep()] : f.saveStep;
                if (!(dt > 0) || !(f.saveStep > 0)) {
                    throw new ModelException(Diagnostic.error("E013", Where.file(model.source()), "at time "
                            + Texts.number(t0) + " the time step (" + Texts.number(dt) + ") or the save step ("
                            + Texts.number(f.saveStep) + ") is not positive"));
                }
            }
            belts.admit(v, dt);
            sim.limitOutflows(kernel, f, dt);
            sim.checkStop(k, t0);
            if (following ? t0 >= nextSave - Ops.TIME_EPS : k % s.saveEvery() == 0) {
                rec.record(row++, f);
                nextSave = t0 + f.saveStep;
            }
            if (following ? t0 >= f.stop - Ops.TIME_EPS : k >= s.steps()) {
                break;
            }
            // discrete state moves from values at the step's start
            kernel.updates(f, upd);
            kernel.delayInputs(f, delayInputs);
            belts.capture(v);
            kernel.rates(f, k1);
            sim.checkFinite(k1, f.time);
            if (s.method() == Method.EULER) {
                if (model.singlePrecision()) {
                    eulerInSinglePrecision(v, k1, dt);
                } else {
                    kernel.euler(f, k1, dt);
                }
            } else {
                rungeKutta(s.method(), f, kernel, belts, t0, dt, y0, k1, k2, k3, k4);
            }
            for (int i = 0; i < upd.length; i++) {
                v[updSlots[i]] = upd[i];
            }
            delays.advance(delayInputs);
            belts.advance(v, dt);
            t0 += dt;
        }
        return row;
    }

    /** Euler's update as float arithmetic: the product dt * rate, then the sum, each rounded to float. */
    private void eulerInSinglePrecision(double[] v, double[] rates, double dt) {
        for (int i = 0; i < stockSlots.length; i++) {
            float step = (float) (dt * rates[i]);
            v[stockSlots[i]] = (float) (v[stockSlots[i]] + step);
        }
    }

    /** RK2 or RK4 from the rates k1 at the step's start. */
    private void rungeKutta(Method method, Frame f, Kernel kernel, ConveyorBelts belts, double t0, double dt,
            double[] y0, double[] k1, double[] k2, double[] k3, double[] k4) {
        double[] v = f.v;
        int nStocks = stockSlots.length;
        int[] stocks = stockSlots;
        for (int i = 0; i < nStocks; i++) {
            y0[i] = v[stocks[i]];
        }
        if (method == Method.RK2) {
            stage(f, kernel, belts, y0, k1, dt, t0 + dt, k2);
            for (int i = 0; i < nStocks; i++) {
                v[stocks[i]] = y0[i] + dt / 2 * (k1[i] + k2[i]);
            }
            return;
        }
        stage(f, kernel, belts, y0, k1, dt / 2, t0 + dt / 2, k2);
        stage(f, kernel, belts, y0, k2, dt / 2, t0 + dt / 2, k3);
        stage(f, kernel, belts, y0, k3, dt, t0 + dt, k4);
        for (int i = 0; i < nStocks; i++) {
            v[stocks[i]] = y0[i] + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }

    /** Sets stocks to y0 + h*k, time to t, re-evaluates, and writes the rates into out. */
    private void stage(Frame f, Kernel kernel, ConveyorBelts belts, double[] y0, double[] k, double h, double t,
            double[] out) {
        double[] v = f.v;
        for (int i = 0; i < y0.length; i++) {
            v[stockSlots[i]] = y0[i] + h * k[i];
        }
        f.time = t;
        kernel.dynamic(f);
        belts.admit(v, f.dt); // a conveyor's own flows keep their values of the step's start
        sim.limitOutflows(kernel, f, f.dt);
        kernel.rates(f, out);
    }

    /**
     * DELAY FIXED pipelines: ring buffers sized at the initial time. DELAY MATERIAL with a changing
     * delay time follows Vensim's reference (https://vensim.com/documentation/fn_delay_material.html):
     * each step's input leaves after its own step's delay time (at least one TIME STEP, as for DELAY
     * FIXED), inputs leaving at the same step are added, and a step where nothing leaves gives the
     * missing value.
     */
    private final class DelayLines {
        private final double[][] rings;
        private final int[] heads;
        private final Frame frame;
        private final double dt;
        /** Per material delay: amounts by step of leaving (index step % length), and whether any leaves. */
        private final double[][] leaving;
        private final boolean[][] leaves;
        private final int[] material;
        private final boolean[] isMaterial;

        DelayLines(Frame f, double dt, Kernel kernel) {
            frame = f;
            this.dt = dt;
            rings = new double[delayOut.length][];
            heads = new int[delayOut.length];
            double[] times = new double[rings.length];
            double[] initials = new double[rings.length];
            kernel.delaySetup(f, times, initials);
            isMaterial = new boolean[rings.length];
            for (int i = 0; i < rings.length; i++) {
                isMaterial[i] = model.delays().get(i).material();
            }
            material = java.util.stream.IntStream.range(0, rings.length).filter(i -> isMaterial[i]).toArray();
            leaving = new double[material.length][];
            leaves = new boolean[material.length][];
            for (int i = 0; i < rings.length; i++) {
                double time = times[i];
                int n = Math.max(1, (int) Math.round(time / dt));
                if (time <= 0) {
                    n = 0;
                }
                rings[i] = new double[n];
                java.util.Arrays.fill(rings[i], initials[i]);
            }
            for (int j = 0; j < material.length; j++) {
                // the initial value leaves at every step before the first input can
                int n = (int) Math.min(steps(times[material[j]]), Math.max(1L, s.steps() + 1L));
                leaving[j] = new double[Math.max(8, 2 * n)];
                leaves[j] = new boolean[leaving[j].length];
                for (int k = 1; k < n; k++) {
                    leaving[j][k] = initials[material[j]];
                    leaves[j][k] = true;
                }
            }
        }

        /** Whole steps of a delay time: at least one, as DELAY FIXED's shortest delay. */
        private int steps(double time) {
            return time > dt ? (int) Math.round(time / dt) : 1;
        }

        void advance(double[] inputs) {
            for (int j = 0, m = 0; j < material.length; j++, m += 2) {
                int i = material[j];
                int base = rings.length + m;
                moveMaterial(j, i, inputs[i], steps(inputs[base]), inputs[base + 1]);
            }
            for (int i = 0; i < rings.length; i++) {
                if (isMaterial[i]) {
                    continue;
                }
                double[] ring = rings[i];
                if (ring.length == 0) {
                    frame.v[delayOut[i]] = inputs[i];
                    continue;
                }
                // the oldest entry leaves as the output for the next step
                ring[heads[i]] = inputs[i];
                heads[i] = (heads[i] + 1) % ring.length;
                frame.v[delayOut[i]] = ring[heads[i]];
            }
        }

        /** At the end of step k: this step's input is booked to leave n steps on; step k + 1's amount leaves. */
        private void moveMaterial(int j, int i, double input, int n, double missing) {
            int k = (int) frame.step;
            // what would leave after the last step never shows: no room is kept for it
            n = (int) Math.min(n, Math.max(1L, s.steps() - k + 1L));
            if (n >= leaving[j].length) {
                grow(j, k, n);
            }
            int len = leaving[j].length;
            int at = (k + n) % len;
            leaving[j][at] += input;
            leaves[j][at] = true;
            int next = (k + 1) % len;
            frame.v[delayOut[i]] = leaves[j][next] ? leaving[j][next] : missing;
            leaving[j][next] = 0;
            leaves[j][next] = false;
        }

        /** Room for amounts up to n steps ahead of step k (rare: only when the delay time grows past the buffer). */
        private void grow(int j, int k, int n) {
            int old = leaving[j].length;
            int len = Math.max(2 * old, n + 1);
            double[] amounts = new double[len];
            boolean[] any = new boolean[len];
            for (int step = k + 1; step < k + old; step++) {
                amounts[step % len] = leaving[j][step % old];
                any[step % len] = leaves[j][step % old];
            }
            leaving[j] = amounts;
            leaves[j] = any;
        }
    }
}
