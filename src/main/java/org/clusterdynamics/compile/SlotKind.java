package org.clusterdynamics.compile;

/** What a slot of the state vector holds. */
public enum SlotKind {
    /** a model stock: integrated. */
    STOCK,
    /** a model flow. */
    FLOW,
    /** a model auxiliary or constant. */
    AUX,
    /** a stock made by desugaring SMOOTH / DELAYn: integrated, not saved. */
    HIDDEN_STOCK,
    /** a helper value: an argument or an output of a stateful builtin, not saved. */
    HIDDEN_AUX,
    /** discrete state updated once at the end of each step (PREVIOUS, DELAY FIXED, INIT, random). */
    DISCRETE
}
