package org.clusterdynamics.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clusterdynamics.sim.Results;

/**
 * Decides whether a run matches a case's expected output: the one place that holds the
 * conformance tolerance, {@code |expected - actual| <= 1e-5 + 1e-5 * |actual|} (as PySD).
 */
final class Comparator {
    static final double ABSOLUTE = 1e-5;
    static final double RELATIVE = 1e-5;

    private Comparator() {}

    static boolean close(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (expected == actual) {
            return true;
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return false; // the relative term would otherwise admit any value next to an infinity
        }
        return Math.abs(expected - actual) <= ABSOLUTE + RELATIVE * Math.abs(actual);
    }

    /**
     * Empty when every expected column is produced and matches at every row; otherwise what
     * differs first. Rows are aligned by position, as Vensim rounds the times it writes, and their
     * times must agree; a file with fewer rows than the run is a window of consecutive saved rows,
     * placed at the run's row whose time is its first.
     */
    static Optional<String> compare(ExpectedOutput expected, Results actual) {
        Map<String, double[]> byKey = new LinkedHashMap<>();
        for (String n : actual.names()) {
            byKey.putIfAbsent(ExpectedOutput.normalise(n), actual.column(n));
        }
        List<String> missing = new ArrayList<>();
        for (String k : expected.keys()) {
            if (!byKey.containsKey(k)) {
                missing.add(expected.written(k));
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of(missing.size() + " expected column(s) not produced: "
                    + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
                    + (missing.size() > 10 ? ", ..." : ""));
        }
        double[] et = expected.times();
        double[] at = actual.times();
        int offset = windowStart(et, at);
        if (offset < 0) {
            return Optional.of("expected " + expected.rowCount() + " saved rows from time " + num(et[0]) + ", got "
                    + actual.rowCount() + " from time " + num(at[0]) + " (check start, stop and save step)");
        }
        List<String> keys = expected.keys();
        List<double[]> exp = new ArrayList<>();
        for (String k : keys) {
            exp.add(expected.column(k));
        }
        for (int r = 0; r < et.length; r++) {
            if (!close(et[r], at[r + offset])) {
                return Optional.of(String.format(Locale.ROOT, "row %d: expected time %s, got %s", r, num(et[r]),
                        num(at[r + offset])));
            }
            for (int c = 0; c < keys.size(); c++) {
                double e = exp.get(c)[r];
                double a = byKey.get(keys.get(c))[r + offset];
                if (!close(e, a)) {
                    return Optional.of(String.format(Locale.ROOT,
                            "column '%s', row %d (time %s): expected %s, got %s (difference %s, tolerance %s)",
                            expected.written(keys.get(c)), r, num(et[r]), num(e), num(a), num(Math.abs(e - a)),
                            num(ABSOLUTE + RELATIVE * Math.abs(a))));
                }
            }
        }
        return Optional.empty();
    }

    /** Where the expected rows start among the run's rows, or -1 when they cannot fit. */
    private static int windowStart(double[] expectedTimes, double[] actualTimes) {
        int spare = actualTimes.length - expectedTimes.length;
        if (spare < 0 || expectedTimes.length == 0) {
            return spare == 0 ? 0 : -1;
        }
        if (spare == 0) {
            return 0; // same count: by position, so a mismatch is reported row by row below
        }
        for (int o = 0; o <= spare; o++) {
            if (close(expectedTimes[0], actualTimes[o])) {
                return o;
            }
        }
        return -1;
    }

    private static String num(double v) {
        return Double.toString(v);
    }
}
