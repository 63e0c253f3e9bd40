package org.clusterdynamics.io.vensim;

import java.util.ArrayList;
import java.util.List;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.Where;

/**
 * Cuts the text of a .mdl file into its records: equations with units and documentation, and the
 * macro markers between them; groups, comments and the sketch are dropped here.
 */
final class MdlScanner {

    /** One record of the equation section. */
    sealed interface Item permits Entry, MacroStart, MacroEnd {
        int line();
    }

    /** {@code equation ~ units ~ documentation |}, continuations and comments removed. */
    record Entry(String equation, String units, String documentation, int line) implements Item {}

    /** {@code :MACRO: name(params : outputs)}, header without the keyword. */
    record MacroStart(String header, int line) implements Item {}

    /** {@code :END OF MACRO:}. */
    record MacroEnd(int line) implements Item {}

    /** Starts the sketch section; Vensim writes three backslashes, some tools two. */
    private static final java.util.regex.Pattern SKETCH_MARKER = java.util.regex.Pattern.compile("(?m)^\\\\+---///");

    private final String text;
    private final String file;
    private final Diagnostics diags;
    private int pos;
    private int line = 1;

    private MdlScanner(String text, String file, Diagnostics diags) {
        this.text = text;
        this.file = file;
        this.diags = diags;
    }

    /** Splits {@code source}; problems go to {@code diags} and the items found so far are returned. */
    static List<Item> scan(String source, String file, Diagnostics diags) {
        String t = source.startsWith("\uFEFF") ? source.substring(1) : source;
        // one line-ending convention, so that line numbers and continuations work for CR, LF and CRLF files
        t = t.replace("\r\n", "\n").replace('\r', '\n');
        java.util.regex.Matcher sketch = SKETCH_MARKER.matcher(t);
        if (sketch.find()) {
            t = t.substring(0, sketch.start());
        }
        return new MdlScanner(t, file, diags).items();
    }

    private List<Item> items() {
        List<Item> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= text.length()) {
                return out;
            }
            int start = line;
            if (startsWithKeyword(":MACRO:")) {
                pos += ":MACRO:".length();
                out.add(new MacroStart(macroHeader(start), start));
            } else if (startsWithKeyword(":END OF MACRO:")) {
                pos += ":END OF MACRO:".length();
                out.add(new MacroEnd(start));
            } else if (text.charAt(pos) == '*') {
                if (!skipGroup(start)) {
                    return out;
                }
            } else {
                Entry e = entry(start);
                if (e == null) {
                    return out;
                }
                out.add(e);
            }
        }
    }

    private boolean startsWithKeyword(String kw) {
        return text.regionMatches(true, pos, kw, 0, kw.length());
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                advance();
            } else if (c == '{') {
                skipComment();
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        int start = line;
        while (pos < text.length() && text.charAt(pos) != '}') {
            advance();
        }
        if (pos >= text.length()) {
            diags.error("VENSIM_SYNTAX", Where.of(file, null, start),
                    "the comment opened with '{' on line " + start + " is never closed: add the closing '}'");
            return;
        }
        advance();
    }

    private void advance() {
        if (text.charAt(pos) == '\n') {
            line++;
        }
        pos++;
    }

    /** Reads the macro header up to the ')' that closes its parameter list. */
    private String macroHeader(int start) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && continuationAt(pos)) {
                skipContinuation();
                sb.append(' ');
                continue;
            }
            advance();
            sb.append(c);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return sb.toString().strip();
            } else if (c == '\n' && depth == 0 && !sb.toString().isBlank()) {
                return sb.toString().strip();
            }
        }
        if (depth > 0) {
            diags.error("VENSIM_SYNTAX", Where.of(file, null, start),
                    "the :MACRO: header on line " + start + " has no closing ')': close the parameter list");
        }
        return sb.toString().strip();
    }

    /** A group header {@code ***** name ***** ~ doc |}: skipped; false when it never ends. */
    private boolean skipGroup(int start) {
        while (pos < text.length() && text.charAt(pos) != '|') {
            advance();
        }
        if (pos >= text.length()) {
            diags.error("VENSIM_SYNTAX", Where.of(file, null, start),
                    "the group header starting on line " + start + " has no closing '|': end it with '~ |'");
            return false;
        }
        advance();
        return true;
    }

    private boolean continuationAt(int i) {
        int j = i + 1;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            j++;
        }
        return j < text.length() && text.charAt(j) == '\n';
    }

    private void skipContinuation() {
        while (text.charAt(pos) != '\n') {
            pos++;
        }
        advance();
    }

    /** Reads one record; null (with a diagnostic) when the text ends before its '|'. */
    private Entry entry(int start) {
        StringBuilder eq = new StringBuilder();
        boolean inQuote = false;
        int quoteLine = 0;
        char end = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && continuationAt(pos)) {
                skipContinuation();
                eq.append(' ');
                continue;
            }
            if (inQuote) {
                if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    eq.append("\\\"");
                    pos += 2;
                    continue;
                }
                if (c == '"') {
                    inQuote = false;
                }
                eq.append(c);
                advance();
                continue;
            }
            if (c == '"') {
                inQuote = true;
                quoteLine = line;
            } else if (c == '{') {
                skipComment();
                eq.append(' ');
                continue;
            } else if (c == '~' || c == '|') {
                end = c;
                advance();
                break;
            }
            eq.append(c);
            advance();
        }
        String name = firstWords(eq.toString());
        if (end == 0) {
            String why = inQuote
                    ? "the quote opened on line " + quoteLine + " is never closed: add the closing '\"'"
                    : "the equation starting on line " + start
                            + " is not terminated: end it with '~ units ~ documentation |'";
            diags.error("VENSIM_UNTERMINATED", Where.of(file, name, start), why);
            return null;
        }
        String units = "";
        String doc = "";
        if (end == '~') {
            StringBuilder u = new StringBuilder();
            end = plainField(u);
            units = u.toString();
            if (end == '~') {
                StringBuilder d = new StringBuilder();
                end = plainField(d);
                doc = d.toString();
            }
            if (end == '~') {
                // a third '~' section (Vensim writes flags like :SUPPLEMENTARY there): ignore it
                end = plainField(new StringBuilder());
            }
            if (end != '|') {
                diags.error("VENSIM_UNTERMINATED", Where.of(file, name, start),
                        "the equation starting on line " + start
                                + " is not terminated: end its documentation with '|'");
                return null;
            }
        }
        return new Entry(eq.toString().strip(), units.strip().replaceAll("\\s+", " "), doc.strip(), start);
    }

    /** Reads units or documentation (no quotes or comments there) up to '~' or '|'; 0 at the end. */
    private char plainField(StringBuilder sb) {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && continuationAt(pos)) {
                skipContinuation();
                sb.append(' ');
                continue;
            }
            advance();
            if (c == '~' || c == '|') {
                return c;
            }
            sb.append(c);
        }
        return 0;
    }

    private static String firstWords(String eq) {
        String s = eq.strip();
        int cut = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=' || c == '[' || c == '(' || c == ':' || c == '\n') {
                cut = i;
                break;
            }
        }
        String n = s.substring(0, cut).strip();
        return n.isEmpty() ? null : org.clusterdynamics.model.VarName.cleanWritten(n);
    }
}
