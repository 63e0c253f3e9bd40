package org.clusterdynamics.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.clusterdynamics.sim.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @TempDir
    Path dir;

    static Report.Builder sample() {
        Map<String, Results> runs = TestData.scenarios();
        Map<String, Object> subsidy = new LinkedHashMap<>();
        subsidy.put("innovation subsidy rate", 0.22);
        subsidy.put("subsidy start", 2025);
        return Report.builder("Cluster policy options")
                .subtitle("Scenario comparison, draft for discussion")
                .note("Three policies for the regional cluster, simulated from 2020 to 2050.")
                .timeUnits("year")
                .scenario("Baseline", "Current policies continue.", Map.of(), runs.get("Baseline"))
                .scenario("Innovation subsidy", "Grants for R&D in cluster firms.", subsidy,
                        runs.get("Innovation subsidy"))
                .scenario("Skills programme", "", Map.of("training places", 1200), runs.get("Skills programme"))
                .outputs("Cluster Firms", "Employment", "average wage")
                .at(2030, 2050)
                .compare("Employment")
                .compare("Cluster Firms", "Employment", "average_wage")
                .chart(FanChart.create(TestData.fan(), "people", "year"))
                .chart(AttributionChart.create(TestData.attribution()));
    }

    static String text(Path pdf) throws Exception {
        try (PDDocument d = PDDocument.load(pdf.toFile())) {
            return new PDFTextStripper().getText(d);
        }
    }

    static int pages(Path pdf) throws Exception {
        try (PDDocument d = PDDocument.load(pdf.toFile())) {
            return d.getNumberOfPages();
        }
    }

    @Test
    void reportHasTitlePageScenariosOutputsAndCharts() throws Exception {
        Path out = dir.resolve("report.pdf");
        ReportPdf.write(sample().build(), out);
        // title, scenarios, outputs, then 4 charts two to a page
        assertEquals(5, pages(out));
        String text = text(out);
        for (String s : List.of("Cluster policy options", "Scenario comparison, draft for discussion",
                "Scenarios and settings", "Innovation subsidy", "innovation subsidy rate", "0.22",
                "training places", "1200", "subsidy start 2025", "No settings changed",
                "Values at time 2030 (year)", "Values at time 2050 (year)", "Time 2020 to 2050 (year)", "Cluster Firms (firms)", "Employment (people)",
                "average_wage (EUR/month)", "Figure 1: Employment", "Figure 2: Cluster Firms, Employment, average_wage", "Page 5 of 5", "R&D")) {
            assertTrue(text.contains(s), "'" + s + "' in:\n" + text);
        }
    }

    @Test
    void contentsGivesThePageOfEachSection() throws Exception {
        Path out = dir.resolve("report.pdf");
        ReportPdf.write(sample().build(), out);
        String text = text(out);
        assertTrue(text.contains("Scenarios and settings 2"), text);
        assertTrue(text.contains("Outputs 3"), text);
        assertTrue(text.contains("Charts 4"), text);
    }

    @Test
    void tableShowsInterpolatedValuesAndNaOutsideTheRun() throws Exception {
        Results r = new Results(new double[] {0, 10}, List.of("Stock"), new double[][] {{100, 200}},
                Map.of("Stock", "widgets"));
        Path out = dir.resolve("small.pdf");
        ReportPdf.write(Report.builder("Small").scenario("Only", r).outputs("stock").at(5, 20).build(), out);
        assertEquals(3, pages(out), "title, scenarios, outputs; no charts section");
        String text = text(out);
        assertTrue(text.contains("Stock (widgets) 150"), text);
        assertTrue(text.contains("Stock (widgets) n/a"), text);
        assertFalse(text.contains("Charts"), text);
    }

    @Test
    void furtherTablesFollowTheOutputsWithNumbersAsTheOutputsShowThem() throws Exception {
        Results r = new Results(new double[] {0, 10}, List.of("Stock"), new double[][] {{100, 200}},
                Map.of("Stock", "widgets"));
        Path out = dir.resolve("tables.pdf");
        ReportPdf.write(Report.builder("Bands").scenario("Only", r).outputs("stock")
                .table("Percentiles in 2030", List.of("output", "median", "p5", "p95"),
                        List.of(List.of("firms", 123.456789, 0.000123456, 1234567.0), List.of("capability", 0.5, 0.25, 0.75)))
                .build(), out);
        String text = text(out);
        assertTrue(text.contains("Tables"), text);
        assertTrue(text.contains("Percentiles in 2030"), text);
        assertTrue(text.contains("firms 123.5 1.235E-4 1,235,000") || text.contains("firms 123.5 1.235E-4 1,234,567"), text);
        assertTrue(text.contains("capability 0.5 0.25 0.75"), text);
        assertTrue(text.indexOf("Percentiles in 2030") > text.indexOf("Stock (widgets)"), "after the outputs table");
    }

    @Test
    void aTableRowWithTheWrongNumberOfCellsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Report.Table("T",
                List.of("a", "b"), List.of(List.of("only one"))));
        assertTrue(e.getMessage().contains("a row has 1 cells for 2 columns"), e.getMessage());
    }

    @Test
    void manyScenariosSplitTheTableAndLongTablesRepeatTheirHeader() throws Exception {
        Report.Builder b = Report.builder("Many");
        Results base = TestData.logistic(0.15, 400);
        for (int i = 1; i <= 9; i++) {
            b.scenario("Scenario " + i, base);
        }
        String[] vars = new String[60];
        for (int i = 0; i < vars.length; i++) {
            vars[i] = i % 2 == 0 ? "Employment" : "Cluster Firms";
        }
        Path out = dir.resolve("many.pdf");
        ReportPdf.write(b.outputs(vars).build(), out);
        String text = text(out);
        assertTrue(text.contains("(scenarios 1 to 5 of 9)") && text.contains("(scenarios 6 to 9 of 9)"), text);
        // 60 rows do not fit one page: the header row is repeated where the table continues
        int headers = text.split("Variable Scenario 1 ", -1).length - 1;
        assertTrue(headers >= 2, "header repeated: " + headers);
    }

    @Test
    void unknownOutputIsRejectedNamingTheScenario() {
        var e = assertThrows(IllegalArgumentException.class, () -> sample().outputs("Populaton").build());
        assertTrue(e.getMessage().contains("'Populaton'") && e.getMessage().contains("'Baseline'"), e.getMessage());
    }

    @Test
    void reportMustBeAPdfAndLeavesNothingOnFailure() throws Exception {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ReportPdf.write(sample().build(), dir.resolve("report.svg")));
        assertTrue(e.getMessage().contains(".pdf"), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
