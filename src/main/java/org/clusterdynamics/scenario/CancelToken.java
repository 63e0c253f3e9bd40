package org.clusterdynamics.scenario;

/**
 * Lets another thread stop a batch between runs (a script's time limit); one token per script or
 * command, never shared statically.
 */
public final class CancelToken {
    private volatile String reason;

    /** Asks every batch that checks this token to stop; the reason ends up in the exception message. */
    public void cancel(String why) {
        reason = why == null ? "cancelled" : why;
    }

    public boolean isCancelled() {
        return reason != null;
    }

    /** Throws {@link Cancelled} once {@link #cancel} has been called. */
    public void check() {
        String r = reason;
        if (r != null) {
            throw new Cancelled(r);
        }
    }

    /** Thrown by a batch that stops because its token was cancelled. */
    public static final class Cancelled extends RuntimeException {
        public Cancelled(String reason) {
            super(reason);
        }
    }
}
