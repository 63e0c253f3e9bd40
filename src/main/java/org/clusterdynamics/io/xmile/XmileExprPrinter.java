package org.clusterdynamics.io.xmile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.clusterdynamics.expr.Builtin;
import org.clusterdynamics.expr.Expr;
import org.clusterdynamics.expr.Subscript;

/**
 * Prints an {@link Expr} as XMILE 1.0 equation text that {@link org.clusterdynamics.expr.ExprParser}
 * reads back into the same tree: names with underscores (quoted when they hold other characters
 * or are keywords), XMILE operators, {@code IF ... THEN ... ELSE}, builtins by their canonical id in
 * capitals, and only the parentheses the precedence needs.
 *
 * <p>It prints the tree as it is; mapping Vensim functions to their XMILE spellings is done before,
 * by the writer. Unlike {@link org.clusterdynamics.expr.ExprPrinter}, which serves messages, its
 * output is exact: numbers keep every digit of the double.
 */
public final class XmileExprPrinter {
    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "and", "or", "not", "mod");
    /** Builtins written without parentheses in XMILE. */
    private static final Set<String> CONSTANTS = Set.of("time", "dt", "starttime", "stoptime", "pi", "inf");

    // precedence levels, loosest first; an operand looser than its context gets parentheses
    private static final int IF = 0;
    private static final int UNARY = 7;
    private static final int POWER = 8;
    private static final int PRIMARY = 9;

    private final Predicate<String> modelName;

    /**
     * {@code modelName} says which canonical ids are the model's own (variables, tables, macros):
     * those are printed as names even when a builtin has the same id.
     */
    public XmileExprPrinter(Predicate<String> modelName) {
        this.modelName = modelName;
    }

    /** Prints with every call of a builtin id taken as that builtin. */
    public static String print(Expr e) {
        return new XmileExprPrinter(id -> false).format(e);
    }

    public String format(Expr e) {
        return format(e, IF);
    }

    private String format(Expr e, int context) {
        String s = raw(e);
        return precedence(e) < context ? "(" + s + ")" : s;
    }

    private String raw(Expr e) {
        if (e instanceof Expr.Num n) {
            return number(n.value());
        } else if (e instanceof Expr.Ref r) {
            String id = r.name().id();
            if (r.subscripts().isEmpty() && CONSTANTS.contains(id) && !modelName.test(id)) {
                return id.toUpperCase(Locale.ROOT);
            }
            return name(r.name().asWritten()) + subscripts(r.subscripts());
        } else if (e instanceof Expr.Unary u) {
            String op = switch (u.op()) {
                case NEG -> "-";
                case PLUS -> "+";
                case NOT -> "NOT ";
            };
            // an operand that is not a primary gets parentheses: readers differ on -a^b
            return op + format(u.operand(), PRIMARY);
        } else if (e instanceof Expr.Binary b) {
            int p = precedence(b);
            if (b.op() == Expr.BinaryOp.POW) {
                // readers differ on a^b^c and -a^b, so operands of ^ are always primaries
                return format(b.left(), PRIMARY) + " ^ " + format(b.right(), PRIMARY);
            }
            // left-associative: an operand of the same level needs parentheses on the right only
            return format(b.left(), p) + " " + b.op().symbol + " " + format(b.right(), p + 1);
        } else if (e instanceof Expr.Call c) {
            boolean builtin = !modelName.test(c.function()) && Builtin.find(c.function()).isPresent();
            String fn = builtin ? c.function().toUpperCase(Locale.ROOT) : name(c.asWritten());
            return fn + subscripts(c.subscripts()) + "("
                    + c.args().stream().map(this::format).collect(Collectors.joining(", ")) + ")";
        } else if (e instanceof Expr.If f) {
            return "IF " + format(f.condition()) + " THEN " + format(f.then()) + " ELSE " + format(f.otherwise());
        }
        throw new IllegalArgumentException("an inline table has no XMILE equation syntax; write it as a"
                + " graphical function (" + e + ")");
    }

    private static int precedence(Expr e) {
        if (e instanceof Expr.If) {
            return IF;
        } else if (e instanceof Expr.Binary b) {
            return switch (b.op()) {
                case OR -> 1;
                case AND -> 2;
                case EQ, NE -> 3;
                case LT, LE, GT, GE -> 4;
                case ADD, SUB -> 5;
                case MUL, DIV, MOD -> 6;
                case POW -> POWER;
            };
        } else if (e instanceof Expr.Unary) {
            return UNARY;
        } else if (e instanceof Expr.Num n) {
            // a negative literal reads as unary minus
            return n.value() < 0 || n.value() == Double.NEGATIVE_INFINITY ? UNARY : PRIMARY;
        }
        return PRIMARY;
    }

    private String subscripts(List<Subscript> subs) {
        if (subs.isEmpty()) {
            return "";
        }
        return "[" + subs.stream().map(this::subscript).collect(Collectors.joining(", ")) + "]";
    }

    private String subscript(Subscript s) {
        if (s instanceof Subscript.Named n) {
            return name(n.asWritten()) + (n.bang() ? "!" : "");
        }
        return s instanceof Subscript.Star ? "*" : format(((Subscript.Index) s).index());
    }

    /**
     * A name as an XMILE equation writes it: spaces become underscores; a name with other
     * characters, or that reads as a keyword, is quoted. Dots are quoted too, as XMILE reads
     * {@code a.b} as variable b of module a. The parser keeps a quoted name as written, escapes
     * included (Vensim's {@code "say \"hi\""} is the name {@code say \"hi\"}), so such a name is
     * quoted as it is; only a name with a bare quote gets backslashes.
     */
    public static String name(String written) {
        String n = written.strip().replaceAll("\\s+", "_");
        if (n.matches("[\\p{L}_][\\p{L}\\p{N}_]*") && !KEYWORDS.contains(n.toLowerCase(Locale.ROOT))) {
            return n;
        }
        if (quotable(written)) {
            return "\"" + written + "\"";
        }
        return "\"" + written.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** True when every quote in the name is escaped and no backslash would escape the closing quote. */
    private static boolean quotable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 >= s.length()) {
                    return false;
                }
                i++;
            } else if (c == '"') {
                return false;
            }
        }
        return true;
    }

    /** A number with every digit needed to read back the same double, without exponent where short. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("NaN has no XMILE spelling");
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "INF" : "-INF";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String shortest = Double.toString(v);
        BigDecimal d = new BigDecimal(shortest).stripTrailingZeros();
        String plain = d.toPlainString();
        return plain.length() <= shortest.length() + 4 ? plain : d.toString().replace("E+", "e").replace("E", "e");
    }
}
