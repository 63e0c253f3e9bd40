package org.clusterdynamics.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.sim.Results;

/** The results of one scenario under the name that legends and tables show for it. */
public record ScenarioResults(String name, Results results) {

    public ScenarioResults {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("chart: a scenario has no name; name each scenario");
        }
        if (results == null) {
            throw new IllegalArgumentException("chart: scenario '" + name + "' has no results");
        }
        if (results.rowCount() == 0) {
            throw new IllegalArgumentException("chart: scenario '" + name + "' has no saved time steps; nothing to plot");
        }
    }

    /** The scenarios of a map in its iteration order (use a LinkedHashMap to keep yours). */
    public static List<ScenarioResults> of(Map<String, Results> scenarios) {
        if (scenarios == null || scenarios.isEmpty()) {
            throw new IllegalArgumentException("chart: no scenario results given; pass at least one");
        }
        List<ScenarioResults> out = new ArrayList<>();
        scenarios.forEach((n, r) -> out.add(new ScenarioResults(n, r)));
        return out;
    }

    /** The variable's name as written in the model; throws naming this scenario when absent. */
    public String writtenName(String variable) {
        String k = Results.key(variable);
        for (String n : results.names()) {
            if (Results.key(n).equals(k)) {
                return n;
            }
        }
        throw new IllegalArgumentException("chart: no variable '" + variable + "' in scenario '" + name
                + "'; known: " + known() + ". Use a name from that list (case and underscores do not matter)");
    }

    private String known() {
        List<String> ns = results.names();
        return String.join(", ", ns.subList(0, Math.min(ns.size(), 20))) + (ns.size() > 20 ? ", ..." : "");
    }
}
