package org.clusterdynamics.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.sim.Results;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Time series of one or more variables with one line per scenario: colour tells scenarios apart,
 * dashes tell variables apart (with a single scenario, colour tells variables apart).
 */
public final class TimeSeriesChart {
    private TimeSeriesChart() {}

    public static Figure create(Map<String, Results> scenarios, ChartSpec spec) {
        return create(ScenarioResults.of(scenarios), spec, ChartStyle.defaults());
    }

    /** Arrayed variables given by name alone ("Sales") are drawn element by element. */
    public static Figure create(List<ScenarioResults> scenarios, ChartSpec spec, ChartStyle style) {
        Charts.requireDistinctNames(scenarios);
        spec = new ChartSpec(spec.title(), Charts.expandArrays(scenarios, spec.variables()), spec.unitsLabel(),
                spec.timeUnits());
        List<String> written = writtenNames(scenarios, spec.variables());
        String title = spec.title() != null ? spec.title() : String.join(", ", written);
        XYPlot plot = plot(scenarios, spec.variables(), yLabel(scenarios, spec), spec.timeAxisLabel(), style);
        JFreeChart chart = Charts.chart(title, plot, style, true);
        if (anyInfinite(scenarios, spec.variables())) {
            chart.addSubtitle(Charts.subtitle("Infinite values (the run overflowed) are left out as gaps", style));
        }
        if (scenarios.size() == 1 && spec.variables().size() > 1) {
            // the legend names the variables, so name the one scenario under the title
            chart.addSubtitle(Charts.subtitle(scenarios.get(0).name(), style));
        }
        return new Figure.Single(chart);
    }

    static boolean anyInfinite(List<ScenarioResults> runs, List<String> vars) {
        for (ScenarioResults r : runs) {
            for (String v : vars) {
                if (Charts.hasInfinite(r.results().column(r.writtenName(v)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The value-axis label: "Name (units)" for one variable, the shared units for several. */
    static String yLabel(List<ScenarioResults> runs, ChartSpec spec) {
        List<String> vars = spec.variables();
        if (vars.size() == 1) {
            return Charts.withUnits(runs.get(0).writtenName(vars.get(0)),
                    Charts.unitsOf(runs, vars.get(0), spec.unitsLabel()));
        }
        return Charts.unitsLabel(runs, vars, spec.unitsLabel());
    }

    /** The variables' names as written in the model; fails naming the scenario that lacks one. */
    static List<String> writtenNames(List<ScenarioResults> runs, List<String> vars) {
        List<String> out = new ArrayList<>();
        for (String v : vars) {
            String w = null;
            for (ScenarioResults r : runs) {
                String n = r.writtenName(v);
                w = w == null ? n : w;
            }
            out.add(w);
        }
        return out;
    }

    static XYPlot plot(List<ScenarioResults> runs, List<String> vars, String yLabel, String timeLabel,
                       ChartStyle style) {
        XYPlot plot = Charts.xyPlot(Charts.timeAxis(timeLabel, style), Charts.valueAxis(yLabel, style));
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer r = Charts.lines(style);
        int palette = style.palette().size();
        int series = 0;
        for (int si = 0; si < runs.size(); si++) {
            ScenarioResults run = runs.get(si);
            for (int vi = 0; vi < vars.size(); vi++) {
                String name = run.writtenName(vars.get(vi));
                String label = runs.size() > 1 ? (vars.size() > 1 ? run.name() + ": " + name : run.name())
                        : (vars.size() > 1 ? name : run.name());
                Charts.addSeries(data, label, run.results().times(), run.results().column(name));
                int colour = runs.size() > 1 ? si : vi;
                int dash = (runs.size() > 1 ? vi : 0) + colour / palette;
                r.setSeriesPaint(series, style.colour(colour));
                r.setSeriesStroke(series, Charts.stroke(style, dash));
                series++;
            }
        }
        plot.setDataset(data);
        plot.setRenderer(r);
        Charts.widenFlatRange(plot);
        return plot;
    }
}
