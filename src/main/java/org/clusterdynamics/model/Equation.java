package org.clusterdynamics.model;

/** Equation text as written in the source file, with the line it starts on (0 when unknown). */
public record Equation(String text, int line) {
    public Equation {
        if (text == null) {
            throw new IllegalArgumentException("equation text is null");
        }
    }

    public static Equation of(String text) {
        return new Equation(text, 0);
    }
}
