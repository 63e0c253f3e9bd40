package org.clusterdynamics.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** Writes one file of each chart kind to target/chart-gallery for people to look at. */
class ChartGalleryTest {
    static final Path DIR = Path.of("target", "chart-gallery");

    @Test
    void writesGallery() throws Exception {
        var runs = ScenarioResults.of(TestData.scenarios());
        ChartStyle style = ChartStyle.defaults();
        ExportOptions opts = ExportOptions.defaults();
        Figure ts = TimeSeriesChart.create(runs, ChartSpec.of("cluster firms").withTimeUnits("year"), style);
        Figure grid = SmallMultiplesChart.create(runs,
                ChartSpec.of("Cluster Firms", "Employment", "average wage").withTimeUnits("year"), style, 0);
        Figure fan = FanChart.create(TestData.fan(), null, "people", "year", style);
        Figure bars = AttributionChart.create(TestData.attribution());
        Figure sweep = SweepChart.create(TestData.sweep());
        for (String ext : List.of("png", "svg", "pdf")) {
            ChartExport.write(ts, DIR.resolve("timeseries." + ext), opts);
            ChartExport.write(grid, DIR.resolve("grid." + ext), opts);
            ChartExport.write(fan, DIR.resolve("fan." + ext), opts);
            ChartExport.write(bars, DIR.resolve("attribution." + ext), opts);
            ChartExport.write(sweep, DIR.resolve("sweep." + ext), opts);
        }
        assertTrue(Files.size(DIR.resolve("timeseries.png")) > 1000);
        Path report = DIR.resolve("report.pdf");
        ReportPdf.write(ReportTest.sample().build(), report);
        // pages as images, to look at the report without a PDF viewer
        try (PDDocument pdf = PDDocument.load(report.toFile())) {
            PDFRenderer r = new PDFRenderer(pdf);
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                ImageIO.write(r.renderImageWithDPI(i, 100), "png", DIR.resolve("report-" + (i + 1) + ".png").toFile());
            }
        }
    }
}
