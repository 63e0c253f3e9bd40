package org.clusterdynamics.expr;

/** A syntax error in one equation, with the 0-based column where it was found. */
public class ParseException extends Exception {
    private final int column;

    public ParseException(String message, int column) {
        super(message);
        this.column = column;
    }

    public int column() {
        return column;
    }
}
