package org.clusterdynamics.diag;

/**
 * Where a problem is: file, variable (as written), line (0 = unknown) and simulated time (NaN =
 * not during a run).
 */
public record Where(String file, String variable, int line, double time) {
    public static Where file(String file) {
        return new Where(file, null, 0, Double.NaN);
    }

    public static Where of(String file, String variable, int line) {
        return new Where(file, variable, line, Double.NaN);
    }

    public Where atTime(double t) {
        return new Where(file, variable, line, t);
    }

    public Where withVariable(String v) {
        return new Where(file, v, line, time);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<model>" : file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (variable != null) {
            sb.append(": variable '").append(variable).append('\'');
        }
        if (!Double.isNaN(time)) {
            sb.append(" at time ").append(formatTime(time));
        }
        return sb.toString();
    }

    private static String formatTime(double t) {
        return Texts.number(t);
    }
}
