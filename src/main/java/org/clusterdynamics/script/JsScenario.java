package org.clusterdynamics.script;

import java.util.Map;
import java.util.Set;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.scenario.Change;
import org.clusterdynamics.scenario.Scenario;
import org.clusterdynamics.scenario.TimeSettings;
import org.graalvm.polyglot.Value;

/**
 * A scenario in a script: a named set of changes to a model. Immutable: every method returns a
 * new scenario, so one base can give many variants.
 */
final class JsScenario extends ApiObject {
    static final Set<String> SPEC_KEYS = Set.of("set", "equations", "tables", "from", "off", "on", "time", "seed");
    private static final Set<String> TIME_KEYS = Set.of("start", "stop", "dt", "saveStep", "method");

    private final JsModel model;
    final Scenario scenario;

    /** The scenario's name. */
    final String name;

    JsScenario(JsModel model, Scenario scenario) {
        super(model.session, "Scenario");
        this.model = model;
        this.scenario = scenario;
        this.name = scenario.name();
            fn("set", this::set);
        fn("equation", this::equation);
        fn("table", this::table);
        fn("from", this::from);
        fn("off", this::off);
        fn("on", this::on);
        fn("time", this::time);
        fn("seed", this::seed);
        fn("derive", this::derive);
        fn("changes", this::changes);
        fn("run", this::run);
        field("name", name);
    }

    JsModel model() {
        return model;
    }

    private JsScenario with(Scenario s) {
        return new JsScenario(model, s);
    }

    /** set(name, value) or set({name: value, ...}): holds constants at values (a stock: its initial value). */
    JsScenario set(Value... args) {
        Args a = new Args("scenario.set", "(name, value) or ({name: value, ...})", args, 1, 2);
        Scenario s = scenario;
        if (a.count() == 2) {
            s = model.sm.apply(s, new Change.SetValue(a.string(0, "name"), a.number(1, "the value")));
        } else {
            for (Map.Entry<String, Value> e : a.members(a.get(0), "the argument").entrySet()) {
                s = model.sm.apply(s, new Change.SetValue(e.getKey(), a.number(e.getValue(), "the value of '"
                        + e.getKey() + "'")));
            }
        }
        return with(s);
    }

    /** equation(name, text) or equation({name: text}): gives variables new equations in the model's syntax. */
    JsScenario equation(Value... args) {
        Args a = new Args("scenario.equation", "(name, equation) or ({name: equation, ...})", args, 1, 2);
        Scenario s = scenario;
        if (a.count() == 2) {
            s = model.sm.apply(s, new Change.SetEquation(a.string(0, "name"), a.string(1, "the equation"), null));
        } else {
            for (Map.Entry<String, Value> e : a.members(a.get(0), "the argument").entrySet()) {
                s = model.sm.apply(s, new Change.SetEquation(e.getKey(), a.string(e.getValue(), "the equation of '"
                        + e.getKey() + "'"), null));
            }
        }
        return with(s);
    }

    /**
     * table(name, times, values, {step}) or table(name, [[time, value], ...], {step}): makes a variable
     * follow values over time, linear between points or held until the next point with step: true.
     */
    JsScenario table(Value... args) {
        Args a = new Args("scenario.table", "(name, times, values, {step}) or (name, [[time, value], ...], {step})",
                args, 2, 4);
        String target = a.string(0, "name");
        double[][] tv;
        int optIndex;
        if (isPairs(a.get(1))) {
            tv = pairs(a, a.get(1));
            optIndex = 2;
        } else {
            tv = new double[][] {a.numbers(a.get(1), "times"), a.numbers(a.get(2), "values")};
            optIndex = 3;
        }
        Map<String, Value> opts = a.options(optIndex, Set.of("step"));
        boolean step = opts.containsKey("step") && a.bool(opts.get("step"), "step");
        return withTable(a, target, tv[0], tv[1], step);
    }

    private JsScenario withTable(Args a, String target, double[] times, double[] values, boolean step) {
        Change.SetTable c;
        try {
            c = new Change.SetTable(target, times, values, step);
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
        return with(model.sm.apply(scenario, c));
    }

    private static boolean isPairs(Value v) {
        return v != null && v.hasArrayElements() && v.getArraySize() > 0 && v.getArrayElement(0).hasArrayElements();
    }

    private static double[][] pairs(Args a, Value v) {
        int n = (int) v.getArraySize();
        double[][] tv = new double[2][n];
        for (int i = 0; i < n; i++) {
            double[] pair = a.numbers(v.getArrayElement(i), "point " + (i + 1));
            if (pair.length != 2) {
                throw a.error("point " + (i + 1) + " must be [time, value], got " + pair.length + " numbers");
            }
            tv[0][i] = pair[0];
            tv[1][i] = pair[1];
        }
        return tv;
    }

    /** from(time, {name: value, ...}): from that time on the variables take the values; before, they keep their equations. */
    JsScenario from(Value... args) {
        Args a = new Args("scenario.from", "(time, {name: value, ...})", args, 2, 2);
        return fromTime(a, a.number(0, "the time"), a.members(a.get(1), "the second argument"));
    }

    private JsScenario fromTime(Args a, double t, Map<String, Value> values) {
        Scenario s = scenario;
        for (Map.Entry<String, Value> e : values.entrySet()) {
            s = model.sm.stepChange(s, e.getKey(), t, a.number(e.getValue(), "the value of '" + e.getKey() + "'"));
        }
        return with(s);
    }

    /** off(name, ...): switches mechanisms off (their 0/1 switch constants to 0). */
    JsScenario off(Value... args) {
        return switchAll("off", args, false);
    }

    /** on(name, ...): switches mechanisms on (their switch constants to 1). */
    JsScenario on(Value... args) {
        return switchAll("on", args, true);
    }

    private JsScenario switchAll(String fn, Value[] args, boolean on) {
        Args a = new Args("scenario." + fn, "(name, ...)", args, 1, Integer.MAX_VALUE);
        Scenario s = scenario;
        for (int i = 0; i < a.count(); i++) {
            for (String n : a.strings(a.get(i), "switch name")) {
                s = model.sm.apply(s, new Change.Switch(n, on));
            }
        }
        return with(s);
    }

    /** time({start, stop, dt, saveStep, method}): changes the time span, step, save step or method. */
    JsScenario time(Value... args) {
        Args a = new Args("scenario.time", "({start, stop, dt, saveStep, method})", args, 1, 1);
        return with(model.sm.withTime(scenario, timeSettings(a, a.options(a.get(0), "the argument", TIME_KEYS))));
    }

    static TimeSettings timeSettings(Args a, Map<String, Value> o) {
        Method m = null;
        if (o.containsKey("method")) {
            String text = a.string(o.get("method"), "method");
            m = Method.parse(text);
            if (m == null) {
                throw a.error("unknown method '" + text + "'; use euler, rk2, rk4 or adaptive");
            }
        }
        try {
            return new TimeSettings(num(a, o, "start"), num(a, o, "stop"), num(a, o, "dt"), num(a, o, "saveStep"), m);
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    private static double num(Args a, Map<String, Value> o, String key) {
        return o.containsKey(key) ? a.number(o.get(key), key) : Double.NaN;
    }

    /** seed(n): the seed of the model's random functions. */
    JsScenario seed(Value... args) {
        Args a = new Args("scenario.seed", "(n)", args, 1, 1);
        return with(scenario.withSeed(a.seed(a.get(0), "the seed")));
    }

    /** derive(name, {set, equations, tables, from, off, on, time, seed}): a new scenario that starts from this one. */
    JsScenario derive(Value... args) {
        Args a = new Args("scenario.derive", "(name, {set, equations, tables, from, off, on, time, seed})", args, 1, 2);
        Scenario s = scenario.named(a.string(0, "name"));
        return applySpec(new JsScenario(model, s), a, a.has(1) ? a.options(a.get(1), "the changes", SPEC_KEYS)
                : Map.of());
    }

    /** Applies a spec object's keys in a fixed order: values, equations, tables, steps, switches, time, seed. */
    static JsScenario applySpec(JsScenario s, Args a, Map<String, Value> spec) {
        JsScenario out = s;
        if (spec.containsKey("set")) {
            out = out.set(spec.get("set"));
        }
        if (spec.containsKey("equations")) {
            out = out.equation(spec.get("equations"));
        }
        if (spec.containsKey("tables")) {
            for (Map.Entry<String, Value> e : a.members(spec.get("tables"), "tables").entrySet()) {
                Value t = e.getValue();
                if (isPairs(t)) {
                    double[][] tv = pairs(a, t);
                    out = out.withTable(a, e.getKey(), tv[0], tv[1], false);
                } else {
                    Map<String, Value> o = a.options(t, "the table of '" + e.getKey() + "'",
                            Set.of("times", "values", "step"));
                    out = out.withTable(a, e.getKey(), a.numbers(o.get("times"), "times"),
                            a.numbers(o.get("values"), "values"), o.containsKey("step") && a.bool(o.get("step"), "step"));
                }
            }
        }
        if (spec.containsKey("from")) {
            for (Map.Entry<String, Value> e : a.members(spec.get("from"), "from").entrySet()) {
                double t;
                try {
                    t = Double.parseDouble(e.getKey());
                } catch (NumberFormatException ex) {
                    throw a.error("from: the keys must be times such as 1975, got '" + e.getKey() + "'");
                }
                out = out.fromTime(a, t, a.members(e.getValue(), "from[" + e.getKey() + "]"));
            }
        }
        if (spec.containsKey("off")) {
            out = out.off(spec.get("off"));
        }
        if (spec.containsKey("on")) {
            out = out.on(spec.get("on"));
        }
        if (spec.containsKey("time")) {
            out = out.time(spec.get("time"));
        }
        if (spec.containsKey("seed")) {
            out = out.seed(spec.get("seed"));
        }
        return out;
    }

    /** changes(): the scenario's changes, one line each ("Copying Lag = 2"). */
    Value changes(Value... args) {
        new Args("scenario.changes", "()", args, 0, 0);
        return model.session.js.strings(scenario.describe());
    }

    /** run(): runs the scenario and returns its Run. */
    JsRun run(Value... args) {
        new Args("scenario.run", "()", args, 0, 0);
        return new JsRun(model, this, model.sm.run(scenario, model.session.runner.cancelToken()));
    }

    @Override
    String describe() {
        return "Scenario '" + name + "'" + (scenario.changes().isEmpty() && scenario.time().isModel() ? ""
                : ": " + String.join("; ", scenario.describe()));
    }
}
