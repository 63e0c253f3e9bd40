package org.clusterdynamics.io.vensim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.VarName;

/** Reads the left-hand side and operator of one record and classifies it. */
final class MdlRecordParser {
    private final String file;
    private final Diagnostics diags;

    MdlRecordParser(String file, Diagnostics diags) {
        this.file = file;
        this.diags = diags;
    }

    /** The record of {@code e}, or null (with a diagnostic) when it cannot be read. */
    MdlRecord parse(MdlScanner.Entry e) {
        String s = Text.collapseSpace(e.equation());
        int line = e.line();
        if (s.isEmpty()) {
            return error(null, line, "an empty equation: write 'name = expression' before the '~'");
        }
        int i;
        String written;
        if (s.charAt(0) == '"') {
            int end = Text.closingQuote(s, 0);
            if (end < 0) {
                return error(null, line, "a quoted name is never closed: add the closing '\"'");
            }
            written = s.substring(0, end + 1);
            i = end + 1;
        } else {
            i = 0;
            while (i < s.length() && "[(=:<".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            written = s.substring(0, i).strip();
        }
        if (VarName.cleanWritten(written).isEmpty()) {
            return error(null, line, "a record without a name: start it with 'name = ...' or 'range: elements'");
        }
        VarName name = VarName.of(written);
        i = skip(s, i);
        List<String> subs = List.of();
        if (i < s.length() && s.charAt(i) == '[') {
            int close = Text.closing(s, i);
            if (close < 0) {
                return error(name, line, "the subscript list after '" + name + "' has no closing ']': close it");
            }
            subs = names(s.substring(i + 1, close));
            i = skip(s, close + 1);
        }
        List<List<String>> except = new ArrayList<>();
        MdlRecord.DataMode mode = null;
        while (i < s.length() && s.charAt(i) == ':') {
            String kw = keywordAt(s, i);
            if (kw == null) {
                java.util.regex.Matcher m = UNKNOWN_KEYWORD.matcher(s).region(i, s.length());
                if (m.lookingAt()) {
                    return error(name, line, "unknown keyword :" + m.group(1).strip() + ": after '" + name
                            + "'; Vensim allows :EXCEPT:, :INTERPOLATE:, :HOLD BACKWARD:, :LOOK FORWARD: and :RAW: here");
                }
                break;
            }
            i = skip(s, i + kw.length() + 2);
            switch (kw.toUpperCase(Locale.ROOT)) {
                case "EXCEPT" -> {
                    while (i < s.length() && s.charAt(i) == '[') {
                        int close = Text.closing(s, i);
                        if (close < 0) {
                            return error(name, line, "an :EXCEPT: list has no closing ']': close it");
                        }
                        except.add(names(s.substring(i + 1, close)));
                        i = skip(s, close + 1);
                        if (i < s.length() && s.charAt(i) == ',') {
                            i = skip(s, i + 1);
                        }
                    }
                    if (except.isEmpty()) {
                        return error(name, line, ":EXCEPT: must be followed by subscripts in brackets, e.g. :EXCEPT: [a1]");
                    }
                }
                case "INTERPOLATE" -> mode = MdlRecord.DataMode.INTERPOLATE;
                case "HOLD BACKWARD" -> mode = MdlRecord.DataMode.HOLD_BACKWARD;
                case "LOOK FORWARD" -> mode = MdlRecord.DataMode.LOOK_FORWARD;
                case "RAW" -> mode = MdlRecord.DataMode.RAW;
                case "THE CONDITION", "TEST INPUT" -> {
                    return new MdlRecord.Ignored(kw, line);
                }
                default -> {
                    return error(name, line, "unknown keyword :" + kw + ": after the name; Vensim allows "
                            + ":EXCEPT:, :INTERPOLATE:, :HOLD BACKWARD:, :LOOK FORWARD: and :RAW: here");
                }
            }
        }
        String rest = s.substring(i);
        String units = unitsWithoutRange(e.units());
        double[] range = range(e.units());
        if (rest.startsWith(":=")) {
            return def(name, subs, except, MdlRecord.Op.DATA, mode, rest.substring(2).strip(), null, e, units, range);
        }
        if (rest.startsWith("==")) {
            return def(name, subs, except, MdlRecord.Op.UNCHANGEABLE, mode, rest.substring(2).strip(), null, e, units, range);
        }
        if (rest.startsWith("=")) {
            return def(name, subs, except, MdlRecord.Op.EQUALS, mode, rest.substring(1).strip(), null, e, units, range);
        }
        if (rest.startsWith("(")) {
            int close = Text.closing(rest, 0);
            if (close < 0) {
                return error(name, line, "the lookup table of '" + name + "' has no closing ')': close it");
            }
            if (!rest.substring(close + 1).isBlank()) {
                return error(name, line, "unexpected text after the lookup table of '" + name
                        + "': '" + rest.substring(close + 1).strip() + "'; remove it or end the record with '~'");
            }
            String body = rest.substring(1, close).strip();
            if (body.toUpperCase(Locale.ROOT).replace('_', ' ').startsWith("GET ")) {
                return def(name, subs, except, MdlRecord.Op.LOOKUP, mode, body, null, e, units, range);
            }
            GraphicalFunction gf = LookupTables.parse(body, name.asWritten(), file, line, diags);
            return gf == null ? null : def(name, subs, except, MdlRecord.Op.LOOKUP, mode, null, gf, e, units, range);
        }
        boolean plain = subs.isEmpty() && except.isEmpty() && mode == null;
        if (rest.startsWith("<->") && plain) {
            String other = VarName.cleanWritten(rest.substring(3));
            if (other.isEmpty()) {
                return error(name, line, "'<->' must be followed by the name of a subscript range");
            }
            return new MdlRecord.Equivalence(name, other, line);
        }
        if (rest.startsWith(":") && plain) {
            return range(name, rest.substring(1).strip(), line);
        }
        if (rest.isBlank() && mode != null) {
            return def(name, subs, except, MdlRecord.Op.NONE, mode, null, null, e, units, range);
        }
        if (rest.isBlank()) {
            // Vensim: a variable written without an equation is a data variable, interpolated by default
            return def(name, subs, except, MdlRecord.Op.NONE, MdlRecord.DataMode.INTERPOLATE, null, null, e, units,
                    range);
        }
        return error(name, line, "cannot read '" + rest + "' after '" + name
                + "': expected '=', ':=', a lookup table in parentheses or ': elements' for a subscript range");
    }

    private MdlRecord range(VarName name, String text, int line) {
        String elements = text;
        List<String> maps = List.of();
        int arrow = topLevelArrow(text);
        if (arrow >= 0) {
            elements = text.substring(0, arrow).strip();
            maps = new ArrayList<>();
            for (String m : Text.splitTopLevel(text.substring(arrow + 2), ",")) {
                // "(other: e1, e2)" maps onto other in the listed order: kept as "other: e1, e2"
                String target = m.startsWith("(") ? m.substring(1, Math.max(1, m.indexOf(':'))) : m;
                String cleaned = VarName.cleanWritten(target.replace(")", ""));
                if (!cleaned.isEmpty() && m.startsWith("(") && m.indexOf(':') > 0) {
                    List<String> items = new ArrayList<>();
                    for (String item : Text.splitTopLevel(m.substring(m.indexOf(':') + 1).replace(")", ""), ",")) {
                        items.add(VarName.cleanWritten(item));
                    }
                    maps.add(cleaned + ": " + String.join(", ", items));
                } else if (!cleaned.isEmpty()) {
                    maps.add(cleaned);
                }
            }
        }
        if (elements.isEmpty()) {
            return error(name, line, "the subscript range '" + name + "' lists no elements: write '" + name + ": a, b, c'");
        }
        if (Text.functionKey(elements).startsWith("GET ")) {
            return new MdlRecord.Range(name, List.of(), maps, elements, line);
        }
        List<String> items = Text.splitTopLevel(elements, ",");
        for (String item : items) {
            if (item.contains("=") || item.contains(":")) {
                return error(name, line, "'" + item + "' is not a subscript element of '" + name
                        + "': a range lists names separated by commas, e.g. '" + name + ": a, b, (c1-c5)'");
            }
        }
        return new MdlRecord.Range(name, items, maps, null, line);
    }

    private static int topLevelArrow(String s) {
        int depth = 0;
        for (int i = 0; i + 1 < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '-' && s.charAt(i + 1) == '>' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Something shaped like a keyword, {@code :UPPER CASE:}, that is not one Vensim knows. */
    private static final java.util.regex.Pattern UNKNOWN_KEYWORD = java.util.regex.Pattern.compile(":\\s*([A-Z][A-Z ]*):");

    private static final List<String> KEYWORDS = List.of(
            "EXCEPT", "INTERPOLATE", "HOLD BACKWARD", "LOOK FORWARD", "RAW", "THE CONDITION", "TEST INPUT");

    /** The keyword of ":KEYWORD:" at {@code i}, or null when what follows is not a known keyword. */
    private static String keywordAt(String s, int i) {
        int end = s.indexOf(':', i + 1);
        if (end < 0) {
            return null;
        }
        String kw = s.substring(i + 1, end).strip();
        return KEYWORDS.contains(kw.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ")) ? kw.replaceAll("\\s+", " ") : null;
    }

    private MdlRecord def(VarName name, List<String> subs, List<List<String>> except, MdlRecord.Op op,
            MdlRecord.DataMode mode, String rhs, GraphicalFunction gf, MdlScanner.Entry e, String units,
            double[] range) {
        if ((op == MdlRecord.Op.EQUALS || op == MdlRecord.Op.UNCHANGEABLE || op == MdlRecord.Op.DATA)
                && rhs.isEmpty()) {
            return error(name, e.line(), "'" + name + "' has nothing after the '=': write its expression");
        }
        return new MdlRecord.Definition(name, subs, except, op, mode, rhs, gf, units, e.documentation(), range, e.line());
    }

    private MdlRecord error(VarName name, int line, String message) {
        diags.error("VENSIM_SYNTAX", Where.of(file, name == null ? null : name.asWritten(), line), message);
        return null;
    }

    private static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static List<String> names(String list) {
        List<String> out = new ArrayList<>();
        for (String p : Text.splitTopLevel(list, ",")) {
            out.add(VarName.cleanWritten(p));
        }
        return out;
    }

    /** The units text without a trailing range "[min, max, step]". */
    static String unitsWithoutRange(String units) {
        int b = rangeStart(units);
        return (b < 0 ? units : units.substring(0, b)).strip();
    }

    /** Vensim's optional range after the units, {@code [min, max]} or {@code [min, max, step]}; '?' is NaN. */
    static double[] range(String units) {
        int b = rangeStart(units);
        if (b < 0) {
            return null;
        }
        List<String> parts = Text.splitTopLevel(units.substring(b + 1, units.length() - 1), ",");
        double[] r = new double[Math.max(2, parts.size())];
        java.util.Arrays.fill(r, Double.NaN);
        for (int k = 0; k < parts.size() && k < r.length; k++) {
            String p = parts.get(k);
            r[k] = Text.isNumber(p) ? Text.number(p) : Double.NaN;
        }
        return r;
    }

    private static int rangeStart(String units) {
        // units come stripped from the scanner; a range is the last bracket group
        return units.endsWith("]") ? units.lastIndexOf('[') : -1;
    }
}
