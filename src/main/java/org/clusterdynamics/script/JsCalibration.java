package org.clusterdynamics.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.chart.ChartStyle;
import org.clusterdynamics.chart.FitChart;
import org.clusterdynamics.files.AtomicFiles;
import org.clusterdynamics.fit.Calibration;
import org.clusterdynamics.fit.CalibrationResult;
import org.clusterdynamics.fit.DataReader;
import org.clusterdynamics.fit.FitParameter;
import org.clusterdynamics.fit.FitStatistics;
import org.clusterdynamics.fit.ObservedData;
import org.clusterdynamics.fit.Payoff;
import org.clusterdynamics.scenario.Change;
import org.clusterdynamics.scenario.Scenario;
import org.graalvm.polyglot.Value;

/** The result of model.calibrate in a script: estimates, intervals, statistics, a scenario with the fitted values, a chart. */
final class JsCalibration extends ApiObject {
    static final Set<String> KEYS = Set.of("data", "fit", "payoff", "weights", "until", "method", "starts", "seed",
            "profile", "maxTrials", "base", "threads");

    private final JsModel model;
    final CalibrationResult result;

    JsCalibration(JsModel model, CalibrationResult result) {
        super(model.session, "Calibration");
        this.model = model;
        this.result = result;
        fn("values", this::values);
        fn("parameters", this::parameters);
        fn("statistics", this::statistics);
        fn("correlation", this::correlation);
        fn("payoff", this::payoff);
        fn("runs", this::runs);
        fn("scenario", this::scenario);
        fn("table", this::table);
        fn("chart", this::chart);
        fn("writeSettings", this::writeSettings);
    }

    /** model.calibrate({data, fit, payoff, weights, until, method, starts, seed, profile, maxTrials, base, threads}). */
    static JsCalibration run(JsModel model, Value... args) {
        Args a = new Args("model.calibrate", "({data, fit, payoff, weights, until, method, starts, seed, profile,"
                + " maxTrials, base, threads})", args, 1, 1);
        Map<String, Value> o = a.options(a.get(0), "the options", KEYS);
        if (!o.containsKey("data")) {
            throw a.error("give data: a data file ('cases.csv') or rows from cdyn.readCsv");
        }
        if (!o.containsKey("fit")) {
            throw a.error("give fit: {'Constant': [lo, hi], ...}, the constants to fit and their ranges");
        }
        try {
            ObservedData data = data(model.session, a, o.get("data"));
            List<FitParameter> params = ranges(a, o.get("fit"), "fit");
            Map<String, Double> weights = new LinkedHashMap<>();
            if (o.containsKey("weights")) {
                a.members(o.get("weights"), "weights").forEach((k, v) -> weights.put(k, a.number(v, "the weight of '" + k
                        + "'")));
            }
            Scenario base = o.containsKey("base") ? model.scenario(a, o.get("base"), "base").scenario
                    : model.sm.baseline();
            Calibration.Spec spec = new Calibration.Spec(base, data, params,
                    o.containsKey("payoff") ? Payoff.parse(a.string(o.get("payoff"), "payoff")) : Payoff.SSE, weights,
                    o.containsKey("until") ? a.number(o.get("until"), "until") : Double.NaN,
                    o.containsKey("method") ? Calibration.Method.parse(a.string(o.get("method"), "method"))
                            : Calibration.Method.LM,
                    o.containsKey("starts") ? a.integer(o.get("starts"), "starts", 1, 1000) : 1,
                    o.containsKey("seed") ? a.seed(o.get("seed"), "seed") : 1,
                    !o.containsKey("profile") || a.bool(o.get("profile"), "profile"),
                    o.containsKey("maxTrials") ? a.integer(o.get("maxTrials"), "maxTrials", 1, 10_000_000) : 3000);
            return new JsCalibration(model, Calibration.run(model.sm, spec, model.session.runner(a, o), null));
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    /** {name: [lo, hi]} or {name: {min, max}} as ranges. */
    static List<FitParameter> ranges(Args a, Value v, String what) {
        List<FitParameter> out = new ArrayList<>();
        for (Map.Entry<String, Value> e : a.members(v, what).entrySet()) {
            Value r = e.getValue();
            double lo;
            double hi;
            if (r.hasArrayElements()) {
                double[] x = a.numbers(r, "the range of '" + e.getKey() + "'");
                if (x.length != 2) {
                    throw a.error("the range of '" + e.getKey() + "' must be [lo, hi], got " + x.length + " numbers");
                }
                lo = x[0];
                hi = x[1];
            } else {
                Map<String, Value> m = a.options(r, "the range of '" + e.getKey() + "'", Set.of("min", "max"));
                if (!m.containsKey("min") || !m.containsKey("max")) {
                    throw a.error("the range of '" + e.getKey() + "' needs min and max, or write [lo, hi]");
                }
                lo = a.number(m.get("min"), "min");
                hi = a.number(m.get("max"), "max");
            }
            out.add(new FitParameter(e.getKey(), lo, hi));
        }
        return out;
    }

    /** A data file name (read inside the sandbox's read roots) or rows [{Time, X, ...}] from cdyn.readCsv. */
    static ObservedData data(Session session, Args a, Value v) {
        if (v.isString()) {
            Path p = session.models.locateData(v.asString(), "model.calibrate");
            try {
                return DataReader.read(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + v.asString() + ": " + e.getMessage(), e);
            }
        }
        if (!v.hasArrayElements() || v.getArraySize() == 0) {
            throw a.error("data must be a file name or a non-empty array of rows {Time: t, Name: value}, got "
                    + Args.describe(v));
        }
        List<String> names = new ArrayList<>();
        int n = (int) v.getArraySize();
        double[] times = new double[n];
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int rowNumber = i + 1;
            Map<String, Value> row = a.members(v.getArrayElement(i), "data row " + rowNumber);
            String timeKey = row.keySet().stream().filter(k -> k.equalsIgnoreCase("time")).findFirst()
                    .orElseThrow(() -> a.error("data row " + rowNumber + " has no Time; give each row {Time: t, ...}"));
            times[i] = a.number(row.get(timeKey), "Time of data row " + (i + 1));
            for (Map.Entry<String, Value> e : row.entrySet()) {
                if (e.getKey().equals(timeKey)) {
                    continue;
                }
                if (!cols.containsKey(e.getKey())) {
                    double[] c = new double[n];
                    java.util.Arrays.fill(c, Double.NaN);
                    cols.put(e.getKey(), c);
                    names.add(e.getKey());
                }
                Value x = e.getValue();
                cols.get(e.getKey())[i] = x == null || x.isNull() ? Double.NaN
                        : a.number(x, "'" + e.getKey() + "' of data row " + (i + 1));
            }
            if (i > 0 && !(times[i] > times[i - 1])) {
                throw a.error("data row " + (i + 1) + ": times must increase (" + times[i - 1] + " then " + times[i]
                        + ")");
            }
        }
        return new ObservedData("the data rows", times, cols);
    }

    Value values(Value... args) {
        new Args("calibration.values", "()", args, 0, 0);
        return model.session.js.of(result.values());
    }

    Value parameters(Value... args) {
        new Args("calibration.parameters", "()", args, 0, 0);
        List<Object> out = new ArrayList<>();
        for (int j = 0; j < result.parameters().size(); j++) {
            FitParameter f = result.parameters().get(j);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("lo", f.lo());
            m.put("hi", f.hi());
            m.put("estimate", result.fitted()[j]);
            m.put("stdError", nullable(result.standardErrors()[j]));
            m.put("lo95", nullable(result.waldLo()[j]));
            m.put("hi95", nullable(result.waldHi()[j]));
            m.put("profileLo95", nullable(result.profileLo()[j]));
            m.put("profileHi95", nullable(result.profileHi()[j]));
            out.add(m);
        }
        return model.session.js.of(out);
    }

    Value statistics(Value... args) {
        new Args("calibration.statistics", "()", args, 0, 0);
        List<Object> out = new ArrayList<>();
        for (CalibrationResult.VariableFit v : result.variables()) {
            out.add(stats(v.name(), "fit", v.fit()));
            if (v.holdout() != null) {
                out.add(stats(v.name(), "holdout", v.holdout()));
            }
        }
        return model.session.js.of(out);
    }

    private static Map<String, Object> stats(String name, String window, FitStatistics s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variable", name);
        m.put("window", window);
        m.put("points", s.n());
        m.put("r2", nullable(s.r2()));
        m.put("rmse", nullable(s.rmse()));
        m.put("mape", nullable(s.mape()));
        m.put("theilU", nullable(s.theilU()));
        m.put("um", nullable(s.um()));
        m.put("us", nullable(s.us()));
        m.put("uc", nullable(s.uc()));
        return m;
    }

    private static Object nullable(double v) {
        return Double.isNaN(v) ? null : v;
    }

    Value correlation(Value... args) {
        new Args("calibration.correlation", "()", args, 0, 0);
        List<Object> rows = new ArrayList<>();
        for (double[] r : result.correlation()) {
            List<Object> row = new ArrayList<>();
            for (double x : r) {
                row.add(nullable(x));
            }
            rows.add(row);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("names", result.parameters().stream().map(FitParameter::name).toList());
        m.put("matrix", rows);
        return model.session.js.of(m);
    }

    Value payoff(Value... args) {
        new Args("calibration.payoff", "()", args, 0, 0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", result.payoff().label());
        m.put("value", result.payoffValue());
        m.put("minimised", result.objective());
        m.put("points", result.points());
        return model.session.js.of(m);
    }

    Value runs(Value... args) {
        new Args("calibration.runs", "()", args, 0, 0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", result.runs());
        m.put("failed", result.failedRuns());
        m.put("firstFailure", result.firstFailure());
        m.put("converged", result.converged());
        return model.session.js.of(m);
    }

    /** scenario(name?): the base model with the fitted values set, as a scenario ("calibrated" by default). */
    JsScenario scenario(Value... args) {
        Args a = new Args("calibration.scenario", "(name?)", args, 0, 1);
        Scenario s = Scenario.of(a.has(0) ? a.string(0, "name") : "calibrated");
        for (Map.Entry<String, Double> e : result.values().entrySet()) {
            s = model.sm.apply(s, new Change.SetValue(e.getKey(), e.getValue()));
        }
        return new JsScenario(model, s);
    }

    JsTable table(Value... args) {
        new Args("calibration.table", "()", args, 0, 0);
        return new JsTable(model.session, result.parametersTable());
    }

    JsChart chart(Value... args) {
        Args a = new Args("calibration.chart", "(title?)", args, 0, 1);
        List<FitChart.Series> series = new ArrayList<>();
        for (CalibrationResult.VariableFit v : result.variables()) {
            series.add(new FitChart.Series(v.name(), v.dataTimes(), v.data(), v.modelTimes(), v.model()));
        }
        return new JsChart(model.session, FitChart.create(a.has(0) ? a.string(0, "title") : null, series,
                result.until(), model.timeUnits(), ChartStyle.defaults()));
    }

    /** writeSettings(file): the fitted values as a settings file (cdyn run --set-file, cdyn.readSettings). */
    String writeSettings(Value... args) {
        Args a = new Args("calibration.writeSettings", "(file)", args, 1, 1);
        Path p = model.session.out.resolve(a.string(0, "file"), Set.of("txt", "cin"), "calibration.writeSettings");
        byte[] text = result.settingsText().getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(p, out -> out.write(text));
        } catch (IOException e) {
            throw new UncheckedIOException("calibration.writeSettings: " + e.getMessage(), e);
        }
        return model.session.out.relative(p);
    }

    /** cdyn.readSettings(path): {name: value} of a settings file inside the read roots. */
    static Value readSettings(Session session, Value... args) {
        Args a = new Args("cdyn.readSettings", "(path)", args, 1, 1);
        Path p = session.models.locateData(a.string(0, "path"), "cdyn.readSettings");
        try {
            return session.js.of(org.clusterdynamics.fit.Settings.parse(a.string(0, "path"),
                    Files.readString(p, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cdyn.readSettings: cannot read " + p + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    /** cdyn.readCsv(path): the rows of a CSV/TSV file as objects; numbers as numbers, empty cells as null. */
    static Value readCsv(Session session, Value... args) {
        Args a = new Args("cdyn.readCsv", "(path)", args, 1, 1);
        Path p = session.models.locateData(a.string(0, "path"), "cdyn.readCsv");
        try {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            String first = text.lines().findFirst().orElse("");
            org.apache.commons.csv.CSVFormat f = org.apache.commons.csv.CSVFormat.DEFAULT.builder()
                    .setDelimiter(first.contains("\t") ? '\t' : ',').setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).build();
            List<Object> rows = new ArrayList<>();
            try (org.apache.commons.csv.CSVParser parser = f.parse(new java.io.StringReader(text))) {
                List<String> header = parser.getHeaderNames();
                for (org.apache.commons.csv.CSVRecord r : parser) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        String cell = i < r.size() ? r.get(i) : "";
                        row.put(header.get(i), cell(cell));
                    }
                    rows.add(row);
                }
            }
            return session.js.of(rows);
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            throw a.error("cannot read " + a.string(0, "path") + " as CSV: " + e.getMessage());
        }
    }

    private static Object cell(String s) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : s;
        } catch (NumberFormatException e) {
            return s;
        }
    }

    @Override
    String describe() {
        return "Calibration of " + String.join(", ", result.parameters().stream().map(FitParameter::name).toList())
                + String.format(Locale.ROOT, " (payoff %s %.6g)", result.payoff().label(), result.payoffValue());
    }
}
