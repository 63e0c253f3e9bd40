package org.clusterdynamics.chart;

import java.util.List;

/**
 * What a time chart shows: its title, the variables (names as in the results), the label of the
 * value axis and the model's time units; a null title or units label is derived from the data.
 *
 * @param title chart title, or null for the variable names as written in the model
 * @param variables variables to plot, at least one
 * @param unitsLabel units of the value axis, or null for the units recorded in the results
 * @param timeUnits the model's time units ("years"), or null when unknown
 */
public record ChartSpec(String title, List<String> variables, String unitsLabel, String timeUnits) {

    public ChartSpec {
        if (variables == null || variables.isEmpty()) {
            throw new IllegalArgumentException("chart: no variable to plot; name at least one (e.g. --var Population)");
        }
        for (String v : variables) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("chart: a variable name is empty; give names as written in the model");
            }
        }
        variables = List.copyOf(variables);
        title = blankToNull(title);
        unitsLabel = unitsLabel == null ? null : unitsLabel.strip();
        timeUnits = blankToNull(timeUnits);
    }

    public static ChartSpec of(String... variables) {
        return new ChartSpec(null, List.of(variables), null, null);
    }

    public static ChartSpec of(List<String> variables) {
        return new ChartSpec(null, variables, null, null);
    }

    public ChartSpec withTitle(String t) {
        return new ChartSpec(t, variables, unitsLabel, timeUnits);
    }

    public ChartSpec withUnitsLabel(String u) {
        return new ChartSpec(title, variables, u, timeUnits);
    }

    public ChartSpec withTimeUnits(String u) {
        return new ChartSpec(title, variables, unitsLabel, u);
    }

    /** The time axis label: "Time (years)", or "Time" when the units are unknown. */
    public String timeAxisLabel() {
        return timeUnits == null ? "Time" : "Time (" + timeUnits + ")";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
