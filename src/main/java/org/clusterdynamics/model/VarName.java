package org.clusterdynamics.model;

import java.util.Locale;

/**
 * A name as the modeller wrote it together with its canonical id, the key every later stage uses.
 *
 * <p>One canonicalising function serves both formats, so that {@code "Stock A"}, {@code Stock_A} and
 * {@code stock a} are the same variable, as in Vensim and Stella.
 */
public record VarName(String asWritten, String id) implements Comparable<VarName> {

    /** Compiled once: names are cleaned hundreds of thousands of times in a large model. */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    public static VarName of(String asWritten) {
        String cleaned = cleanWritten(asWritten);
        return new VarName(cleaned, canonical(cleaned));
    }

    /** Strips quotes and folds newlines so the written form is fit for output headers. */
    public static String cleanWritten(String written) {
        String s = written.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        s = s.replace("\\n", " ").replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** Lower case, quotes stripped, runs of spaces and underscores folded to one underscore. */
    public static String canonical(String name) {
        String s = cleanWritten(name);
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSeparator = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '_' || c == '\t') {
                pendingSeparator = out.length() > 0;
            } else {
                if (pendingSeparator) {
                    out.append('_');
                    pendingSeparator = false;
                }
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Key for matching output column names such as {@code Stock_A[x, y]} and {@code stock a[x,y]}:
     * case, spaces and underscores do not matter.
     */
    public static String outputKey(String name) {
        return collapseSpaces(name.toLowerCase(Locale.ROOT).replace('_', ' ')).replace(" [", "[")
                .replace(", ", ",").replace(" ,", ",").strip();
    }

    /**
     * Each run of regular-expression white space ({@code \s}: space, tab, line feed, vertical tab,
     * form feed, carriage return) as one space, without a regular expression: a wide result keys
     * tens of thousands of names.
     */
    private static String collapseSpaces(String s) {
        StringBuilder out = null; // null while the text is unchanged so far
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r';
            if (out == null) {
                if (space && (inRun || c != ' ')) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                    if (!inRun) {
                        out.append(' ');
                    }
                }
            } else if (!space) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = space;
        }
        return out == null ? s : out.toString();
    }

    /** Names longer than this are not compared character by character (see {@link #editDistance}). */
    private static final int MAX_COMPARED = 256;

    /** Levenshtein distance between two names, for "did you mean" suggestions. */
    public static int editDistance(String a, String b) {
        if (a.length() > MAX_COMPARED || b.length() > MAX_COMPARED) {
            // no suggestion is useful for such names, and the distance costs the product of the lengths
            return a.equals(b) ? 0 : Math.max(a.length(), b.length());
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    @Override
    public int compareTo(VarName o) {
        return id.compareTo(o.id);
    }

    @Override
    public String toString() {
        return asWritten;
    }
}
