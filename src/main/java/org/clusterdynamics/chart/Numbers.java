package org.clusterdynamics.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Locale-independent number text for labels and tables (a report must not change with the machine). */
final class Numbers {
    private Numbers() {}

    /** Up to 4 significant digits, grouped thousands, scientific for very large or small values. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e9 || a < 1e-3) {
            return decimal("0.###E0").format(v);
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(4, RoundingMode.HALF_EVEN));
        int decimals = Math.max(0, rounded.scale());
        DecimalFormat f = decimal(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals));
        String s = f.format(rounded);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** All significant digits and no grouping, for inputs and times (2025, 0.22, 1.5E-9). */
    static String plain(double v) {
        if (!Double.isFinite(v)) {
            return format(v);
        }
        double a = Math.abs(v);
        if (v != 0 && (a < 1e-6 || a >= 1e15)) {
            return Double.toString(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Like {@link #format} with an explicit sign, for changes. */
    static String signed(double v) {
        String s = format(v);
        return v > 0 ? "+" + s : s;
    }

    /**
     * Signed labels for bars: up to three decimals, and significant digits where those would show a
     * value that is not zero as "-0" or "+0".
     */
    static java.text.NumberFormat signedFormat() {
        DecimalFormat decimals = decimal("+#,##0.###;-#,##0.###");
        return new java.text.NumberFormat() {
            private static final long serialVersionUID = 1L;

            @Override
            public StringBuffer format(double v, StringBuffer to, java.text.FieldPosition pos) {
                String s = decimals.format(v);
                return to.append(v != 0 && (s.equals("-0") || s.equals("+0")) ? signed(v) : s);
            }

            @Override
            public StringBuffer format(long v, StringBuffer to, java.text.FieldPosition pos) {
                return format((double) v, to, pos);
            }

            @Override
            public Number parse(String text, java.text.ParsePosition pos) {
                throw new UnsupportedOperationException("labels are only written");
            }
        };
    }

    static DecimalFormat decimal(String pattern) {
        DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f;
    }
}
