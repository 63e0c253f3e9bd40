package org.clusterdynamics.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.chart.Attribution;
import org.clusterdynamics.chart.AttributionChart;
import org.clusterdynamics.chart.ChartExport;
import org.clusterdynamics.chart.ChartSpec;
import org.clusterdynamics.chart.ChartStyle;
import org.clusterdynamics.chart.FanChart;
import org.clusterdynamics.chart.Layout;
import org.clusterdynamics.chart.PercentileSeries;
import org.clusterdynamics.chart.Report;
import org.clusterdynamics.chart.ReportPdf;
import org.clusterdynamics.chart.ScenarioResults;
import org.clusterdynamics.chart.Sweep;
import org.clusterdynamics.chart.SweepChart;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.files.AtomicFiles;
import org.clusterdynamics.scenario.Change;
import org.clusterdynamics.scenario.Comparison;
import org.clusterdynamics.scenario.Distribution;
import org.clusterdynamics.scenario.ScenarioModel;
import org.clusterdynamics.scenario.SweepResult;
import org.clusterdynamics.scenario.Table;
import org.clusterdynamics.scenario.TimeSettings;
import org.clusterdynamics.scenario.VariableInfo;
import org.clusterdynamics.sim.Results;
import org.graalvm.polyglot.Value;

/**
 * The {@code cdyn} object of a script: loads models, compares runs, makes distributions, tables,
 * charts and reports, and writes files into the output folder. Everything a script can reach
 * outside plain JavaScript goes through here.
 */
final class CdynApi extends ApiObject {
    private static final Set<String> CHART_KEYS = Set.of("title", "units", "layout", "timeUnits");
    private static final Set<String> REPORT_KEYS = Set.of("title", "subtitle", "notes", "runs", "descriptions",
            "outputs", "at", "charts", "tables");

    private final Session session;

    /** The arguments given after "--" on the command line. */
    final Value args;

    /** The output folder as given with --out, or null when the script may not write. */
    final String outDir;

    /** The engine's version. */
    final String version = "0.1.0";

    CdynApi(Session session) {
        super(session, "cdyn");
        this.session = session;
        this.args = session.js.strings(session.args);
        this.outDir = session.out.given();
            fn("load", this::load);
        fn("compare", this::compare);
        fn("table", this::table);
        fn("writeCsv", this::writeCsv);
        fn("writeText", this::writeText);
        fn("uniform", this::uniform);
        fn("loguniform", this::loguniform);
        fn("normal", this::normal);
        fn("lognormal", this::lognormal);
        fn("triangular", this::triangular);
        fn("choice", this::choice);
        fn("chart", this::chart);
        fn("fanChart", this::fanChart);
        fn("sweepChart", this::sweepChart);
        fn("attributionChart", this::attributionChart);
        fn("report", this::report);
        fn("help", this::help);
        fn("readCsv", args -> JsCalibration.readCsv(session, args));
        fn("readSettings", args -> JsCalibration.readSettings(session, args));
        field("args", args);
        field("outDir", outDir);
        field("version", version);
    }

    /** load(path): reads a model file (.xmile, .stmx, .itmx, .mdl) next to the script or in the working directory. */
    JsModel load(Value... a) {
        Args x = new Args("cdyn.load", "(path)", a, 1, 1);
        String name = x.string(0, "path");
        Path p = session.models.locate(name);
        return new JsModel(session, new ScenarioModel(ModelFiles.read(p, List.of(), session.models.roots())), name);
    }

    /**
     * compare(runs, {outputs, at, base}): a Table with each output at each time (final by default)
     * for every run, with differences from and ratios to the base run (the first by default).
     */
    JsTable compare(Value... a) {
        Args x = new Args("cdyn.compare", "(runs, {outputs, at, base})", a, 2, 2);
        Map<String, Results> runs = runs(x, x.get(0));
        Map<String, Value> o = x.options(x.get(1), "the options", Set.of("outputs", "at", "base"));
        if (!o.containsKey("outputs")) {
            throw x.error("give outputs: the variables to compare");
        }
        double[] at = o.containsKey("at") ? x.numbers(o.get("at"), "at") : new double[0];
        String base = o.containsKey("base") ? x.string(o.get("base"), "base") : null;
        List<String> outs = names(x, runList(x, x.get(0)), x.strings(o.get("outputs"), "outputs"));
        try {
            return new JsTable(session, Comparison.table(runs, outs, at, base));
        } catch (IllegalArgumentException e) {
            throw x.error(e.getMessage());
        }
    }

    /** The variables as the runs saved them (elements matched loosely), checked in every run. */
    private static List<String> names(Args x, List<JsRun> runs, List<String> wanted) {
        List<String> out = new ArrayList<>();
        for (String v : wanted) {
            String saved = runs.get(0).name(x, v);
            for (JsRun r : runs) {
                r.name(x, saved);
            }
            out.add(saved);
        }
        return out;
    }

    private List<JsRun> runList(Args x, Value v) {
        List<JsRun> out = new ArrayList<>();
        if (x.isHandle(v, JsRun.class)) {
            out.add(x.handle(v, JsRun.class, "run"));
            return out;
        }
        if (v == null || !v.hasArrayElements() || v.getArraySize() == 0) {
            throw x.error("runs must be a Run or a non-empty array of Runs, got " + Args.describe(v));
        }
        for (int i = 0; i < v.getArraySize(); i++) {
            out.add(x.handle(v.getArrayElement(i), JsRun.class, "runs[" + i + "]"));
        }
        return out;
    }

    private Map<String, Results> runs(Args x, Value v) {
        Map<String, Results> m = new LinkedHashMap<>();
        for (JsRun r : runList(x, v)) {
            if (m.put(r.name, r.results) != null) {
                throw x.error("two runs are named '" + r.name + "'; give their scenarios distinct names"
                        + " (scenario.derive(name))");
            }
        }
        return m;
    }

    /**
     * table(rows) or table({columns, rows}): a Table from an array of objects, or from column names
     * and arrays of cells; cells are numbers or text.
     */
    JsTable table(Value... a) {
        Args x = new Args("cdyn.table", "([{column: value, ...}, ...]) or ({columns, rows})", a, 1, 1);
        Value v = x.get(0);
        List<String> cols = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        if (v.hasArrayElements()) {
            LinkedHashSet<String> keys = new LinkedHashSet<>();
            List<Map<String, Value>> objs = new ArrayList<>();
            for (int i = 0; i < v.getArraySize(); i++) {
                Map<String, Value> m = x.members(v.getArrayElement(i), "row " + i);
                keys.addAll(m.keySet());
                objs.add(m);
            }
            cols.addAll(keys);
            for (Map<String, Value> m : objs) {
                List<Object> r = new ArrayList<>();
                for (String k : cols) {
                    r.add(cell(x, m.get(k)));
                }
                rows.add(r);
            }
        } else {
            Map<String, Value> o = x.options(v, "the argument", Set.of("columns", "rows"));
            cols.addAll(x.strings(o.get("columns"), "columns"));
            Value rs = o.get("rows");
            if (rs == null || !rs.hasArrayElements()) {
                throw x.error("rows must be an array of arrays of cells");
            }
            for (int i = 0; i < rs.getArraySize(); i++) {
                Value r = rs.getArrayElement(i);
                if (!r.hasArrayElements() || r.getArraySize() != cols.size()) {
                    throw x.error("row " + i + " must be an array of " + cols.size() + " cells");
                }
                List<Object> row = new ArrayList<>();
                for (int j = 0; j < cols.size(); j++) {
                    row.add(cell(x, r.getArrayElement(j)));
                }
                rows.add(row);
            }
        }
        if (cols.isEmpty()) {
            throw x.error("the table has no columns");
        }
        return new JsTable(session, new Table(cols, rows));
    }

    private static Object cell(Args x, Value v) {
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isString()) {
            return v.asString();
        }
        if (v.isBoolean()) {
            return String.valueOf(v.asBoolean());
        }
        throw x.error("table cells must be numbers or text, got " + Args.describe(v));
    }

    /** writeCsv(file, table): writes a Table (or anything with a table(): a sweep, a Monte Carlo) as CSV. */
    String writeCsv(Value... a) {
        Args x = new Args("cdyn.writeCsv", "(file, table)", a, 2, 2);
        String file = x.string(0, "file");
        Value v = x.get(1);
        Table t;
        if (x.isHandle(v, JsTable.class)) {
            t = x.handle(v, JsTable.class, "").table;
        } else if (x.isHandle(v, JsSweep.class)) {
            t = x.handle(v, JsSweep.class, "").result.table();
        } else if (x.isHandle(v, JsMonteCarlo.class)) {
            t = x.handle(v, JsMonteCarlo.class, "").result.table();
        } else if (x.isHandle(v, JsAttribution.class)) {
            t = x.handle(v, JsAttribution.class, "").result.table();
        } else if (x.isHandle(v, JsShapley.class)) {
            t = x.handle(v, JsShapley.class, "").result.table();
        } else if (x.isHandle(v, JsRun.class)) {
            return x.handle(v, JsRun.class, "").writeCsv(x.get(0));
        } else {
            t = table(v).table;
        }
        return JsTable.write(session, t, file, "cdyn.writeCsv");
    }

    /** writeText(file, text): writes text (.txt, .md, .json, .csv) into the output folder. */
    String writeText(Value... a) {
        Args x = new Args("cdyn.writeText", "(file, text)", a, 2, 2);
        Path p = session.out.resolve(x.string(0, "file"), Set.of("txt", "md", "json", "csv", "tsv"), "cdyn.writeText");
        byte[] text = x.string(1, "the text").getBytes(StandardCharsets.UTF_8);
        session.out.reserve(p, text.length, "cdyn.writeText");
        try {
            AtomicFiles.write(p, o -> o.write(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cdyn.writeText: cannot write " + x.string(0, "file") + ": " + OutputFolder.reason(e), e);
        }
        return session.out.written(p, "cdyn.writeText");
    }

    // ------------------------------------------------------------------ distributions

    /** uniform(min, max): every value between min and max equally likely. */
    JsDistribution uniform(Value... a) {
        Args x = new Args("cdyn.uniform", "(min, max)", a, 2, 2);
        return dist(x, () -> new Distribution.Uniform(x.number(0, "min"), x.number(1, "max")));
    }

    /** loguniform(min, max): uniform in the logarithm (for lags and rates spanning orders of magnitude). */
    JsDistribution loguniform(Value... a) {
        Args x = new Args("cdyn.loguniform", "(min, max)", a, 2, 2);
        return dist(x, () -> new Distribution.LogUniform(x.number(0, "min"), x.number(1, "max")));
    }

    /** normal(mean, sd, {min, max}): a normal distribution, truncated to [min, max] when given. */
    JsDistribution normal(Value... a) {
        Args x = new Args("cdyn.normal", "(mean, sd, {min, max})", a, 2, 3);
        Map<String, Value> o = x.options(2, Set.of("min", "max"));
        double lo = o.containsKey("min") ? x.number(o.get("min"), "min") : Double.NEGATIVE_INFINITY;
        double hi = o.containsKey("max") ? x.number(o.get("max"), "max") : Double.POSITIVE_INFINITY;
        return dist(x, () -> new Distribution.Normal(x.number(0, "mean"), x.number(1, "sd"), lo, hi));
    }

    /** lognormal(mean, sd): a log-normal distribution with this mean and standard deviation of the value. */
    JsDistribution lognormal(Value... a) {
        Args x = new Args("cdyn.lognormal", "(mean, sd)", a, 2, 2);
        return dist(x, () -> new Distribution.LogNormal(x.number(0, "mean"), x.number(1, "sd")));
    }

    /** triangular(min, mode, max): most likely at the mode, falling to zero at min and max. */
    JsDistribution triangular(Value... a) {
        Args x = new Args("cdyn.triangular", "(min, mode, max)", a, 3, 3);
        return dist(x, () -> new Distribution.Triangular(x.number(0, "min"), x.number(1, "mode"), x.number(2, "max")));
    }

    /** choice(values, weights?): one of the values, equally likely or with the given weights. */
    JsDistribution choice(Value... a) {
        Args x = new Args("cdyn.choice", "(values, weights?)", a, 1, 2);
        return dist(x, () -> new Distribution.Choice(x.numbers(x.get(0), "values"),
                x.has(1) ? x.numbers(x.get(1), "weights") : null));
    }

    private static JsDistribution dist(Args x, java.util.function.Supplier<Distribution> make) {
        try {
            return new JsDistribution(make.get());
        } catch (ScriptError e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw x.error(e.getMessage());
        }
    }

    // ------------------------------------------------------------------ charts and reports

    /** chart(runs, names, {title, units, layout, timeUnits}): a time chart of variables across runs. */
    JsChart chart(Value... a) {
        Args x = new Args("cdyn.chart", "(runs, names, {title, units, layout, timeUnits})", a, 2, 3);
        List<JsRun> runs = runList(x, x.get(0));
        List<String> vars = names(x, runs, x.strings(x.get(1), "names"));
        Map<String, Value> o = x.options(2, CHART_KEYS);
        ChartSpec spec = new ChartSpec(opt(x, o, "title"), vars, opt(x, o, "units"),
                o.containsKey("timeUnits") ? opt(x, o, "timeUnits") : runs.get(0).model.timeUnits());
        Layout layout = Layout.AUTO;
        if (o.containsKey("layout")) {
            String l = x.string(o.get("layout"), "layout");
            layout = switch (l.toLowerCase(java.util.Locale.ROOT)) {
                case "auto" -> Layout.AUTO;
                case "overlay" -> Layout.OVERLAY;
                case "grid" -> Layout.GRID;
                default -> throw x.error("unknown layout '" + l + "'; use 'auto', 'overlay' or 'grid'");
            };
        }
        List<ScenarioResults> srs = new ArrayList<>();
        runs(x, x.get(0)).forEach((n, r) -> srs.add(new ScenarioResults(n, r)));
        try {
            return new JsChart(session, ChartExport.figure(srs, spec, ChartStyle.defaults(), layout));
        } catch (IllegalArgumentException e) {
            throw x.error(e.getMessage());
        }
    }

    private static String opt(Args x, Map<String, Value> o, String key) {
        return o.containsKey(key) ? x.string(o.get(key), key) : null;
    }

    /** fanChart(monteCarlo, name, {title, units}): percentile bands around the median of one output. */
    JsChart fanChart(Value... a) {
        Args x = new Args("cdyn.fanChart", "(monteCarlo, name, {title, units})", a, 2, 3);
        JsMonteCarlo mc = x.handle(x.get(0), JsMonteCarlo.class, "the first argument");
        String name = mc.model.elementOrAsGiven(x.string(1, "name"));
        Map<String, Value> o = x.options(2, Set.of("title", "units"));
        try {
            int v = mc.result.variableIndex(name);
            String written = mc.result.variables().get(v);
            String units = o.containsKey("units") ? opt(x, o, "units") : unitsOf(mc.model, written);
            PercentileSeries p = new PercentileSeries(written, mc.result.times(), mc.result.percentileSeries(name));
            return new JsChart(session, FanChart.create(p, opt(x, o, "title"), units, mc.model.timeUnits(),
                    ChartStyle.defaults()));
        } catch (ScriptError e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw x.error(e.getMessage());
        }
    }

    /**
     * sweepChart(sweep, {parameter, output, by, title}): an output against a swept parameter, one
     * line per value of the parameter named in by (in a grid).
     */
    JsChart sweepChart(Value... a) {
        Args x = new Args("cdyn.sweepChart", "(sweep, {parameter, output, by, title})", a, 1, 2);
        JsSweep sw = x.handle(x.get(0), JsSweep.class, "the first argument");
        SweepResult r = sw.result;
        Map<String, Value> o = x.options(1, Set.of("parameter", "output", "by", "title"));
        try {
            String param = o.containsKey("parameter") ? opt(x, o, "parameter") : r.samples().names().get(0);
            String outcome = o.containsKey("output") ? opt(x, o, "output") : r.outputs().get(0).label();
            double[] xs = r.parameter(param);
            double[] ys = r.output(outcome);
            String paramName = r.samples().names().get(r.parameterIndex(param));
            String outLabel = r.outputs().get(r.outputIndex(outcome)).label();
            String outVar = r.outputs().get(r.outputIndex(outcome)).variable();
            Map<String, double[]> lines = new LinkedHashMap<>();
            double[] values = xs;
            if (o.containsKey("by")) {
                String by = opt(x, o, "by");
                double[] bs = r.parameter(by);
                String byName = r.samples().names().get(r.parameterIndex(by));
                Map<Double, List<Integer>> groups = new LinkedHashMap<>();
                for (int i = 0; i < bs.length; i++) {
                    groups.computeIfAbsent(bs[i], k -> new ArrayList<>()).add(i);
                }
                List<Integer> firstGroup = groups.values().iterator().next();
                values = firstGroup.stream().mapToDouble(i -> xs[i]).toArray();
                for (Map.Entry<Double, List<Integer>> g : groups.entrySet()) {
                    double[] gx = g.getValue().stream().mapToDouble(i -> xs[i]).toArray();
                    if (!java.util.Arrays.equals(gx, values)) {
                        throw x.error("by: '" + byName + "' must split a full grid into lines over the same values"
                                + " of '" + paramName + "'; use design: 'grid'");
                    }
                    lines.put(byName + " = " + num(g.getKey()), g.getValue().stream().mapToDouble(i -> ys[i]).toArray());
                }
            } else {
                lines.put(outLabel, ys);
            }
            Sweep s = new Sweep(paramName, unitsOf(sw.model, paramName), outLabel, unitsOf(sw.model, outVar), values,
                    lines);
            return new JsChart(session, SweepChart.create(s, opt(x, o, "title"), ChartStyle.defaults()));
        } catch (ScriptError e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw x.error(e.getMessage());
        }
    }

    /**
     * attributionChart(attribution, {output, title}): bars of each mechanism's effect on one output;
     * for a Shapley attribution, each switch's Shapley value, with 5-95% whiskers when it has samples.
     */
    JsChart attributionChart(Value... a) {
        Args x = new Args("cdyn.attributionChart", "(attribution, {output, title, bands})", a, 1, 2);
        Map<String, Value> o = x.options(1, Set.of("output", "title", "bands"));
        if (x.isHandle(x.get(0), JsShapley.class)) {
            JsShapley sh = x.handle(x.get(0), JsShapley.class, "the first argument");
            // whiskers from another Shapley attribution of the same switches over parameter draws
            JsShapley drawn = o.containsKey("bands") ? x.handle(o.get("bands"), JsShapley.class, "bands") : sh;
            if (!drawn.result.mechanisms().equals(sh.result.mechanisms())) {
                throw x.error("bands: the attribution given as bands has other switches; give one of the same switches");
            }
            int k = 0;
            if (o.containsKey("output")) {
                try {
                    k = sh.result.outcomeIndex(opt(x, o, "output"));
                } catch (IllegalArgumentException e) {
                    throw x.error(e.getMessage());
                }
            }
            Map<String, double[]> bands = new LinkedHashMap<>();
            if (drawn.result.samples() > 1) {
                int kb;
                try {
                    kb = drawn.result.outcomeIndex(sh.result.outcomes().get(k).label());
                } catch (IllegalArgumentException e) {
                    throw x.error("bands: " + e.getMessage());
                }
                for (int i = 0; i < sh.result.mechanisms().size(); i++) {
                    bands.put(sh.result.mechanisms().get(i), new double[] {drawn.result.percentile(i, kb, 5),
                        drawn.result.percentile(i, kb, 95)});
                }
            }
            String label = sh.result.outcomes().get(k).label();
            // under Charts.MAX_LABEL (160 characters), or the middle of the subtitle is cut out
            String sub = "Effect averaged over every order of switching on; sum "
                    + String.format(java.util.Locale.ROOT, "%.4g", sh.result.total(k)) + " (all on minus all off)"
                    + (bands.isEmpty() ? "" : "; whiskers: 5-95% over " + (drawn.result.samples() - 1)
                    + " parameter samples");
            Attribution attr = new Attribution(label, unitsOf(sh.model, sh.result.outcomes().get(k).variable()),
                    sh.result.shapley(k), bands, sub);
            String title = opt(x, o, "title");
            return new JsChart(session, AttributionChart.create(attr, title != null ? title
                    : "Shapley value of each switch for " + label, ChartStyle.defaults()));
        }
        if (o.containsKey("bands")) {
            throw x.error("bands apply to a Shapley attribution only");
        }
        JsAttribution at = x.handle(x.get(0), JsAttribution.class, "the first argument");
        int k = 0;
        if (o.containsKey("output")) {
            try {
                k = at.result.outcomeIndex(opt(x, o, "output"));
            } catch (IllegalArgumentException e) {
                throw x.error(e.getMessage());
            }
        }
        String label = at.result.outcomes().get(k).label();
        Attribution attr = new Attribution(label, unitsOf(at.model, at.result.outcomes().get(k).variable()),
                at.result.changes(k));
        return new JsChart(session, AttributionChart.create(attr, opt(x, o, "title"), ChartStyle.defaults()));
    }

    private static String unitsOf(JsModel m, String variable) {
        return m.sm.variable(variable).map(VariableInfo::units).orElse("");
    }

    private static String num(double d) {
        return Args.num(d);
    }

    /**
     * report(file, {title, subtitle, notes, runs, descriptions, outputs, at, charts, tables}): a multi-page PDF
     * with the scenarios and their changes, a table of outputs, further tables ({title, table}) and the
     * charts (Chart objects, or names of variables to chart across the runs).
     */
    /** tables: [{title, table}] with Table objects (cdyn.table(...)); numbers shown as the report shows values. */
    private static void reportTables(Args x, Value ts, Report.Builder b) {
        if (!ts.hasArrayElements()) {
            throw x.error("tables must be an array of {title, table} with a Table such as cdyn.table(rows)");
        }
        for (int i = 0; i < ts.getArraySize(); i++) {
            Map<String, Value> t = x.options(ts.getArrayElement(i), "tables[" + i + "]", Set.of("title", "table"));
            if (!t.containsKey("table") || !x.isHandle(t.get("table"), JsTable.class)) {
                throw x.error("tables[" + i + "] needs table: a Table such as cdyn.table(rows)");
            }
            org.clusterdynamics.scenario.Table table = x.handle(t.get("table"), JsTable.class, "").table;
            b.table(t.containsKey("title") ? x.string(t.get("title"), "tables[" + i + "].title") : "", table.columns(),
                    table.rows());
        }
    }

    String report(Value... a) {
        Args x = new Args("cdyn.report", "(file, {title, subtitle, notes, runs, descriptions, outputs, at, charts, tables})",
                a, 2, 2);
        Map<String, Value> o = x.options(x.get(1), "the options", REPORT_KEYS);
        if (!o.containsKey("title") || !o.containsKey("runs")) {
            throw x.error("give at least title and runs");
        }
        Report.Builder b = Report.builder(x.string(o.get("title"), "title"));
        if (o.containsKey("subtitle")) {
            b.subtitle(x.string(o.get("subtitle"), "subtitle"));
        }
        if (o.containsKey("notes")) {
            x.strings(o.get("notes"), "notes").forEach(b::note);
        }
        Map<String, Value> desc = o.containsKey("descriptions") ? x.members(o.get("descriptions"), "descriptions")
                : Map.of();
        List<JsRun> runs = runList(x, o.get("runs"));
        runs(x, o.get("runs"));
        for (JsRun r : runs) {
            Map<String, String> settings = new LinkedHashMap<>();
            for (Change c : r.scenario.scenario.changes()) {
                settings.put(c.target(), c.describe().startsWith(c.target() + " = ")
                        ? c.describe().substring(c.target().length() + 3)
                        : c.describe().startsWith(c.target() + " ") ? c.describe().substring(c.target().length() + 1)
                        : c.describe());
            }
            TimeSettings t = r.scenario.scenario.time();
            // the save step only changes how often rows are kept, which the report shows anyway
            TimeSettings span = new TimeSettings(t.start(), t.stop(), t.dt(), Double.NaN, t.method());
            if (!span.isModel()) {
                settings.put("time", span.describe());
            }
            String d = desc.containsKey(r.name) ? x.string(desc.get(r.name), "the description of '" + r.name + "'")
                    : r.scenario.scenario.changes().isEmpty() ? "The model as it is." : "";
            b.scenario(r.name, d, settings, r.results);
        }
        if (o.containsKey("outputs")) {
            List<String> outs = names(x, runs, x.strings(o.get("outputs"), "outputs"));
            b.outputs(outs);
        }
        if (o.containsKey("at")) {
            double[] at = x.numbers(o.get("at"), "at");
            for (JsRun r : runs) {
                for (double t : at) {
                    r.within(x, t);
                }
            }
            b.at(at);
        }
        b.timeUnits(runs.get(0).model.timeUnits());
        if (o.containsKey("tables")) {
            reportTables(x, o.get("tables"), b);
        }
        if (o.containsKey("charts")) {
            Value cs = o.get("charts");
            if (!cs.hasArrayElements()) {
                throw x.error("charts must be an array of Chart objects or variable names");
            }
            for (int i = 0; i < cs.getArraySize(); i++) {
                Value c = cs.getArrayElement(i);
                if (x.isHandle(c, JsChart.class)) {
                    b.chart(x.handle(c, JsChart.class, "").figure);
                } else {
                    List<String> vars = names(x, runs, x.strings(c, "charts[" + i + "]"));
                    b.compare(vars.toArray(new String[0]));
                }
            }
        }
        Path p = session.out.resolve(x.string(0, "file"), Set.of("pdf"), "cdyn.report");
        try {
            ReportPdf.write(b.build(), p);
        } catch (IOException e) {
            throw new UncheckedIOException("cdyn.report: cannot write " + x.string(0, "file") + ": " + OutputFolder.reason(e), e);
        } catch (IllegalArgumentException e) {
            throw x.error(e.getMessage());
        }
        return session.out.written(p, "cdyn.report");
    }

    /** help(): the list of API functions. */
    String help(Value... a) {
        new Args("cdyn.help", "()", a, 0, 0);
        return ApiHelp.TEXT;
    }

    @Override
    String describe() {
        return "cdyn " + version + " scripting API (cdyn.help() lists the functions)";
    }
}
