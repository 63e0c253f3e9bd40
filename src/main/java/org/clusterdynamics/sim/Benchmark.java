package org.clusterdynamics.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Times full runs of a compiled model, the numbers behind {@code cdyn bench}: a run is initialise,
 * integrate from start to stop, and keep every saved variable at every save step ({@link Keep#ALL}, a
 * {@link Results}) or nothing ({@link Keep#NONE}); reading and compiling are not part of it.
 */
public final class Benchmark {
    private Benchmark() {}

    /** What a run keeps in memory. */
    public enum Keep {
        /** Every saved variable at every save step (a {@link Results}). */
        ALL,
        /** Nothing: the pure cost of simulating. */
        NONE
    }

    /**
     * Microseconds per run over repetitions of {@code runsPerRep} runs each.
     *
     * @param perRep microseconds per run in each repetition, ascending
     * @param checksum a sum over the runs' values, printed so that no run can be optimised away
     */
    public record Timing(double[] perRep, int runsPerRep, double checksum) {
        public double median() {
            int n = perRep.length;
            return n % 2 == 1 ? perRep[n / 2] : (perRep[n / 2 - 1] + perRep[n / 2]) / 2;
        }

        public double min() {
            return perRep[0];
        }

        public double max() {
            return perRep[perRep.length - 1];
        }
    }

    /** One full run; returns a number that depends on it. */
    public static double runOnce(Simulator sim, RunOptions options, Keep keep) {
        if (keep == Keep.ALL) {
            // the times only: asking for a column would turn the rows into columns
            Results r = sim.run(options);
            return r.times()[r.rowCount() - 1];
        }
        double[] v = sim.runDiscarding(options);
        return v.length == 0 ? 0 : v[v.length - 1];
    }

    /**
     * Warms up (at least {@code warmupRuns} runs and {@code warmupMillis} of running, so that the JIT
     * has compiled the hot code), then times {@code reps} repetitions of {@code runsPerRep} runs.
     */
    public static Timing time(Simulator sim, RunOptions options, Keep keep, int runsPerRep, int reps,
            int warmupRuns, long warmupMillis) {
        double checksum = 0;
        long warmEnd = System.nanoTime() + warmupMillis * 1_000_000L;
        for (int i = 0; i < warmupRuns || System.nanoTime() < warmEnd; i++) {
            checksum += runOnce(sim, options, keep);
        }
        double[] per = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < runsPerRep; i++) {
                checksum += runOnce(sim, options, keep);
            }
            per[r] = (System.nanoTime() - t0) / 1e3 / runsPerRep;
        }
        Arrays.sort(per);
        return new Timing(per, runsPerRep, checksum);
    }

    /**
     * Runs {@code totalRuns} runs spread over {@code threads} threads, each with its own
     * {@link Simulator#copy()}, and returns the wall-clock microseconds per run (after one untimed
     * round of the same size for warming up).
     */
    public static double parallel(Simulator sim, RunOptions options, Keep keep, int totalRuns, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Simulator> sims = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                sims.add(sim.copy());
            }
            round(pool, sims, options, keep, totalRuns);
            long t0 = System.nanoTime();
            round(pool, sims, options, keep, totalRuns);
            return (System.nanoTime() - t0) / 1e3 / totalRuns;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void round(ExecutorService pool, List<Simulator> sims, RunOptions options, Keep keep, int totalRuns) {
        List<Future<Double>> parts = new ArrayList<>();
        int threads = sims.size();
        for (int t = 0; t < threads; t++) {
            Simulator s = sims.get(t);
            int n = totalRuns / threads + (t < totalRuns % threads ? 1 : 0);
            parts.add(pool.submit(() -> {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += runOnce(s, options, keep);
                }
                return sum;
            }));
        }
        try {
            for (Future<Double> f : parts) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
