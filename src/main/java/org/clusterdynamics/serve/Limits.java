package org.clusterdynamics.serve;

/**
 * What one server allows: runs at a time, how long a request waits for its turn, how long one run
 * and one Monte Carlo batch may take, the largest request body and batch.
 */
public record Limits(int concurrentRuns, long queueMillis, long runMillis, long monteCarloMillis,
                     long maxRequestBytes, int maxOutputs, int maxMonteCarloRuns) {

    public Limits {
        if (concurrentRuns < 1 || queueMillis < 0 || runMillis < 1 || monteCarloMillis < 1 || maxRequestBytes < 1024
                || maxOutputs < 1 || maxMonteCarloRuns < 1) {
            throw new IllegalArgumentException("server limits must be positive");
        }
    }

    /** One run per core, a 10 s limit per run, 2 minutes per Monte Carlo batch, 64 KB requests. */
    public static Limits defaults() {
        return new Limits(Math.max(1, Runtime.getRuntime().availableProcessors()), 2_000, 10_000, 120_000,
                64 * 1024, 40, 2_000);
    }

    public Limits withRunMillis(long ms) {
        return new Limits(concurrentRuns, queueMillis, ms, monteCarloMillis, maxRequestBytes, maxOutputs,
                maxMonteCarloRuns);
    }

    public Limits withConcurrency(int runs, long waitMillis) {
        return new Limits(runs, waitMillis, runMillis, monteCarloMillis, maxRequestBytes, maxOutputs,
                maxMonteCarloRuns);
    }
}
