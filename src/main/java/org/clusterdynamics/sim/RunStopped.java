package org.clusterdynamics.sim;

/**
 * A run given up because its caller asked to stop (a script's or batch's time limit, see
 * {@link Simulator#stopWhen}); not a model error, so it carries no diagnostic.
 */
public final class RunStopped extends RuntimeException {
    private final double time;

    RunStopped(String model, double time) {
        super("the run of " + (model == null ? "the model" : model) + " was stopped at time " + time);
        this.time = time;
    }

    /** The model time the run had reached. */
    public double time() {
        return time;
    }
}
