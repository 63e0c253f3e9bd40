package org.clusterdynamics.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.sim.Results;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/**
 * Small multiples: one panel per variable, each with its own value axis and units, one line per
 * scenario in the same colour in every panel, and one legend for the whole grid.
 */
public final class SmallMultiplesChart {
    private SmallMultiplesChart() {}

    public static Figure create(Map<String, Results> scenarios, ChartSpec spec) {
        return create(ScenarioResults.of(scenarios), spec, ChartStyle.defaults(), 0);
    }

    /**
     * @param columns panels per row, or 0 to choose (about square: 2 for 2..4 panels, 3 for 5..9)
     *     Arrayed variables given by name alone get one panel per element.
     */
    public static Figure create(List<ScenarioResults> scenarios, ChartSpec spec, ChartStyle style, int columns) {
        Charts.requireDistinctNames(scenarios);
        List<String> vars = Charts.expandArrays(scenarios, spec.variables());
        List<String> written = TimeSeriesChart.writtenNames(scenarios, vars);
        int n = vars.size();
        int cols = columns > 0 ? Math.min(columns, n) : (int) Math.ceil(Math.sqrt(n));
        ChartStyle panelStyle = style.withFontSize(style.fontSize() * 0.9f);
        List<JFreeChart> panels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String units = Charts.unitsOf(scenarios, vars.get(i), spec.unitsLabel());
            XYPlot plot = TimeSeriesChart.plot(scenarios, List.of(vars.get(i)), units, null, panelStyle);
            JFreeChart c = Charts.chart(written.get(i), plot, panelStyle, false);
            c.getTitle().setFont(Charts.bold(panelStyle, panelStyle.fontSize()));
            panels.add(c);
        }
        String title = spec.title() != null ? spec.title() : "";
        return new Figure.Grid(title, panels, cols, spec.timeAxisLabel(), true, style);
    }
}
