package org.clusterdynamics.chart;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

/**
 * Fonts, line width and colours shared by every chart kind; {@link #defaults()} is tuned for
 * charts pasted into a report at about 6 by 4 inches.
 *
 * @param fontFamily a logical font ("SansSerif") so that output does not depend on installed fonts
 * @param fontSize base font size in points; titles are larger, tick labels smaller
 * @param lineWidth width of data lines in points
 * @param palette series colours, used in order and then repeated with dashes
 */
public record ChartStyle(String fontFamily, float fontSize, float lineWidth, List<Color> palette) {

    /**
     * The Okabe-Ito palette, safe for the common colour-vision deficiencies; ordered so that
     * the first colours differ most in lightness too, with yellow (hard to see on white) last.
     */
    public static final List<Color> OKABE_ITO = List.of(
            new Color(0x0072B2), // blue
            new Color(0xD55E00), // vermillion
            new Color(0x009E73), // bluish green
            new Color(0xCC79A7), // reddish purple
            new Color(0xE69F00), // orange
            new Color(0x56B4E9), // sky blue
            new Color(0x000000), // black
            new Color(0xF0E442)); // yellow

    public ChartStyle {
        if (fontFamily == null || fontFamily.isBlank()) {
            throw new IllegalArgumentException("chart style: font family is empty; use e.g. SansSerif");
        }
        if (!(fontSize >= 4 && fontSize <= 72)) {
            throw new IllegalArgumentException("chart style: font size " + fontSize + " is outside 4..72 points");
        }
        if (!(lineWidth > 0 && lineWidth <= 20)) {
            throw new IllegalArgumentException("chart style: line width " + lineWidth + " is outside (0, 20] points");
        }
        if (palette == null || palette.isEmpty()) {
            throw new IllegalArgumentException("chart style: the palette needs at least one colour");
        }
        palette = List.copyOf(palette);
    }

    public static ChartStyle defaults() {
        return new ChartStyle("SansSerif", 10f, 1.5f, OKABE_ITO);
    }

    public ChartStyle withFontSize(float size) {
        return new ChartStyle(fontFamily, size, lineWidth, palette);
    }

    public ChartStyle withLineWidth(float width) {
        return new ChartStyle(fontFamily, fontSize, width, palette);
    }

    /** A copy with colours given as "#RRGGBB" strings, for callers that have no java.awt. */
    public ChartStyle withPalette(String... hex) {
        List<Color> colours = new ArrayList<>();
        for (String h : hex) {
            String s = h.strip();
            if (!s.matches("#?[0-9a-fA-F]{6}")) {
                throw new IllegalArgumentException("chart style: colour '" + h + "' is not of the form #RRGGBB");
            }
            colours.add(new Color(Integer.parseInt(s.replace("#", ""), 16)));
        }
        return new ChartStyle(fontFamily, fontSize, lineWidth, colours);
    }

    /** Sizes are rounded to whole points: OrsonPDF writes Font.getSize(), an int. */
    Font font(int style, float size) {
        return new Font(fontFamily, style, Math.max(1, Math.round(size)));
    }

    Font titleFont() {
        return font(Font.BOLD, fontSize * 1.3f);
    }

    Font labelFont() {
        return font(Font.PLAIN, fontSize);
    }

    Font tickFont() {
        return font(Font.PLAIN, fontSize * 0.9f);
    }

    Font legendFont() {
        return font(Font.PLAIN, fontSize * 0.95f);
    }

    Color colour(int i) {
        return palette.get(i % palette.size());
    }
}
