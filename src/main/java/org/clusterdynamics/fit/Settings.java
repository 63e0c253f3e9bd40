package org.clusterdynamics.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings files: constants to set for a run, one {@code NAME = VALUE} per line, {@code #} comments.
 * {@code cdyn calibrate} writes them; {@code cdyn run --set-file} and scripts read them.
 */
public final class Settings {
    private Settings() {}

    /** The file's text: the comment lines, then one line per value, values in full precision. */
    public static String format(Map<String, Double> values, List<String> comments) {
        StringBuilder sb = new StringBuilder();
        for (String c : comments) {
            sb.append("# ").append(c.replace('\n', ' ')).append('\n');
        }
        values.forEach((k, v) -> sb.append(k).append(" = ").append(DataReader.format(v)).append('\n'));
        return sb.toString();
    }

    /** Reads a settings file's text; throws naming the file and line of a malformed entry. */
    public static Map<String, Double> parse(String source, String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        int line = 0;
        for (String raw : text.split("\r?\n", -1)) {
            line++;
            String l = raw.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(source + ":" + line + ": '" + l + "' is not NAME = VALUE; write e.g."
                        + " 'Contact Rate = 2.5' (lines starting with # are comments)");
            }
            String name = l.substring(0, eq).strip();
            String value = l.substring(eq + 1).strip();
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ":" + line + ": the value of '" + name + "', '" + value
                        + "', is not a number");
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(source + ":" + line + ": the value of '" + name + "' must be finite");
            }
            if (out.put(name, v) != null) {
                throw new IllegalArgumentException(source + ":" + line + ": '" + name + "' is set twice; keep one line");
            }
        }
        return out;
    }
}
