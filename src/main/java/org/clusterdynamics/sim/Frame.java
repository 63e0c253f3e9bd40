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

    public Frame(int slots, int randomStreams) {
        this.v = new double[slots];
        this.random = new SplittableRandom[randomStreams];
    }
}
