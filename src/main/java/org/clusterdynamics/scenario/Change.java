package org.clusterdynamics.scenario;

import java.util.Arrays;
import java.util.Locale;

/**
 * One change a scenario makes to its base model: a value, a new equation, a table of values over
 * time, or a mechanism switched on or off. Targets are variable names as written or canonical;
 * a value may target one array element as {@code name[elem]}.
 */
public sealed interface Change extends java.io.Serializable
        permits Change.SetValue, Change.SetEquation, Change.SetTable, Change.Switch {

    /** The variable changed, as the user wrote it. */
    String target();

    /** A one-line description for tables and reports, e.g. "Copying Lag = 2". */
    String describe();

    /** True when the change needs the model recompiled (a new equation or table). */
    default boolean structural() {
        return this instanceof SetEquation || this instanceof SetTable;
    }

    /** Holds a constant (or any auxiliary) at a value for the whole run; on a stock, sets its initial value. */
    record SetValue(String target, double value) implements Change {
        public SetValue {
            requireName(target);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("the value for '" + target + "' is " + value
                        + "; give a finite number");
            }
        }

        @Override
        public String describe() {
            return target + " = " + number(value);
        }
    }

    /**
     * Replaces a variable's equation with new equation text in the model's own syntax;
     * {@code note} (may be null) describes it for people, e.g. "CFC Active = 1 from 1975".
     */
    record SetEquation(String target, String equation, String note) implements Change {
        public SetEquation {
            requireName(target);
            if (equation == null || equation.isBlank()) {
                throw new IllegalArgumentException("the new equation for '" + target + "' is empty; give an"
                        + " expression such as 'STEP(1, 1975)'");
            }
            equation = equation.strip();
        }

        @Override
        public String describe() {
            return note != null ? note : target + " = " + equation;
        }
    }

    /**
     * Makes a variable a table of values over time: linear between the points (or a step that holds
     * each value until the next time when {@code steps}), the end values outside them. On a lookup
     * (a variable with a graphical function) the points replace the lookup's points instead, and the
     * lookup keeps its input: {@code times} are then the input's values.
     *
     * @param input for a lookup, its input as written ("" for one called like a function); null for a
     *     table over time. Only for {@link #describe}: the model decides what the points replace.
     */
    record SetTable(String target, double[] times, double[] values, boolean steps, String input) implements Change {

        /** A table over time, or the points of a lookup when the target is one. */
        public SetTable(String target, double[] times, double[] values, boolean steps) {
            this(target, times, values, steps, null);
        }

        /** The same points for a lookup with this input. */
        public SetTable forLookup(String lookupInput) {
            return new SetTable(target, times, values, steps, lookupInput == null ? "" : lookupInput);
        }

        public SetTable {
            requireName(target);
            if (times == null || values == null || times.length == 0 || times.length != values.length) {
                throw new IllegalArgumentException("the table for '" + target + "' needs as many times as values"
                        + " and at least one point (got " + (times == null ? 0 : times.length) + " times and "
                        + (values == null ? 0 : values.length) + " values)");
            }
            for (int i = 0; i < times.length; i++) {
                if (!Double.isFinite(times[i]) || !Double.isFinite(values[i])) {
                    throw new IllegalArgumentException("the table for '" + target + "' has a point that is not a"
                            + " finite number at position " + (i + 1));
                }
                if (i > 0 && times[i] < times[i - 1]) {
                    throw new IllegalArgumentException("the table for '" + target + "' has times out of order ("
                            + number(times[i - 1]) + " before " + number(times[i]) + "); list times in increasing order");
                }
            }
            times = times.clone();
            values = values.clone();
        }

        @Override
        public double[] times() {
            return times.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder(target).append(input == null ? " = table over time ("
                    : input.isBlank() ? " = lookup (" : " = lookup of " + input + " (");
            int n = Math.min(times.length, 4);
            for (int i = 0; i < n; i++) {
                sb.append(i == 0 ? "" : ", ").append(number(times[i])).append(": ").append(number(values[i]));
            }
            return sb.append(times.length > n ? ", ...)" : ")").toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SetTable t && t.target.equals(target) && t.steps == steps
                    && Arrays.equals(t.times, times) && Arrays.equals(t.values, values)
                    && java.util.Objects.equals(t.input, input);
        }

        @Override
        public int hashCode() {
            return target.hashCode() * 31 + Arrays.hashCode(times) * 7 + Arrays.hashCode(values) + (steps ? 1 : 0);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** Switches a mechanism on (1) or off (0) through a 0/1 constant the model multiplies it by. */
    record Switch(String target, boolean on) implements Change {
        public Switch {
            requireName(target);
        }

        public double value() {
            return on ? 1 : 0;
        }

        @Override
        public String describe() {
            return target + " " + (on ? "on" : "off");
        }
    }

    private static void requireName(String target) {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("a change names no variable; give the variable's name as written"
                    + " in the model");
        }
    }

    /** Numbers without a trailing ".0", in the form people read in tables (1e+12, not Java's 1.0E12). */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            String mantissa = s.substring(0, s.indexOf('e'));
            mantissa = mantissa.contains(".") ? mantissa.replaceAll("0+$", "").replaceAll("\\.$", "") : mantissa;
            return mantissa + s.substring(s.indexOf('e'));
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
