package org.clusterdynamics.chart;

import org.clusterdynamics.files.AtomicFiles;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import com.orsonpdf.PDFDocument;
import com.orsonpdf.Page;
import org.clusterdynamics.sim.Results;

/**
 * Writes a {@link Report} as a multi-page PDF: a title page with contents, the scenarios and their
 * settings, the outputs table (split across pages with its header repeated, and into several
 * tables when there are too many scenarios for one page width), then the charts, with page numbers.
 */
public final class ReportPdf {
    private ReportPdf() {}

    private static final double MARGIN = 56;
    private static final double CHART_ASPECT = 0.62;
    private static final Color GREY = new Color(0x555555);
    private static final Color RULE = new Color(0x999999);
    private static final Color SHADE = new Color(0xF2F2F2);
    private static final double MIN_VALUE_COLUMN = 72;

    public static void write(Report report, Path out) throws IOException {
        write(report, out, PageSize.A4);
    }

    /** Writes the report; nothing is left behind on failure. */
    public static void write(Report report, Path out, PageSize page) throws IOException {
        if (ExportFormat.of(out) != ExportFormat.PDF) {
            throw new IllegalArgumentException("report output " + out + ": a report is a PDF; name the file .pdf");
        }
        byte[] bytes = bytes(report, page);
        AtomicFiles.write(out, o -> o.write(bytes));
    }

    public static byte[] bytes(Report report, PageSize page) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D measure = scratch.createGraphics();
        try {
            measure.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            Layout layout = new Layout(report, page, measure);
            return layout.render();
        } finally {
            measure.dispose();
        }
    }

    /** One thing placed on a page, measured before any page is drawn. */
    private sealed interface Block permits Text, Row, Chart, Contents, Break, Space {
        double height();
    }

    private record Text(List<String> lines, Font font, Color colour, double lineHeight, double ascent,
                        double before, double after, boolean keepWithNext) implements Block {
        @Override
        public double height() {
            return before + lines.size() * lineHeight + after;
        }
    }

    private record Row(List<List<String>> cells, double[] widths, boolean[] right, Font font, double lineHeight,
                       double ascent, boolean header, boolean shade, Row repeat) implements Block {
        static final double PAD = 3;

        @Override
        public double height() {
            int n = 1;
            for (List<String> c : cells) {
                n = Math.max(n, c.size());
            }
            return n * lineHeight + 2 * PAD;
        }
    }

    private record Chart(Figure figure, double chartHeight, Text caption) implements Block {
        @Override
        public double height() {
            return chartHeight + caption.height();
        }
    }

    /** Section titles with the pages they land on, known only after pagination. */
    private record Contents(List<Text> entries, Font font, double lineHeight, double ascent) implements Block {
        @Override
        public double height() {
            return entries.size() * lineHeight;
        }
    }

    private record Break() implements Block {
        @Override
        public double height() {
            return 0;
        }
    }

    private record Space(double height) implements Block {}

    private record Placed(Block block, double y) {}

    /** Builds the blocks of one report, paginates them and draws the pages. */
    private static final class Layout {
        final Report report;
        final PageSize page;
        final Graphics2D measure;
        final double width;
        final ChartStyle style = ChartStyle.defaults();
        final Font body;
        final Font bold;
        final Font small;
        final List<Block> blocks = new ArrayList<>();
        final List<Text> headings = new ArrayList<>();

        Layout(Report report, PageSize page, Graphics2D measure) {
            this.report = report;
            this.page = page;
            this.measure = measure;
            this.width = page.widthPt() - 2 * MARGIN;
            this.body = style.font(Font.PLAIN, 10);
            this.bold = style.font(Font.BOLD, 10);
            this.small = style.font(Font.PLAIN, 8);
        }

        byte[] render() {
            titlePage();
            scenarios();
            outputs();
            tables();
            charts();
            List<List<Placed>> pages = paginate();
            Map<Block, Integer> pageOf = new IdentityHashMap<>();
            for (int p = 0; p < pages.size(); p++) {
                for (Placed pl : pages.get(p)) {
                    pageOf.put(pl.block(), p + 1);
                }
            }
            PDFDocument doc = new PDFDocument();
            doc.setTitle(PdfTextGraphics.infoText(report.title()));
            doc.setAuthor("ClusterDynamics");
            for (int p = 0; p < pages.size(); p++) {
                Page pdfPage = doc.createPage(new Rectangle2D.Double(0, 0, page.widthPt(), page.heightPt()));
                Graphics2D g = new PdfTextGraphics(pdfPage.getGraphics2D());
                g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
                for (Placed pl : pages.get(p)) {
                    draw(g, pl.block(), pl.y(), pageOf);
                }
                if (p > 0) {
                    footer(g, p + 1, pages.size());
                }
                g.dispose();
            }
            return doc.getPDFBytes();
        }

        // ---- content ----

        void titlePage() {
            blocks.add(new Space(page.heightPt() * 0.22));
            blocks.add(text(report.title(), style.font(Font.BOLD, 24), Color.BLACK, 0, 10, false));
            if (!report.subtitle().isEmpty()) {
                blocks.add(text(report.subtitle(), style.font(Font.PLAIN, 14), GREY, 0, 10, false));
            }
            blocks.add(new Space(18));
            for (String n : report.notes()) {
                blocks.add(text(n, body, Color.BLACK, 0, 8, false));
            }
            List<String> names = new ArrayList<>();
            report.scenarios().forEach(s -> names.add(s.name()));
            String compared = report.scenarios().size() == 1 ? "Scenario: " + names.get(0)
                    : report.scenarios().size() + " scenarios compared: " + String.join(", ", names) + ".";
            blocks.add(text(compared, body, Color.BLACK, 6, 14, false));
            blocks.add(text("Contents", bold, Color.BLACK, 6, 4, false));
            // the entries are filled in as sections are added; the list is shared on purpose
            FontMetrics fm = measure.getFontMetrics(body);
            blocks.add(new Contents(headings, body, fm.getHeight() * 1.3, fm.getAscent()));
            blocks.add(new Break());
        }

        void scenarios() {
            heading("Scenarios and settings");
            for (ReportScenario s : report.scenarios()) {
                blocks.add(text(s.name(), style.font(Font.BOLD, 11), Color.BLACK, 8, 2, true));
                if (!s.description().isEmpty()) {
                    blocks.add(text(s.description(), body, Color.BLACK, 0, 2, false));
                }
                blocks.add(text(span(s.results()), body, GREY, 0, 4, !s.settings().isEmpty()));
                if (s.settings().isEmpty()) {
                    blocks.add(text("No settings changed: the model as written.", body, Color.BLACK, 0, 6, false));
                    continue;
                }
                double[] w = {width * 0.6, width * 0.4};
                boolean[] right = {false, true};
                Row header = row(List.of("Setting", "Value"), w, right, true, false, null);
                blocks.add(header);
                int i = 0;
                for (Map.Entry<String, String> e : s.settings().entrySet()) {
                    blocks.add(row(List.of(e.getKey(), e.getValue()), w, right, false, i++ % 2 == 1, header));
                }
                blocks.add(new Space(8));
            }
        }

        String span(Results r) {
            double[] t = r.times();
            String units = report.timeUnits() == null ? "" : " (" + report.timeUnits() + ")";
            return "Time " + timeText(t[0]) + " to " + timeText(t[t.length - 1]) + units + ", "
                    + t.length + " saved steps.";
        }

        void outputs() {
            if (report.outputs().isEmpty()) {
                return;
            }
            heading("Outputs");
            List<ScenarioResults> runs = new ArrayList<>();
            report.scenarios().forEach(s -> runs.add(s.asScenarioResults()));
            List<Double> times = report.outputTimes();
            if (times.isEmpty()) {
                table(caption(runs, null), runs, null);
            } else {
                for (double t : times) {
                    table(caption(runs, t), runs, t);
                }
            }
        }

        String caption(List<ScenarioResults> runs, Double t) {
            String units = report.timeUnits() == null ? "" : " (" + report.timeUnits() + ")";
            if (t != null) {
                return "Values at time " + timeText(t) + units;
            }
            double end = runs.get(0).results().times()[runs.get(0).results().rowCount() - 1];
            boolean same = runs.stream().allMatch(r -> r.results().times()[r.results().rowCount() - 1] == end);
            return same ? "Final values, at time " + timeText(end) + units : "Final values, at each scenario's last time";
        }

        /** One table of outputs, split into several when the scenarios do not fit across the page. */
        void table(String caption, List<ScenarioResults> runs, Double t) {
            double nameWidth = Math.min(width * 0.4, Math.max(width * 0.25, width - runs.size() * MIN_VALUE_COLUMN));
            int perTable = Math.max(1, (int) Math.floor((width - nameWidth) / MIN_VALUE_COLUMN));
            for (int from = 0; from < runs.size(); from += perTable) {
                List<ScenarioResults> part = runs.subList(from, Math.min(runs.size(), from + perTable));
                String suffix = runs.size() > perTable
                        ? " (scenarios " + (from + 1) + " to " + (from + part.size()) + " of " + runs.size() + ")" : "";
                blocks.add(text(caption + suffix, bold, Color.BLACK, 10, 4, true));
                double[] w = new double[part.size() + 1];
                boolean[] right = new boolean[w.length];
                w[0] = nameWidth;
                for (int i = 1; i < w.length; i++) {
                    w[i] = (width - nameWidth) / part.size();
                    right[i] = true;
                }
                List<String> head = new ArrayList<>();
                head.add("Variable");
                part.forEach(r -> head.add(r.name()));
                Row header = row(head, w, right, true, false, null);
                blocks.add(header);
                int i = 0;
                for (String v : report.outputs()) {
                    List<String> cells = new ArrayList<>();
                    cells.add(Charts.withUnits(runs.get(0).writtenName(v), Charts.unitsOf(runs, v, null)));
                    for (ScenarioResults r : part) {
                        cells.add(Numbers.format(value(r.results(), r.writtenName(v), t)));
                    }
                    blocks.add(row(cells, w, right, false, i++ % 2 == 1, header));
                }
            }
        }

        /** The report's further tables, under one heading, each with its title; long ones run over pages. */
        void tables() {
            if (report.tables().isEmpty()) {
                return;
            }
            heading("Tables");
            for (Report.Table t : report.tables()) {
                int n = t.columns().size();
                double[] w = new double[n];
                boolean[] right = new boolean[n];
                double first = n == 1 ? width : Math.min(width * 0.4, Math.max(width * 0.25, width - (n - 1) * MIN_VALUE_COLUMN));
                w[0] = first;
                for (int i = 1; i < n; i++) {
                    w[i] = (width - first) / (n - 1);
                    right[i] = true;
                }
                blocks.add(text(t.title(), bold, Color.BLACK, 10, 4, true));
                Row header = row(t.columns(), w, right, true, false, null);
                blocks.add(header);
                int i = 0;
                for (List<Object> r : t.rows()) {
                    List<String> cells = r.stream().map(v -> v instanceof Number x ? Numbers.format(x.doubleValue())
                            : String.valueOf(v)).toList();
                    blocks.add(row(cells, w, right, false, i++ % 2 == 1, header));
                }
            }
        }

        /** The value at t, or NaN (shown as n/a) outside the run rather than a clamped end value. */
        static double value(Results r, String name, Double t) {
            if (t == null) {
                return r.finalValue(name);
            }
            double[] ts = r.times();
            double eps = 1e-9 * Math.max(1, Math.abs(ts[ts.length - 1] - ts[0]));
            if (t < ts[0] - eps || t > ts[ts.length - 1] + eps) {
                return Double.NaN;
            }
            return r.valueAt(name, t);
        }

        void charts() {
            if (report.figures().isEmpty()) {
                return;
            }
            heading("Charts");
            double h = Math.min(width * CHART_ASPECT, (page.heightPt() - 2 * MARGIN) * 0.45);
            int k = 1;
            for (Figure f : report.figures()) {
                String cap = "Figure " + k++ + (f.caption().isEmpty() ? "" : ": " + f.caption());
                blocks.add(new Chart(f, h, text(cap, style.font(Font.ITALIC, 9), GREY, 4, 16, false)));
            }
        }

        void heading(String title) {
            if (!headings.isEmpty()) {
                blocks.add(new Break());
            }
            Text t = text(title, style.font(Font.BOLD, 15), Color.BLACK, 0, 8, true);
            headings.add(t);
            blocks.add(t);
        }

        // ---- measuring ----

        Text text(String s, Font font, Color colour, double before, double after, boolean keepWithNext) {
            FontMetrics fm = measure.getFontMetrics(font);
            return new Text(wrap(s, fm, width), font, colour, fm.getHeight() * 1.15, fm.getAscent(), before, after,
                    keepWithNext);
        }

        Row row(List<String> cells, double[] widths, boolean[] right, boolean header, boolean shade, Row repeat) {
            Font f = header ? bold : body;
            FontMetrics fm = measure.getFontMetrics(f);
            List<List<String>> wrapped = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                wrapped.add(wrap(Charts.label(cells.get(i), Charts.MAX_LABEL * 2), fm, widths[i] - 2 * Row.PAD - 2));
            }
            return new Row(wrapped, widths, right, f, fm.getHeight() * 1.1, fm.getAscent(), header, shade, repeat);
        }

        /** Greedy word wrap; a word wider than the line is cut after a hyphen if it has one, else between characters. */
        static List<String> wrap(String s, FontMetrics fm, double max) {
            List<String> lines = new ArrayList<>();
            for (String para : s.split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                for (String word : para.split(" ")) {
                    String candidate = line.length() == 0 ? word : line + " " + word;
                    if (fm.stringWidth(candidate) <= max) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (line.length() > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    String rest = word;
                    int n;
                    // n: the longest start of rest that fits, found in one pass (a name may be 100,000 characters)
                    while ((n = fitting(rest, fm, max)) < rest.length() && rest.length() > 1) {
                        // prefer to break after a hyphen or underscore: "design-" / "protection-1985"
                        int soft = Math.max(rest.lastIndexOf('-', n - 1), rest.lastIndexOf('_', n - 1));
                        if (soft > 0) {
                            n = soft + 1;
                        }
                        lines.add(rest.substring(0, n));
                        rest = rest.substring(n);
                    }
                    line.append(rest);
                }
                lines.add(line.toString());
            }
            return lines;
        }

        /** How many leading characters of s fit in max (at least 1), measured character by character. */
        private static int fitting(String s, FontMetrics fm, double max) {
            double w = 0;
            for (int i = 0; i < s.length(); i++) {
                w += fm.charWidth(s.charAt(i));
                if (w > max) {
                    return Math.max(1, i);
                }
            }
            return s.length();
        }

        // ---- pagination ----

        List<List<Placed>> paginate() {
            double top = MARGIN;
            double bottom = page.heightPt() - MARGIN;
            List<List<Placed>> pages = new ArrayList<>();
            List<Placed> current = new ArrayList<>();
            double y = top;
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                if (b instanceof Break) {
                    if (!current.isEmpty()) {
                        pages.add(current);
                        current = new ArrayList<>();
                        y = top;
                    }
                    continue;
                }
                double need = b.height();
                // a heading or caption must not end a page alone
                for (int j = i; j + 1 < blocks.size() && keepsWithNext(blocks.get(j)); j++) {
                    need += Math.min(blocks.get(j + 1).height(), bottom - top);
                }
                if (y + need > bottom && !current.isEmpty() && !(b instanceof Space)) {
                    pages.add(current);
                    current = new ArrayList<>();
                    y = top;
                    if (b instanceof Row r && r.repeat() != null) {
                        current.add(new Placed(r.repeat(), y));
                        y += r.repeat().height();
                    }
                }
                if (b instanceof Space && current.isEmpty() && y == top && i > 0) {
                    continue; // no blank space at the top of a page
                }
                current.add(new Placed(b, y));
                y += b.height();
            }
            if (!current.isEmpty()) {
                pages.add(current);
            }
            return pages;
        }

        static boolean keepsWithNext(Block b) {
            return (b instanceof Text t && t.keepWithNext()) || (b instanceof Row r && r.header());
        }

        // ---- drawing ----

        void draw(Graphics2D g, Block b, double y, Map<Block, Integer> pageOf) {
            if (b instanceof Text t) {
                drawText(g, t, MARGIN, y);
            } else if (b instanceof Row r) {
                drawRow(g, r, y);
            } else if (b instanceof Chart c) {
                c.figure().draw(g, new Rectangle2D.Double(MARGIN, y, width, c.chartHeight()));
                drawText(g, c.caption(), MARGIN, y + c.chartHeight());
            } else if (b instanceof Contents c) {
                g.setFont(c.font());
                g.setColor(Color.BLACK);
                FontMetrics fm = measure.getFontMetrics(c.font());
                for (int i = 0; i < c.entries().size(); i++) {
                    Text h = c.entries().get(i);
                    String label = String.join(" ", h.lines());
                    String num = String.valueOf(pageOf.getOrDefault(h, 0));
                    float baseline = (float) (y + i * c.lineHeight() + c.ascent());
                    g.drawString(label, (float) MARGIN, baseline);
                    g.drawString(num, (float) (MARGIN + width - fm.stringWidth(num)), baseline);
                }
            }
            // Break and Space draw nothing
        }

        void drawText(Graphics2D g, Text t, double x, double y) {
            g.setFont(t.font());
            g.setColor(t.colour());
            double baseline = y + t.before() + t.ascent();
            for (String line : t.lines()) {
                g.drawString(line, (float) x, (float) baseline);
                baseline += t.lineHeight();
            }
        }

        void drawRow(Graphics2D g, Row r, double y) {
            double h = r.height();
            if (r.shade()) {
                g.setColor(SHADE);
                g.fill(new Rectangle2D.Double(MARGIN, y, width, h));
            }
            g.setFont(r.font());
            g.setColor(Color.BLACK);
            FontMetrics fm = measure.getFontMetrics(r.font());
            double x = MARGIN;
            for (int i = 0; i < r.cells().size(); i++) {
                double baseline = y + Row.PAD + r.ascent();
                for (String line : r.cells().get(i)) {
                    double lx = r.right()[i] ? x + r.widths()[i] - Row.PAD - fm.stringWidth(line) : x + Row.PAD;
                    g.drawString(line, (float) lx, (float) baseline);
                    baseline += r.lineHeight();
                }
                x += r.widths()[i];
            }
            if (r.header()) {
                g.setColor(RULE);
                g.setStroke(new BasicStroke(0.75f));
                g.draw(new Line2D.Double(MARGIN, y + h, MARGIN + width, y + h));
            }
        }

        void footer(Graphics2D g, int pageNo, int pages) {
            g.setFont(small);
            g.setColor(GREY);
            FontMetrics fm = measure.getFontMetrics(small);
            float baseline = (float) (page.heightPt() - MARGIN / 2);
            String left = report.title();
            String right = "Page " + pageNo + " of " + pages;
            double room = width - fm.stringWidth(right) - 12;
            while (fm.stringWidth(left) > room && left.length() > 4) {
                left = left.substring(0, left.length() - 4) + "...";
            }
            g.drawString(left, (float) MARGIN, baseline);
            g.drawString(right, (float) (MARGIN + width - fm.stringWidth(right)), baseline);
        }

        static String timeText(double t) {
            return Numbers.plain(t);
        }
    }
}
