package org.clusterdynamics.punjab;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.punjab.PunjabScenarios.Scenario;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;

/** Reads and compiles the Punjab model once and runs its scenarios through RunOptions.withConstant. */
final class PunjabModel {

    static final Path FILE = Path.of("models", "punjab-clusters.xmile");

    /** The outputs the issue asks for, by name. */
    static final String[] OUTPUTS = {"Firms", "Vendors", "Products Mastered", "Average Capability",
        "Skilled Workers", "Integrated Share", "Unit Cost", "Local Market Share", "Trust", "Copying Lag"};

    private static final class Holder {
        static final Model MODEL = ModelFiles.read(FILE);
        static final CompiledModel COMPILED = ModelCompiler.compile(MODEL);
    }

    private static final Map<String, Results> RUNS = new ConcurrentHashMap<>();

    static Model model() {
        return Holder.MODEL;
    }

    static CompiledModel compiled() {
        return Holder.COMPILED;
    }

    static RunOptions options(Scenario s) {
        RunOptions o = RunOptions.defaults();
        for (Map.Entry<String, Double> e : s.constants().entrySet()) {
            o = o.withConstant(e.getKey(), e.getValue());
        }
        return o;
    }

    /** The scenario's run with the model's own time settings (cached: runs are deterministic). */
    static Results run(Scenario s) {
        return RUNS.computeIfAbsent(s.name(), k -> Simulator.run(compiled(), options(s)));
    }

    static Results run(Scenario s, RunOptions extra) {
        RunOptions o = extra;
        for (Map.Entry<String, Double> e : s.constants().entrySet()) {
            o = o.withConstant(e.getKey(), e.getValue());
        }
        return Simulator.run(compiled(), o);
    }

    /** Average exponential growth rate of a variable between two years, per year. */
    static double growth(Results r, String name, double from, double to) {
        return Math.log(r.valueAt(name, to) / r.valueAt(name, from)) / (to - from);
    }

    private PunjabModel() {
    }
}
