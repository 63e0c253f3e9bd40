package org.clusterdynamics.script;

import java.util.List;
import org.clusterdynamics.scenario.MechanismAttribution;
import org.clusterdynamics.scenario.Output;
import org.graalvm.polyglot.Value;

/** The result of a mechanism attribution in a script: each output's change when each mechanism is off. */
final class JsAttribution extends ApiObject {
    final JsModel model;
    final MechanismAttribution.Result result;

    JsAttribution(JsModel model, MechanismAttribution.Result result) {
        super(model.session, "Attribution");
        this.model = model;
        this.result = result;
        fn("table", this::table);
        fn("changes", this::changes);
        fn("writeCsv", this::writeCsv);
    }

    /** table(): mechanism, switch, output, base value, value switched off, change, change %. */
    JsTable table(Value... args) {
        new Args("attribution.table", "()", args, 0, 0);
        return new JsTable(model.session, result.table());
    }

    /** changes(output?): {mechanism: change} of one output (the first when none is named). */
    Value changes(Value... args) {
        Args a = new Args("attribution.changes", "(output?)", args, 0, 1);
        return model.session.js.of(result.changes(outcome(a, 0, result.outcomes())));
    }

    /** The index of the outcome named by argument i (the first when none is given); also serves shapley. */
    static int outcome(Args a, int i, List<Output> outcomes) {
        if (!a.has(i)) {
            return 0;
        }
        try {
            return Output.indexOf(outcomes, a.string(i, "output"));
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    /** writeCsv(file): writes table() into the output folder. */
    String writeCsv(Value... args) {
        Args a = new Args("attribution.writeCsv", "(file)", args, 1, 1);
        return JsTable.write(model.session, result.table(), a.string(0, "file"), "attribution.writeCsv");
    }

    @Override
    String describe() {
        return "Attribution of " + String.join(", ", result.outcomes().stream().map(o -> o.label()).toList()) + " to "
                + result.mechanisms().size() + " mechanisms";
    }
}
