package org.clusterdynamics.chart;

/** A paper size in points (1/72 inch) for PDF reports. */
public record PageSize(double widthPt, double heightPt) {
    public static final PageSize A4 = new PageSize(595.28, 841.89);
    public static final PageSize LETTER = new PageSize(612, 792);

    public PageSize {
        if (!(widthPt >= 288 && heightPt >= 288 && widthPt <= 5000 && heightPt <= 5000)) {
            throw new IllegalArgumentException("report: page size " + widthPt + "x" + heightPt
                    + " points is outside 288..5000 (4 to 69 inches) on a side");
        }
    }
}
