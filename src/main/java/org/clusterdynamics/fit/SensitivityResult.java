package org.clusterdynamics.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clusterdynamics.scenario.Table;

/**
 * The indices of a global sensitivity analysis, per output: Sobol first-order and total indices with
 * bootstrap intervals, or Morris mu*, mu and sigma; and the one-at-a-time low/high swings around the
 * base values behind a tornado chart.
 *
 * @param base the value of each factor in the one-at-a-time runs (the model's, or the middle of the range)
 */
public record SensitivityResult(List<FitParameter> factors, double[] base, Sensitivity.Method method, int samples,
                                List<OutputIndices> outputs, int runs, int failedRuns, String firstFailure) {

    /** One output's indices; {@code sobol} or {@code morris} is null depending on the method. */
    public record OutputIndices(String output, SobolIndices.Indices sobol, MorrisEffects.Effects morris,
                                double baseValue, double[] low, double[] high) {}

    public OutputIndices output(String label) {
        for (OutputIndices o : outputs) {
            if (o.output().equalsIgnoreCase(label.strip()) || o.output().toLowerCase(Locale.ROOT)
                    .startsWith(label.strip().toLowerCase(Locale.ROOT) + " ")) {
                return o;
            }
        }
        throw new IllegalArgumentException("no output '" + label + "'; the outputs are "
                + String.join(", ", outputs.stream().map(OutputIndices::output).toList()));
    }

    /** One row per output and factor: the indices (Sobol: S1, ST and their intervals; Morris: mu*, mu, sigma). */
    public Table indicesTable() {
        List<List<Object>> rows = new ArrayList<>();
        for (OutputIndices o : outputs) {
            for (int i = 0; i < factors.size(); i++) {
                String f = factors.get(i).name();
                if (o.sobol() != null) {
                    SobolIndices.Indices s = o.sobol();
                    rows.add(List.of(o.output(), f, s.first()[i], s.firstLo()[i], s.firstHi()[i], s.total()[i],
                            s.totalLo()[i], s.totalHi()[i]));
                } else {
                    MorrisEffects.Effects m = o.morris();
                    rows.add(List.of(o.output(), f, m.muStar()[i], m.mu()[i], m.sigma()[i]));
                }
            }
        }
        return method == Sensitivity.Method.SOBOL
                ? new Table(List.of("output", "factor", "S1", "S1 95% lo", "S1 95% hi", "ST", "ST 95% lo", "ST 95% hi"),
                rows)
                : new Table(List.of("output", "factor", "mu*", "mu", "sigma"), rows);
    }

    /** One row per output and factor: the output at the base values and with the factor at its low and high end. */
    public Table tornadoTable() {
        List<List<Object>> rows = new ArrayList<>();
        for (OutputIndices o : outputs) {
            for (int i = 0; i < factors.size(); i++) {
                FitParameter f = factors.get(i);
                rows.add(List.of(o.output(), f.name(), f.lo(), f.hi(), o.baseValue(), o.low()[i], o.high()[i],
                        Math.abs(o.high()[i] - o.low()[i])));
            }
        }
        return new Table(List.of("output", "factor", "lo", "hi", "at base", "at lo", "at hi", "swing"), rows);
    }

    public String summary() {
        return String.format(Locale.ROOT, "%s, %d %s, %d runs, %d failed%s%n", method.name().toLowerCase(Locale.ROOT),
                samples, method == Sensitivity.Method.SOBOL ? "base samples" : "trajectories", runs, failedRuns,
                firstFailure == null ? "" : " (first: " + firstFailure + ")") + indicesTable().format();
    }
}
