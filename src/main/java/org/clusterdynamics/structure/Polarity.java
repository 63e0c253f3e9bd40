package org.clusterdynamics.structure;

/** The sign of a causal link or a loop. */
public enum Polarity {
    /** x up, z up: a link's partial derivative is positive; a loop with an even number of negative links. */
    POSITIVE("+"),
    /** x up, z down. */
    NEGATIVE("-"),
    /** z does not depend on x (used only inside the sign analysis). */
    NONE("0"),
    /** Neither the equation nor the run settles it, or it changes during the run. */
    UNKNOWN("?");

    public final String symbol;

    Polarity(String symbol) {
        this.symbol = symbol;
    }

    /** The sign of a sum of two terms of these signs. */
    Polarity plus(Polarity o) {
        if (this == NONE) {
            return o;
        }
        if (o == NONE) {
            return this;
        }
        return this == o ? this : UNKNOWN;
    }

    /** The sign of a product of two factors of these signs. */
    Polarity times(Polarity o) {
        if (this == NONE || o == NONE) {
            return NONE;
        }
        if (this == UNKNOWN || o == UNKNOWN) {
            return UNKNOWN;
        }
        return this == o ? POSITIVE : NEGATIVE;
    }

    Polarity negate() {
        return this == POSITIVE ? NEGATIVE : this == NEGATIVE ? POSITIVE : this;
    }

    static Polarity ofSign(double v) {
        return v > 0 ? POSITIVE : v < 0 ? NEGATIVE : Double.isNaN(v) ? UNKNOWN : NONE;
    }

    /** R for a reinforcing loop, B for a balancing one, U when undetermined. */
    public String loopLetter() {
        return this == POSITIVE ? "R" : this == NEGATIVE ? "B" : "U";
    }
}
