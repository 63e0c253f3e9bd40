package org.clusterdynamics.diag;

/**
 * One problem found in a user's model or input: a stable code, a severity, where it is, and a
 * message that says what is wrong and how to fix it.
 */
public record Diagnostic(String code, Severity severity, Where where, String message) {

    public static Diagnostic error(String code, Where where, String message) {
        return new Diagnostic(code, Severity.ERROR, where, message);
    }

    public static Diagnostic warning(String code, Where where, String message) {
        return new Diagnostic(code, Severity.WARNING, where, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return Texts.shorten(where + ": " + severity.name().toLowerCase() + " " + code + ": " + message);
    }
}
