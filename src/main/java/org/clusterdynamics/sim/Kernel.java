package org.clusterdynamics.sim;

/**
 * The equations of one model as phases over a frame's flat {@code double[]}: the one interface
 * through which the time loop evaluates a model, whether by interpreter trees or by generated code.
 * A kernel may keep scratch state, so each thread uses its own.
 */
public abstract class Kernel {

    /** Initial values in dependency order; slots marked in {@code fixed} keep the value they have. */
    public abstract void initial(Frame f, boolean[] fixed);

    /** Auxiliaries and flows that change over time, in dependency order, written into the frame. */
    public abstract void dynamic(Frame f);

    /** The stocks' rates, in the order of {@code CompiledModel.stocks()}. */
    public abstract void rates(Frame f, double[] out);

    /**
     * Euler's update of every stock from rates computed at the step's start:
     * {@code stock = stock + dt * rate}, in the order of {@code CompiledModel.stocks()}.
     */
    public abstract void euler(Frame f, double[] rates, double dt);

    /** The next values of discrete state, in the order of {@code CompiledModel.stepUpdates()}. */
    public abstract void updates(Frame f, double[] out);

    /** The inputs of the DELAY FIXED pipelines at this step. */
    public abstract void delayInputs(Frame f, double[] out);

    /** The pipelines' delay times and initial values, once at the initial time. */
    public abstract void delaySetup(Frame f, double[] times, double[] initials);

    /**
     * Whether {@link #limitOutflows} does this model's non-negative stock limits (generated code);
     * otherwise the simulator walks its table of them.
     */
    public boolean limitsOutflows() {
        return false;
    }

    /** Cuts outflows of non-negative stocks to what they can give, exactly as {@code Simulator.limitOutflows}. */
    public void limitOutflows(Frame f, double dt) {
        throw new UnsupportedOperationException("this kernel leaves outflow limits to the simulator");
    }
}
