package org.clusterdynamics.realmodels;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.sim.Results;

/** Compares a run with another engine's output for the same model. */
final class ReferenceComparison {
    static final double RELATIVE = 1e-3;
    /** Below this both values count as zero: PySD writes rounding noise of that size. */
    static final double ABSOLUTE = 1e-9;
    /** Vensim's run settings: PySD writes them as columns, an XMILE model holds them in its sim specs. */
    private static final Set<String> CONTROLS = Set.of("initial time", "final time", "time step", "saveper");

    private ReferenceComparison() {}

    static boolean close(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        double d = Math.abs(expected - actual);
        return d <= ABSOLUTE || d <= RELATIVE * Math.max(Math.abs(expected), Math.abs(actual));
    }

    /** Empty when every column of {@code reference} agrees with {@code actual}; else the differences. */
    static Optional<String> compare(Results reference, Results actual) {
        List<String> out = new ArrayList<>();
        double[] rt = reference.times();
        double[] at = actual.times();
        int common = 0;
        for (String name : reference.names()) {
            String n = VarName.cleanWritten(name);
            if (!actual.has(n)) {
                if (!CONTROLS.contains(Results.key(n))) {
                    out.add(name + " is not in the output");
                }
                continue;
            }
            double[] rv = reference.column(name);
            double[] av = actual.column(n);
            int j = 0;
            common = 0;
            for (int i = 0; i < rt.length; i++) {
                while (j < at.length && at[j] < rt[i] - 1e-9 * Math.max(1, Math.abs(rt[i]))) {
                    j++;
                }
                if (j >= at.length || Math.abs(at[j] - rt[i]) > 1e-9 * Math.max(1, Math.abs(rt[i]))) {
                    continue;
                }
                common++;
                if (!close(rv[i], av[j])) {
                    out.add(name + " at time " + rt[i] + ": reference " + rv[i] + ", this engine " + av[j]);
                    break;
                }
            }
        }
        if (common == 0 && !reference.names().isEmpty()) {
            out.add("no time of the reference is in the output");
        }
        if (out.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(out.size() + " difference(s) with the reference: "
                + String.join("; ", out.subList(0, Math.min(5, out.size()))));
    }
}
