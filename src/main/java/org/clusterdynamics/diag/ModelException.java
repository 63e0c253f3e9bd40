package org.clusterdynamics.diag;

import java.util.List;

/** Thrown when a model or input cannot be used; carries the diagnostics that say why. */
public class ModelException extends RuntimeException {
    private final transient Diagnostics diagnostics;

    public ModelException(Diagnostics diagnostics) {
        super(summary(diagnostics));
        this.diagnostics = diagnostics;
    }

    public ModelException(Diagnostic d) {
        this(single(d));
    }

    private static Diagnostics single(Diagnostic d) {
        Diagnostics ds = new Diagnostics();
        ds.add(d);
        return ds;
    }

    private static String summary(Diagnostics ds) {
        List<Diagnostic> errors = ds.errors();
        List<Diagnostic> shown = errors.isEmpty() ? ds.all() : errors;
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : shown) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(d);
        }
        return sb.toString();
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }
}
