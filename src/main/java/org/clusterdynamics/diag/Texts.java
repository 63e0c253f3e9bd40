package org.clusterdynamics.diag;

import java.math.BigDecimal;

/** How names and numbers appear in messages: short enough to read, numbers as a modeller writes them. */
public final class Texts {
    private Texts() {}

    /** Longest word or quoted name shown in full in a message. */
    public static final int MAX_SHOWN = 200;

    /**
     * The message with every run of more than {@link #MAX_SHOWN} characters without a space, and every
     * quoted text longer than that, cut in the middle with the number of characters left out.
     */
    public static String shorten(String message) {
        if (message == null) {
            return null;
        }
        if (message.indexOf('E') >= 0) {
            message = javaNumbers(message);
        }
        if (message.length() <= MAX_SHOWN) {
            return message;
        }
        StringBuilder out = new StringBuilder(Math.min(message.length(), 4 * MAX_SHOWN));
        int i = 0;
        int n = message.length();
        while (i < n) {
            char c = message.charAt(i);
            int end;
            if (c == '\'' && (end = message.indexOf('\'', i + 1)) > 0 && end - i > MAX_SHOWN) {
                out.append('\'').append(cut(message.substring(i + 1, end))).append('\'');
                i = end + 1;
                continue;
            }
            if (!Character.isWhitespace(c)) {
                end = i;
                while (end < n && !Character.isWhitespace(message.charAt(end)) && message.charAt(end) != '\'') {
                    end++;
                }
                if (end == i) {
                    end++;
                }
                String word = message.substring(i, end);
                out.append(word.length() > MAX_SHOWN ? cut(word) : word);
                i = end;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static final java.util.regex.Pattern JAVA_EXPONENT = java.util.regex.Pattern.compile(
            "(?<![\\w.])(-?\\d+)(?:\\.(\\d+))?E(-?\\d+)(?![\\w.])");

    /** Numbers in Java's exponent form written as a modeller would: 1.0E12 as 1e12, 2.5E-7 as 2.5e-7. */
    static String javaNumbers(String message) {
        java.util.regex.Matcher m = JAVA_EXPONENT.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String frac = m.group(2) == null ? "" : m.group(2).replaceAll("0+$", "");
            m.appendReplacement(out, m.group(1) + (frac.isEmpty() ? "" : "." + frac) + "e" + m.group(3));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String cut(String s) {
        if (s.length() <= MAX_SHOWN) {
            return s;
        }
        int head = MAX_SHOWN * 3 / 4;
        int tail = MAX_SHOWN / 8;
        return s.substring(0, head) + "... (" + (s.length() - head - tail) + " characters left out) ..."
                + s.substring(s.length() - tail);
    }

    /** A name for a message: as written, shortened when very long. */
    public static String name(String name) {
        return name == null ? null : cut(name);
    }

    /** A number as a modeller writes it: 3, 0.25, 1e12, 1.5e-7, not 3.0 or 1.0E12. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "infinity" : "-infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = new BigDecimal(s.substring(0, e)).stripTrailingZeros().toPlainString();
        return mantissa + "e" + s.substring(e + 1);
    }

    /**
     * Why reading or writing failed, in words: the reason of a file-system error with its file, the
     * message of anything else without the Java class names that wrapped it.
     */
    public static String reason(Throwable e) {
        while ((e instanceof java.io.UncheckedIOException || e.getClass() == RuntimeException.class)
                && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof java.nio.file.FileSystemException fs) {
            String why = fs.getReason();
            if (why == null) {
                why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                        : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                        : e instanceof java.nio.file.NotDirectoryException ? "not a folder"
                        : e instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                        : e instanceof java.nio.file.DirectoryNotEmptyException ? "the folder is not empty"
                        : "cannot be read or written";
            }
            return fs.getFile() == null ? why : fs.getFile() + ": " + why;
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "the file is not UTF-8 text";
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "it could not be read or written";
        }
        return JAVA_NAME.matcher(m).replaceAll("");
    }

    private static final java.util.regex.Pattern JAVA_NAME = java.util.regex.Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");
}
