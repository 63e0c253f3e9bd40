package org.clusterdynamics.scenario;

import java.util.Locale;
import org.clusterdynamics.expr.Expr;
import org.clusterdynamics.expr.ExprParser;
import org.clusterdynamics.expr.ParseException;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.Dialect;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.GraphicalFunction;

/**
 * A variable's graphical function and the input it reads; the input is null for a lookup that
 * other equations call like a function.
 */
record Lookup(Equation input, GraphicalFunction table) {

    /**
     * The lookup of a definition: an XMILE graphical function (with or without an input), or a Vensim
     * {@code WITH LOOKUP(input, table)} that is the whole equation; null for anything else.
     */
    static Lookup of(Definition d, Dialect dialect) {
        if (d == null || d.isPerElement()) {
            return null;
        }
        if (d.graphicalFunction() != null) {
            return new Lookup(d.equation(), d.graphicalFunction());
        }
        if (d.equation() == null || !d.equation().text().toLowerCase(Locale.ROOT).contains("lookup")) {
            return null;
        }
        try {
            Expr e = ExprParser.parse(d.equation().text(), dialect);
            if (e instanceof Expr.Call call && call.function().equals("with_lookup") && call.args().size() == 2
                    && call.args().get(1) instanceof Expr.Table t) {
                String input = withLookupInput(d.equation().text());
                return input == null ? null : new Lookup(new Equation(input, d.equation().line()), t.table());
            }
        } catch (ParseException | RuntimeException e) {
            // not a lookup; the compiler has accepted the model, so this is only a classification
        }
        return null;
    }

    /** The text of the first argument of "WITH LOOKUP(input, (...))", or null. */
    private static String withLookupInput(String text) {
        int open = text.indexOf('(');
        int depth = 0;
        for (int i = open + 1; open >= 0 && i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '(' || ch == '[') {
                depth++;
            } else if (ch == ')' || ch == ']') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                return text.substring(open + 1, i).strip();
            }
        }
        return null;
    }
}
