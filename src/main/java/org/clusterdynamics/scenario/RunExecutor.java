package org.clusterdynamics.scenario;

import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Computes the runs of a batch somewhere other than this machine's threads (an Apache Spark cluster),
 * for {@link BatchRunner#withExecutor}: the same batch description, summaries handed to the sink in
 * run order on the caller's thread, failures reported through {@link BatchRunner#skipped} and
 * {@link BatchRunner#failure} as the local runner reports them, and a stop when the runner's cancel
 * token is cancelled.
 */
public interface RunExecutor extends AutoCloseable {

    <T> void run(BatchRunner runner, String label, int count, IntFunction<PreparedRun> job,
                 BatchRunner.RunTask<T> task, BatchRunner.Sink<T> sink, IntFunction<String> describe,
                 Consumer<FailedRun> skip);

    /** What runs the batches, for messages ("Spark local[2]"). */
    String describe();

    /** Releases what the executor holds (a Spark context). */
    @Override
    default void close() {}

    /**
     * Makes executors of one kind; found with {@link java.util.ServiceLoader}, so that an executor
     * whose library is absent from the ordinary build (Spark) is found only where it is present.
     */
    interface Provider {
        /** "spark". */
        String name();

        /** An executor sending runs to {@code master} (a Spark master URL such as local[2]). */
        RunExecutor open(String master);
    }
}
