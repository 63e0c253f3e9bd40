package org.clusterdynamics.scenario;

/**
 * Summary statistics of one saved series: first and last values, extremes and when they occur,
 * and the mean of the saved values.
 */
public record SeriesStats(double initial, double finalValue, double min, double max, double mean,
                          double timeOfMin, double timeOfMax) {

    /** The statistics by name, for outputs and tables. */
    public enum Kind { INITIAL, FINAL, MIN, MAX, MEAN, TIMEOFMIN, TIMEOFMAX }

    public static SeriesStats of(double[] times, double[] values) {
        if (values.length == 0 || times.length != values.length) {
            throw new IllegalArgumentException("statistics need a series with at least one saved value");
        }
        double min = values[0];
        double max = values[0];
        double tMin = times[0];
        double tMax = times[0];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            sum += v;
            if (v < min) {
                min = v;
                tMin = times[i];
            }
            if (v > max) {
                max = v;
                tMax = times[i];
            }
        }
        return new SeriesStats(values[0], values[values.length - 1], min, max, sum / values.length, tMin, tMax);
    }

    public double get(Kind k) {
        return switch (k) {
            case INITIAL -> initial;
            case FINAL -> finalValue;
            case MIN -> min;
            case MAX -> max;
            case MEAN -> mean;
            case TIMEOFMIN -> timeOfMin;
            case TIMEOFMAX -> timeOfMax;
        };
    }

    /**
     * Refuses a time outside the saved span of a run: reading such a time would silently give the
     * value at the nearest end. A rounding error's worth beyond an end is accepted.
     *
     * @param what what asked for the time, e.g. "run 'baseline'", for the message
     */
    public static void requireWithin(double[] times, double t, String what) {
        double first = times[0];
        double last = times[times.length - 1];
        double slack = 1e-9 * Math.max(1, Math.max(Math.abs(first), Math.abs(last)));
        if (!(t >= first - slack && t <= last + slack)) {
            throw new IllegalArgumentException("time " + Change.number(t) + " is outside " + what + ", which runs from "
                    + Change.number(first) + " to " + Change.number(last) + "; ask for a time from " + Change.number(first)
                    + " to " + Change.number(last) + ", or change the run's time span with scenario.time({start, stop})");
        }
    }

    /** The value at time t, linear between save times and clamped to the ends (as Results.valueAt). */
    public static double interpolate(double[] times, double[] values, double t) {
        int n = times.length;
        if (t <= times[0]) {
            return values[0];
        }
        if (t >= times[n - 1]) {
            return values[n - 1];
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        if (times[lo] == t) {
            return values[lo];
        }
        double f = (t - times[lo]) / (times[hi] - times[lo]);
        return values[lo] + f * (values[hi] - values[lo]);
    }
}
