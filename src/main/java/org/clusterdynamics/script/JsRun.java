package org.clusterdynamics.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.scenario.Names;
import org.clusterdynamics.scenario.SeriesStats;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.ResultsCsv;
import org.graalvm.polyglot.Value;

/** The results of one scenario run in a script: series, values at times, final values and statistics. */
final class JsRun extends ApiObject {
    final JsModel model;
    final JsScenario scenario;
    final Results results;

    /** The scenario's name. */
    final String name;

    JsRun(JsModel model, JsScenario scenario, Results results) {
        super(model.session, "Run");
        this.model = model;
        this.scenario = scenario;
        this.results = results;
        this.name = scenario.name;
            fn("scenario", this::scenario);
        fn("times", this::times);
        fn("names", this::names);
        fn("series", this::series);
        fn("at", this::at);
        fn("finalValue", this::finalValue);
        fn("stats", this::stats);
        fn("units", this::units);
        fn("table", this::table);
        fn("writeCsv", this::writeCsv);
        field("name", name);
    }

    /** scenario(): the scenario that was run. */
    JsScenario scenario(Value... args) {
        new Args("run.scenario", "()", args, 0, 0);
        return scenario;
    }

    /** times(): the save times. */
    Value times(Value... args) {
        new Args("run.times", "()", args, 0, 0);
        return model.session.js.array(results.times());
    }

    /** names(): the saved variables' names (array elements as name[element]). */
    Value names(Value... args) {
        new Args("run.names", "()", args, 0, 0);
        return model.session.js.strings(results.names());
    }

    /** series(name): the variable's value at every save time. */
    Value series(Value... args) {
        Args a = new Args("run.series", "(name)", args, 1, 1);
        return model.session.js.array(column(a, a.string(0, "name")).clone());
    }

    /** at(name, time): the value at a time, linear between save times. */
    double at(Value... args) {
        Args a = new Args("run.at", "(name, time)", args, 2, 2);
        String n = name(a, a.string(0, "name"));
        double t = a.number(1, "the time");
        within(a, t);
        return results.valueAt(n, t);
    }

    /** finalValue(name): the value at the end of the run. */
    double finalValue(Value... args) {
        Args a = new Args("run.finalValue", "(name)", args, 1, 1);
        String n = name(a, a.string(0, "name"));
        return results.finalValue(n);
    }

    /** stats(name): {initial, final, min, max, mean, timeOfMin, timeOfMax}. */
    Value stats(Value... args) {
        Args a = new Args("run.stats", "(name)", args, 1, 1);
        SeriesStats s = SeriesStats.of(results.times(), column(a, a.string(0, "name")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("initial", s.initial());
        m.put("final", s.finalValue());
        m.put("min", s.min());
        m.put("max", s.max());
        m.put("mean", s.mean());
        m.put("timeOfMin", s.timeOfMin());
        m.put("timeOfMax", s.timeOfMax());
        return model.session.js.object(m);
    }

    /** units(name): the variable's units as written in the model. */
    String units(Value... args) {
        Args a = new Args("run.units", "(name)", args, 1, 1);
        String n = name(a, a.string(0, "name"));
        return results.units(n);
    }

    /** table(names?): a Table with a time column and the named variables (all when none are given). */
    JsTable table(Value... args) {
        Args a = new Args("run.table", "(names?)", args, 0, 1);
        Results r = selected(a, 0);
        List<String> cols = new java.util.ArrayList<>();
        cols.add("time");
        cols.addAll(r.names());
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < r.rowCount(); i++) {
            List<Object> row = new java.util.ArrayList<>();
            row.add(r.times()[i]);
            for (String n : r.names()) {
                row.add(r.column(n)[i]);
            }
            rows.add(row);
        }
        return new JsTable(model.session, new org.clusterdynamics.scenario.Table(cols, rows));
    }

    /** writeCsv(file, names?): writes the run (or the named variables) as CSV into the output folder. */
    String writeCsv(Value... args) {
        Args a = new Args("run.writeCsv", "(file, names?)", args, 1, 2);
        Path p = model.session.out.resolve(a.string(0, "file"), Set.of("csv", "tsv"), "run.writeCsv");
        try {
            ResultsCsv.write(selected(a, 1), p);
        } catch (IOException e) {
            throw new UncheckedIOException("run.writeCsv: cannot write " + a.string(0, "file") + ": " + OutputFolder.reason(e), e);
        }
        return model.session.out.written(p, "run.writeCsv");
    }

    private Results selected(Args a, int i) {
        if (!a.has(i)) {
            return results;
        }
        List<String> names = a.strings(a.get(i), "names").stream().map(n -> name(a, n)).toList();
        return results.select(names);
    }

    /** Refuses a time outside the run, which would otherwise read as the value at its nearest end. */
    void within(Args a, double t) {
        try {
            SeriesStats.requireWithin(results.times(), t, "run '" + name + "'");
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    /** The column, or an error naming close names. */
    double[] column(Args a, String n) {
        return results.column(name(a, n));
    }

    /**
     * The column's name as saved: the name given, or one whose elements are written with spaces
     * left out or added ("Firms[Mian Channun]" for "Firms[MianChannun]"); an error naming close names.
     */
    String name(Args a, String n) {
        if (results.has(n)) {
            return n;
        }
        if (n.contains("[")) {
            String loose = looseKey(n);
            List<String> hits = results.names().stream().filter(x -> looseKey(x).equals(loose)).toList();
            if (hits.size() == 1) {
                return hits.get(0);
            }
        }
        List<String> arrayElems = results.names().stream()
                .filter(x -> Results.key(x).startsWith(Results.key(n) + "[")).toList();
        if (!arrayElems.isEmpty()) {
            throw a.error("'" + n + "' is an array; name one element, e.g. '" + arrayElems.get(0) + "'");
        }
        if (n.contains("[") && n.endsWith("]")) {
            // a known array with an unknown element: suggest the closest elements
            String base = n.substring(0, n.indexOf('['));
            Map<String, String> byElement = new LinkedHashMap<>();
            for (String x : results.names()) {
                if (Results.key(x).startsWith(Results.key(base) + "[")) {
                    byElement.put(x.substring(x.indexOf('[') + 1, x.length() - 1), x);
                }
            }
            if (!byElement.isEmpty()) {
                List<String> close = Names.closest(n.substring(n.indexOf('[') + 1, n.length() - 1), byElement.keySet());
                throw a.error("the run has no element '" + n + "'." + (close.isEmpty() ? " Its elements are, e.g., "
                        + String.join(", ", byElement.values().stream().limit(5).toList())
                        : " Did you mean '" + String.join("' or '", close.stream().map(byElement::get).toList()) + "'?"));
            }
        }
        throw a.error("the run has no variable '" + Names.shown(n) + "'." + Names.hint(n, results.names())
                + " model.variables() lists the names");
    }

    private static String looseKey(String name) {
        return Results.key(name).replace(" ", "").replace("_", "");
    }

    @Override
    String describe() {
        return "Run '" + name + "' (" + results.names().size() + " variables, " + results.rowCount() + " times from "
                + num(results.times()[0]) + " to " + num(results.times()[results.rowCount() - 1]) + ")";
    }

    private static String num(double d) {
        return Args.num(d);
    }
}
