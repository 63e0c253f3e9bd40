package org.clusterdynamics.script;

import java.util.ArrayList;
import java.util.List;
import org.clusterdynamics.scenario.SweepResult;
import org.graalvm.polyglot.Value;

/** The result of a parameter sweep in a script: a table of parameters and outputs per run, and kept series. */
final class JsSweep extends ApiObject {
    final JsModel model;
    final SweepResult result;

    JsSweep(JsModel model, SweepResult result) {
        super(model.session, "Sweep");
        this.model = model;
        this.result = result;
            fn("table", this::table);
        fn("runs", this::runs);
        fn("parameters", this::parameters);
        fn("parameter", this::parameter);
        fn("output", this::output);
        fn("times", this::times);
        fn("series", this::series);
        fn("writeCsv", this::writeCsv);
        fn("failures", this::failures);
    }

    /** failures(): the runs that failed and were skipped (onError: 'skip'), as [{run, parameters, error}]. */
    Value failures(Value... args) {
        new Args("sweep.failures", "()", args, 0, 0);
        return model.session.js.of(JsMonteCarlo.failures(result.failures()));
    }

    /** table(): one row per run with its parameter values and outputs. */
    JsTable table(Value... args) {
        new Args("sweep.table", "()", args, 0, 0);
        return new JsTable(model.session, result.table());
    }

    /** runs(): the number of runs. */
    int runs(Value... args) {
        new Args("sweep.runs", "()", args, 0, 0);
        return result.runs();
    }

    /** parameters(): the names of the varied parameters. */
    Value parameters(Value... args) {
        new Args("sweep.parameters", "()", args, 0, 0);
        return model.session.js.strings(result.samples().names());
    }

    /** parameter(name): the parameter's value in each run. */
    Value parameter(Value... args) {
        Args a = new Args("sweep.parameter", "(name)", args, 1, 1);
        try {
            return model.session.js.array(result.parameter(a.string(0, "name")));
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    /** output(name): an output's value in each run, by its column name ("X @ 1994") or variable name. */
    Value output(Value... args) {
        Args a = new Args("sweep.output", "(name)", args, 1, 1);
        try {
            return model.session.js.array(result.output(model.elementOrAsGiven(a.string(0, "name"))));
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    /** times(): the save times of the kept series. */
    Value times(Value... args) {
        new Args("sweep.times", "()", args, 0, 0);
        return model.session.js.array(result.times() == null ? new double[0] : result.times());
    }

    /** series(name): for a variable listed in series, its values over time in each run (an array per run). */
    Value series(Value... args) {
        Args a = new Args("sweep.series", "(name)", args, 1, 1);
        String n = model.elementOrAsGiven(a.string(0, "name"));
        for (int k = 0; k < result.seriesVariables().size(); k++) {
            if (org.clusterdynamics.sim.Results.key(result.seriesVariables().get(k))
                    .equals(org.clusterdynamics.sim.Results.key(n))) {
                List<Object> runs = new ArrayList<>();
                for (double[] s : result.series()[k]) {
                    runs.add(s);
                }
                return model.session.js.of(runs);
            }
        }
        throw a.error("the sweep kept no series of '" + n + "'; list it in series: [...] when running the sweep"
                + (result.seriesVariables().isEmpty() ? "" : " (kept: " + String.join(", ", result.seriesVariables())
                + ")"));
    }

    /** writeCsv(file): writes table() into the output folder. */
    String writeCsv(Value... args) {
        Args a = new Args("sweep.writeCsv", "(file)", args, 1, 1);
        return JsTable.write(model.session, result.table(), a.string(0, "file"), "sweep.writeCsv");
    }

    @Override
    String describe() {
        return "Sweep of " + String.join(", ", result.samples().names()) + " (" + result.runs() + " runs, "
                + result.samples().design() + JsMonteCarlo.skipped(result.failures().size()) + ")";
    }
}
