package org.clusterdynamics.expr;

import java.util.stream.Collectors;

/** Prints an {@link Expr} as XMILE equation text (used by converters and messages). */
public final class ExprPrinter {
    private ExprPrinter() {}

    public static String print(Expr e) {
        if (e instanceof Expr.Num n) {
            return number(n.value());
        } else if (e instanceof Expr.Ref r) {
            return name(r.name().asWritten()) + subscripts(r.subscripts());
        } else if (e instanceof Expr.Unary u) {
            return u.op().symbol + paren(u.operand());
        } else if (e instanceof Expr.Binary b) {
            return paren(b.left()) + " " + b.op().symbol + " " + paren(b.right());
        } else if (e instanceof Expr.Call c) {
            return c.asWritten().replace(' ', '_') + subscripts(c.subscripts()) + "("
                    + c.args().stream().map(ExprPrinter::print).collect(Collectors.joining(", ")) + ")";
        } else if (e instanceof Expr.If f) {
            return "IF " + print(f.condition()) + " THEN " + print(f.then()) + " ELSE " + print(f.otherwise());
        } else {
            return "<table of " + ((Expr.Table) e).table().xs().length + " points>";
        }
    }

    private static String paren(Expr e) {
        return e instanceof Expr.Binary || e instanceof Expr.If ? "(" + print(e) + ")" : print(e);
    }

    private static String subscripts(java.util.List<Subscript> subs) {
        if (subs.isEmpty()) {
            return "";
        }
        return "[" + subs.stream().map(ExprPrinter::subscript).collect(Collectors.joining(", ")) + "]";
    }

    private static String subscript(Subscript s) {
        if (s instanceof Subscript.Named n) {
            return n.asWritten() + (n.bang() ? "!" : "");
        }
        return s instanceof Subscript.Star ? "*" : print(((Subscript.Index) s).index());
    }

    /** A name fit for XMILE equations: spaces become underscores, odd characters get quotes. */
    public static String name(String written) {
        String n = written.replace(' ', '_');
        return n.matches("[\\p{L}_][\\p{L}\\p{N}_.$]*") ? n : "\"" + written.replace("\"", "\\\"") + "\"";
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
