package org.clusterdynamics.chart;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mechanism attribution of one outcome: the change in the outcome when each mechanism is
 * switched off (switched-off run minus baseline), by mechanism name.
 *
 * @param outcome the outcome variable's name as written in the model
 * @param units the outcome's units, or "" when unknown
 * @param changes mechanism name -> change in the outcome, in the caller's order
 */
public record Attribution(String outcome, String units, Map<String, Double> changes) {

    public Attribution {
        if (outcome == null || outcome.isBlank()) {
            throw new IllegalArgumentException("attribution chart: the outcome has no name");
        }
        if (changes == null || changes.isEmpty()) {
            throw new IllegalArgumentException("attribution chart: no mechanism given for '" + outcome + "'");
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        changes.forEach((k, v) -> {
            if (k == null || k.isBlank()) {
                throw new IllegalArgumentException("attribution chart: a mechanism of '" + outcome + "' has no name");
            }
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("attribution chart: the change for mechanism '" + k + "' is "
                        + v + "; every change must be a finite number");
            }
            copy.put(k, v);
        });
        units = units == null ? "" : units.strip();
        changes = java.util.Collections.unmodifiableMap(copy);
    }
}
