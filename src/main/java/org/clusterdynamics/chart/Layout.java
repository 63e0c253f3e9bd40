package org.clusterdynamics.chart;

/** How several variables share a time chart: on one set of axes, or one panel each. */
public enum Layout {
    /** One chart for one variable, or for several with the same known units; a grid otherwise. */
    AUTO,
    /** All variables on one set of axes. */
    OVERLAY,
    /** One panel per variable (small multiples). */
    GRID
}
