package org.clusterdynamics.chart;

/**
 * Size of an exported chart: pixels and resolution. The physical size, width / dpi inches, is the
 * same in every format, so a PNG, an SVG and a PDF of one chart look alike in a document; fonts
 * are sized in points for that physical size.
 *
 * @param widthPx width in pixels (PNG) or pixels at {@code dpi} (SVG, PDF)
 * @param heightPx height likewise
 * @param dpi dots per inch, written into the PNG so that word processors place it at its size
 */
public record ExportOptions(int widthPx, int heightPx, int dpi) {

    public static final int DEFAULT_DPI = 300;

    public ExportOptions {
        if (dpi < 36 || dpi > 2400) {
            throw new IllegalArgumentException("chart export: resolution " + dpi + " dpi is outside 36..2400; "
                    + "use e.g. 96 for screens or 300 for print");
        }
        if (widthPx < 50 || heightPx < 50 || widthPx > 20000 || heightPx > 20000) {
            throw new IllegalArgumentException("chart export: size " + widthPx + "x" + heightPx
                    + " pixels is outside 50..20000 on a side");
        }
        double wIn = widthPx / (double) dpi;
        double hIn = heightPx / (double) dpi;
        if (wIn < 1.5 || hIn < 1) {
            throw new IllegalArgumentException("chart export: " + widthPx + "x" + heightPx + " pixels at " + dpi
                    + " dpi is only " + Numbers.format(wIn) + " by " + Numbers.format(hIn)
                    + " inches, too small for readable text; give more pixels or a lower dpi (at least 1.5 by 1 inch)");
        }
    }

    /** 6 by 4 inches at 300 dpi (1800x1200 pixels): a chart at the width of a report page. */
    public static ExportOptions defaults() {
        return new ExportOptions(1800, 1200, DEFAULT_DPI);
    }

    /** A size given in inches at a resolution. */
    public static ExportOptions inches(double width, double height, int dpi) {
        return new ExportOptions((int) Math.round(width * dpi), (int) Math.round(height * dpi), dpi);
    }

    /** Width in points (1/72 inch), the unit in which charts are laid out. */
    public double widthPt() {
        return widthPx * 72.0 / dpi;
    }

    public double heightPt() {
        return heightPx * 72.0 / dpi;
    }
}
