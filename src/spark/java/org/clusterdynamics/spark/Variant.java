package org.clusterdynamics.spark;

import java.io.Serializable;
import java.util.Arrays;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.scenario.Scenario;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;

/**
 * One compiled form of a model that runs of a batch use: the model file (by digest) and the scenario
 * whose new equations or tables it compiles. The slot count, the hash of the slot names and the hash of
 * the values at the start time check that the executor compiled the same model as the driver (the file
 * may have been edited since the driver read it).
 */
record Variant(String digest, Scenario scenario, int slots, int slotHash, int startHash) implements Serializable {

    static Variant of(String digest, Scenario scenario, CompiledModel cm) {
        return new Variant(digest, scenario, cm.slotNames().length, Arrays.hashCode(cm.slotNames()), startHash(cm));
    }

    /** Whether {@code cm} is the model this variant was made from, as far as names and start values tell. */
    boolean matches(CompiledModel cm) {
        return cm.slotNames().length == slots && Arrays.hashCode(cm.slotNames()) == slotHash && startHash(cm) == startHash;
    }

    /**
     * A hash of every saved value at the start time (constants, initial values), from one run that stops
     * where it starts; 0 when that run fails (the batch's own runs will then say why).
     */
    static int startHash(CompiledModel cm) {
        try {
            Results r = new Simulator(cm).run(RunOptions.defaults().withStop(cm.specs().start()));
            long h = 1;
            for (String n : r.names()) {
                h = 31 * h + Double.doubleToLongBits(r.column(n)[0]);
            }
            return Long.hashCode(h);
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
