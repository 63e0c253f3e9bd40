package org.clusterdynamics.fit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A constant to fit and the range it is searched in, from {@code "NAME=LO..HI"}. */
public record FitParameter(String name, double lo, double hi) {
    private static final Pattern FORM = Pattern.compile("(.+?)=\\s*([^=]+?)\\s*\\.\\.\\s*([^=.][^=]*)");

    public FitParameter {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a fitted parameter needs a name: write NAME=LO..HI, e.g."
                    + " \"Contact Rate=0.5..5\"");
        }
        name = name.strip();
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("the range of '" + name + "' must be finite numbers, not " + lo + ".."
                    + hi);
        }
        if (lo >= hi) {
            throw new IllegalArgumentException("the range of '" + name + "' is " + DataReader.format(lo) + ".."
                    + DataReader.format(hi) + ": LO must be below HI; write e.g. \"" + name + "=" + DataReader.format(
                    Math.min(lo, hi)) + ".." + DataReader.format(Math.max(lo, hi) + (lo == hi ? 1 : 0)) + "\"");
        }
    }

    /** Reads {@code NAME=LO..HI}. */
    public static FitParameter parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not NAME=LO..HI; write e.g. \"Contact Rate=0.5..5\"");
        }
        String name = m.group(1).strip();
        return new FitParameter(name, number(name, m.group(2)), number(name, m.group(3)));
    }

    private static double number(String name, String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the range of '" + name + "': '" + s.strip() + "' is not a number");
        }
    }

    /** The value inside the range for an unbounded search variable (a logistic map, smooth everywhere). */
    double fromFree(double u) {
        return lo + (hi - lo) / (1 + Math.exp(-u));
    }

    /** The search variable of a value; values at or outside the bounds map just inside them. */
    double toFree(double x) {
        double f = (x - lo) / (hi - lo);
        f = Math.min(1 - 1e-9, Math.max(1e-9, f));
        return Math.log(f / (1 - f));
    }

    double mid() {
        return (lo + hi) / 2;
    }
}
