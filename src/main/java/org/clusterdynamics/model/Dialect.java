package org.clusterdynamics.model;

/** The equation syntax a model's text is written in; the parser reads both into one AST. */
public enum Dialect {
    XMILE,
    VENSIM
}
