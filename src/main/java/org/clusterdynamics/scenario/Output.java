package org.clusterdynamics.scenario;

import java.util.List;
import java.util.Locale;

/**
 * One number taken from a run for tables: a variable's value at a time, or its final, initial,
 * largest, smallest or mean value.
 */
public record Output(String variable, Metric metric) {

    /** How the number is taken from the variable's series. */
    public sealed interface Metric permits At, Summary {
        String label();
    }

    /** The value at a time, interpolated between save times; a time outside the run is refused. */
    public record At(double time) implements Metric {
        public At {
            if (!Double.isFinite(time)) {
                throw new IllegalArgumentException("an output time must be a finite number, not " + time);
            }
        }

        @Override
        public String label() {
            return "@ " + Change.number(time);
        }
    }

    /** A statistic of the whole series. */
    public record Summary(SeriesStats.Kind kind) implements Metric {
        @Override
        public String label() {
            return "(" + kind.name().toLowerCase(Locale.ROOT) + ")";
        }
    }

    public Output {
        if (variable == null || variable.isBlank()) {
            throw new IllegalArgumentException("an output names no variable; give a variable name as in the model");
        }
    }

    public static Output at(String variable, double time) {
        return new Output(variable, new At(time));
    }

    public static Output finalValue(String variable) {
        return new Output(variable, new Summary(SeriesStats.Kind.FINAL));
    }

    /** Reads "final", "initial", "max", "min" or "mean" as a statistic. */
    public static Metric metric(String name) {
        for (SeriesStats.Kind k : SeriesStats.Kind.values()) {
            if (k.name().equalsIgnoreCase(name.strip())) {
                return new Summary(k);
            }
        }
        throw new IllegalArgumentException("unknown statistic '" + name + "'; use final, initial, max, min, mean,"
                + " timeOfMax or timeOfMin, or a time such as 1994");
    }

    /** The column label: "Products Mastered @ 1994" or "Employment (max)". */
    public String label() {
        return variable + " " + metric.label();
    }

    /** The number from a series saved at the given times. */
    public double of(double[] times, double[] values) {
        if (metric instanceof At a) {
            SeriesStats.requireWithin(times, a.time(), "the run of output '" + label() + "'");
            return SeriesStats.interpolate(times, values, a.time());
        }
        return SeriesStats.of(times, values).get(((Summary) metric).kind());
    }

    /** The index of the outcome named by its label or its variable (an attribution's outcomes); refused when none. */
    public static int indexOf(List<Output> outcomes, String name) {
        for (int k = 0; k < outcomes.size(); k++) {
            if (outcomes.get(k).label().equalsIgnoreCase(name.strip())
                    || Scenario.key(outcomes.get(k).variable()).equals(Scenario.key(name))) {
                return k;
            }
        }
        throw new IllegalArgumentException("the attribution has no outcome '" + name + "'; its outcomes are "
                + String.join(", ", outcomes.stream().map(Output::label).toList()));
    }
}
