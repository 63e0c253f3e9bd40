package org.clusterdynamics.script;

import java.nio.file.Path;
import java.util.List;
import org.clusterdynamics.scenario.BatchRunner;

/**
 * What the API objects of one script run share: the script's name, its output folder, where it
 * may read models, the batch runner (threads, progress, time limit) and the value converter.
 */
final class Session {
    final Path script;
    final OutputFolder out;
    final ModelLocator models;
    final BatchRunner runner;
    final Js js;
    final List<String> args;
    /** Member names per API type, for "did you mean" hints on calls of missing functions. */
    private final java.util.Map<String, java.util.Set<String>> members = new java.util.HashMap<>();

    Session(Path script, OutputFolder out, ModelLocator models, BatchRunner runner, Js js, List<String> args) {
        this.script = script;
        this.out = out;
        this.models = models;
        this.runner = runner;
        this.js = js;
        this.args = List.copyOf(args);
    }

    java.util.Set<String> memberNames(String type) {
        return members.computeIfAbsent(type, t -> new java.util.TreeSet<>());
    }

    /** The batch runner with a script's own thread count, or the session's. */
    BatchRunner runner(Args a, java.util.Map<String, org.graalvm.polyglot.Value> opts) {
        org.graalvm.polyglot.Value t = opts.get("threads");
        if (t == null || t.isNull()) {
            return runner;
        }
        return runner.withThreads(a.integer(t, "threads", 1, 256));
    }
}
