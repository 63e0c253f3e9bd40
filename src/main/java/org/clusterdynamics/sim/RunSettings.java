package org.clusterdynamics.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Texts;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.VarName;

/**
 * The effective settings of a model's runs: a run's options over the model's own specs, checked,
 * and the slots of the constants a run sets. One per simulator (and so per thread).
 */
final class RunSettings {
    private final CompiledModel model;
    /** Slots each name given to {@link #slotsNamed} sets; names that set nothing are not kept. */
    private final Map<String, List<Integer>> slotsByName = new java.util.concurrent.ConcurrentHashMap<>();

    RunSettings(CompiledModel model) {
        this.model = model;
    }

    /** The settings of a run with these options, checked: errors name the setting and say how to fix it. */
    Simulator.Settings of(RunOptions o) {
        var sp = model.specs();
        double start = Double.isNaN(o.start()) ? sp.start() : o.start();
        double stop = Double.isNaN(o.stop()) ? sp.stop() : o.stop();
        double dt = Double.isNaN(o.dt()) ? sp.dt() : o.dt();
        double save = Double.isNaN(o.saveStep()) ? (Double.isNaN(o.dt()) ? sp.saveStep() : Math.max(sp.saveStep(), dt))
                : o.saveStep();
        Method method = o.method() != null ? o.method() : sp.method();
        Where w = Where.file(model.source());
        if (!(dt > 0) || !(save > 0) || !(stop >= start) || !Double.isFinite(dt) || !Double.isFinite(save)
                || !Double.isFinite(start) || !Double.isFinite(stop)) {
            throw new ModelException(Diagnostic.error("E013", w, "invalid time settings: start " + Texts.number(start)
                    + ", stop " + Texts.number(stop) + ", dt " + Texts.number(dt) + ", save step " + Texts.number(save)
                    + ": all must be finite numbers, dt and the save step positive, and stop not before start"));
        }
        double stepCount = Math.floor((stop - start) / dt + 1e-6);
        if (!(stepCount < Integer.MAX_VALUE)) {
            throw new ModelException(Diagnostic.error("E013", w, "the run from " + Texts.number(start) + " to "
                    + Texts.number(stop) + " with time step " + Texts.number(dt) + " takes " + String.format(java.util.Locale.ROOT, "%.4g", stepCount) + " steps,"
                    + " more than the " + (Integer.MAX_VALUE - 1) + " one run can take: shorten the run or take a"
                    + " longer time step"));
        }
        int steps = (int) stepCount;
        double ratio = save / dt;
        int saveEvery = Math.max(1, (int) Math.round(ratio));
        int rows = steps / saveEvery + 1;
        List<Integer> slotsL = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        for (Map.Entry<String, Double> e : o.constants().entrySet()) {
            List<Integer> targets = slotsNamed(e.getKey());
            if (targets.isEmpty()) {
                throw new ModelException(Diagnostic.error("E020", Where.of(model.source(), e.getKey(), 0),
                        "cannot set '" + e.getKey() + "': the model has no variable of that name" + hint(e.getKey())));
            }
            for (int t : targets) {
                slotsL.add(t);
                vals.add(e.getValue());
            }
        }
        // settings given for the run replace the model's equations for them
        CompiledModel.RunControls c = model.controls();
        CompiledModel.RunControls controls = new CompiledModel.RunControls(Double.isNaN(o.stop()) ? c.stop() : -1,
                Double.isNaN(o.dt()) ? c.dt() : -1, Double.isNaN(o.saveStep()) && Double.isNaN(o.dt()) ? c.saveStep() : -1);
        if (model.singlePrecision() && method != Method.EULER) {
            throw new ModelException(Diagnostic.error("E021", w, "single precision follows Vensim's single-precision"
                    + " editions, which this engine reproduces for Euler only: use --method euler or double precision"));
        }
        if (!model.conveyors().isEmpty()) {
            String name = model.conveyors().get(0).name();
            if (method == Method.ADAPTIVE) {
                throw new ModelException(Diagnostic.error("E021", w, "conveyor '" + name + "' moves once per time"
                        + " step, which the adaptive method cannot follow: use --method euler (Stella's advice for"
                        + " conveyors) or rk4"));
            }
            if (model.singlePrecision() || controls.any()) {
                throw new ModelException(Diagnostic.error("E021", w, "conveyor '" + name + "' needs a fixed time step"
                        + " in double precision: drop --precision single and time settings that change during the"
                        + " run"));
            }
        }
        if (controls.any() && method == Method.ADAPTIVE) {
            throw new ModelException(Diagnostic.error("E021", w, "the adaptive method cannot follow a FINAL TIME, TIME"
                    + " STEP or SAVEPER that changes during the run: use --method euler or --method rk4"));
        }
        double[] overrideValues = new double[vals.size()];
        int[] overrideSlots = new int[slotsL.size()];
        for (int i = 0; i < overrideSlots.length; i++) {
            overrideValues[i] = vals.get(i);
            overrideSlots[i] = slotsL.get(i);
        }
        return new Simulator.Settings(method, start, stop, dt, save, steps, saveEvery, rows, overrideValues, overrideSlots,
                o.seed(), controls);
    }

    private String hint(String name) {
        String key = VarName.outputKey(name);
        for (String n : model.slotNames()) {
            String k = VarName.outputKey(n);
            if (k.startsWith(key.substring(0, Math.min(3, key.length()))) && !n.startsWith("#")) {
                return " (known names include '" + n + "')";
            }
        }
        return "";
    }

    /**
     * Slots a name sets: one element, or every element of an array named without subscripts.
     * Remembered per name: batches set the same few names on every run, and matching a name
     * against every slot's name costs more than a small model's run.
     */
    List<Integer> slotsNamed(String name) {
        List<Integer> known = slotsByName.get(name);
        if (known != null) {
            return known;
        }
        List<Integer> found = findSlotsNamed(name);
        if (!found.isEmpty() && slotsByName.size() < 10_000) {
            slotsByName.put(name, found);
        }
        return found;
    }

    private List<Integer> findSlotsNamed(String name) {
        List<Integer> out = new ArrayList<>();
        String key = VarName.outputKey(name);
        for (int i = 0; i < model.slotCount(); i++) {
            if (!model.isSaved(i)) {
                continue;
            }
            String k = VarName.outputKey(model.slotNames()[i]);
            if (k.equals(key) || k.startsWith(key + "[")) {
                out.add(i);
            }
        }
        return List.copyOf(out);
    }
}
