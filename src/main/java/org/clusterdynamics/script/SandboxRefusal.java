package org.clusterdynamics.script;

/**
 * Thrown when a script asks for something the sandbox does not allow (a file outside the output
 * folder, a Java class, a process, the network, the environment); the message names what was refused.
 */
public final class SandboxRefusal extends RuntimeException {
    private final String what;

    public SandboxRefusal(String what, String why) {
        super("refused: " + what + ": " + why);
        this.what = what;
    }

    /** What the script asked for, e.g. "require('fs')". */
    public String what() {
        return what;
    }
}
