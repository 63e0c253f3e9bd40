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
 * @param bands mechanism name -> {low, high} drawn as a whisker over its bar (empty for none)
 * @param subtitle what a bar means, or null for the switched-off-minus-baseline wording
 */
public record Attribution(String outcome, String units, Map<String, Double> changes, Map<String, double[]> bands,
                          String subtitle) {

    /** Bars without whiskers: the change when each mechanism is switched off. */
    public Attribution(String outcome, String units, Map<String, Double> changes) {
        this(outcome, units, changes, Map.of(), null);
    }

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
        Map<String, double[]> b = new LinkedHashMap<>();
        (bands == null ? Map.<String, double[]>of() : bands).forEach((k, v) -> {
            if (!copy.containsKey(k)) {
                throw new IllegalArgumentException("attribution chart: a band is given for '" + k
                        + "', which has no bar");
            }
            if (v == null || v.length != 2 || !Double.isFinite(v[0]) || !Double.isFinite(v[1])) {
                throw new IllegalArgumentException("attribution chart: the band of '" + k
                        + "' must be two finite numbers {low, high}");
            }
            b.put(k, new double[] {Math.min(v[0], v[1]), Math.max(v[0], v[1])});
        });
        bands = java.util.Collections.unmodifiableMap(b);
    }
}
