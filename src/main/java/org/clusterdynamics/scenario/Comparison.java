package org.clusterdynamics.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.sim.Results;

/**
 * Tables that set scenarios side by side: chosen outputs at chosen times, with each scenario's
 * difference from and ratio to a base scenario.
 */
public final class Comparison {
    private Comparison() {}

    /**
     * One row per variable and time: its units, each scenario's value, then (scenario - base) and
     * (scenario / base) for every other scenario. With no times, the base run's final time is used.
     */
    public static Table table(Map<String, Results> runs, List<String> variables, double[] times, String base) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("compare: no runs given; pass the runs to compare");
        }
        if (variables.isEmpty()) {
            throw new IllegalArgumentException("compare: no outputs given; name the variables to compare");
        }
        String baseName = base == null ? runs.keySet().iterator().next() : base;
        Results b = runs.get(baseName);
        if (b == null) {
            throw new IllegalArgumentException("compare: the base '" + baseName + "' is not among the runs ("
                    + String.join(", ", runs.keySet()) + "); give the name of one of them");
        }
        double[] ts = times == null || times.length == 0 ? new double[] {b.times()[b.rowCount() - 1]} : times;
        List<String> others = new ArrayList<>();
        for (String n : runs.keySet()) {
            if (!n.equals(baseName)) {
                others.add(n);
            }
        }
        List<String> cols = new ArrayList<>(List.of("variable", "units", "time"));
        cols.addAll(runs.keySet());
        for (String o : others) {
            cols.add(o + " - " + baseName);
        }
        for (String o : others) {
            cols.add(o + " / " + baseName);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (String v : variables) {
            for (Results r : runs.values()) {
                r.column(v); // fails early, naming the known variables
            }
            for (Map.Entry<String, Results> r : runs.entrySet()) {
                for (double t : ts) {
                    SeriesStats.requireWithin(r.getValue().times(), t, "run '" + r.getKey() + "'");
                }
            }
            for (double t : ts) {
                List<Object> row = new ArrayList<>();
                row.add(written(b, v));
                row.add(b.units(v));
                row.add(t);
                double bv = b.valueAt(v, t);
                for (Results r : runs.values()) {
                    row.add(r.valueAt(v, t));
                }
                for (String o : others) {
                    row.add(runs.get(o).valueAt(v, t) - bv);
                }
                for (String o : others) {
                    row.add(bv == 0 ? Double.NaN : runs.get(o).valueAt(v, t) / bv);
                }
                rows.add(row);
            }
        }
        return new Table(cols, rows);
    }

    /** The variable's name as written in the results. */
    static String written(Results r, String v) {
        String k = Results.key(v);
        for (String n : r.names()) {
            if (Results.key(n).equals(k)) {
                return n;
            }
        }
        return v;
    }
}
