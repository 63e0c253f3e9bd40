package org.clusterdynamics.expr;

/** One subscript of a reference: a name (element or dimension), a wildcard, or a numeric index. */
public sealed interface Subscript {

    /** An element or dimension name; {@code bang} marks Vensim's {@code dim!} (sum over). */
    record Named(String id, String asWritten, boolean bang) implements Subscript {}

    /** XMILE's {@code *}: every element of the dimension at this position. */
    record Star() implements Subscript {}

    /** A 1-based numeric position, possibly computed. */
    record Index(Expr index) implements Subscript {}
}
