package org.clusterdynamics.spark;

import java.io.Serializable;
import org.clusterdynamics.scenario.Scenario;

/**
 * One compiled form of a model that runs of a batch use: the model file (by digest) and the scenario
 * whose new equations or tables it compiles; the slot count and hash check that the executor compiled
 * the same model as the driver.
 */
record Variant(String digest, Scenario scenario, int slots, int slotHash) implements Serializable {}
