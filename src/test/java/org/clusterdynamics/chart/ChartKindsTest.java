package org.clusterdynamics.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fan, attribution and sweep charts: what a reader must find in them, checked in the SVG. */
class ChartKindsTest {
    static final ExportOptions SIZE = ExportOptions.defaults();

    static SvgCheck svg(Figure f) throws Exception {
        return new SvgCheck(ChartExport.svg(f, SIZE));
    }

    @Test
    void fanDrawsBandsPalestOutsideAndTheMedian() throws Exception {
        SvgCheck s = svg(FanChart.create(TestData.fan(), "people", "years"));
        assertEquals(1, s.strokedPaths("rgb(0,114,178)", 100), "one median line in the first palette colour");
        List<String> texts = s.texts();
        assertTrue(texts.containsAll(List.of("Employment: Monte Carlo percentiles", "Median", "25th to 75th percentile", "5th to 95th percentile",
                "Employment (people)", "Time (years)")), texts.toString());
        // two band tints, the outer one paler (closer to white)
        String outer = rgb(FanChart.mix(ChartStyle.OKABE_ITO.get(0), java.awt.Color.WHITE, 0.8));
        String inner = rgb(FanChart.mix(ChartStyle.OKABE_ITO.get(0), java.awt.Color.WHITE, 0.45));
        assertTrue(s.filled(outer) >= 2, "outer band and its legend key");
        assertTrue(s.filled(inner) >= 2, "inner band and its legend key");
    }

    @Test
    void everyKindGivesByteIdenticalSvg() throws Exception {
        List<java.util.function.Supplier<Figure>> kinds = List.of(
                () -> FanChart.create(TestData.fan(), "people", "years"),
                () -> AttributionChart.create(TestData.attribution()),
                () -> SweepChart.create(TestData.sweep()),
                () -> SmallMultiplesChart.create(TestData.scenarios(), ChartSpec.of("Employment", "average wage")));
        for (var k : kinds) {
            assertEquals(ChartExport.svg(k.get(), SIZE), ChartExport.svg(k.get(), SIZE));
        }
    }

    @Test
    void arrayedVariableByNameIsDrawnPerElement() throws Exception {
        double[] t = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        double[] a = new double[t.length];
        double[] b = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            a[i] = i;
            b[i] = 2 * i;
        }
        var r = new org.clusterdynamics.sim.Results(t, List.of("Sales[North]", "Sales[South]"),
                new double[][] {a, b}, Map.of("Sales[North]", "units", "Sales[South]", "units"));
        SvgCheck one = svg(ChartExport.figure(ScenarioResults.of(Map.of("Base", r)), ChartSpec.of("sales"),
                ChartStyle.defaults(), Layout.AUTO));
        // one scenario, same units: one chart, one line per element
        assertEquals(1, one.strokedPaths("rgb(0,114,178)", 10));
        assertEquals(1, one.strokedPaths("rgb(213,94,0)", 10));
        assertTrue(one.texts().containsAll(List.of("Sales[North]", "Sales[South]")), one.texts().toString());
        Report report = Report.builder("Arrays").scenario("Base", r).outputs("Sales").build();
        assertEquals(List.of("Sales[North]", "Sales[South]"), report.outputs());
    }

    @Test
    void fanRejectsUnpairedPercentiles() {
        Map<Double, double[]> m = new LinkedHashMap<>();
        double[] t = {0, 1};
        m.put(5.0, new double[] {1, 2});
        m.put(50.0, new double[] {2, 3});
        m.put(95.0, new double[] {3, 4});
        m.put(99.0, new double[] {4, 5});
        var e = assertThrows(IllegalArgumentException.class,
                () -> FanChart.create(PercentileSeries.of("Jobs", t, m), "", null));
        assertTrue(e.getMessage().contains("'Jobs'") && e.getMessage().contains("5, 50, 95, 99"), e.getMessage());
    }

    @Test
    void percentileValuesMustMatchTimes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> PercentileSeries.of("Jobs", new double[] {0, 1, 2}, Map.of(50, new double[] {1, 2})));
        assertTrue(e.getMessage().contains("2 values for 3 times"), e.getMessage());
    }

    @Test
    void ordinalsReadNaturally() {
        assertEquals("1st", FanChart.ordinal(1));
        assertEquals("2nd", FanChart.ordinal(2));
        assertEquals("11th", FanChart.ordinal(11));
        assertEquals("95th", FanChart.ordinal(95));
        assertEquals("2.5th", FanChart.ordinal(2.5));
    }

    @Test
    void attributionPutsLargestEffectFirstWithSignedValues() throws Exception {
        SvgCheck s = svg(AttributionChart.create(TestData.attribution()));
        List<String> texts = s.texts();
        List<String> mechanisms = new ArrayList<>();
        for (String t : texts) {
            if (t.startsWith("Knowledge") || t.startsWith("Labour") || t.startsWith("Congestion")
                    || t.startsWith("Supplier") || t.startsWith("Wage")) {
                mechanisms.add(t);
            }
        }
        assertEquals("Knowledge spillovers", mechanisms.get(0), mechanisms.toString());
        assertEquals("Labour pooling", mechanisms.get(1));
        assertEquals("Wage competition", mechanisms.get(mechanisms.size() - 1));
        assertTrue(texts.containsAll(List.of("-2,450", "+870", "-1,320.5", "Change in Employment (people)")),
                texts.toString());
        // decreases in one colour, increases in another: 3 and 2 bars
        assertEquals(3, s.filled("rgb(213,94,0)"));
        assertEquals(2, s.filled("rgb(0,114,178)"));
    }

    @Test
    void aTinyNonZeroEffectIsNotLabelledMinusZero() throws Exception {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("Large", 0.223);
        m.put("Tiny", -0.0004);
        List<String> texts = svg(AttributionChart.create(new Attribution("Capability", "dmnl", m))).texts();
        assertTrue(texts.contains("+0.223") && texts.contains("-4E-4") && !texts.contains("-0"), texts.toString());
    }

    @Test
    void attributionRejectsNonFiniteChanges() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("Spillovers", Double.NaN);
        var e = assertThrows(IllegalArgumentException.class, () -> new Attribution("Jobs", "", m));
        assertTrue(e.getMessage().contains("'Spillovers'"), e.getMessage());
    }

    @Test
    void sweepJoinsRunsInParameterOrder() throws Exception {
        Sweep sw = Sweep.of("subsidy rate", new double[] {0.2, 0.0, 0.1}, "Employment", new double[] {3, 1, 2});
        SvgCheck s = svg(SweepChart.create(sw));
        String d = linePath(s, "rgb(0,114,178)");
        String[] pts = d.substring(1).split("L");
        assertEquals(3, pts.length, d);
        double x0 = Double.parseDouble(pts[0].split(",")[0]);
        double x1 = Double.parseDouble(pts[1].split(",")[0]);
        double x2 = Double.parseDouble(pts[2].split(",")[0]);
        double y0 = Double.parseDouble(pts[0].split(",")[1]);
        double y2 = Double.parseDouble(pts[2].split(",")[1]);
        assertTrue(x0 < x1 && x1 < x2, d);
        assertTrue(y2 < y0, "outcome rises with the parameter, so the line climbs (SVG y points down): " + d);
        List<String> texts = s.texts();
        assertTrue(texts.contains("Employment against subsidy rate"), texts.toString());
        // "Employment" only as the value-axis label: one line needs no legend
        assertEquals(1, texts.stream().filter("Employment"::equals).count(), texts.toString());
    }

    @Test
    void sweepRejectsMismatchedLengths() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Sweep.of("rate", new double[] {1, 2}, "Jobs", new double[] {1}));
        assertTrue(e.getMessage().contains("1 values of 'Jobs' for 2 values of 'rate'"), e.getMessage());
    }

    static String linePath(SvgCheck s, String rgb) {
        var ns = s.doc.getElementsByTagName("path");
        for (int i = 0; i < ns.getLength(); i++) {
            var p = (org.w3c.dom.Element) ns.item(i);
            var parent = (org.w3c.dom.Element) p.getParentNode();
            if ((p.getAttribute("style") + parent.getAttribute("style")).contains("stroke:" + rgb)
                    && p.getAttribute("d").contains("L")) {
                return p.getAttribute("d");
            }
        }
        return "";
    }

    static String rgb(java.awt.Color c) {
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }
}
