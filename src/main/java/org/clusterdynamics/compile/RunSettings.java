package org.clusterdynamics.compile;

import org.clusterdynamics.diag.Where;
import org.clusterdynamics.model.Dialect;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.SimSpecs;

/**
 * The run's time settings: the sim specs, or Vensim's control variables (constant, or equations of
 * time that the run follows).
 */
final class RunSettings extends CompilerPass {

    RunSettings(Compilation unit) {
        super(unit);
    }

    SimSpecs resolveSpecs() {
        SimSpecs sp = model.specs();
        double start = sp == null ? Double.NaN : sp.start();
        double stop = sp == null ? Double.NaN : sp.stop();
        double dt = sp == null ? Double.NaN : sp.dt();
        double save = sp == null ? Double.NaN : sp.saveStep();
        start = control("initial_time", start);
        stop = control("final_time", stop);
        dt = control("time_step", dt);
        save = control("saveper", save);
        Where w = Where.file(file);
        if (Double.isNaN(start) || Double.isNaN(stop)) {
            diags.error("E013", w, "the model gives no start or stop time: set them in the sim specs"
                    + " (XMILE <sim_specs><start>/<stop>, Vensim INITIAL TIME / FINAL TIME)");
        }
        if (Double.isNaN(dt)) {
            dt = 1;
        }
        if (!(dt > 0)) {
            diags.error("E013", w, "the time step must be positive, not " + dt);
        }
        if (Double.isNaN(save) || save <= 0) {
            save = dt;
        }
        if (stop < start) {
            diags.error("E013", w, "the stop time " + stop + " is before the start time " + start);
        }
        Method method = sp == null || sp.method() == null ? Method.EULER : sp.method();
        return new SimSpecs(start, stop, dt, save, method, sp == null ? null : sp.timeUnits());
    }

    /** Folds values as they are when the run starts: time at the initial time, DT at the model's step. */
    ConstantFolder atRunStart() {
        return new ConstantFolder(unit.variables::initialOf, initialTime(), timeStep());
    }

    double timeStep() {
        double dt = model.specs() == null ? Double.NaN : model.specs().dt();
        return Double.isNaN(dt) ? control("time_step", dt) : dt;
    }

    double initialTime() {
        double start = model.specs() == null ? Double.NaN : model.specs().start();
        return Double.isNaN(start) ? control("initial_time", start) : start;
    }

    double control(String id, double given) {
        if (model.dialect() != Dialect.VENSIM || !Double.isNaN(given) && given != 0 && !id.equals("saveper")) {
            return given;
        }
        VarInfo v = vars.get(id);
        if (v == null || v.base < 0) {
            return given;
        }
        try {
            return new ConstantFolder(unit.variables::initialOf).eval(slots.get(v.base).init);
        } catch (ConstantFolder.NotConstant nc) {
            if (!Double.isNaN(given)) {
                return given;
            }
        }
        // an equation of time or state, which Vensim evaluates as the run goes: start from its value at
        // the initial time (an INITIAL TIME that depends on Time is taken at Time 0, where Vensim starts)
        try {
            double at = id.equals("initial_time") ? 0 : initialTime();
            double value = new ConstantFolder(unit.variables::initialOf, at).eval(slots.get(v.base).init);
            unit.dynamicControls.put(id, v.base);
            return value;
        } catch (ConstantFolder.NotConstant nc) {
            diags.error("E013", Where.of(file, v.qualifiedWritten, v.var.line()), v.qualifiedWritten
                    + " cannot be computed at the initial time: " + nc.getMessage());
            return Double.NaN;
        }
    }

    /** Control variables given by equations of time are recomputed at every step; the run follows them. */
    CompiledModel.RunControls runControls() {
        for (int slot : unit.dynamicControls.values()) {
            slots.get(slot).dyn = slots.get(slot).init;
        }
        return new CompiledModel.RunControls(unit.dynamicControls.getOrDefault("final_time", -1),
                unit.dynamicControls.getOrDefault("time_step", -1), unit.dynamicControls.getOrDefault("saveper", -1));
    }
}
