package org.clusterdynamics.scenario;

/**
 * A run of a batch that failed and was skipped (a batch run with failures skipped rather than
 * stopping at the first).
 *
 * @param run the run's number, counted from 1 as in the batch's tables
 * @param parameters the run's parameter values, e.g. "Firm Life = -2.5"
 * @param error why it failed
 */
public record FailedRun(int run, String parameters, String error) {

    /** "run 17 (Firm Life = -2.5): why". */
    public String describe() {
        return "run " + run + (parameters == null || parameters.isBlank() ? "" : " (" + parameters + ")") + ": " + error;
    }
}
