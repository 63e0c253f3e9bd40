package org.clusterdynamics.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every script in scripts/ on the cluster model and checks what it wrote. A script without an
 * entry here fails the membership test, so that none goes unrun. Expected numbers come from
 * models/punjab-clusters.md.
 */
class ExampleScriptsTest extends ScriptTestSupport {
    private static final Path SCRIPTS = Path.of("scripts");

    /** What each script is run with and what it must have written. */
    private interface Check {
        void verify(Ran r) throws Exception;
    }

    private record Example(List<String> args, Check check) {}

    private final Map<String, Example> examples = new LinkedHashMap<>();

    ExampleScriptsTest() {
        examples.put("baseline.js", new Example(List.of(), ExampleScriptsTest::baseline));
        // small batches here: the documented run is exact at the central values and has 200 draws
        examples.put("policy-comparison.js", new Example(List.of("--mc-runs", "60", "--band-runs", "12",
                "--shapley-draws", "4", "--shapley-orderings", "2", "--shapley-central", "shapley-sampled"),
                ExampleScriptsTest::policies));
        // small batches here: the documented run is exact over 2^14 combinations
        examples.put("mechanism-attribution.js", new Example(List.of("--method", "shapley-sampled", "--orderings", "2",
                "--band-samples", "3", "--band-method", "shapley-sampled", "--band-orderings", "1"),
                ExampleScriptsTest::attribution));
        examples.put("sensitivity.js", new Example(List.of(), ExampleScriptsTest::sensitivity));
        examples.put("report.js", new Example(List.of("60"), ExampleScriptsTest::report));
    }

    @Test
    void everyScriptHasAnEntry() throws IOException {
        TreeSet<String> onDisk = new TreeSet<>();
        try (Stream<Path> s = Files.list(SCRIPTS)) {
            s.filter(p -> p.toString().endsWith(".js")).forEach(p -> onDisk.add(p.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(examples.keySet()), onDisk,
                "every script in scripts/ needs an entry in ExampleScriptsTest, and every entry a script");
    }

    @TestFactory
    Stream<DynamicTest> everyScriptRunsAndWritesWhatItShould() {
        return examples.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Path out = dir.resolve(e.getKey().replace(".js", ""));
            Ran r = runFile(SCRIPTS.resolve(e.getKey()), out, Duration.ofMinutes(5), 2,
                    e.getValue().args().toArray(new String[0]));
            assertEquals(0, r.exit(), () -> e.getKey() + " failed:\n" + r.err());
            e.getValue().check().verify(r);
        }));
    }

    // ------------------------------------------------------------------ checks

    private static void baseline(Ran r) throws Exception {
        List<CSVRecord> checks = csv(r.file("checks.csv"));
        assertEquals(7, checks.size());
        for (CSVRecord c : checks) {
            assertEquals("yes", c.get("within"), c.get("reference") + ": model " + c.get("model"));
        }
        CSVRecord pm = find(csv(r.file("reference-years.csv")), "variable", "Products Mastered");
        assertEquals(59.0, num(pm, "1994"), 0.5, "well over fifty products by 1994 (documented: 59.0)");
        assertEquals(105, num(find(csv(r.file("reference-years.csv")), "variable", "Firms"), "1977.5"), 2);
        List<CSVRecord> series = csv(r.file("baseline.csv"));
        assertEquals(181, series.size(), "quarter-year rows from 1955 to 2000");
        assertEquals(List.of("Time", "Firms", "Vendors", "Products Mastered"),
                series.get(0).getParser().getHeaderNames().subList(0, 4));
        png(r.file("firms.png"));
        png(r.file("learning.png"));
        assertTrue(r.out().contains("products mastered 1994: 59.0"), r.out());
    }

    private static void policies(Ran r) throws Exception {
        List<CSVRecord> cmp = csv(r.file("tables/comparison.csv"));
        assertEquals(8 * 4, cmp.size(), "eight outputs in four years");
        CSVRecord cap = row(cmp, "Average Capability", "1994");
        assertEquals(1.069, num(cap, "ce-package-1985 / baseline"), 0.002, "package: capability +6.9% in 1994");
        assertEquals(0.415, num(cap, "no-cluster / baseline"), 0.002, "no cluster: capability -59%");
        CSVRecord pm = row(cmp, "Products Mastered", "1994");
        assertEquals(1.089, num(pm, "ce-package-1985 / baseline"), 0.002);
        assertTrue(num(pm, "cfc-1975") > num(pm, "baseline"), "a facility centre from 1975 raises products");
        assertEquals(num(pm, "cfc-1975") - num(pm, "baseline"), num(pm, "cfc-1975 - baseline"), 1e-9);
        CSVRecord duty = row(cmp, "Products Mastered", "1975");
        assertEquals(num(duty, "baseline"), num(duty, "duty-cut-1980"), 1e-9, "the duty cut acts only from 1980");
        for (String s : List.of("baseline", "cfc-1975", "ce-package-1985", "design-protection-1985", "duty-cut-1980",
                "no-cluster")) {
            assertEquals(181, csv(r.file("tables/" + s + ".csv")).size(), s);
        }
        assertEquals("Import Duty = 0.1 from 1980",
                find(csv(r.file("tables/scenarios.csv")), "scenario", "duty-cut-1980").get("changes"));
        List<CSVRecord> mc = csv(r.file("tables/package-uncertainty.csv"));
        assertEquals(2 * 46, mc.size());
        CSVRecord mc94 = row(mc, "Average Capability", "1994");
        assertTrue(num(mc94, "p5") < num(mc94, "p50") && num(mc94, "p50") < num(mc94, "p95"));
        List<CSVRecord> bands = csv(r.file("tables/bands.csv"));
        assertEquals(6 * 8 * 4, bands.size(), "six scenarios, eight outputs, four years");
        for (CSVRecord b : bands) {
            assertTrue(num(b, "p5") <= num(b, "p50") && num(b, "p50") <= num(b, "p95"), b.toString());
        }
        assertEquals(1.0, num(find(bands, "scenario", "baseline"), "ratio p50"), 1e-12, "the baseline's ratio to itself");
        for (String c : List.of("products", "capability", "firms", "cost-and-share", "trust-and-copying",
                "package-capability-fan", "baseline-products-fan", "baseline-capability-fan", "shapley-capability",
                "shapley-products", "shapley-firms")) {
            png(r.file("charts/" + c + ".png"));
            assertTrue(r.text("charts/" + c + ".svg").startsWith("<?xml"), c);
        }
        String summary = r.text("summary.md");
        // figures are medians over the draws with bands; the central run is labelled as such
        assertTrue(summary.contains("; central +8.9%), capability") && summary.contains("; central +6.9%)"), summary);
        assertTrue(summary.contains("central run 59.0)"), summary);
        for (String out : List.of("Average Capability", "Products Mastered", "Firms")) {
            assertTrue(summary.contains("Shapley values for " + out + " in 1994"), summary);
        }
        assertTrue(summary.contains("keep their order in") && summary.contains("of the 4 draws"),
                "the report says how often the ranking holds: " + summary);
        // every figure in the findings comes with a band
        for (String line : summary.split("\n")) {
            if (line.startsWith("- ") && !line.contains("Loops That Matter") && !line.contains("Shapley design")) {
                assertTrue(line.contains("5-95%"), "a finding without a band: " + line);
            }
        }
        // Shapley values with bands, beside the one-at-a-time figures; they add up to the total effect
        List<CSVRecord> sh = csv(r.file("tables/shapley.csv"));
        assertEquals(14 * 3, sh.size());
        for (String out : List.of("Average Capability @ 1994", "Products Mastered @ 1994", "Firms @ 1994")) {
            double sum = 0;
            double total = Double.NaN;
            for (CSVRecord c : sh) {
                if (c.get("output").equals(out)) {
                    sum += num(c, "shapley (central)");
                    total = num(c, "total effect (central)");
                    assertTrue(num(c, "shapley p5") <= num(c, "shapley p95"), c.toString());
                    assertTrue(c.isMapped("one at a time p95"), "one-at-a-time bands");
                }
            }
            assertEquals(total, sum, 1e-9 * Math.max(1, Math.abs(total)), out + ": efficiency");
        }
        // the loop-dominance table and the summary name the loops (models/punjab-loop-names.csv), ids beside
        List<String> loopNames = csv(Path.of("models/punjab-loop-names.csv")).stream().map(x -> x.get("name")).toList();
        List<CSVRecord> dominance = csv(r.file("tables/loop-dominance.csv"));
        assertTrue(dominance.stream().anyMatch(d -> loopNames.stream().anyMatch(n -> d.get("names").contains(n + " ("))),
                "named loops in tables/loop-dominance.csv");
        assertTrue(summary.contains("Leading longest: ") && loopNames.stream().anyMatch(summary::contains), summary);
        String text = pdfText(r.file("report.pdf"), 6);
        assertTrue(text.contains("Policy scenarios for the Punjab farm-equipment clusters"), text);
        assertTrue(text.contains("A common facility centre opens in every cluster in 1975 instead of never."), text);
        assertTrue(text.contains("design-protection-1985") && text.contains("0.1 from 1980"), text);
        assertTrue(text.contains("5-95%"), "the report gives bands: " + text);
        String all = text;
        assertTrue(all.contains("1994: medians and 5-95% bands over 12 draws"), "the report's table of bands");
        assertTrue(all.contains("Shapley values for Average Capability in 1994"), "the report's Shapley table");
    }

    private static void attribution(Ran r) throws Exception {
        // Shapley values add up to all-on minus all-off for every output (efficiency)
        List<CSVRecord> sh = csv(r.file("shapley.csv"));
        assertEquals(14 * 3, sh.size(), "fourteen switches, three outcomes");
        for (String out : List.of("Average Capability @ 1994", "Products Mastered @ 1994", "Firms @ 1994")) {
            double sum = 0;
            double total = 0;
            for (CSVRecord c : sh) {
                if (c.get("output").equals(out)) {
                    sum += num(c, "shapley");
                    total = num(c, "all on") - num(c, "all off");
                }
            }
            assertEquals(total, sum, 1e-9 * Math.max(1, Math.abs(total)), out);
        }
        List<CSVRecord> bands = csv(r.file("shapley-bands.csv"));
        assertEquals(14 * 3, bands.size());
        assertTrue(bands.get(0).isMapped("p95"), "bands over parameter draws");
        assertEquals(3, csv(r.file("ranking.csv")).size());
        // one at a time, documented in models/punjab-clusters.md
        List<CSVRecord> a = csv(r.file("attribution.csv"));
        assertEquals(14 * 3, a.size(), "fourteen switches, three outcomes");
        assertEquals(-41.6, pct(a, "IIIc technology transfer", "Average Capability @ 1994"), 0.15);
        assertEquals(-42.7, pct(a, "Ic critical minimum demand", "Products Mastered @ 1994"), 0.15);
        assertEquals(4.3, pct(a, "Ic critical minimum demand", "Firms @ 1994"), 0.15);
        assertEquals(8.9, pct(a, "margin squeeze (negative)", "Average Capability @ 1994"), 0.15);
        for (String f : List.of("capability", "products", "firms")) {
            var img = ImageIO.read(r.file("shapley-" + f + ".png").toFile());
            assertEquals(1800, img.getHeight(), "a tall chart: fourteen bars");
        }
        CSVRecord all = row(csv(r.file("all-cells-off.csv")), "Products Mastered", "1994");
        assertEquals(37.7, num(all, "all Table 2 cells off"), 0.1);
        assertEquals(43.8, num(all, "no-cluster"), 0.1);
        assertTrue(r.out().contains("efficiency gap"), r.out());
    }

    private static double pct(List<CSVRecord> rows, String mechanism, String outcome) {
        for (CSVRecord c : rows) {
            if (c.get("mechanism").equals(mechanism) && c.get("output").equals(outcome)) {
                return num(c, "change %");
            }
        }
        throw new AssertionError("no row for " + mechanism + " and " + outcome);
    }

    private static void sensitivity(Ran r) throws Exception {
        List<CSVRecord> grid = csv(r.file("grid.csv"));
        assertEquals(4 * 9, grid.size());
        // within each vendor scale, a longer copying lag never gives fewer products (the incentive grows)
        Map<Double, List<Double>> byScale = new LinkedHashMap<>();
        for (CSVRecord c : grid) {
            byScale.computeIfAbsent(num(c, "Vendor MES"), k -> new ArrayList<>()).add(num(c, "Products Mastered @ 1994"));
        }
        for (Map.Entry<Double, List<Double>> e : byScale.entrySet()) {
            List<Double> v = e.getValue();
            for (int i = 1; i < v.size(); i++) {
                assertTrue(v.get(i) >= v.get(i - 1), "scale " + e.getKey() + ": " + v);
            }
        }
        assertEquals("{\"100\":0.1,\"800\":0.25,\"3200\":0.75,\"12800\":1}", r.text("shortest-lags.json").strip());
        assertTrue(r.text("answer.md").contains("a copying lag of 0.75 years or more gives more than 50 products"));
        assertEquals(40, csv(r.file("lhs.csv")).size());
        for (String f : List.of("products", "development-starts", "lhs-products")) {
            png(r.file(f + ".png"));
        }
    }

    private static void report(Ran r) throws Exception {
        List<CSVRecord> u = csv(r.file("uncertainty.csv"));
        assertEquals(3 * 46, u.size());
        CSVRecord pm = row(u, "Products Mastered", "1994");
        assertTrue(num(pm, "p5") <= num(pm, "p50") && num(pm, "p50") <= num(pm, "p95"));
        assertEquals(60, csv(r.file("uncertain-runs.csv")).size());
        png(r.file("fan-products.png"));
        png(r.file("fan-capability.png"));
        String text = pdfText(r.file("report.pdf"), 4);
        assertTrue(text.contains("Punjab clusters: baseline and collective-efficiency package"), text);
        assertTrue(text.contains("Across 60 runs"), text);
    }

    // ------------------------------------------------------------------ helpers

    private static List<CSVRecord> csv(Path f) throws IOException {
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(f))) {
            return parser.getRecords();
        }
    }

    private static double num(CSVRecord r, String column) {
        return Double.parseDouble(r.get(column));
    }

    private static CSVRecord find(List<CSVRecord> rows, String column, String value) {
        return rows.stream().filter(c -> c.get(column).equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " = " + value));
    }

    private static CSVRecord row(List<CSVRecord> rows, String variable, String time) {
        for (CSVRecord c : rows) {
            if (c.get("variable").equals(variable) && Double.parseDouble(c.get("time")) == Double.parseDouble(time)) {
                return c;
            }
        }
        throw new AssertionError("no row for " + variable + " at " + time);
    }

    private static void png(Path f) throws IOException {
        var img = ImageIO.read(f.toFile());
        if (img == null) {
            fail(f + " is not a PNG");
        }
        assertEquals(1800, img.getWidth(), f.toString());
    }

    private static String pdfText(Path f, int minPages) throws IOException {
        try (PDDocument pdf = PDDocument.load(f.toFile())) {
            assertTrue(pdf.getNumberOfPages() >= minPages, f + " has " + pdf.getNumberOfPages() + " pages");
            return new PDFTextStripper().getText(pdf);
        }
    }
}
