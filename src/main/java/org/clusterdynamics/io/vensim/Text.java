package org.clusterdynamics.io.vensim;

import java.util.ArrayList;
import java.util.List;

/** Small quote- and bracket-aware helpers over Vensim equation text. */
final class Text {
    private Text() {}

    /**
     * Splits at the given separators where they stand outside parentheses, brackets and
     * double-quoted names; the parts are stripped.
     */
    static List<String> splitTopLevel(String s, String separators) {
        return split(s, separators, false);
    }

    /** Like {@link #splitTopLevel} but also keeps single-quoted strings whole (GET XLS arguments). */
    static List<String> splitArguments(String s) {
        return split(s, ",", true);
    }

    private static List<String> split(String s, String separators, boolean singleQuotes) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || (singleQuotes && c == '\'')) {
                i = closingQuote(s, i);
                if (i < 0) {
                    break;
                }
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (depth == 0 && separators.indexOf(c) >= 0) {
                parts.add(s.substring(from, i).strip());
                from = i + 1;
            }
        }
        parts.add(s.substring(from).strip());
        return parts;
    }

    /** Index of the quote that closes the one at {@code open} (a backslash escapes), or -1. */
    static int closingQuote(String s, int open) {
        char q = s.charAt(open);
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && q == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                i++;
            } else if (c == q) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the bracket closing the '(' or '[' at {@code open}, skipping quotes; -1 if none. */
    static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = closingQuote(s, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                if (--depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Folds runs of white space outside quotes to one space, so names split over lines read as written. */
    static String collapseSpace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                int end = closingQuote(s, i);
                if (end < 0) {
                    end = s.length() - 1;
                }
                if (pendingSpace && sb.length() > 0) {
                    sb.append(' ');
                }
                pendingSpace = false;
                sb.append(s, i, end + 1);
                i = end;
            } else if (Character.isWhitespace(c)) {
                pendingSpace = true;
            } else {
                if (pendingSpace && sb.length() > 0) {
                    sb.append(' ');
                }
                pendingSpace = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** True when the text is one numeric literal, optionally signed ("-1.5e3", "+2"). */
    static boolean isNumber(String s) {
        return s.matches("[+-]?\\s*(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    }

    static double number(String s) {
        return Double.parseDouble(s.replaceAll("\\s+", ""));
    }

    /** Upper case with underscores and runs of spaces as one space: how Vensim compares function names. */
    static String functionKey(String s) {
        return s.replace('_', ' ').strip().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT);
    }
}
