package org.clusterdynamics.chart;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Monte Carlo summary of one variable: for each percentile (0..100) its value at every time.
 *
 * @param name the variable's name as written in the model
 * @param times save times, increasing
 * @param byPercentile percentile -> values, each as long as {@code times}; 50 is drawn as the median
 */
public record PercentileSeries(String name, double[] times, SortedMap<Double, double[]> byPercentile) {

    public PercentileSeries {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("fan chart: the percentile series has no variable name");
        }
        if (times == null || times.length == 0) {
            throw new IllegalArgumentException("fan chart: '" + name + "' has no times");
        }
        if (byPercentile == null || byPercentile.isEmpty()) {
            throw new IllegalArgumentException("fan chart: '" + name + "' has no percentiles; give e.g. 5, 50 and 95");
        }
        TreeMap<Double, double[]> copy = new TreeMap<>();
        for (Map.Entry<Double, double[]> e : byPercentile.entrySet()) {
            double p = e.getKey();
            if (!(p >= 0 && p <= 100)) {
                throw new IllegalArgumentException("fan chart: '" + name + "' has percentile " + p + "; use 0..100");
            }
            if (e.getValue() == null || e.getValue().length != times.length) {
                throw new IllegalArgumentException("fan chart: '" + name + "' percentile " + Numbers.format(p)
                        + " has " + (e.getValue() == null ? 0 : e.getValue().length) + " values for "
                        + times.length + " times");
            }
            copy.put(p, e.getValue().clone());
        }
        times = times.clone();
        byPercentile = java.util.Collections.unmodifiableSortedMap(copy);
    }

    /** Convenience for callers with a plain map (e.g. from a script). */
    public static PercentileSeries of(String name, double[] times, Map<? extends Number, double[]> byPercentile) {
        TreeMap<Double, double[]> m = new TreeMap<>();
        byPercentile.forEach((p, v) -> m.put(p.doubleValue(), v));
        return new PercentileSeries(name, times, m);
    }
}
