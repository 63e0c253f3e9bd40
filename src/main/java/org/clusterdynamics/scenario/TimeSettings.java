package org.clusterdynamics.scenario;

import org.clusterdynamics.model.Method;

/**
 * A scenario's time span, step, save step and integration method; NaN (or a null method) keeps the
 * model's own setting.
 */
public record TimeSettings(double start, double stop, double dt, double saveStep, Method method)
        implements java.io.Serializable {

    /** Everything as in the model. */
    public static final TimeSettings MODEL = new TimeSettings(Double.NaN, Double.NaN, Double.NaN, Double.NaN, null);

    public TimeSettings {
        check("dt", dt, true);
        check("save step", saveStep, true);
        check("start", start, false);
        check("stop", stop, false);
        if (!Double.isNaN(start) && !Double.isNaN(stop) && stop < start) {
            throw new IllegalArgumentException("the stop time " + Change.number(stop) + " is before the start time "
                    + Change.number(start) + "; give a stop time after the start");
        }
    }

    private static void check(String what, double v, boolean positive) {
        if (Double.isNaN(v)) {
            return;
        }
        if (Double.isInfinite(v) || (positive && v <= 0)) {
            throw new IllegalArgumentException("the " + what + " " + v + " is not "
                    + (positive ? "a positive number" : "a finite number") + "; give " + (positive
                    ? "a positive step, e.g. 0.25" : "a time in the model's time units"));
        }
    }

    /** These settings with every setting the other one gives (not NaN or null) taking its place. */
    public TimeSettings overriddenBy(TimeSettings o) {
        return new TimeSettings(
                Double.isNaN(o.start) ? start : o.start,
                Double.isNaN(o.stop) ? stop : o.stop,
                Double.isNaN(o.dt) ? dt : o.dt,
                Double.isNaN(o.saveStep) ? saveStep : o.saveStep,
                o.method == null ? method : o.method);
    }

    public boolean isModel() {
        return equals(MODEL);
    }

    /** "start 1960, stop 2000, dt 0.125" naming only what differs from the model. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        append(sb, "start", start);
        append(sb, "stop", stop);
        append(sb, "dt", dt);
        append(sb, "save step", saveStep);
        if (method != null) {
            sb.append(sb.length() == 0 ? "" : ", ").append("method ").append(method.name().toLowerCase());
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String what, double v) {
        if (!Double.isNaN(v)) {
            sb.append(sb.length() == 0 ? "" : ", ").append(what).append(' ').append(Change.number(v));
        }
    }

    @Override
    public boolean equals(Object o) {
        // NaN != NaN for doubles, so compare bit patterns (all NaNs here are Double.NaN)
        return o instanceof TimeSettings t && Double.compare(t.start, start) == 0 && Double.compare(t.stop, stop) == 0
                && Double.compare(t.dt, dt) == 0 && Double.compare(t.saveStep, saveStep) == 0 && t.method == method;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(start, stop, dt, saveStep, method);
    }
}
