package org.clusterdynamics.script;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clusterdynamics.scenario.MonteCarloResult;
import org.graalvm.polyglot.Value;

/** The result of a Monte Carlo batch in a script: percentile, mean and standard deviation series per output. */
final class JsMonteCarlo extends ApiObject {
    final JsModel model;
    final MonteCarloResult result;

    JsMonteCarlo(JsModel model, MonteCarloResult result) {
        super(model.session, "MonteCarlo");
        this.model = model;
        this.result = result;
            fn("percentiles", this::percentiles);
        fn("at", this::at);
        fn("finalValues", this::finalValues);
        fn("table", this::table);
        fn("runsTable", this::runsTable);
        fn("runs", this::runs);
        fn("exact", this::exact);
        fn("writeCsv", this::writeCsv);
        fn("failures", this::failures);
    }

    /** failures(): the runs that failed and were left out (onError: 'skip'), as [{run, parameters, error}]. */
    Value failures(Value... args) {
        new Args("monteCarlo.failures", "()", args, 0, 0);
        return model.session.js.of(failures(result.failures()));
    }

    static java.util.List<Object> failures(java.util.List<org.clusterdynamics.scenario.FailedRun> fs) {
        java.util.List<Object> out = new java.util.ArrayList<>();
        for (org.clusterdynamics.scenario.FailedRun f : fs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run", f.run());
            m.put("parameters", f.parameters());
            m.put("error", f.error());
            out.add(m);
        }
        return out;
    }

    /** ", 3 failed runs skipped" or "". */
    static String skipped(int n) {
        return n == 0 ? "" : ", " + n + " failed run" + (n == 1 ? "" : "s") + " skipped";
    }

    /** percentiles(name): {times, mean, sd, p5, p25, ...} series of one output. */
    Value percentiles(Value... args) {
        Args a = new Args("monteCarlo.percentiles", "(name)", args, 1, 1);
        int v = index(a, a.string(0, "name"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("times", result.times());
        m.put("mean", result.mean()[v]);
        m.put("sd", result.sd()[v]);
        for (int k = 0; k < result.percentiles().length; k++) {
            m.put(MonteCarloResult.label(result.percentiles()[k]), result.percentileValues()[v][k]);
        }
        return model.session.js.of(m);
    }

    /** at(name, time): {mean, sd, p5, ...} of one output at one time. */
    Value at(Value... args) {
        Args a = new Args("monteCarlo.at", "(name, time)", args, 2, 2);
        String n = model.elementOrAsGiven(a.string(0, "name"));
        index(a, n);
        double t = a.number(1, "the time");
        try {
            return model.session.js.of(result.at(n, t));
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    /** finalValues(name): each finished run's final value of an output, in run order (skipped runs left out). */
    Value finalValues(Value... args) {
        Args a = new Args("monteCarlo.finalValues", "(name)", args, 1, 1);
        return model.session.js.array(result.completedFinals(index(a, a.string(0, "name"))));
    }

    private int index(Args a, String n) {
        try {
            return result.variableIndex(model.elementOrAsGiven(n));
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    /** table(): variable, time, mean, sd and the percentiles, one row per output and save time. */
    JsTable table(Value... args) {
        new Args("monteCarlo.table", "()", args, 0, 0);
        return new JsTable(model.session, result.table());
    }

    /** runsTable(): one row per run with its sampled parameters and the outputs' final values. */
    JsTable runsTable(Value... args) {
        new Args("monteCarlo.runsTable", "()", args, 0, 0);
        return new JsTable(model.session, result.runsTable());
    }

    /** runs(): the number of runs. */
    int runs(Value... args) {
        new Args("monteCarlo.runs", "()", args, 0, 0);
        return result.runs();
    }

    /** exact(): true when the percentiles are exact (false: streaming estimates of a very large batch). */
    boolean exact(Value... args) {
        new Args("monteCarlo.exact", "()", args, 0, 0);
        return result.exact();
    }

    /** writeCsv(file): writes table() into the output folder. */
    String writeCsv(Value... args) {
        Args a = new Args("monteCarlo.writeCsv", "(file)", args, 1, 1);
        return JsTable.write(model.session, result.table(), a.string(0, "file"), "monteCarlo.writeCsv");
    }

    @Override
    String describe() {
        return "Monte Carlo of " + String.join(", ", result.variables()) + " (" + result.runs() + " runs, seed "
                + result.seed() + (result.exact() ? "" : ", streaming percentiles") + skipped(result.failures().size())
                + ")";
    }
}
