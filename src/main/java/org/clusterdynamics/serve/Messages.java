package org.clusterdynamics.serve;

import java.util.ArrayList;
import java.util.List;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;

/**
 * Turns what went wrong into a message for the page: the diagnostics' own words (with the time
 * of a run-time problem), never a stack trace, an exception class or a path on the server.
 */
final class Messages {
    private Messages() {}

    static String of(Throwable e) {
        if (e instanceof ModelException me) {
            List<String> out = new ArrayList<>();
            for (Diagnostic d : me.diagnostics().errors()) {
                double t = d.where().time();
                out.add(d.message() + (Double.isFinite(t) ? " (at time " + Controls.num(t) + ")" : ""));
            }
            // the scenario layer's hint speaks to scripts; on the page the variable list shows the names
            return out.isEmpty() ? "the model could not be run" : String.join("; ", out)
                    .replace(" List the model's variables with model.variables() to see their names",
                            " The page's variable lists show every name");
        }
        if (e instanceof IllegalArgumentException && e.getMessage() != null) {
            return e.getMessage();
        }
        return "the server could not answer this request; see the server's console";
    }
}
