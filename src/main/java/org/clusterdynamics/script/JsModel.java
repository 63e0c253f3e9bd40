package org.clusterdynamics.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.model.SimSpecs;
import org.clusterdynamics.scenario.Distribution;
import org.clusterdynamics.scenario.MechanismAttribution;
import org.clusterdynamics.scenario.MonteCarlo;
import org.clusterdynamics.scenario.MonteCarloResult;
import org.clusterdynamics.scenario.Output;
import org.clusterdynamics.scenario.ParameterSweep;
import org.clusterdynamics.scenario.Samples;
import org.clusterdynamics.scenario.Scenario;
import org.clusterdynamics.scenario.ScenarioModel;
import org.clusterdynamics.scenario.ShapleyAttribution;
import org.clusterdynamics.scenario.SweepResult;
import org.clusterdynamics.scenario.VariableInfo;
import org.clusterdynamics.sim.Results;
import org.graalvm.polyglot.Value;

/** A model loaded by a script: its variables, its scenarios, and batches of runs (sweeps, Monte Carlo, attribution). */
final class JsModel extends ApiObject {
    private static final Set<String> SWEEP_KEYS = Set.of("base", "parameters", "design", "samples", "seed", "outputs",
            "at", "stats", "series", "threads", "onError", "correlation");
    private static final Set<String> MC_KEYS = Set.of("base", "parameters", "runs", "seed", "sampling", "outputs",
            "percentiles", "threads", "onError", "correlation");
    private static final Set<String> ATTRIBUTION_KEYS = Set.of("base", "mechanisms", "outputs", "at", "stats",
            "threads", "method", "orderings", "seed", "parameters", "samples", "sampling", "correlation");
    private static final Set<String> SHAPLEY_ONLY = Set.of("orderings", "seed", "parameters", "samples", "sampling",
            "correlation");

    final Session session;
    final ScenarioModel sm;

    /** The model's name (from the file's header, or the file name). */
    final String name;

    /** The model file as given to cdyn.load. */
    final String file;

    JsModel(Session session, ScenarioModel sm, String file) {
        super(session, "Model");
        this.session = session;
        this.sm = sm;
        this.file = file;
        String n = sm.model().name();
        this.name = n == null || n.isBlank() ? java.nio.file.Path.of(file).getFileName().toString() : n;
            fn("variables", this::variables);
        fn("constants", this::constants);
        fn("variable", this::variable);
        fn("time", this::time);
        fn("baseline", this::baseline);
        fn("scenario", this::scenario);
        fn("run", this::run);
        fn("runAll", this::runAll);
        fn("sweep", this::sweep);
        fn("monteCarlo", this::monteCarlo);
        fn("attribution", this::attribution);
        fn("calibrate", args -> JsCalibration.run(this, args));
        fn("sensitivity", args -> JsSensitivity.run(this, args));
        fn("loops", this::loops);
        field("name", name);
        field("file", file);
    }

    /** variables(filter?): every variable, or those whose name contains the filter (any case). */
    Value variables(Value... args) {
        Args a = new Args("model.variables", "(filter?)", args, 0, 1);
        return session.js.of(infos(a.has(0) ? a.string(0, "filter") : "", false));
    }

    /** constants(filter?): the constants (what set(), sweeps and Monte Carlo can vary). */
    Value constants(Value... args) {
        Args a = new Args("model.constants", "(filter?)", args, 0, 1);
        return session.js.of(infos(a.has(0) ? a.string(0, "filter") : "", true));
    }

    /** variable(name): one variable's {name, kind, units, documentation, dimensions, equation, value, line, points}. */
    Value variable(Value... args) {
        Args a = new Args("model.variable", "(name)", args, 1, 1);
        String n = a.string(0, "name");
        VariableInfo v = sm.variable(n).orElseThrow(() -> a.error("the model has no variable '" + org.clusterdynamics.scenario.Names.shown(n) + "'."
                + org.clusterdynamics.scenario.Names.hint(n, sm.variables().stream().map(VariableInfo::name).toList())));
        return session.js.of(info(v));
    }

    private List<Object> infos(String filter, boolean constantsOnly) {
        String f = filter.toLowerCase(Locale.ROOT);
        List<Object> out = new ArrayList<>();
        for (VariableInfo v : sm.variables()) {
            if ((!constantsOnly || v.isConstant()) && v.name().toLowerCase(Locale.ROOT).contains(f)) {
                out.add(info(v));
            }
        }
        return out;
    }

    private static Map<String, Object> info(VariableInfo v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        m.put("kind", v.kind());
        m.put("units", v.units());
        m.put("documentation", v.documentation());
        m.put("dimensions", v.dimensions());
        m.put("equation", v.equation());
        m.put("value", Double.isNaN(v.value()) ? null : v.value());
        m.put("line", v.line());
        double[][] points = v.points();
        m.put("points", points == null ? null : java.util.Arrays.asList((Object[]) points));
        return m;
    }

    /** time(): {start, stop, dt, saveStep, method, units} of the model. */
    Value time(Value... args) {
        new Args("model.time", "()", args, 0, 0);
        SimSpecs s = sm.model().specs();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", s.start());
        m.put("stop", s.stop());
        m.put("dt", s.dt());
        m.put("saveStep", s.saveStep());
        m.put("method", s.method() == null ? "euler" : s.method().name().toLowerCase(Locale.ROOT));
        m.put("units", s.timeUnits() == null ? "" : s.timeUnits());
        return session.js.of(m);
    }

    String timeUnits() {
        String u = sm.model().specs().timeUnits();
        return u == null || u.isBlank() ? null : u;
    }

    /** loops(scenario?, {maxLoops}): the feedback loops, scored over a run of the scenario (the baseline by default). */
    JsLoops loops(Value... args) {
        Args a = new Args("model.loops", "(scenario?, {maxLoops})", args, 0, 2);
        boolean given = a.has(0) && a.isHandle(a.get(0), JsScenario.class);
        JsScenario s = given ? scenario(a, a.get(0), "the scenario") : baseline();
        int optionsAt = given ? 1 : 0;
        Map<String, Value> o = a.options(optionsAt, Set.of("maxLoops"));
        int max = o.containsKey("maxLoops") ? a.integer(o.get("maxLoops"), "maxLoops", 1, 10_000_000)
                : org.clusterdynamics.structure.LoopFinder.DEFAULT_MAX_LOOPS;
        org.clusterdynamics.scenario.PreparedRun p = sm.prepare(s.scenario);
        return new JsLoops(session, this, org.clusterdynamics.structure.LoopAnalysis.of(p.compiled(), p.options(), max),
                s.name);
    }

    /** baseline(): the model as it is, as a scenario named "baseline". */
    JsScenario baseline(Value... args) {
        new Args("model.baseline", "()", args, 0, 0);
        return new JsScenario(this, sm.baseline());
    }

    /** scenario(name, {set, equations, tables, from, off, on, time, seed}): a scenario of this model. */
    JsScenario scenario(Value... args) {
        Args a = new Args("model.scenario", "(name, {set, equations, tables, from, off, on, time, seed})", args, 1, 2);
        JsScenario s = new JsScenario(this, Scenario.of(a.string(0, "name")));
        return JsScenario.applySpec(s, a, a.options(1, JsScenario.SPEC_KEYS));
    }

    /** run(scenario?): runs a scenario (the baseline when none is given). */
    JsRun run(Value... args) {
        Args a = new Args("model.run", "(scenario?)", args, 0, 1);
        JsScenario s = a.has(0) ? scenario(a, a.get(0), "the scenario") : baseline();
        return new JsRun(this, s, sm.run(s.scenario, session.runner.cancelToken()));
    }

    /** runAll([scenario, ...], {threads}): runs scenarios in parallel; returns their Runs in order. */
    Value runAll(Value... args) {
        Args a = new Args("model.runAll", "([scenario, ...], {threads})", args, 1, 2);
        Value list = a.get(0);
        if (!list.hasArrayElements()) {
            throw a.error("the first argument must be an array of scenarios, got " + Args.describe(list));
        }
        List<JsScenario> ss = new ArrayList<>();
        for (int i = 0; i < list.getArraySize(); i++) {
            ss.add(scenario(a, list.getArrayElement(i), "scenario " + (i + 1)));
        }
        requireDistinct(a, ss.stream().map(s -> s.name).toList());
        Map<String, Value> opts = a.options(1, Set.of("threads"));
        List<Results> rs = sm.runAll(ss.stream().map(s -> s.scenario).toList(), session.runner(a, opts));
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < ss.size(); i++) {
            out.add(new JsRun(this, ss.get(i), rs.get(i)));
        }
        return session.js.of(out);
    }

    static void requireDistinct(Args a, List<String> names) {
        Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw a.error("two scenarios are named '" + n + "'; give each a distinct name (scenario.derive(name))");
            }
        }
    }

    JsScenario scenario(Args a, Value v, String what) {
        JsScenario s = a.handle(v, JsScenario.class, what);
        if (s.model() != this) {
            throw a.error(what + " '" + s.name + "' belongs to another model (" + s.model().file + ")");
        }
        return s;
    }

    private JsScenario base(Args a, Map<String, Value> opts) {
        return opts.containsKey("base") ? scenario(a, opts.get("base"), "base") : baseline();
    }

    /** The outputs of a batch: each variable at each time in at, each statistic in stats; final values by default. */
    private List<Output> outputs(Args a, Map<String, Value> o, String key) {
        if (!o.containsKey(key)) {
            throw a.error("name the variables to record with " + key + ": ['Variable', ...]");
        }
        List<String> vars = a.strings(o.get(key), key).stream().map(v -> element(v)).toList();
        List<Output> out = new ArrayList<>();
        boolean any = false;
        if (o.containsKey("at")) {
            any = true;
            for (double t : a.numbers(o.get("at"), "at")) {
                vars.forEach(v -> out.add(Output.at(v, t)));
            }
        }
        if (o.containsKey("stats")) {
            any = true;
            for (String st : a.strings(o.get("stats"), "stats")) {
                Output.Metric m;
                try {
                    m = Output.metric(st);
                } catch (IllegalArgumentException e) {
                    throw a.error(e.getMessage());
                }
                vars.forEach(v -> out.add(new Output(v, m)));
            }
        }
        if (!any) {
            vars.forEach(v -> out.add(Output.finalValue(v)));
        }
        return out;
    }

    /** An array element as the model writes it ("Firms[Mian Channun]" for "Firms[MianChannun]"); other names as given. */
    String element(String name) {
        return name.contains("[") ? sm.resolveTarget(name) : name;
    }

    /** As {@link #element}, but a name that does not resolve stays as given (for looking up recorded outputs). */
    String elementOrAsGiven(String name) {
        int close = name.lastIndexOf(']');
        if (!name.contains("[") || close < 0) {
            return name;
        }
        try {
            // an output's label keeps what follows the element: "Firms[A] @ 1994", "Firms[A] (max)"
            return sm.resolveTarget(name.substring(0, close + 1)) + name.substring(close + 1);
        } catch (RuntimeException e) {
            return name;
        }
    }

    /**
     * sweep({parameters, design, samples, seed, outputs, at, stats, series, base, threads, onError}): runs the
     * base once per parameter combination (grid of listed values) or Latin hypercube sample (ranges
     * or distributions), in parallel.
     */
    JsSweep sweep(Value... args) {
        Args a = new Args("model.sweep", "({parameters, design, samples, seed, outputs, at, stats, series, base,"
                + " threads, onError})", args, 1, 1);
        Map<String, Value> o = a.options(a.get(0), "the options", SWEEP_KEYS);
        if (!o.containsKey("parameters")) {
            throw a.error("give parameters: {name: [values...]} for a grid, or {name: {min, max}} or a distribution"
                    + " with design: 'lhs'");
        }
        Map<String, Value> params = a.members(o.get("parameters"), "parameters");
        if (params.isEmpty()) {
            throw a.error("parameters is empty; name at least one constant to vary");
        }
        boolean lists = params.values().stream().allMatch(Value::hasArrayElements);
        boolean noLists = params.values().stream().noneMatch(Value::hasArrayElements);
        String design = o.containsKey("design") ? a.string(o.get("design"), "design").toLowerCase(Locale.ROOT)
                : lists ? "grid" : "lhs";
        Samples samples;
        if (design.equals("grid")) {
            if (!lists) {
                throw a.error("a grid needs a list of values for every parameter, e.g. {'Copying Lag': [0.5, 1, 2]};"
                        + " for ranges use design: 'lhs' with samples: n");
            }
            Map<String, double[]> grid = new LinkedHashMap<>();
            params.forEach((k, v) -> grid.put(k, a.numbers(v, "the values of '" + k + "'")));
            samples = Samples.grid(grid);
        } else if (design.equals("lhs") || design.equals("random")) {
            if (!noLists) {
                throw a.error("design '" + design + "' needs a range {min, max} or a distribution for every"
                        + " parameter; lists of values are for design: 'grid'");
            }
            if (!o.containsKey("samples")) {
                throw a.error("design '" + design + "' needs samples: the number of runs");
            }
            int n = a.integer(o.get("samples"), "samples", 1, 10_000_000);
            long seed = o.containsKey("seed") ? a.seed(o.get("seed"), "seed") : 1;
            Map<String, Distribution> dists = distributions(a, params, true);
            samples = correlate(a, o, design.equals("lhs") ? Samples.latinHypercube(dists, n, seed)
                    : Samples.random(dists, n, seed), seed);
        } else {
            throw a.error("unknown design '" + design + "'; use 'grid', 'lhs' or 'random'");
        }
        JsScenario base = base(a, o);
        List<Output> outs = outputs(a, o, "outputs");
        List<String> series = o.containsKey("series") ? a.strings(o.get("series"), "series").stream()
                .map(this::element).toList() : List.of();
        SweepResult r = ParameterSweep.run(sm, base.scenario, samples, outs, series, session.runner(a, o),
                skipFailures(a, o));
        session.noteSkipped("model.sweep", r.failures(), r.runs());
        return new JsSweep(this, r);
    }

    /** onError: 'fail' (the default: the first failed run stops the batch) or 'skip' (record it and go on). */
    private static boolean skipFailures(Args a, Map<String, Value> o) {
        if (!o.containsKey("onError")) {
            return false;
        }
        String v = a.string(o.get("onError"), "onError");
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "fail" -> false;
            case "skip" -> true;
            default -> throw a.error("onError must be 'fail' (stop at the first failed run) or 'skip' (record failed"
                    + " runs and go on), not '" + v + "'");
        };
    }

    /**
     * The draws with the option correlation: {names: [...], matrix: [[...]]} imposed (Iman-Conover:
     * each parameter keeps its own values, runs are paired so that the named ones are correlated).
     */
    private static Samples correlate(Args a, Map<String, Value> o, Samples samples, long seed) {
        if (!o.containsKey("correlation")) {
            return samples;
        }
        Map<String, Value> c = a.options(o.get("correlation"), "correlation", Set.of("names", "matrix"));
        if (!c.containsKey("names") || !c.containsKey("matrix")) {
            throw a.error("correlation needs names: ['A', 'B', ...] and matrix: [[1, r], [r, 1]] (one row per name)");
        }
        List<String> names = a.strings(c.get("names"), "correlation.names");
        Value m = c.get("matrix");
        if (!m.hasArrayElements()) {
            throw a.error("correlation.matrix must be a list of rows, e.g. [[1, 0.5], [0.5, 1]]");
        }
        double[][] matrix = new double[(int) m.getArraySize()][];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = a.numbers(m.getArrayElement(i), "correlation.matrix[" + i + "]");
        }
        try {
            return samples.correlated(names, matrix, seed);
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    private static Map<String, Distribution> distributions(Args a, Map<String, Value> params, boolean ranges) {
        Map<String, Distribution> out = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : params.entrySet()) {
            Value v = e.getValue();
            if (a.isHandle(v, JsDistribution.class)) {
                out.put(e.getKey(), a.handle(v, JsDistribution.class, "").distribution);
            } else if (ranges && v.hasMembers() && !Args.isApi(v)) {
                Map<String, Value> r = a.options(v, "the range of '" + e.getKey() + "'", Set.of("min", "max"));
                if (!r.containsKey("min") || !r.containsKey("max")) {
                    throw a.error("the range of '" + e.getKey() + "' needs both min and max");
                }
                try {
                    out.put(e.getKey(), new Distribution.Uniform(a.number(r.get("min"), "min"),
                            a.number(r.get("max"), "max")));
                } catch (IllegalArgumentException ex) {
                    throw a.error("'" + e.getKey() + "': " + ex.getMessage());
                }
            } else {
                throw a.error("'" + e.getKey() + "' must be " + (ranges ? "a range {min, max} or " : "")
                        + "a distribution such as cdyn.uniform(0.5, 2), got " + Args.describe(v));
            }
        }
        return out;
    }

    /**
     * monteCarlo({runs, seed, parameters, sampling, outputs, percentiles, base, threads}): runs the
     * base many times with parameters drawn from distributions; keeps percentile series.
     */
    JsMonteCarlo monteCarlo(Value... args) {
        Args a = new Args("model.monteCarlo", "({runs, seed, parameters, sampling, outputs, percentiles, base,"
                + " threads, onError})", args, 1, 1);
        Map<String, Value> o = a.options(a.get(0), "the options", MC_KEYS);
        if (!o.containsKey("runs")) {
            throw a.error("give runs: the number of runs, e.g. runs: 1000");
        }
        int runs = a.integer(o.get("runs"), "runs", 1, 10_000_000);
        long seed = o.containsKey("seed") ? a.seed(o.get("seed"), "seed") : 1;
        Map<String, Value> params = o.containsKey("parameters") ? a.members(o.get("parameters"), "parameters") : Map.of();
        String sampling = o.containsKey("sampling") ? a.string(o.get("sampling"), "sampling").toLowerCase(Locale.ROOT)
                : "random";
        Samples samples;
        if (params.isEmpty()) {
            samples = Samples.none(runs);
        } else if (sampling.equals("random")) {
            samples = correlate(a, o, Samples.random(distributions(a, params, false), runs, seed), seed);
        } else if (sampling.equals("lhs")) {
            samples = correlate(a, o, Samples.latinHypercube(distributions(a, params, false), runs, seed), seed);
        } else {
            throw a.error("unknown sampling '" + sampling + "'; use 'random' or 'lhs'");
        }
        double[] ps = o.containsKey("percentiles") ? a.numbers(o.get("percentiles"), "percentiles")
                : new double[] {5, 25, 50, 75, 95};
        if (!o.containsKey("outputs")) {
            throw a.error("give outputs: the variables whose percentiles you want");
        }
        MonteCarlo.Spec spec;
        try {
            spec = new MonteCarlo.Spec(base(a, o).scenario, samples, seed, a.strings(o.get("outputs"), "outputs")
                    .stream().map(this::element).toList(), ps, MonteCarlo.DEFAULT_EXACT_LIMIT);
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
        MonteCarloResult r = MonteCarlo.run(sm, spec, session.runner(a, o), skipFailures(a, o));
        session.noteSkipped("model.monteCarlo", r.failures(), r.runs());
        return new JsMonteCarlo(this, r);
    }

    /**
     * attribution({mechanisms, outputs, at, stats, base, threads, method}): with method 'off-one'
     * (the default) runs the base and the base with each mechanism switched off; with method
     * 'shapley' (exact over every combination of the switches) or 'shapley-sampled' (random
     * orderings) shares each output's total effect among the switches; with parameters and samples,
     * repeats the Shapley attribution over parameter samples for bands.
     */
    Object attribution(Value... args) {
        Args a = new Args("model.attribution", "({mechanisms, outputs, at, stats, base, threads, method, orderings,"
                + " seed, parameters, samples, sampling})", args, 1, 1);
        Map<String, Value> o = a.options(a.get(0), "the options", ATTRIBUTION_KEYS);
        if (!o.containsKey("mechanisms")) {
            throw a.error("give mechanisms: {label: 'Switch name', ...} or ['Switch name', ...]");
        }
        Map<String, String> mech = new LinkedHashMap<>();
        Value m = o.get("mechanisms");
        if (m.hasArrayElements() || m.isString()) {
            for (String s : a.strings(m, "mechanisms")) {
                mech.put(s.replaceFirst("(?i)^switch\\s+", ""), s);
            }
        } else {
            a.members(m, "mechanisms").forEach((k, v) -> mech.put(k, a.string(v, "the switch of '" + k + "'")));
        }
        String method = o.containsKey("method") ? a.string(o.get("method"), "method").toLowerCase(Locale.ROOT) : "off-one";
        if (method.equals("off-one")) {
            for (String k : SHAPLEY_ONLY) {
                if (o.containsKey(k)) {
                    throw a.error("'" + k + "' applies to method 'shapley' or 'shapley-sampled' only");
                }
            }
            MechanismAttribution.Result r = MechanismAttribution.run(sm, base(a, o).scenario, mech,
                    outputs(a, o, "outputs"), session.runner(a, o));
            return new JsAttribution(this, r);
        }
        ShapleyAttribution.Method how;
        if (method.equals("shapley")) {
            how = ShapleyAttribution.Method.EXACT;
        } else if (method.equals("shapley-sampled")) {
            how = ShapleyAttribution.Method.SAMPLED;
        } else {
            throw a.error("unknown method '" + method + "'; use 'off-one', 'shapley' (exact) or 'shapley-sampled'");
        }
        int orderings = o.containsKey("orderings") ? a.integer(o.get("orderings"), "orderings", 1, 1_000_000) : 100;
        long seed = o.containsKey("seed") ? a.seed(o.get("seed"), "seed") : 1;
        Samples samples = null;
        if (o.containsKey("parameters")) {
            Map<String, Value> params = a.members(o.get("parameters"), "parameters");
            if (!o.containsKey("samples")) {
                throw a.error("give samples: the number of parameter samples for the bands, e.g. samples: 20");
            }
            int n = a.integer(o.get("samples"), "samples", 1, 100_000);
            String sampling = o.containsKey("sampling") ? a.string(o.get("sampling"), "sampling").toLowerCase(Locale.ROOT)
                    : "lhs";
            if (sampling.equals("random")) {
                samples = correlate(a, o, Samples.random(distributions(a, params, false), n, seed), seed);
            } else if (sampling.equals("lhs")) {
                samples = correlate(a, o, Samples.latinHypercube(distributions(a, params, false), n, seed), seed);
            } else {
                throw a.error("unknown sampling '" + sampling + "'; use 'random' or 'lhs'");
            }
        } else if (o.containsKey("samples") || o.containsKey("sampling")) {
            throw a.error("samples and sampling need parameters: {name: distribution, ...}");
        }
        ShapleyAttribution.Result r;
        try {
            r = ShapleyAttribution.run(sm, new ShapleyAttribution.Spec(base(a, o).scenario, mech,
                    outputs(a, o, "outputs"), how, orderings, seed, samples), session.runner(a, o));
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
        return new JsShapley(this, r);
    }

    @Override
    String describe() {
        return "Model '" + name + "' (" + file + ", " + sm.variables().size() + " variables)";
    }
}
