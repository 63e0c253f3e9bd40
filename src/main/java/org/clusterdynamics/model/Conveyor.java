package org.clusterdynamics.model;

/**
 * The conveyor options of a stock (XMILE 1.0 section 3.7.1.1, Stella's conveyors): material
 * entering rides for the transit time {@code length} and then leaves through the stock's outflow;
 * leakage flows ({@link Flow#leak()}) take a share on the way.
 *
 * @param length the transit time (an expression, taken at the start of the run)
 * @param capacity the most the conveyor may hold, or null for no limit
 * @param inflowLimit the most that may enter per unit of time, or null for no limit
 * @param exponentialLeak leak fractions are fractions per unit of time of what is on the conveyor
 *     (otherwise fractions of what entered, lost evenly over the leak zone)
 */
public record Conveyor(Equation length, Equation capacity, Equation inflowLimit, boolean exponentialLeak) {
    public Conveyor {
        if (length == null) {
            throw new IllegalArgumentException("a conveyor needs a transit time");
        }
    }

    /** A conveyor with only a transit time and linear leakage. */
    public static Conveyor of(String length) {
        return new Conveyor(Equation.of(length), null, null, false);
    }
}
