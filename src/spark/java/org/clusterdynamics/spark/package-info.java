/**
 * The Apache Spark runner of the batch layer (issue 16): a {@link org.clusterdynamics.scenario.RunExecutor}
 * that sends the runs of sweeps, Monte Carlo batches, Sobol samples, calibration trials and attribution
 * combinations to a Spark cluster. Built only with the Maven profile {@code spark}; the engine never
 * depends on it.
 */
package org.clusterdynamics.spark;
