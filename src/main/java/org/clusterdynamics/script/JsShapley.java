package org.clusterdynamics.script;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clusterdynamics.scenario.ShapleyAttribution;
import org.graalvm.polyglot.Value;

/** The result of a Shapley attribution in a script: each switch's share of each output's total effect. */
final class JsShapley extends ApiObject {
    final JsModel model;
    final ShapleyAttribution.Result result;

    JsShapley(JsModel model, ShapleyAttribution.Result result) {
        super(model.session, "Shapley attribution");
        this.model = model;
        this.result = result;
        fn("table", this::table);
        fn("values", this::values);
        fn("errors", this::errors);
        fn("bands", this::bands);
        fn("draws", this::draws);
        fn("total", this::total);
        fn("efficiencyGap", this::efficiencyGap);
        fn("rankAgreement", this::rankAgreement);
        fn("runs", args -> {
            new Args("shapley.runs", "()", args, 0, 0);
            return result.runs();
        });
        fn("samples", args -> {
            new Args("shapley.samples", "()", args, 0, 0);
            return result.samples() - 1;
        });
        fn("method", args -> {
            new Args("shapley.method", "()", args, 0, 0);
            return result.method() == ShapleyAttribution.Method.EXACT ? "shapley" : "shapley-sampled";
        });
        fn("writeCsv", this::writeCsv);
    }

    /** table(): per mechanism and output the Shapley value, share, standard error, one-at-a-time change, bands. */
    JsTable table(Value... args) {
        new Args("shapley.table", "()", args, 0, 0);
        return new JsTable(model.session, result.table());
    }

    /** values(output?): {mechanism: Shapley value} at the base parameters. */
    Value values(Value... args) {
        Args a = new Args("shapley.values", "(output?)", args, 0, 1);
        return model.session.js.of(result.shapley(JsAttribution.outcome(a, 0, result.outcomes())));
    }

    /** errors(output?): {mechanism: standard error} of sampled orderings (0 when exact). */
    Value errors(Value... args) {
        Args a = new Args("shapley.errors", "(output?)", args, 0, 1);
        int k = JsAttribution.outcome(a, 0, result.outcomes());
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < result.mechanisms().size(); i++) {
            m.put(result.mechanisms().get(i), result.errors()[0][i][k]);
        }
        return model.session.js.of(m);
    }

    /** bands(output?): {mechanism: {p5, p50, p95}} over the parameter samples. */
    Value bands(Value... args) {
        Args a = new Args("shapley.bands", "(output?)", args, 0, 1);
        int k = JsAttribution.outcome(a, 0, result.outcomes());
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < result.mechanisms().size(); i++) {
            Map<String, Double> b = new LinkedHashMap<>();
            b.put("p5", result.percentile(i, k, 5));
            b.put("p50", result.percentile(i, k, 50));
            b.put("p95", result.percentile(i, k, 95));
            m.put(result.mechanisms().get(i), b);
        }
        return model.session.js.of(m);
    }

    /**
     * draws(output?): one {values: {mechanism: Shapley value}, oneAtATime: {mechanism: change}, allOn, allOff}
     * per parameter draw (the base parameters not included).
     */
    Value draws(Value... args) {
        Args a = new Args("shapley.draws", "(output?)", args, 0, 1);
        int k = JsAttribution.outcome(a, 0, result.outcomes());
        java.util.List<Object> out = new java.util.ArrayList<>();
        for (int s = 1; s < result.samples(); s++) {
            Map<String, Double> values = new LinkedHashMap<>();
            Map<String, Double> oat = new LinkedHashMap<>();
            for (int i = 0; i < result.mechanisms().size(); i++) {
                values.put(result.mechanisms().get(i), result.values()[s][i][k]);
                oat.put(result.mechanisms().get(i), result.oneAtATime()[s][i][k]);
            }
            Map<String, Object> draw = new LinkedHashMap<>();
            draw.put("values", values);
            draw.put("oneAtATime", oat);
            draw.put("allOn", result.allOn()[s][k]);
            draw.put("allOff", result.allOff()[s][k]);
            out.add(draw);
        }
        return model.session.js.of(out);
    }

    /** total(output?): v(all on) - v(all off), what the values add up to. */
    double total(Value... args) {
        Args a = new Args("shapley.total", "(output?)", args, 0, 1);
        return result.total(JsAttribution.outcome(a, 0, result.outcomes()));
    }

    /** efficiencyGap(output?): sum of the values minus the total (zero up to rounding). */
    double efficiencyGap(Value... args) {
        Args a = new Args("shapley.efficiencyGap", "(output?)", args, 0, 1);
        return result.efficiencyGap(JsAttribution.outcome(a, 0, result.outcomes()));
    }

    /** rankAgreement(output?, top?): share of parameter samples with the same top mechanisms in the same order. */
    double rankAgreement(Value... args) {
        Args a = new Args("shapley.rankAgreement", "(output?, top?)", args, 0, 2);
        int top = a.has(1) ? a.integer(a.get(1), "top", 1, 1000) : 3;
        return result.rankAgreement(JsAttribution.outcome(a, 0, result.outcomes()), top);
    }

    /** writeCsv(file): writes table() into the output folder. */
    String writeCsv(Value... args) {
        Args a = new Args("shapley.writeCsv", "(file)", args, 1, 1);
        return JsTable.write(model.session, result.table(), a.string(0, "file"), "shapley.writeCsv");
    }

    @Override
    String describe() {
        return "Shapley attribution of " + String.join(", ", result.outcomes().stream().map(o -> o.label()).toList())
                + " to " + result.mechanisms().size() + " switches (" + result.runs() + " runs)";
    }
}
