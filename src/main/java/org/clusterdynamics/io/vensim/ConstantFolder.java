package org.clusterdynamics.io.vensim;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.model.VarName;

/**
 * Evaluates the simple arithmetic Vensim allows in control values ({@code SAVEPER = TIME STEP},
 * {@code FINAL TIME = 10 * years}): numbers, names of other scalar equations, + - * / ^ and
 * parentheses. Anything else (functions, arrays) gives NaN, left for the compiler.
 */
final class ConstantFolder {
    private final Map<String, String> equations;
    private final Set<String> visiting = new HashSet<>();
    private String s;
    private int pos;

    /** {@code equations} maps canonical names to the equation text of scalar variables. */
    ConstantFolder(Map<String, String> equations) {
        this.equations = equations;
    }

    double valueOf(String id) {
        String text = equations.get(id);
        if (text == null || !visiting.add(id)) {
            return Double.NaN;
        }
        String saved = s;
        int savedPos = pos;
        try {
            s = text;
            pos = 0;
            double v = sum();
            skip();
            return pos == s.length() ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        } finally {
            s = saved;
            pos = savedPos;
            visiting.remove(id);
        }
    }

    private double sum() {
        double v = product();
        while (true) {
            skip();
            if (eat('+')) {
                v += product();
            } else if (eat('-')) {
                v -= product();
            } else {
                return v;
            }
        }
    }

    private double product() {
        double v = power();
        while (true) {
            skip();
            if (eat('*')) {
                v *= power();
            } else if (eat('/')) {
                v /= power();
            } else {
                return v;
            }
        }
    }

    private double power() {
        double v = unary();
        skip();
        if (eat('^')) {
            return Math.pow(v, power());
        }
        return v;
    }

    private double unary() {
        skip();
        if (eat('-')) {
            return -unary();
        }
        if (eat('+')) {
            return unary();
        }
        if (eat('(')) {
            double v = sum();
            skip();
            return eat(')') ? v : Double.NaN;
        }
        int start = pos;
        if (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
            }
            return Double.parseDouble(s.substring(start, pos));
        }
        if (pos < s.length() && s.charAt(pos) == '"') {
            int end = Text.closingQuote(s, pos);
            if (end < 0) {
                return Double.NaN;
            }
            pos = end + 1;
            return valueOf(VarName.canonical(s.substring(start, pos)));
        }
        while (pos < s.length() && "+-*/^()=<>,[]:\"".indexOf(s.charAt(pos)) < 0) {
            pos++;
        }
        String name = s.substring(start, pos).strip();
        skip();
        if (name.isEmpty() || (pos < s.length() && (s.charAt(pos) == '(' || s.charAt(pos) == '['))) {
            pos = s.length() + 1;
            return Double.NaN;
        }
        return valueOf(VarName.canonical(name));
    }

    private boolean eat(char c) {
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skip() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }
}
