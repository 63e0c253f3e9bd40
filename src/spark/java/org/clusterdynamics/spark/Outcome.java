package org.clusterdynamics.spark;

import java.io.Serializable;

/** What one run gave back to the driver: its summary, or why it failed. */
record Outcome(int index, Object value, RunFailure failure) implements Serializable {}
