package org.clusterdynamics.sim;

import java.util.SplittableRandom;

/** The mutable state one run evaluates against: slot values, the clock and the random streams. */
public final class Frame {
    public final double[] v;
    public double time;
    public double dt;
    public double start;
    public double stop;
    public double saveStep;
    public final SplittableRandom[] random;
    /** The time step being computed (0 at the start); the evaluations within one step share it. */
    public long step;
    /** Each random call site's draw, and the step it was drawn in: one draw a step, however often read. */
    public final double[] drawn;
    public final long[] drawnAt;

    public Frame(int slots, int randomStreams) {
        this.v = new double[slots];
        this.random = new SplittableRandom[randomStreams];
        this.drawn = new double[randomStreams];
        this.drawnAt = new long[randomStreams];
        java.util.Arrays.fill(drawnAt, -1);
    }
}
