package org.clusterdynamics.fit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Observed series read from a data file: one time axis and, per column, a value at each time
 * (NaN where the cell was empty). Columns are named as the file names them.
 *
 * @param source the file the data came from, for messages
 */
public record ObservedData(String source, double[] times, Map<String, double[]> columns) {

    public ObservedData {
        times = times.clone();
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            if (e.getValue().length != times.length) {
                throw new IllegalArgumentException("column '" + e.getKey() + "' has " + e.getValue().length
                        + " values for " + times.length + " times");
            }
            copy.put(e.getKey(), e.getValue().clone());
        }
        columns = Collections.unmodifiableMap(copy);
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    public List<String> names() {
        return new ArrayList<>(columns.keySet());
    }

    /** The values of one column (NaN where missing). */
    public double[] column(String name) {
        double[] v = columns.get(name);
        if (v == null) {
            throw new IllegalArgumentException(source + " has no column '" + name + "'; its columns are "
                    + String.join(", ", columns.keySet()));
        }
        return v.clone();
    }

    /** The same data with only the named columns. */
    public ObservedData select(List<String> names) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String n : names) {
            out.put(n, column(n));
        }
        return new ObservedData(source, times, out);
    }

    /** How many values (not NaN) the column has at times within [from, to]. */
    public int count(String name, double from, double to) {
        double[] v = columns.get(name);
        int n = 0;
        for (int i = 0; i < times.length; i++) {
            if (!Double.isNaN(v[i]) && times[i] >= from && times[i] <= to) {
                n++;
            }
        }
        return n;
    }
}
