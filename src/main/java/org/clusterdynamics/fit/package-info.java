/**
 * Calibration and global sensitivity: observed data, payoffs, Hipparchus optimizers, intervals and
 * fit statistics, Sobol and Morris indices. Runs go through {@code scenario.BatchRunner}.
 */
package org.clusterdynamics.fit;
