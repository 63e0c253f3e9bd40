package org.clusterdynamics.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.chart.ChartStyle;
import org.clusterdynamics.chart.SensitivityChart;
import org.clusterdynamics.fit.FitParameter;
import org.clusterdynamics.fit.Sensitivity;
import org.clusterdynamics.fit.SensitivityResult;
import org.clusterdynamics.scenario.Output;
import org.clusterdynamics.scenario.Scenario;
import org.graalvm.polyglot.Value;

/** The result of model.sensitivity in a script: Sobol or Morris indices per output, tornado swings, charts. */
final class JsSensitivity extends ApiObject {
    static final Set<String> KEYS = Set.of("parameters", "outputs", "method", "samples", "levels", "seed", "bootstrap",
            "base", "threads");

    private final JsModel model;
    final SensitivityResult result;

    JsSensitivity(JsModel model, SensitivityResult result) {
        super(model.session, "Sensitivity");
        this.model = model;
        this.result = result;
        fn("indices", this::indices);
        fn("tornado", this::tornado);
        fn("table", this::table);
        fn("chart", this::chart);
        fn("tornadoChart", this::tornadoChart);
        fn("runs", this::runs);
    }

    /** model.sensitivity({parameters, outputs, method, samples, levels, seed, bootstrap, base, threads}). */
    static JsSensitivity run(JsModel model, Value... args) {
        Args a = new Args("model.sensitivity", "({parameters, outputs, method, samples, levels, seed, bootstrap, base,"
                + " threads})", args, 1, 1);
        Map<String, Value> o = a.options(a.get(0), "the options", KEYS);
        if (!o.containsKey("parameters")) {
            throw a.error("give parameters: {'Constant': [lo, hi], ...}, the constants to vary and their ranges");
        }
        if (!o.containsKey("outputs")) {
            throw a.error("give outputs: ['Variable', 'Variable@time', 'Variable:max', ...]");
        }
        try {
            List<FitParameter> factors = JsCalibration.ranges(a, o.get("parameters"), "parameters");
            List<Output> outs = new ArrayList<>();
            for (String s : a.strings(o.get("outputs"), "outputs")) {
                outs.add(Sensitivity.output(s));
            }
            Sensitivity.Method m = o.containsKey("method") ? Sensitivity.Method.parse(a.string(o.get("method"), "method"))
                    : Sensitivity.Method.SOBOL;
            int n = o.containsKey("samples") ? a.integer(o.get("samples"), "samples", 2, 10_000_000)
                    : m == Sensitivity.Method.SOBOL ? 1024 : 20;
            Scenario base = o.containsKey("base") ? model.scenario(a, o.get("base"), "base").scenario
                    : model.sm.baseline();
            Sensitivity.Spec spec = new Sensitivity.Spec(base, factors, outs, m, n,
                    o.containsKey("levels") ? a.integer(o.get("levels"), "levels", 2, 100) : 4,
                    o.containsKey("seed") ? a.seed(o.get("seed"), "seed") : 1,
                    o.containsKey("bootstrap") ? a.integer(o.get("bootstrap"), "bootstrap", 0, 100_000) : 200);
            return new JsSensitivity(model, Sensitivity.run(model.sm, spec, model.session.runner(a, o)));
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    private SensitivityResult.OutputIndices pick(Args a, int i) {
        if (!a.has(i)) {
            return result.outputs().get(0);
        }
        try {
            return result.output(a.string(i, "output"));
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    /** indices(output?): per factor {factor, s1, s1Lo, s1Hi, st, stLo, stHi} (Sobol) or {factor, muStar, mu, sigma}. */
    Value indices(Value... args) {
        Args a = new Args("sensitivity.indices", "(output?)", args, 0, 1);
        SensitivityResult.OutputIndices o = pick(a, 0);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < result.factors().size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("factor", result.factors().get(i).name());
            if (o.sobol() != null) {
                m.put("s1", o.sobol().first()[i]);
                m.put("s1Lo", o.sobol().firstLo()[i]);
                m.put("s1Hi", o.sobol().firstHi()[i]);
                m.put("st", o.sobol().total()[i]);
                m.put("stLo", o.sobol().totalLo()[i]);
                m.put("stHi", o.sobol().totalHi()[i]);
            } else {
                m.put("muStar", o.morris().muStar()[i]);
                m.put("mu", o.morris().mu()[i]);
                m.put("sigma", o.morris().sigma()[i]);
            }
            out.add(m);
        }
        return model.session.js.of(out);
    }

    /** tornado(output?): {base, swings: [{factor, low, high}]} from the one-at-a-time runs. */
    Value tornado(Value... args) {
        Args a = new Args("sensitivity.tornado", "(output?)", args, 0, 1);
        SensitivityResult.OutputIndices o = pick(a, 0);
        List<Object> swings = new ArrayList<>();
        for (int i = 0; i < result.factors().size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("factor", result.factors().get(i).name());
            m.put("low", o.low()[i]);
            m.put("high", o.high()[i]);
            swings.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("base", o.baseValue());
        m.put("swings", swings);
        return model.session.js.of(m);
    }

    JsTable table(Value... args) {
        new Args("sensitivity.table", "()", args, 0, 0);
        return new JsTable(model.session, result.indicesTable());
    }

    /** chart(output?): bars of the indices of one output (the first by default). */
    JsChart chart(Value... args) {
        Args a = new Args("sensitivity.chart", "(output?)", args, 0, 1);
        SensitivityResult.OutputIndices o = pick(a, 0);
        List<String> names = result.factors().stream().map(FitParameter::name).toList();
        if (o.sobol() != null) {
            return new JsChart(model.session, SensitivityChart.indices("Sobol indices: " + o.output(), names,
                    List.of("first order (S1)", "total (ST)"), new double[][] {o.sobol().first(), o.sobol().total()},
                    "Share of variance", ChartStyle.defaults()));
        }
        return new JsChart(model.session, SensitivityChart.indices("Morris elementary effects: " + o.output(), names,
                List.of("mu*", "sigma"), new double[][] {o.morris().muStar(), o.morris().sigma()},
                "Effect per range of the input", ChartStyle.defaults()));
    }

    /** tornadoChart(output?): the tornado of one output. */
    JsChart tornadoChart(Value... args) {
        Args a = new Args("sensitivity.tornadoChart", "(output?)", args, 0, 1);
        SensitivityResult.OutputIndices o = pick(a, 0);
        return new JsChart(model.session, SensitivityChart.tornado(o.output(),
                result.factors().stream().map(FitParameter::name).toList(), o.baseValue(), o.low(), o.high(),
                ChartStyle.defaults()));
    }

    Value runs(Value... args) {
        new Args("sensitivity.runs", "()", args, 0, 0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", result.runs());
        m.put("failed", result.failedRuns());
        m.put("firstFailure", result.firstFailure());
        return model.session.js.of(m);
    }

    @Override
    String describe() {
        return "Sensitivity (" + result.method().name().toLowerCase(Locale.ROOT) + ") of "
                + String.join(", ", result.outputs().stream().map(SensitivityResult.OutputIndices::output).toList());
    }
}
