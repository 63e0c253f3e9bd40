package org.clusterdynamics.chart;

import org.clusterdynamics.files.AtomicFiles;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import com.orsonpdf.PDFDocument;
import com.orsonpdf.Page;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.ResultsCsv;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;

/**
 * Writes figures to PNG, SVG or PDF (one chart per file), and the one-call entry point that turns
 * scenario results into a chart file, for the command line and for {@code run --chart}.
 */
public final class ChartExport {
    private ChartExport() {}

    /** Charts the variables of each scenario (name -> results) to a .png, .svg or .pdf file at 6x4 inches. */
    public static void write(Map<String, Results> scenarios, List<String> variables, Path out) throws IOException {
        write(scenarios, ChartSpec.of(variables), out, ExportOptions.defaults());
    }

    /**
     * Like {@link #write(Map, List, Path)} with a title, units (e.g. the model's time units) and
     * size of one's own.
     */
    public static void write(Map<String, Results> scenarios, ChartSpec spec, Path out, ExportOptions options)
            throws IOException {
        write(scenarios, spec, Layout.AUTO, out, options);
    }

    /** Like {@link #write(Map, ChartSpec, Path, ExportOptions)} with the layout of several variables chosen. */
    public static void write(Map<String, Results> scenarios, ChartSpec spec, Layout layout, Path out,
                             ExportOptions options) throws IOException {
        ExportFormat.of(out); // fail on a bad extension before any work
        write(figure(ScenarioResults.of(scenarios), spec, ChartStyle.defaults(), layout), out, options);
    }

    /**
     * Reads results files (CSV or TSV as written by ResultsCsv), one per scenario, each named
     * after its file without the extension, in the order given.
     */
    public static Map<String, Results> readScenarios(List<Path> files) throws IOException {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("chart: no results file given; pass one CSV per scenario");
        }
        Map<String, Results> out = new LinkedHashMap<>();
        Map<String, Path> from = new LinkedHashMap<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new NoSuchFileException(f.toString(), null,
                        "results file not found; give the path of a CSV written by 'cdyn run'");
            }
            String name = f.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            Path other = from.putIfAbsent(name, f);
            if (other != null) {
                throw new IllegalArgumentException("chart: " + other + " and " + f + " would both be scenario '"
                        + name + "'; scenarios are named after their files, so rename one of them");
            }
            out.put(name, ResultsCsv.read(f));
        }
        return out;
    }

    /** A time chart of the scenarios: one overlaid chart or small multiples, as the layout says. */
    public static Figure figure(List<ScenarioResults> scenarios, ChartSpec spec, ChartStyle style, Layout layout) {
        Charts.requireDistinctNames(scenarios);
        spec = new ChartSpec(spec.title(), Charts.expandArrays(scenarios, spec.variables()), spec.unitsLabel(),
                spec.timeUnits());
        int vars = spec.variables().size();
        // several scenarios tell variables apart by dashes, and only a few dashes read well
        boolean fewLines = scenarios.size() == 1 || vars <= 3;
        boolean grid = switch (layout) {
            case OVERLAY -> false;
            case GRID -> true;
            case AUTO -> vars > 1 && !(fewLines && sameKnownUnits(scenarios, spec));
        };
        return grid ? SmallMultiplesChart.create(scenarios, spec, style, 0)
                : TimeSeriesChart.create(scenarios, spec, style);
    }

    private static boolean sameKnownUnits(List<ScenarioResults> scenarios, ChartSpec spec) {
        if (spec.unitsLabel() != null) {
            return true; // the caller said the variables share these units
        }
        Set<String> units = new HashSet<>();
        for (String v : spec.variables()) {
            units.add(Charts.unitsOf(scenarios, v, null));
        }
        return units.size() == 1 && !units.contains("");
    }

    /** Writes the figure in the format of the file's extension; nothing is left behind on failure. */
    public static void write(Figure figure, Path out, ExportOptions options) throws IOException {
        ExportFormat format = ExportFormat.of(out);
        byte[] bytes = switch (format) {
            case PNG -> png(figure, options);
            case SVG -> svg(figure, options).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf(figure, options);
        };
        AtomicFiles.write(out, o -> o.write(bytes));
    }

    /** A PNG of exactly widthPx x heightPx pixels that records its resolution. */
    public static byte[] png(Figure figure, ExportOptions options) throws IOException {
        BufferedImage img = new BufferedImage(options.widthPx(), options.heightPx(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        try {
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, options.widthPx(), options.heightPx());
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            // lay out in points, draw at the asked resolution
            double scale = options.dpi() / 72.0;
            g2.scale(scale, scale);
            figure.draw(g2, area(options));
        } finally {
            g2.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writePng(img, options.dpi(), out);
        return out.toByteArray();
    }

    /** An SVG document sized in points; the same figure and options always give the same text. */
    public static String svg(Figure figure, ExportOptions options) {
        double w = options.widthPt();
        double h = options.heightPt();
        SVGGraphics2D g2 = new SVGGraphics2D(w, h, SVGUnits.PT);
        // the default prefix holds System.nanoTime(); a fixed one keeps output identical
        g2.setDefsKeyPrefix("cdyn");
        g2.setGeomDoubleConverter(ChartExport::svgNumber);
        g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        figure.draw(g2, area(options));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + g2.getSVGElement(null, true, new ViewBox(0, 0, w, h), null, null) + "\n";
    }

    /** A one-page PDF whose page is the figure's physical size; text stays text (searchable). */
    public static byte[] pdf(Figure figure, ExportOptions options) {
        PDFDocument doc = new PDFDocument();
        doc.setTitle(PdfTextGraphics.infoText(figure.title()));
        doc.setAuthor("ClusterDynamics");
        Page page = doc.createPage(area(options));
        Graphics2D g2 = new PdfTextGraphics(page.getGraphics2D());
        g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        figure.draw(g2, area(options));
        return doc.getPDFBytes();
    }

    private static Rectangle2D area(ExportOptions o) {
        return new Rectangle2D.Double(0, 0, o.widthPt(), o.heightPt());
    }

    /** Two decimals of a point are finer than any printer; fewer digits keep files small. */
    static String svgNumber(double v) {
        double r = Math.rint(v * 100) / 100;
        if (r == Math.rint(r) && Math.abs(r) < 1e15) {
            return Long.toString((long) r);
        }
        return Double.toString(r);
    }

    private static void writePng(BufferedImage img, int dpi, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            String ppm = Long.toString(Math.round(dpi / 0.0254));
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", ppm);
            phys.setAttribute("pixelsPerUnitYAxis", ppm);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", root);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, meta), param);
        } finally {
            writer.dispose();
        }
    }
}
