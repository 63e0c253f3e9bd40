package org.clusterdynamics.scenario;

/** Receives the progress of a batch of runs; called on the thread that started the batch. */
public interface Progress {

    /** Reports that {@code done} of {@code total} runs of the batch named {@code label} have finished. */
    void update(String label, int done, int total);

    /** Reports that the batch has ended, finished or not. */
    default void end(String label) {}

    /** Reports nothing. */
    Progress NONE = (label, done, total) -> { };
}
