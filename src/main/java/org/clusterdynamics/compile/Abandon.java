package org.clusterdynamics.compile;

/** Raised to abandon one equation after its diagnostic has been recorded. */
final class Abandon extends RuntimeException {
    Abandon() {
        super(null, null, false, false);
    }
}
