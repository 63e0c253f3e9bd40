package org.clusterdynamics.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    }
}
