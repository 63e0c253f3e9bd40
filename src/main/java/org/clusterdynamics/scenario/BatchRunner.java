package org.clusterdynamics.scenario;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.sim.RunStopped;
import org.clusterdynamics.sim.SharedCode;
import org.clusterdynamics.sim.Simulator;

/**
 * Runs many scenarios on several threads. Each run's summary is computed on a worker thread and
 * handed to the caller's sink in run order, so that aggregates do not depend on the number of
 * threads, and only a few runs are in flight at a time, so that memory does not grow with the
 * batch.
 */
public final class BatchRunner {
    private final int threads;
    private final Progress progress;
    private final CancelToken cancel;
    /** Where the runs go instead of this machine's threads (e.g. a Spark cluster); null: here. */
    private final RunExecutor executor;

    /**
     * Computes the summary of one run on a worker thread; the simulator belongs to that thread.
     * Serializable so that a {@link RunExecutor} can send it to other machines (lambdas that capture
     * only values, such as slot numbers, serialize; summaries must be serializable there too).
     */
    @FunctionalInterface
    public interface RunTask<T> extends java.io.Serializable {
        T apply(int index, Simulator simulator, PreparedRun run);
    }

    /** Receives summaries in run order on the thread that called {@link #run}. */
    @FunctionalInterface
    public interface Sink<T> {
        void accept(int index, T summary);
    }

    public BatchRunner(int threads, Progress progress, CancelToken cancel) {
        this(threads, progress, cancel, null);
    }

    private BatchRunner(int threads, Progress progress, CancelToken cancel, RunExecutor executor) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.threads = threads;
        this.progress = progress == null ? Progress.NONE : progress;
        this.cancel = cancel == null ? new CancelToken() : cancel;
        this.executor = executor;
    }

    /** One thread per available core. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    public BatchRunner withThreads(int n) {
        return new BatchRunner(n, progress, cancel, executor);
    }

    /** The same runner sending its runs to {@code e} (null: back to this machine's threads). */
    public BatchRunner withExecutor(RunExecutor e) {
        return new BatchRunner(threads, progress, cancel, e);
    }

    /** Where runs go instead of this machine's threads, or null. */
    public RunExecutor executor() {
        return executor;
    }

    public Progress progress() {
        return progress;
    }

    public CancelToken cancelToken() {
        return cancel;
    }

    /**
     * Runs {@code count} runs; {@code job} makes run i (called on this thread), {@code task}
     * summarises it, {@code sink} receives summaries in order. A failing run stops the batch with
     * a {@link ModelException} that names the run through {@code describe}.
     */
    public <T> void run(String label, int count, IntFunction<PreparedRun> job, RunTask<T> task, Sink<T> sink,
                        IntFunction<String> describe) {
        run(label, count, job, task, sink, describe, null);
    }

    /**
     * As {@link #run(String, int, IntFunction, RunTask, Sink, IntFunction)}, but when {@code skip} is
     * not null a run that fails with a model error or a bad value is handed to it and the batch
     * goes on (the sink does not see that run); a stop or an internal error still ends the batch.
     */
    public <T> void run(String label, int count, IntFunction<PreparedRun> job, RunTask<T> task, Sink<T> sink,
                        IntFunction<String> describe, Consumer<FailedRun> skip) {
        try {
            if (executor != null && count > 0) {
                executor.run(this, label, count, job, task, sink, describe, skip);
            } else if (threads == 1 || count <= 1) {
                runInline(label, count, job, task, sink, describe, skip);
            } else {
                runParallel(label, count, job, task, sink, describe, skip);
            }
        } finally {
            progress.end(label);
        }
    }

    /** True when the failure was handed to {@code skip}; false when it must end the batch. */
    public static boolean skipped(int index, RuntimeException e, IntFunction<String> describe,
                                   Consumer<FailedRun> skip) {
        if (skip == null || !(e instanceof ModelException || e instanceof IllegalArgumentException)) {
            return false;
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        skip.accept(new FailedRun(index + 1, describe == null ? "" : describe.apply(index), why.replace('\n', ' ')));
        return true;
    }

    private <T> void runInline(String label, int count, IntFunction<PreparedRun> job, RunTask<T> task, Sink<T> sink,
                               IntFunction<String> describe, Consumer<FailedRun> skip) {
        Map<CompiledModel, Simulator> sims = new IdentityHashMap<>();
        Map<CompiledModel, SharedCode> code = new IdentityHashMap<>();
        progress.update(label, 0, count);
        for (int i = 0; i < count; i++) {
            cancel.check();
            PreparedRun r = job.apply(i);
            T value;
            try {
                value = task.apply(i, sims.computeIfAbsent(r.compiled(), m -> simulator(m, code)), r);
            } catch (RuntimeException e) {
                if (skipped(i, e, describe, skip)) {
                    progress.update(label, i + 1, count);
                    continue;
                }
                throw failure(label, i, count, e, describe);
            }
            sink.accept(i, value);
            progress.update(label, i + 1, count);
        }
    }

    private <T> void runParallel(String label, int count, IntFunction<PreparedRun> job, RunTask<T> task,
                                 Sink<T> sink, IntFunction<String> describe, Consumer<FailedRun> skip) {
        // one simulator per worker thread and compiled model, all sharing one generated code per model;
        // the pool lives only for this batch
        ThreadLocal<Map<CompiledModel, Simulator>> sims = ThreadLocal.withInitial(IdentityHashMap::new);
        Map<CompiledModel, SharedCode> code = Collections.synchronizedMap(new IdentityHashMap<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        int window = threads * 4;
        Deque<Future<T>> inFlight = new ArrayDeque<>();
        int submitted = 0;
        try {
            progress.update(label, 0, count);
            for (int next = 0; next < count; next++) {
                while (submitted < count && submitted - next < window) {
                    cancel.check();
                    int i = submitted++;
                    PreparedRun r = job.apply(i);
                    inFlight.addLast(pool.submit(() -> {
                        cancel.check();
                        return task.apply(i, sims.get().computeIfAbsent(r.compiled(), m -> simulator(m, code)), r);
                    }));
                }
                Future<T> f = inFlight.removeFirst();
                T value;
                try {
                    value = f.get();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof CancelToken.Cancelled cc) {
                        throw cc;
                    }
                    RuntimeException re = c instanceof RuntimeException r ? r : new IllegalStateException(c);
                    if (skipped(next, re, describe, skip)) {
                        progress.update(label, next + 1, count);
                        cancel.check();
                        continue;
                    }
                    throw failure(label, next, count, re, describe);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelToken.Cancelled("interrupted");
                }
                sink.accept(next, value);
                progress.update(label, next + 1, count);
                cancel.check();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A simulator for one worker, sharing the model's code; a cancelled batch also ends the run it is in. */
    private Simulator simulator(CompiledModel compiled, Map<CompiledModel, SharedCode> code) {
        return new Simulator(code.computeIfAbsent(compiled, SharedCode::new)).stopWhen(cancel::isCancelled);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "cdyn-batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The error that ends a batch at run {@code index}, naming the run and its parameters. */
    public static RuntimeException failure(String label, int index, int count, RuntimeException e,
                                            IntFunction<String> describe) {
        if (e instanceof CancelToken.Cancelled) {
            return e;
        }
        if (e instanceof RunStopped stopped) {
            // only the token stops runs here: report its reason
            return new CancelToken.Cancelled(stopped.getMessage());
        }
        String which = "run " + (index + 1) + " of " + count + " of " + label
                + (describe == null ? "" : " (" + describe.apply(index) + ")");
        if (e instanceof ModelException me) {
            Diagnostics ds = new Diagnostics();
            for (Diagnostic d : me.diagnostics()) {
                ds.add(new Diagnostic(d.code(), d.severity(), d.where(), which + " failed: " + d.message()));
            }
            return new ModelException(ds);
        }
        if (e instanceof IllegalArgumentException) {
            return new IllegalArgumentException(which + " failed: " + e.getMessage(), e);
        }
        return new IllegalStateException(which + " failed: " + e, e);
    }
}
