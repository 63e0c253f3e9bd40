package org.clusterdynamics.sim;

/** One node of an interpreted expression: computes a value from the frame. */
public abstract class Evaluator {
    public abstract double eval(Frame f);
}
