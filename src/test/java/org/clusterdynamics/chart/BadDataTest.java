package org.clusterdynamics.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.clusterdynamics.sim.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs that blew up or saved one row still give a chart, not a hang or a crash. */
class BadDataTest {
    static String svgOf(double[] t, double[] v) {
        Results r = new Results(t, List.of("X"), new double[][] {v}, Map.of());
        return ChartExport.svg(TimeSeriesChart.create(Map.of("Run", r), ChartSpec.of("X")), ExportOptions.defaults());
    }

    @Test
    @Timeout(20)
    void nanAndInfinityAreGaps() throws Exception {
        String svg = svgOf(new double[] {0, 1, 2, 3, 4, 5}, new double[] {1, 2, Double.NaN, 4,
                Double.POSITIVE_INFINITY, 6});
        List<String> texts = new SvgCheck(svg).texts();
        // the axis spans the finite values, and the reader is told what is missing
        assertTrue(texts.contains("6.0") && texts.contains("1.0"), texts.toString());
        assertTrue(texts.stream().anyMatch(s -> s.startsWith("Infinite values")), texts.toString());
    }

    @Test
    @Timeout(20)
    void allNanAndSingleRowDoNotFail() throws Exception {
        svgOf(new double[] {0, 1}, new double[] {Double.NaN, Double.NaN});
        String one = svgOf(new double[] {5}, new double[] {3});
        assertTrue(new SvgCheck(one).texts().contains("Run"));
        List<String> flat = new SvgCheck(svgOf(new double[] {0, 1, 2}, new double[] {7, 7, 7})).texts();
        // a constant gets an axis around it, not ten ticks that all read "7"
        List<String> ticks = flat.subList(flat.indexOf("Time") + 1, flat.size() - 1);
        assertTrue(ticks.contains("7.0") && ticks.size() >= 3, flat.toString());
        assertEquals(ticks.size(), ticks.stream().distinct().count(), "distinct tick labels: " + ticks);
        List<String> zero = new SvgCheck(svgOf(new double[] {0, 1, 2}, new double[] {0, 0, 0})).texts();
        assertTrue(zero.contains("0.0") && zero.contains("1.0"), zero.toString());
    }

    @Test
    @Timeout(20)
    void hugeValuesUseScientificTicks() throws Exception {
        List<String> texts = new SvgCheck(svgOf(new double[] {0, 1}, new double[] {1e12, 3e12})).texts();
        assertTrue(texts.stream().anyMatch(s -> s.contains("E12")), texts.toString());
        assertEquals(1, texts.stream().filter("Run"::equals).count());
    }
}
