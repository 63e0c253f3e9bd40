package org.clusterdynamics.script;

/** A mistake in how a script calls the API (a wrong argument, an unknown option); the message says how to fix it. */
public final class ScriptError extends IllegalArgumentException {
    public ScriptError(String message) {
        super(message);
    }
}
