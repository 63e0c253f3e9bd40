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
    /** Every refusal of this run as "file:line (code): refused: ...", even those the script caught. */
    private final java.util.List<String> refusals = new java.util.ArrayList<>();
    /** Returns the JavaScript stack at the moment it is called (frames of the script included). */
    private org.graalvm.polyglot.Value stack;
    private String code = "";
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

    /** Where notes for the user go (the error stream), e.g. runs a batch skipped. */
    java.io.PrintStream notes = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());

    /** Tells the user that a batch skipped failed runs, so that it is not missed in the results. */
    void noteSkipped(String batch, java.util.List<org.clusterdynamics.scenario.FailedRun> failures, int runs) {
        if (failures.isEmpty()) {
            return;
        }
        notes.println(where() + ": " + batch + ": " + failures.size() + " of " + runs + " runs failed and were skipped"
                + " (onError: 'skip'); the first: " + failures.get(0).describe() + ". The result's failures() lists"
                + " them all");
        notes.flush();
    }

    /** The API call in progress, or null: calls must not nest (see ApiObject.fn). */
    private String inCall;

    /** Marks the start of an API call; false (and nothing marked) when another call is reading its arguments. */
    boolean enter(String call) {
        if (inCall != null) {
            return false;
        }
        inCall = call;
        return true;
    }

    /** The API call in progress, or null. */
    String inCall() {
        return inCall;
    }

    /** Marks the end of the call begun by the matching {@link #enter}. */
    void leave() {
        inCall = null;
    }

    /** Lets the session find the script's line when something is refused. */
    void locateWith(org.graalvm.polyglot.Value stackFunction, String scriptCode) {
        this.stack = stackFunction;
        this.code = scriptCode;
    }

    /** Records a refusal with the script's line at which it happened; refusals fail the run even when caught. */
    void recordRefusal(SandboxRefusal r) {
        refusals.add(where() + ": " + r.getMessage());
    }

    java.util.List<String> refusals() {
        return java.util.List.copyOf(refusals);
    }

    /** "scripts/x.js:12 (the line's code)", from the innermost frame of the script on the stack. */
    String where() {
        String name = script.toString();
        if (stack != null) {
            try {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(name)
                        + ":(\\d+):\\d+").matcher(stack.execute().asString());
                if (m.find()) {
                    int line = Integer.parseInt(m.group(1));
                    String text = code.lines().skip(Math.max(0, line - 1)).findFirst().orElse("").strip();
                    if (text.length() > 100) {
                        text = text.substring(0, 100) + "...";
                    }
                    return name + ":" + line + (text.isEmpty() ? "" : " (" + text + ")");
                }
            } catch (RuntimeException e) {
                // no stack to be had (the context is closing): the file name alone
            }
        }
        return name;
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
