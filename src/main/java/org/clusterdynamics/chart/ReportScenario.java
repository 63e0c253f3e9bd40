package org.clusterdynamics.chart;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clusterdynamics.sim.Results;

/**
 * One scenario of a report: its name, a sentence on what it is, the settings it changes (name ->
 * value as text, in the caller's order) and its results.
 */
public record ReportScenario(String name, String description, Map<String, String> settings, Results results) {

    public ReportScenario {
        new ScenarioResults(name, results); // same checks as for charts
        description = description == null ? "" : description.strip();
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** Settings with values of any kind; numbers are written in full, as a modeller typed them (2025, 0.22). */
    public static ReportScenario of(String name, String description, Map<String, ?> settings, Results results) {
        Map<String, String> text = new LinkedHashMap<>();
        if (settings != null) {
            settings.forEach((k, v) -> text.put(k, v instanceof Number n ? Numbers.plain(n.doubleValue())
                    : String.valueOf(v)));
        }
        return new ReportScenario(name, description, text, results);
    }

    ScenarioResults asScenarioResults() {
        return new ScenarioResults(name, results);
    }
}
