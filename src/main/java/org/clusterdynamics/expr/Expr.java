package org.clusterdynamics.expr;

import java.util.List;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.VarName;

/** An equation's syntax tree; both XMILE and Vensim equations parse into it. */
public sealed interface Expr {

    /** A number literal. */
    record Num(double value) implements Expr {}

    /** A reference to a variable, optionally subscripted. */
    record Ref(VarName name, List<Subscript> subscripts) implements Expr {
        public Ref {
            subscripts = List.copyOf(subscripts);
        }
    }

    /** A unary operation. */
    record Unary(UnaryOp op, Expr operand) implements Expr {}

    /** A binary operation. */
    record Binary(BinaryOp op, Expr left, Expr right) implements Expr {}

    /**
     * A call of a builtin, a macro or a table (graphical function / lookup); {@code function} is
     * the canonical id and {@code subscripts} are those written on a subscripted table.
     */
    record Call(String function, String asWritten, List<Subscript> subscripts, List<Expr> args) implements Expr {
        public Call {
            subscripts = List.copyOf(subscripts);
            args = List.copyOf(args);
        }
    }

    /** IF condition THEN a ELSE b (Vensim: IF THEN ELSE(c, a, b)). */
    record If(Expr condition, Expr then, Expr otherwise) implements Expr {}

    /** An inline table (Vensim WITH LOOKUP's second argument). */
    record Table(GraphicalFunction table) implements Expr {}

    /** Unary operators. */
    enum UnaryOp {
        NEG("-"), PLUS("+"), NOT("NOT ");
        public final String symbol;

        UnaryOp(String s) {
            symbol = s;
        }
    }

    /** Binary operators, from loosest to tightest binding within groups. */
    enum BinaryOp {
        OR("OR"), AND("AND"), EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="),
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("MOD"), POW("^");
        public final String symbol;

        BinaryOp(String s) {
            symbol = s;
        }

        public boolean isComparison() {
            return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
        }
    }
}
