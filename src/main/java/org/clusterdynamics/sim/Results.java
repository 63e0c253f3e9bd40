package org.clusterdynamics.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The saved output of one run: the save times and one column of values per saved variable,
 * named as written in the model (array elements as {@code name[elem,elem]}).
 *
 * <p>A simulator records rows (one contiguous copy of the state per save step, the cheap way to
 * keep everything); the first request for a column turns them into columns once.
 */
public final class Results implements java.io.Serializable {
    private final double[] times;
    private final List<String> names;
    private final double[][] columns;
    /** Column by name key; worked out on first use (a run written straight to a file never needs it). */
    private transient volatile Map<String, Integer> index;
    private final transient Layout layout;
    private final Map<String, String> units;
    /** Row-major values until the first column is asked for, then null. */
    private double[] rows;

    public Results(double[] times, List<String> names, double[][] columns, Map<String, String> units) {
        if (names.size() != columns.length) {
            throw new IllegalArgumentException("names and columns differ in length");
        }
        this.times = times;
        this.names = List.copyOf(names);
        this.columns = columns;
        this.units = units == null ? Map.of() : Map.copyOf(units);
        this.layout = null;
    }

    /** Results over row-major values {@code rows[row * names.size() + column]}, with a shared layout. */
    Results(double[] times, Layout layout, double[] rows) {
        this.times = times;
        this.names = layout.names();
        this.units = layout.units();
        this.layout = layout;
        this.columns = new double[names.size()][];
        this.rows = rows;
    }

    /** Names, units and the name index of a simulator's results, computed once and shared by its runs. */
    static final class Layout {
        private final List<String> names;
        private final Map<String, String> units;
        private Map<String, Integer> index;

        private Layout(List<String> names, Map<String, String> units) {
            this.names = names;
            this.units = units;
        }

        static Layout of(List<String> names, Map<String, String> units) {
            return new Layout(List.copyOf(names), Map.copyOf(units));
        }

        List<String> names() {
            return names;
        }

        Map<String, String> units() {
            return units;
        }

        synchronized Map<String, Integer> index() {
            if (index == null) {
                index = Collections.unmodifiableMap(indexOf(names));
            }
            return index;
        }
    }

    private Map<String, Integer> index() {
        Map<String, Integer> i = index;
        if (i == null) {
            i = layout != null ? layout.index() : Collections.unmodifiableMap(indexOf(names));
            index = i;
        }
        return i;
    }

    private static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> index = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(key(names.get(i)), i);
        }
        return index;
    }

    /** The columns, turned from rows on first use. */
    private synchronized double[][] columns() {
        if (rows != null) {
            int width = columns.length;
            int n = times.length;
            for (int j = 0; j < width; j++) {
                columns[j] = new double[n];
            }
            for (int r = 0; r < n; r++) {
                int base = r * width;
                for (int j = 0; j < width; j++) {
                    columns[j][r] = rows[base + j];
                }
            }
            rows = null;
        }
        return columns;
    }

    /** Name key used for look-ups: case, spaces and underscores do not matter. */
    public static String key(String name) {
        return org.clusterdynamics.model.VarName.outputKey(name);
    }

    public double[] times() {
        return times;
    }

    public int rowCount() {
        return times.length;
    }

    /** Column names in model order, as written. */
    public List<String> names() {
        return names;
    }

    public boolean has(String name) {
        return index().containsKey(key(name));
    }

    /** The saved values of a variable; throws with the known names when it does not exist. */
    public double[] column(String name) {
        Integer i = index().get(key(name));
        if (i == null) {
            throw new IllegalArgumentException("no variable '" + name + "' in the results; known: "
                    + String.join(", ", names.subList(0, Math.min(names.size(), 30)))
                    + (names.size() > 30 ? ", ..." : ""));
        }
        return columns()[i];
    }

    /** The saved values of the variable at that place in {@link #names()}. */
    public double[] column(int index) {
        return columns()[index];
    }

    /** Units of a variable as written in the model ("" when none). */
    public String units(String name) {
        Integer i = index().get(key(name));
        return i == null ? "" : units.getOrDefault(names.get(i), "");
    }

    public Map<String, String> unitsByName() {
        return Collections.unmodifiableMap(units);
    }

    /** The value at time t, linearly interpolated between save times, clamped at the ends. */
    public double valueAt(String name, double t) {
        double[] c = column(name);
        if (t <= times[0]) {
            return c[0];
        }
        for (int i = 1; i < times.length; i++) {
            if (t <= times[i]) {
                double f = (t - times[i - 1]) / (times[i] - times[i - 1]);
                return c[i - 1] + f * (c[i] - c[i - 1]);
            }
        }
        return c[c.length - 1];
    }

    public double finalValue(String name) {
        double[] c = column(name);
        return c[c.length - 1];
    }

    /** A copy with only the named columns, in the given order. */
    public Results select(List<String> wanted) {
        List<String> ns = new ArrayList<>();
        double[][] cs = new double[wanted.size()][];
        for (int i = 0; i < wanted.size(); i++) {
            Integer j = index().get(key(wanted.get(i)));
            if (j == null) {
                column(wanted.get(i));
            }
            ns.add(names.get(j));
            cs[i] = columns()[j];
        }
        return new Results(times, ns, cs, units);
    }
}
