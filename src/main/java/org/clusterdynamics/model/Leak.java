package org.clusterdynamics.model;

/**
 * Marks a flow as a conveyor's leakage (XMILE {@code <leak/>}): the flow's equation is then its
 * leak fraction, and the conveyor computes the flow. The leak zone is the part of the conveyor's
 * length, as fractions from its entry (0) to its exit (1), where material leaks.
 */
public record Leak(double zoneStart, double zoneEnd) {
    /** Leaks all along the conveyor. */
    public static final Leak EVERYWHERE = new Leak(0, 1);
}
