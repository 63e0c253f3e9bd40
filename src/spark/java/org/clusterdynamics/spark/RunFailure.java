package org.clusterdynamics.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Severity;
import org.clusterdynamics.diag.Where;

/**
 * Why a run failed on an executor, in a form that travels back to the driver, where it becomes the
 * same exception the local runner would have seen (so it is reported, or skipped, the same way).
 *
 * @param kind "model" (a model error with diagnostics), "argument" (a bad value) or "internal"
 * @param setup true when the executor could not read or compile the model: the whole batch fails, not one run
 */
record RunFailure(String kind, List<Problem> problems, String message, boolean setup) implements Serializable {

    /** One diagnostic, field by field. */
    record Problem(String code, String severity, String file, String variable, int line, double time, String message)
            implements Serializable {}

    /** The executor could not prepare the model the runs need. */
    static RunFailure setup(RuntimeException e) {
        RunFailure f = of(e);
        return new RunFailure(f.kind(), f.problems(), e.getMessage(), true);
    }

    static RunFailure of(RuntimeException e) {
        if (e instanceof ModelException me) {
            List<Problem> ps = new ArrayList<>();
            for (Diagnostic d : me.diagnostics()) {
                Where w = d.where();
                ps.add(new Problem(d.code(), d.severity().name(), w == null ? null : w.file(),
                        w == null ? null : w.variable(), w == null ? 0 : w.line(), w == null ? Double.NaN : w.time(),
                        d.message()));
            }
            return new RunFailure("model", ps, me.getMessage(), false);
        }
        if (e instanceof IllegalArgumentException) {
            return new RunFailure("argument", List.of(), e.getMessage(), false);
        }
        return new RunFailure("internal", List.of(), e.toString(), false);
    }

    /** The exception as the local runner would have caught it. */
    RuntimeException toException() {
        switch (kind) {
            case "model" -> {
                Diagnostics ds = new Diagnostics();
                for (Problem p : problems) {
                    Where w = p.file() == null && p.variable() == null ? null
                            : new Where(p.file(), p.variable(), p.line(), p.time());
                    ds.add(new Diagnostic(p.code(), Severity.valueOf(p.severity()), w, p.message()));
                }
                return new ModelException(ds);
            }
            case "argument" -> {
                return new IllegalArgumentException(message);
            }
            default -> {
                // a setup failure's message is ours and says what to do; a run's internal error is a bug
                return setup ? new IllegalArgumentException("Spark: " + message) : new IllegalStateException(message);
            }
        }
    }
}
