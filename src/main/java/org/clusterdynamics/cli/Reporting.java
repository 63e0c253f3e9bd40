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
}
