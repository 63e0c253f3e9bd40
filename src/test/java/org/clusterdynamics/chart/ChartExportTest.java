package org.clusterdynamics.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.clusterdynamics.sim.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartExportTest {
    @TempDir
    Path dir;

    static final List<String> SCENARIOS = List.of("Baseline", "Innovation subsidy", "Skills programme");
    static final List<String> COLOURS = List.of("rgb(0,114,178)", "rgb(213,94,0)", "rgb(0,158,115)");

    static Figure firmsChart() {
        return TimeSeriesChart.create(ScenarioResults.of(TestData.scenarios()),
                ChartSpec.of("cluster_firms").withTimeUnits("years"), ChartStyle.defaults());
    }

    @Test
    void pngHasTheAskedSizeAndResolution() throws Exception {
        Path out = dir.resolve("firms.png");
        ChartExport.write(firmsChart(), out, new ExportOptions(900, 600, 150));
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(900, img.getWidth());
        assertEquals(600, img.getHeight());
        try (ImageInputStream in = ImageIO.createImageInputStream(Files.newInputStream(out))) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertEquals(Math.round(150 / 0.0254), Long.parseLong(phys.getAttribute("pixelsPerUnitXAxis")));
        }
        // the plot draws colour, not just a white page
        assertTrue(countPixels(img, 0x0072B2) > 200, "baseline line in the first palette colour");
    }

    @Test
    void svgParsesWithOnePathPerSeriesAndTheLabels() throws Exception {
        SvgCheck svg = new SvgCheck(ChartExport.svg(firmsChart(), ExportOptions.defaults()));
        for (String c : COLOURS) {
            // 121 points per line: the plotted line is one path; the legend's sample is a short one
            assertEquals(1, svg.strokedPaths(c, 100), c);
        }
        List<String> texts = svg.texts();
        assertTrue(texts.contains("Cluster Firms"), "title as written in the model: " + texts);
        assertTrue(texts.contains("Cluster Firms (firms)"), "value axis with units: " + texts);
        assertTrue(texts.contains("Time (years)"), "time axis with the model's time units");
        assertTrue(texts.containsAll(SCENARIOS), "legend names the scenarios");
        assertTrue(texts.contains("2030"), "years without a thousands separator: " + texts);
        assertEquals("432pt", svg.doc.getDocumentElement().getAttribute("width"));
    }

    @Test
    void svgIsByteIdenticalAcrossRunsAndLocales() throws Exception {
        Path a = dir.resolve("a.svg");
        Path b = dir.resolve("b.svg");
        ChartExport.write(firmsChart(), a, ExportOptions.defaults());
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            ChartExport.write(firmsChart(), b, ExportOptions.defaults());
        } finally {
            Locale.setDefault(saved);
        }
        assertEquals(-1, Files.mismatch(a, b), "same input must give the same bytes");
        assertFalse(Files.readString(a).contains("nanoTime"));
    }

    @Test
    void pdfHasOnePageWithTitleAndNames() throws Exception {
        Path out = dir.resolve("firms.pdf");
        ChartExport.write(firmsChart(), out, ExportOptions.defaults());
        try (PDDocument pdf = PDDocument.load(out.toFile())) {
            assertEquals(1, pdf.getNumberOfPages());
            assertEquals(432, pdf.getPage(0).getMediaBox().getWidth(), 0.5, "6 inches wide");
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Cluster Firms"), text);
            // the value-axis label is rotated text, which the extractor breaks into pieces
            assertTrue(text.replaceAll("\\s", "").contains("ClusterFirms(firms)"), text);
            assertTrue(text.contains("Innovation subsidy"), text);
            assertTrue(text.contains("Time (years)"), text);
        }
    }

    @Test
    void pdfKeepsAccentsParenthesesAndBackslashes() throws Exception {
        double[] t = {0, 1, 2};
        Results r = new Results(t, List.of("Beschäftigung (Köpfe)", "CO₂ emissions"),
                new double[][] {{1, 2, 3}, {3, 2, 1}}, Map.of("Beschäftigung (Köpfe)", "°C \\ day"));
        Path out = dir.resolve("umlaut.pdf");
        ChartExport.write(Map.of("Grundfall", r), ChartSpec.of("beschäftigung (köpfe)", "CO₂ emissions")
                .withTitle("Beschäftigung) und CO₂ (Szenario"), Layout.OVERLAY, out, ExportOptions.defaults());
        try (PDDocument pdf = PDDocument.load(out.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Beschäftigung (Köpfe)"), text);
            assertTrue(text.contains("Grundfall"), "one scenario is named under the title: " + text);
            assertTrue(text.replaceAll("\\s", "").contains("°C\\day"), "rotated value-axis label: " + text);
            // the title has a character outside the PDF font's encoding: drawn as outlines, page intact
            assertFalse(text.contains("?"), text);
        }
    }

    @Test
    void pdfLiteralEscapes() {
        assertEquals("a\\(b\\)\\\\", PdfTextGraphics.pdfLiteral("a(b)\\"));
        assertEquals("K\\232pfe", PdfTextGraphics.pdfLiteral("Köpfe"), "MacRoman ö is 0x9A");
        assertEquals(null, PdfTextGraphics.pdfLiteral("CO₂"));
        assertEquals(null, PdfTextGraphics.pdfLiteral("€"), "PDF MacRoman has the currency sign where Java has the euro");
        assertEquals("\\320", PdfTextGraphics.pdfLiteral("\u2013"), "en dash");
    }

    @Test
    void simpleEntryPointChoosesSmallMultiplesForUnitsThatDiffer() throws Exception {
        Path out = dir.resolve("two.svg");
        ChartExport.write(TestData.scenarios(), List.of("Employment", "average wage"), out);
        SvgCheck svg = new SvgCheck(Files.readString(out));
        // one panel per variable, each with one line per scenario
        assertEquals(2, svg.strokedPaths(COLOURS.get(0), 100));
        assertTrue(svg.texts().containsAll(List.of("Employment", "average_wage", "people", "EUR/month")));
        // the shared legend appears once
        assertEquals(1, svg.texts().stream().filter("Baseline"::equals).count());
    }

    @Test
    void unknownVariableFailsNamingScenarioAndLeavesNoFile() throws Exception {
        Path out = dir.resolve("bad.png");
        var e = assertThrows(IllegalArgumentException.class,
                () -> ChartExport.write(TestData.scenarios(), List.of("Population"), out));
        assertTrue(e.getMessage().contains("'Population'") && e.getMessage().contains("'Baseline'"), e.getMessage());
        assertTrue(e.getMessage().contains("Cluster Firms"), "lists known names: " + e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "no partial or temporary file");
        }
    }

    @Test
    void unknownExtensionIsRejectedBeforeWriting() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ChartExport.write(TestData.scenarios(), List.of("Employment"), dir.resolve("out.jpg")));
        assertTrue(e.getMessage().contains(".png, .svg or .pdf"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out.jpg")));
    }

    @Test
    void tooSmallSizeIsRefusedWithAdvice() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ExportOptions(300, 200, 300));
        assertTrue(e.getMessage().contains("too small"), e.getMessage());
    }

    @Test
    void tickLabelsDoNotDependOnLocale() throws Exception {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Figure f = TimeSeriesChart.create(Map.of("Baseline", TestData.scenarios().get("Baseline")),
                    ChartSpec.of("Employment"));
            List<String> texts = new SvgCheck(ChartExport.svg(f, ExportOptions.defaults())).texts();
            assertTrue(texts.contains("10,000"), texts.toString());
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void numbersAreFormattedForPeople() {
        assertEquals("1,235", Numbers.format(1234.56));
        assertEquals("0.1235", Numbers.format(0.123456));
        assertEquals("12.5", Numbers.format(12.5));
        assertEquals("-3", Numbers.format(-3.0));
        assertEquals("1.5E9", Numbers.format(1.5e9));
        assertEquals("+2.5", Numbers.signed(2.5));
        assertEquals("n/a", Numbers.format(Double.NaN));
        assertEquals("2025", Numbers.plain(2025));
        assertEquals("0.22", Numbers.plain(0.22));
        assertEquals("1.0E-9", Numbers.plain(1e-9));
    }

    static int countPixels(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

}
