package org.clusterdynamics.cli;

import java.io.PrintWriter;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;

/** Prints diagnostics the same way for every command. */
final class Reporting {
    private Reporting() {}

    static int fail(ModelException e, PrintWriter err) {
        for (Diagnostic d : e.diagnostics()) {
            err.println(d);
        }
        err.flush();
        return 1;
    }

    /** What went wrong with a file, in words: never an exception's class name, never just a path. */
    static String ioReason(java.io.IOException e) {
        return org.clusterdynamics.diag.Texts.reason(e);
    }

    /** Says how a file was written when it was not simply replaced (a link followed, a device written). */
    static void noteWritten(org.clusterdynamics.files.AtomicFiles.Written plan, PrintWriter err) {
        if (plan != null && plan.note() != null) {
            err.println(plan.note());
            err.flush();
        }
    }

    /**
     * The run's errors with the model's line added where the run knows only the variable: a NaN
     * (E100) is located at the variable's equation, a bad time setting (E013) at the control
     * variable that sets it (Vensim's TIME STEP, FINAL TIME...) when the model has one.
     */
    static ModelException located(ModelException e, org.clusterdynamics.model.Model model) {
        org.clusterdynamics.diag.Diagnostics out = new org.clusterdynamics.diag.Diagnostics();
        boolean changed = false;
        for (Diagnostic d : e.diagnostics()) {
            org.clusterdynamics.diag.Where w = d.where();
            int line = w.line() > 0 ? w.line() : lineOf(d, model);
            if (line > 0 && line != w.line()) {
                changed = true;
                d = new Diagnostic(d.code(), d.severity(), new org.clusterdynamics.diag.Where(w.file(), w.variable(),
                        line, w.time()), d.message());
            }
            out.add(d);
        }
        return changed ? new ModelException(out) : e;
    }

    private static int lineOf(Diagnostic d, org.clusterdynamics.model.Model model) {
        String variable = d.where().variable();
        if (variable == null && d.code().equals("E013")) {
            String m = d.message().toLowerCase(java.util.Locale.ROOT);
            variable = m.contains("time step") || m.contains("dt ") ? "time_step" : m.contains("save") ? "saveper"
                    : m.contains("stop") ? "final_time" : m.contains("start") ? "initial_time" : null;
        }
        if (variable == null) {
            return 0;
        }
        int bracket = variable.indexOf('[');
        String name = bracket > 0 ? variable.substring(0, bracket) : variable;
        return model.variable(name).map(org.clusterdynamics.model.Variable::line).orElse(0);
    }
}
