package org.clusterdynamics.cli.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ways the harness damages a model file, each a pure function of the text and a random source,
 * so that a case is reproduced from its seed alone.
 */
public final class Mutations {
    private Mutations() {}

    /** One mutation: its name (for the report) and what it does. */
    public record Mutation(String name, Op op) {}

    @FunctionalInterface
    public interface Op {
        byte[] apply(byte[] model, boolean vensim, Random r);
    }

    public static final List<Mutation> ALL = List.of(
            new Mutation("byte flips", Mutations::byteFlips),
            new Mutation("truncation", (b, v, r) -> Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length))),
            new Mutation("line deletion", (b, v, r) -> lines(b, r, false)),
            new Mutation("line duplication", (b, v, r) -> lines(b, r, true)),
            new Mutation("swapped equations", Mutations::swapEquations),
            new Mutation("random operators", Mutations::randomOperators),
            new Mutation("unicode and NUL", Mutations::unicodeAndNul),
            new Mutation("huge and tiny numbers", Mutations::extremeNumbers),
            new Mutation("deep nesting", Mutations::deepNesting),
            new Mutation("long names", Mutations::longNames),
            new Mutation("recursive macros", Mutations::recursiveMacros),
            new Mutation("XML attacks", Mutations::xmlAttacks));

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] byteFlips(byte[] b, boolean vensim, Random r) {
        byte[] out = b.clone();
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n && out.length > 0; i++) {
            int at = r.nextInt(out.length);
            out[at] = (byte) (out[at] ^ (1 << r.nextInt(8)));
        }
        return out;
    }

    static byte[] lines(byte[] b, Random r, boolean duplicate) {
        List<String> ls = new ArrayList<>(Arrays.asList(text(b).split("\n", -1)));
        if (ls.isEmpty()) {
            return b;
        }
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n && !ls.isEmpty(); i++) {
            int at = r.nextInt(ls.size());
            if (duplicate) {
                ls.add(at, ls.get(at));
            } else {
                ls.remove(at);
            }
        }
        return bytes(String.join("\n", ls));
    }

    /** Swaps the right-hand sides of two equations (Vensim "x = ...", XMILE {@code <eqn>}). */
    static byte[] swapEquations(byte[] b, boolean vensim, Random r) {
        String s = text(b);
        Pattern p = vensim ? Pattern.compile("(?m)^([^=~|\\n]+=)([^~|\\n]*)$") : Pattern.compile("<eqn>([^<]*)</eqn>");
        List<int[]> spans = new ArrayList<>();
        Matcher m = p.matcher(s);
        int group = vensim ? 2 : 1;
        while (m.find()) {
            spans.add(new int[] {m.start(group), m.end(group)});
        }
        if (spans.size() < 2) {
            return b;
        }
        int i = r.nextInt(spans.size());
        int j = r.nextInt(spans.size());
        if (i == j) {
            return b;
        }
        int[] first = spans.get(Math.min(i, j));
        int[] second = spans.get(Math.max(i, j));
        String a = s.substring(first[0], first[1]);
        String c = s.substring(second[0], second[1]);
        return bytes(s.substring(0, first[0]) + c + s.substring(first[1], second[0]) + a + s.substring(second[1]));
    }

    private static final String[] OPERATORS = {"+", "-", "*", "/", "^", "(", ")", ",", "=", "<", ">", "<=", ">=",
        "<>", ":AND:", " AND ", "[", "]", "\"", "'", "~", "|", ":", ";", "{", "}", "!", "&", "%", "\\", "!="};

    static byte[] randomOperators(byte[] b, boolean vensim, Random r) {
        StringBuilder s = new StringBuilder(text(b));
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            s.insert(r.nextInt(s.length() + 1), OPERATORS[r.nextInt(OPERATORS.length)]);
        }
        return bytes(s.toString());
    }

    private static final String[] ODD = {"\u0000", "\u00e9", "\u4e2d\u6587", "\ud83d\ude00", "\u202e", "\ufeff",
        "\u00a0", "\u2028", "\t", "\r", "\u0007", "\uffff", "\u0301"};

    static byte[] unicodeAndNul(byte[] b, boolean vensim, Random r) {
        StringBuilder s = new StringBuilder(text(b));
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            s.insert(r.nextInt(s.length() + 1), ODD[r.nextInt(ODD.length)]);
        }
        byte[] out = bytes(s.toString());
        if (r.nextInt(4) == 0 && out.length > 0) {
            out[r.nextInt(out.length)] = (byte) (0x80 | r.nextInt(0x40)); // a lone continuation byte: not UTF-8
        }
        return out;
    }

    private static final String[] EXTREMES = {"1e308", "1e309", "-1e308", "1e-320", "4.9e-324", "0", "-0",
        "99999999999999999999999999999999", "0.000000000000000000000000000001", "1e-9", "2147483648", "-1",
        "NaN", "Infinity", "1e1000000000"};

    static byte[] extremeNumbers(byte[] b, boolean vensim, Random r) {
        String s = text(b);
        Matcher m = Pattern.compile("(?<![A-Za-z_])\\d+(\\.\\d+)?").matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return b;
        }
        int[] at = spans.get(r.nextInt(spans.size()));
        return bytes(s.substring(0, at[0]) + EXTREMES[r.nextInt(EXTREMES.length)] + s.substring(at[1]));
    }

    /** Wraps an equation in hundreds to thousands of parentheses or nested calls. */
    static byte[] deepNesting(byte[] b, boolean vensim, Random r) {
        String s = text(b);
        int depth = new int[] {50, 300, 2000, 20000}[r.nextInt(4)];
        String open = r.nextBoolean() ? "(" : "ABS(";
        String inner = open.repeat(depth) + "1" + ")".repeat(depth);
        Pattern p = vensim ? Pattern.compile("(?m)^([^=~|\\n]+=)([^~|\\n]*)$") : Pattern.compile("<eqn>([^<]*)</eqn>");
        Matcher m = p.matcher(s);
        List<int[]> spans = new ArrayList<>();
        int group = vensim ? 2 : 1;
        while (m.find()) {
            spans.add(new int[] {m.start(group), m.end(group)});
        }
        if (spans.isEmpty()) {
            return bytes(s + "\n" + inner);
        }
        int[] at = spans.get(r.nextInt(spans.size()));
        return bytes(s.substring(0, at[0]) + " " + inner + s.substring(at[1]));
    }

    /** Replaces one name (a word of letters), up to 20 times, by a name of thousands of characters. */
    static byte[] longNames(byte[] b, boolean vensim, Random r) {
        String s = text(b);
        Matcher m = Pattern.compile("\\b[A-Za-z][A-Za-z_]{2,}\\b").matcher(s);
        List<String> words = new ArrayList<>();
        while (m.find() && words.size() < 500) {
            words.add(m.group());
        }
        if (words.isEmpty()) {
            return b;
        }
        String w = words.get(r.nextInt(words.size()));
        int length = new int[] {300, 5000, 100_000}[r.nextInt(3)];
        String longName = (w + "_").repeat(length / (w.length() + 1) + 1).substring(0, length);
        // at most 20 occurrences, so that a common word in a big model cannot grow it past memory
        Matcher at = Pattern.compile("\\b" + Pattern.quote(w) + "\\b").matcher(s);
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < 20 && at.find(); k++) {
            at.appendReplacement(out, Matcher.quoteReplacement(longName));
        }
        at.appendTail(out);
        return bytes(out.toString());
    }

    /** Adds macros that call each other and a variable that calls one. */
    static byte[] recursiveMacros(byte[] b, boolean vensim, Random r) {
        String s = text(b);
        if (vensim) {
            String macros = ":MACRO: FUZZA(x)\nFUZZA = FUZZB(x) + 1\n\t~\tdmnl\n\t~\t|\n:END OF MACRO:\n"
                    + ":MACRO: FUZZB(x)\nFUZZB = " + (r.nextBoolean() ? "FUZZA(x)" : "FUZZB(x - 1)")
                    + " * 2\n\t~\tdmnl\n\t~\t|\n:END OF MACRO:\nfuzz call = FUZZA(3)\n\t~\tdmnl\n\t~\t|\n";
            return bytes(macros + s);
        }
        String macros = "<macro name=\"FUZZA\"><parm>x</parm><eqn>FUZZB(x) + 1</eqn></macro>"
                + "<macro name=\"FUZZB\"><parm>x</parm><eqn>FUZZA(x) * 2</eqn></macro>";
        String withCall = s.replaceFirst("<variables>", "<variables><aux name=\"fuzz call\"><eqn>FUZZA(3)</eqn></aux>");
        return bytes(withCall.replaceFirst("</model>", "</model>" + Matcher.quoteReplacement(macros)));
    }

    private static final String[] XML_ATTACKS = {
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
        "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>",
        "<!DOCTYPE x SYSTEM \"http://127.0.0.1:1/evil.dtd\">",
        "<!DOCTYPE x [<!ENTITY % p SYSTEM \"file:///etc/hostname\"> %p;]>",
        "<?xml-stylesheet href=\"file:///etc/passwd\"?>",
    };

    /** A DOCTYPE with external or expanding entities, an entity reference in an equation, or deep elements. */
    static byte[] xmlAttacks(byte[] b, boolean vensim, Random r) {
        String s = text(b);
        int kind = r.nextInt(XML_ATTACKS.length + 2);
        if (kind == XML_ATTACKS.length) {
            return bytes(s.replaceFirst("<eqn>", "<eqn>" + "<x>".repeat(5000)));
        }
        if (kind == XML_ATTACKS.length + 1) {
            return bytes(s.replaceFirst("<eqn>[^<]*</eqn>", "<eqn>&e;&d;</eqn>"));
        }
        String attack = XML_ATTACKS[kind];
        int decl = s.indexOf("?>");
        String out = decl >= 0 && s.startsWith("<?xml") ? s.substring(0, decl + 2) + attack + s.substring(decl + 2)
                : attack + s;
        return bytes(out.replaceFirst("<eqn>[^<]*</eqn>", "<eqn>&e;</eqn>"));
    }
}
