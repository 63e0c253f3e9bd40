package org.clusterdynamics.expr;

/** A lexical token of an equation. */
record Token(Kind kind, String text, double number, int pos) {
    enum Kind {
        NUMBER, NAME, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, OP, BANG, COLON, EOF
    }

    boolean isOp(String s) {
        return kind == Kind.OP && text.equals(s);
    }

    boolean isKeyword(String k) {
        return kind == Kind.NAME && !text.startsWith("\"") && text.equalsIgnoreCase(k);
    }
}
