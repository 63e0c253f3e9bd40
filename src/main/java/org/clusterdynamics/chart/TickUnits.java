package org.clusterdynamics.chart;

import java.io.Serializable;
import java.text.NumberFormat;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;

/**
 * Tick sizes 1, 2, 5 x 10^k with labels that do not depend on the default locale (JFreeChart's own
 * formats do, so a chart would change with the machine that draws it).
 */
final class TickUnits implements TickUnitSource, Serializable {
    private static final long serialVersionUID = 1L;
    private static final double[] STEPS = {1, 2, 5};

    /** Thousands separators suit values; a time axis ("2030") must not have them. */
    private final boolean grouping;

    TickUnits(boolean grouping) {
        this.grouping = grouping;
    }

    @Override
    public TickUnit getLargerTickUnit(TickUnit unit) {
        return unitAtLeast(unit.getSize() * (1 + 1e-9));
    }

    @Override
    public TickUnit getCeilingTickUnit(TickUnit unit) {
        return unitAtLeast(unit.getSize());
    }

    @Override
    public TickUnit getCeilingTickUnit(double size) {
        return unitAtLeast(size);
    }

    private TickUnit unitAtLeast(double size) {
        if (!(size > 0) || Double.isInfinite(size)) {
            size = 1;
        }
        int power = (int) Math.floor(Math.log10(size));
        for (int p = power - 1; p <= power + 1; p++) {
            for (double s : STEPS) {
                double candidate = s * Math.pow(10, p);
                if (candidate >= size * (1 - 1e-12)) {
                    return new NumberTickUnit(candidate, format(p), 0);
                }
            }
        }
        return new NumberTickUnit(Math.pow(10, power + 2), format(power + 2), 0);
    }

    private NumberFormat format(int power) {
        if (power >= 9 || power <= -5) {
            return Numbers.decimal("0.##E0");
        }
        String integer = grouping ? "#,##0" : "0";
        return Numbers.decimal(power >= 0 ? integer : integer + "." + "0".repeat(-power));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TickUnits t && t.grouping == grouping;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(grouping);
    }
}
