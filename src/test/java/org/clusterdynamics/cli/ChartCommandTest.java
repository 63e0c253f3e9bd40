package org.clusterdynamics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.ResultsCsv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ChartCommandTest {
    @TempDir
    Path dir;
    Path base;
    Path subsidy;
    final StringWriter err = new StringWriter();

    @BeforeEach
    void writeResults() throws Exception {
        base = dir.resolve("base.csv");
        subsidy = dir.resolve("subsidy.csv");
        ResultsCsv.write(results(1.0), base);
        ResultsCsv.write(results(1.5), subsidy);
    }

    static Results results(double growth) {
        int n = 41;
        double[] t = new double[n];
        double[] jobs = new double[n];
        double[] firms = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 2020 + i * 0.5;
            jobs[i] = 1000 * Math.exp(0.03 * growth * i * 0.5);
            firms[i] = 20 + growth * i;
        }
        return new Results(t, List.of("Employment", "Cluster Firms"), new double[][] {jobs, firms}, Map.of());
    }

    int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void chartsTwoScenariosToPng() throws Exception {
        Path out = dir.resolve("jobs.png");
        int code = run("chart", base.toString(), subsidy.toString(), "--var", "Employment",
                "--out", out.toString(), "--width", "600", "--height", "400", "--dpi", "100");
        assertEquals(0, code, err.toString());
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(600, img.getWidth());
        assertEquals(400, img.getHeight());
    }

    @Test
    void namesScenariosAfterTheirFiles() throws Exception {
        Path out = dir.resolve("both.pdf");
        int code = run("chart", base.toString(), subsidy.toString(), "--var", "Employment", "cluster firms",
                "--time-units", "years", "--out", out.toString());
        assertEquals(0, code, err.toString());
        try (PDDocument pdf = PDDocument.load(out.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            for (String s : List.of("base", "subsidy", "Employment", "Cluster Firms", "Time (years)")) {
                assertTrue(text.contains(s), s + " in " + text);
            }
        }
    }

    @Test
    void writesAReportOfTheScenarios() throws Exception {
        Path out = dir.resolve("report.pdf");
        int code = run("chart", base.toString(), subsidy.toString(), "--var", "Employment", "Cluster Firms",
                "--title", "Jobs and firms", "--time-units", "years", "--report", "--out", out.toString());
        assertEquals(0, code, err.toString());
        try (PDDocument pdf = PDDocument.load(out.toFile())) {
            // title, scenarios, outputs, two charts on one page
            assertEquals(4, pdf.getNumberOfPages());
            String text = new PDFTextStripper().getText(pdf);
            for (String s : List.of("Jobs and firms", "2 scenarios compared: base, subsidy", "Final values",
                    "Figure 1: Employment", "Figure 2: Cluster Firms")) {
                assertTrue(text.contains(s), s + " in " + text);
            }
        }
    }

    @Test
    void reportMustBePdf() {
        int code = run("chart", base.toString(), "--var", "Employment", "--report", "--out",
                dir.resolve("r.png").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("name the file .pdf"), err.toString());
    }

    @Test
    void unknownVariableExitsNonZeroWithAdviceAndNoFile() {
        Path out = dir.resolve("x.svg");
        int code = run("chart", base.toString(), "--var", "Jobs", "--out", out.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("'Jobs'") && err.toString().contains("'base'"), err.toString());
        assertTrue(err.toString().contains("Employment"), "lists known names: " + err);
        assertFalse(Files.exists(out));
    }

    @Test
    void missingResultsFileIsNamed() {
        Path out = dir.resolve("x.svg");
        int code = run("chart", dir.resolve("nope.csv").toString(), "--var", "Jobs", "--out", out.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("nope.csv") && err.toString().contains("not found"), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void badExtensionIsExplained() {
        int code = run("chart", base.toString(), "--var", "Employment", "--out", dir.resolve("x.gif").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains(".png, .svg or .pdf"), err.toString());
    }
}
