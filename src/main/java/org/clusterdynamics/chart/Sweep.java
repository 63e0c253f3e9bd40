package org.clusterdynamics.chart;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An outcome against a swept parameter: one line per entry of {@code outcomes} (e.g. one per
 * scenario or per statistic), all over the same parameter values.
 *
 * @param parameter the parameter's name as written in the model
 * @param parameterUnits its units, or ""
 * @param outcome the outcome's name as written in the model
 * @param outcomeUnits its units, or ""
 * @param values the parameter values, one per run
 * @param outcomes line label -> outcome value for each parameter value
 */
public record Sweep(String parameter, String parameterUnits, String outcome, String outcomeUnits,
                    double[] values, Map<String, double[]> outcomes) {

    public Sweep {
        if (parameter == null || parameter.isBlank() || outcome == null || outcome.isBlank()) {
            throw new IllegalArgumentException("sweep chart: name both the parameter and the outcome");
        }
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("sweep chart: no values of parameter '" + parameter + "'");
        }
        if (outcomes == null || outcomes.isEmpty()) {
            throw new IllegalArgumentException("sweep chart: no outcome values for '" + outcome + "'");
        }
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : outcomes.entrySet()) {
            double[] v = e.getValue();
            if (v == null || v.length != values.length) {
                throw new IllegalArgumentException("sweep chart: line '" + e.getKey() + "' has "
                        + (v == null ? 0 : v.length) + " values of '" + outcome + "' for " + values.length
                        + " values of '" + parameter + "'");
            }
            copy.put(e.getKey(), v.clone());
        }
        values = values.clone();
        parameterUnits = parameterUnits == null ? "" : parameterUnits.strip();
        outcomeUnits = outcomeUnits == null ? "" : outcomeUnits.strip();
        outcomes = java.util.Collections.unmodifiableMap(copy);
    }

    /** A sweep with one line, labelled with the outcome's name. */
    public static Sweep of(String parameter, double[] values, String outcome, double[] outcomeValues) {
        return new Sweep(parameter, "", outcome, "", values, Map.of(outcome, outcomeValues));
    }
}
