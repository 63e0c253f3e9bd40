package org.clusterdynamics.scenario;

import java.util.Arrays;
import java.util.List;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.sim.Frame;
import org.clusterdynamics.sim.Simulator;

/**
 * The saved series of a few variables of one run, recorded while the run streams its rows so that
 * nothing else of the run is kept.
 *
 * @param values values[v][row] of the v-th requested variable
 */
public record RunSeries(double[] times, double[][] values) implements java.io.Serializable {

    /** Slot numbers of variables in a compiled model; throws naming the unknown one with suggestions. */
    public static int[] slots(CompiledModel m, List<String> variables) {
        int[] slots = new int[variables.size()];
        for (int i = 0; i < slots.length; i++) {
            String v = variables.get(i);
            int s = m.slotOf(v);
            if (s < 0) {
                List<String> names = Arrays.stream(m.slotNames()).filter(n -> !n.startsWith("#")).toList();
                throw new ModelException(Diagnostic.error("S020", new Where(m.source(), Names.shown(v), 0, Double.NaN),
                        "the model has no variable '" + Names.shown(v) + "' to record." + Names.hint(v, names)
                                + (names.stream().anyMatch(n -> n.toLowerCase().startsWith(v.toLowerCase() + "["))
                                ? " It is an array: name one element, e.g. '" + names.stream().filter(n -> n
                                .toLowerCase().startsWith(v.toLowerCase() + "[")).findFirst().orElse(v) + "'" : "")));
            }
            slots[i] = s;
        }
        return slots;
    }

    /** Runs and records the given slots at every save time; non-finite values stop the run. */
    public static RunSeries record(Simulator sim, PreparedRun run, int[] slots) {
        Collector c = new Collector(sim.model(), slots);
        sim.run(run.options(), c);
        return c.result();
    }

    /** Copies the requested slots of each saved row into growing arrays. */
    private static final class Collector implements Simulator.Recorder {
        private final CompiledModel model;
        private final int[] slots;
        private double[] times = new double[64];
        private final double[][] values;
        private int rows;

        Collector(CompiledModel model, int[] slots) {
            this.model = model;
            this.slots = slots;
            this.values = new double[slots.length][64];
        }

        @Override
        public void record(int row, Frame f) {
            if (row >= times.length) {
                int n = times.length * 2;
                times = Arrays.copyOf(times, n);
                for (int j = 0; j < slots.length; j++) {
                    values[j] = Arrays.copyOf(values[j], n);
                }
            }
            times[row] = f.time;
            for (int j = 0; j < slots.length; j++) {
                double x = f.v[slots[j]];
                if (!Double.isFinite(x)) {
                    String name = model.slotNames()[slots[j]];
                    throw new ModelException(Diagnostic.error("E100", new Where(model.source(), name, 0, f.time),
                            "'" + name + "' became NaN or infinite: check its equation and its inputs at that time"
                                    + " (a division by zero, the log of a negative number?)"));
                }
                values[j][row] = x;
            }
            rows = row + 1;
        }

        RunSeries result() {
            double[][] out = new double[slots.length][];
            for (int j = 0; j < slots.length; j++) {
                out[j] = Arrays.copyOf(values[j], rows);
            }
            return new RunSeries(Arrays.copyOf(times, rows), out);
        }
    }
}
