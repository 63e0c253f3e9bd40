package org.clusterdynamics.spark;

import java.io.Serializable;
import org.clusterdynamics.sim.RunOptions;

/**
 * One run as it goes to an executor: its index in the batch, its model variant and its complete
 * run options (constants, times and the seed the driver derived from the run index).
 */
record RunItem(int index, int variant, RunOptions options) implements Serializable {}
