package org.clusterdynamics.cli;

import java.io.PrintStream;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;

/** Prints diagnostics the same way for every command. */
final class Reporting {
    private Reporting() {}

    static int fail(ModelException e, PrintStream err) {
        for (Diagnostic d : e.diagnostics()) {
            err.println(d);
        }
        return 1;
    }
}
