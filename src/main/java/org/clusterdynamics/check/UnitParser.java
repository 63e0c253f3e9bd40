package org.clusterdynamics.check;

import java.util.Map;
import java.util.TreeMap;

/**
 * Reads unit expressions such as {@code people/year}, {@code Rs/(SEU*year)}, {@code 1/year},
 * {@code m^2} and {@code dmnl}, following the model's unit aliases.
 */
final class UnitParser {
    private final String text;
    private final Map<String, String> aliases;
    private int pos;
    private final int depth;

    private UnitParser(String text, Map<String, String> aliases, int depth) {
        this.text = text;
        this.aliases = aliases;
        this.depth = depth;
    }

    /** Parses a unit string; null when it cannot be read (the check then skips the variable). */
    static Units parse(String text, Map<String, String> aliases) {
        return parse(text, aliases, 0);
    }

    private static Units parse(String text, Map<String, String> aliases, int depth) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        String lower = t.toLowerCase();
        if (lower.equals("dmnl") || lower.equals("dimensionless") || lower.equals("unitless") || lower.equals("1")
                || lower.equals("fraction")) {
            return Units.DIMENSIONLESS;
        }
        try {
            UnitParser p = new UnitParser(t, aliases, depth);
            Units u = p.product();
            p.skip();
            return p.pos == t.length() ? u : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private Units product() {
        Units u = power();
        while (true) {
            skip();
            if (pos < text.length() && (text.charAt(pos) == '*' || text.charAt(pos) == '/')) {
                char op = text.charAt(pos++);
                Units r = power();
                u = op == '*' ? u.times(r) : u.dividedBy(r);
            } else {
                return u;
            }
        }
    }

    private Units power() {
        Units u = atom();
        skip();
        if (pos < text.length() && text.charAt(pos) == '^') {
            pos++;
            skip();
            int start = pos;
            if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            u = u.pow(Integer.parseInt(text.substring(start, pos)));
        }
        return u;
    }

    private Units atom() {
        skip();
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Units u = product();
            skip();
            if (text.charAt(pos) != ')') {
                throw new IllegalArgumentException("unbalanced");
            }
            pos++;
            return u;
        }
        int start = pos;
        while (pos < text.length() && "*/^()".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String word = text.substring(start, pos).strip();
        if (word.matches("[0-9.]+")) {
            return Units.DIMENSIONLESS;
        }
        String lower = word.toLowerCase();
        if (lower.equals("dmnl") || lower.equals("dimensionless") || lower.equals("unitless")) {
            return Units.DIMENSIONLESS;
        }
        String alias = aliases.get(lower);
        if (alias != null && depth < 8) {
            Units u = parse(alias, aliases, depth + 1);
            if (u != null) {
                return u;
            }
        }
        Map<String, Integer> m = new TreeMap<>();
        m.put(Units.baseName(word), 1);
        return new Units(m, false);
    }
}
