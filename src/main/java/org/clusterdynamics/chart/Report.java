package org.clusterdynamics.chart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.clusterdynamics.sim.Results;

/**
 * What a scenario-comparison report holds: a title page, the scenarios and their settings, a table
 * of chosen outputs (final values, or values at chosen times) and the charts, in that order.
 * Build one with {@link #builder(String)} and write it with {@link ReportPdf#write}.
 *
 * @param title report title, on the title page and in every page footer
 * @param subtitle a line under the title ("" for none); put a date here if you want one
 * @param notes paragraphs on the title page
 * @param scenarios the scenarios compared, the first being the reference
 * @param outputs variables for the outputs table, names as in the results
 * @param outputTimes times at which the table shows values; empty for the final values
 * @param timeUnits the model's time units, or null
 * @param figures charts, one after another, each with its title as caption
 * @param tables further tables (such as percentile bands), after the outputs table
 */
public record Report(String title, String subtitle, List<String> notes, List<ReportScenario> scenarios,
                     List<String> outputs, List<Double> outputTimes, String timeUnits, List<Figure> figures,
                     List<Table> tables) {

    /** A titled table; numbers are shown as the outputs table shows values (4 significant digits), text as it is. */
    public record Table(String title, List<String> columns, List<List<Object>> rows) {
        public Table {
            if (columns == null || columns.isEmpty()) {
                throw new IllegalArgumentException("report table '" + title + "': no column");
            }
            for (List<Object> r : rows) {
                if (r.size() != columns.size()) {
                    throw new IllegalArgumentException("report table '" + title + "': a row has " + r.size()
                            + " cells for " + columns.size() + " columns");
                }
            }
            title = title == null ? "" : title;
            columns = List.copyOf(columns);
            rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
        }
    }

    public Report {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("report: the title is empty; give the report a title");
        }
        if (scenarios == null || scenarios.isEmpty()) {
            throw new IllegalArgumentException("report '" + title + "': no scenario; add at least one");
        }
        Set<String> names = new HashSet<>();
        for (ReportScenario s : scenarios) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("report '" + title + "': two scenarios are named '" + s.name()
                        + "'; give each a distinct name");
            }
        }
        subtitle = subtitle == null ? "" : subtitle.strip();
        notes = notes == null ? List.of() : List.copyOf(notes);
        scenarios = List.copyOf(scenarios);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        outputTimes = outputTimes == null ? List.of() : List.copyOf(outputTimes);
        figures = figures == null ? List.of() : List.copyOf(figures);
        tables = tables == null ? List.of() : List.copyOf(tables);
        timeUnits = timeUnits == null || timeUnits.isBlank() ? null : timeUnits.strip();
        List<ScenarioResults> runs = new ArrayList<>();
        scenarios.forEach(s -> runs.add(s.asScenarioResults()));
        outputs = List.copyOf(Charts.expandArrays(runs, outputs)); // an arrayed output gets a row per element
        for (String v : outputs) {
            runs.forEach(r -> r.writtenName(v)); // fails naming the scenario without the variable
        }
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /**
     * A ready-made comparison of scenarios (name -> results): the variables' final values in a
     * table and one chart per variable; the spec's title (or "Scenario comparison") titles the report.
     */
    public static Report comparison(Map<String, Results> scenarios, ChartSpec spec) {
        Builder b = builder(spec.title() != null ? spec.title() : "Scenario comparison").timeUnits(spec.timeUnits());
        b.scenarios(scenarios).outputs(spec.variables());
        for (String v : spec.variables()) {
            b.compare(new ChartSpec(null, List.of(v), spec.unitsLabel(), spec.timeUnits()));
        }
        return b.build();
    }

    /** Collects a report step by step; charts of the scenarios can be asked for before all are added. */
    public static final class Builder {
        private final String title;
        private String subtitle = "";
        private final List<String> notes = new ArrayList<>();
        private final List<ReportScenario> scenarios = new ArrayList<>();
        private final List<String> outputs = new ArrayList<>();
        private final List<Double> times = new ArrayList<>();
        private String timeUnits;
        private ChartStyle style = ChartStyle.defaults();
        private final List<Function<List<ScenarioResults>, Figure>> charts = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder subtitle(String s) {
            subtitle = s;
            return this;
        }

        /** A further table (title, column names, rows of text), shown after the outputs table. */
        public Builder table(String tableTitle, List<String> columns, List<List<Object>> rows) {
            tables.add(new Table(tableTitle, columns, rows));
            return this;
        }

        public Builder note(String paragraph) {
            notes.add(paragraph);
            return this;
        }

        public Builder timeUnits(String units) {
            timeUnits = units;
            return this;
        }

        public Builder style(ChartStyle s) {
            style = s;
            return this;
        }

        public Builder scenario(String name, Results results) {
            return scenario(ReportScenario.of(name, "", Map.of(), results));
        }

        public Builder scenario(String name, String description, Map<String, ?> settings, Results results) {
            return scenario(ReportScenario.of(name, description, settings, results));
        }

        /** Several scenarios without settings, in the map's order. */
        public Builder scenarios(Map<String, Results> runs) {
            runs.forEach(this::scenario);
            return this;
        }

        public Builder scenario(ReportScenario s) {
            scenarios.add(s);
            return this;
        }

        /** Variables for the outputs table. */
        public Builder outputs(List<String> variables) {
            outputs.addAll(variables);
            return this;
        }

        public Builder outputs(String... variables) {
            return outputs(List.of(variables));
        }

        /** Times for the outputs table (default: final values). */
        public Builder at(double... ts) {
            for (double t : ts) {
                times.add(t);
            }
            return this;
        }

        /** A finished chart (fan, attribution, sweep, or any other figure). */
        public Builder chart(Figure f) {
            charts.add(runs -> f);
            return this;
        }

        /**
         * A time chart of all the report's scenarios: one chart, or small multiples when the
         * variables' units differ. The report's time units apply when the spec has none.
         */
        public Builder compare(ChartSpec spec) {
            charts.add(runs -> ChartExport.figure(runs,
                    spec.timeUnits() == null ? spec.withTimeUnits(timeUnits) : spec, style, Layout.AUTO));
            return this;
        }

        public Builder compare(String... variables) {
            return compare(ChartSpec.of(variables));
        }

        public Report build() {
            if (scenarios.isEmpty()) {
                throw new IllegalArgumentException("report '" + title + "': no scenario; add at least one");
            }
            List<ScenarioResults> runs = new ArrayList<>();
            scenarios.forEach(s -> runs.add(s.asScenarioResults()));
            List<Figure> figures = new ArrayList<>();
            charts.forEach(c -> figures.add(c.apply(runs)));
            return new Report(title, subtitle, notes, scenarios, outputs, times, timeUnits, figures, tables);
        }
    }
}
