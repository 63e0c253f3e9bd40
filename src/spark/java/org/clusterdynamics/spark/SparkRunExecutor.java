package org.clusterdynamics.spark;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.scenario.BatchRunner;
import org.clusterdynamics.scenario.CancelToken;
import org.clusterdynamics.scenario.FailedRun;
import org.clusterdynamics.scenario.PreparedRun;
import org.clusterdynamics.scenario.Progress;
import org.clusterdynamics.scenario.RunExecutor;

/**
 * Sends the runs of a batch to Apache Spark. The driver makes each run's options as the local runner
 * does (parameters and the seed derived from the run index, so results cannot depend on partitions),
 * sends them in waves of tasks, and hands the summaries to the sink in run order; executors read and
 * compile the model file once each. Cancelling the runner's token cancels the batch's Spark job group.
 */
public final class SparkRunExecutor implements RunExecutor {
    /** Runs per Spark task unless {@code spark.cdyn.runsPerTask} says otherwise: enough to hide a task's overhead. */
    public static final int DEFAULT_RUNS_PER_TASK = 64;
    /** Tasks per core in one wave: the second half keeps cores busy while the first half's stragglers finish. */
    private static final int TASKS_PER_CORE = 2;
    private static final AtomicInteger EXECUTORS = new AtomicInteger();
    /** The master URLs Spark 3.5 accepts (SparkContext.createTaskScheduler), by form. */
    private static final java.util.regex.Pattern MASTER = java.util.regex.Pattern.compile(
            "local(\\[(\\*|\\d+)(,\\s*\\d+)?])?|local-cluster\\[\\d+,\\s*\\d+,\\s*\\d+]"
                    + "|(spark|mesos|k8s)://\\S+|yarn");

    private final JavaSparkContext sc;
    private final boolean owned;
    private final int runsPerTask;
    private final String name = "cdyn-" + EXECUTORS.incrementAndGet();
    private final AtomicInteger batches = new AtomicInteger();
    /** Model files already sent, by digest: a script's many batches on one model send it once. */
    private final Map<String, Broadcast<ModelBundle>> sent = new HashMap<>();
    /** The bundles made, by model file: finding a model's data files reads the model again, once. */
    private final Map<String, ModelBundle> bundles = new HashMap<>();

    /**
     * Runs batches on a context the caller owns (and stops), e.g. one shared by a test class.
     *
     * @param runsPerTask runs per Spark task
     */
    public SparkRunExecutor(JavaSparkContext sc, int runsPerTask) {
        this(sc, false, runsPerTask);
    }

    private SparkRunExecutor(JavaSparkContext sc, boolean owned, int runsPerTask) {
        if (runsPerTask < 1) {
            throw new IllegalArgumentException("spark.cdyn.runsPerTask must be at least 1, not " + runsPerTask);
        }
        this.sc = sc;
        this.owned = owned;
        this.runsPerTask = runsPerTask;
    }

    /**
     * Starts a Spark context at {@code master} (a master URL, or "submit" for the one spark-submit was
     * given); errors are messages naming the master, never traces.
     */
    static SparkRunExecutor start(String master) {
        SparkConf conf = new SparkConf().setAppName("cdyn");
        if (!"submit".equals(master)) {
            if (!MASTER.matcher(master).matches()) {
                // checked here: Spark would log its own failure with a trace before saying so
                throw new IllegalArgumentException("cannot start Spark with master '" + master + "': not a master URL"
                        + " (a master is local[N], spark://HOST:PORT, yarn or k8s://URL; or 'submit' under spark-submit)");
            }
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException("--spark submit takes the master from spark-submit, which gave none:"
                    + " start cdyn with spark-submit --master URL, or give the master, e.g. --spark local[2]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            // on one machine: no web UI to bind, no network address to look up
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
        }
        int perTask = conf.getInt("spark.cdyn.runsPerTask", DEFAULT_RUNS_PER_TASK);
        JavaSparkContext sc;
        try {
            sc = new JavaSparkContext(conf);
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot start Spark with master '" + conf.get("spark.master") + "': "
                    + firstLine(e.getMessage()) + " (a master is local[N], spark://HOST:PORT, yarn or k8s://URL)");
        }
        try {
            quiet(sc, "WARN");
            return new SparkRunExecutor(sc, true, perTask);
        } catch (RuntimeException e) {
            sc.stop();
            throw e;
        }
    }

    /**
     * Sets Spark's log level where Spark logs through Log4j 2; elsewhere (our SLF4J binding, or Log4j
     * set up by another library first) Spark's call fails and the logging stays as configured.
     */
    public static void quiet(JavaSparkContext sc, String level) {
        try {
            sc.setLogLevel(level);
        } catch (RuntimeException e) {
            // not Log4j 2's own context: nothing to set
        }
    }

    @Override
    public String describe() {
        return "Spark " + sc.master();
    }

    @Override
    public void close() {
        if (owned) {
            sc.stop();
        }
    }

    @Override
    public <T> void run(BatchRunner runner, String label, int count, IntFunction<PreparedRun> job,
                        BatchRunner.RunTask<T> task, BatchRunner.Sink<T> sink, IntFunction<String> describe,
                        Consumer<FailedRun> skip) {
        requireSerializable(task, label);
        CancelToken cancel = runner.cancelToken();
        Progress progress = runner.progress();
        String group = name + "-batch-" + batches.incrementAndGet();
        Map<CompiledModel, Integer> variantOf = new IdentityHashMap<>();
        List<Variant> variants = new ArrayList<>();
        int slices = Math.max(1, sc.defaultParallelism() * TASKS_PER_CORE);
        int wave = slices * runsPerTask;
        Deque<JavaFutureAction<List<Outcome>>> inFlight = new ArrayDeque<>();
        progress.update(label, 0, count);
        sc.setJobGroup(group, "cdyn " + label + " (" + count + " runs)", true);
        try {
            int next = 0;
            while (next < count || !inFlight.isEmpty()) {
                // two waves in flight: executors start the next while the driver takes in the last
                while (next < count && inFlight.size() < 2) {
                    int to = Math.min(count, next + wave);
                    List<RunItem> items = new ArrayList<>(to - next);
                    for (int i = next; i < to; i++) {
                        cancel.check();
                        PreparedRun r = job.apply(i);
                        Integer v = variantOf.get(r.compiled());
                        if (v == null) {
                            v = variants.size();
                            variantOf.put(r.compiled(), v);
                            variants.add(variant(r));
                        }
                        items.add(new RunItem(i, v, r.options()));
                    }
                    int parts = Math.min(slices, items.size());
                    Map<String, Broadcast<ModelBundle>> models = new HashMap<>();
                    for (Variant v : variants) {
                        models.put(v.digest(), sent.get(v.digest()));
                    }
                    inFlight.addLast(sc.parallelize(items, parts)
                            .mapPartitions(new PartitionRunner<>(models, List.copyOf(variants), task))
                            .collectAsync());
                    next = to;
                }
                List<Outcome> outcomes = await(inFlight.removeFirst(), cancel, group, label);
                for (Outcome o : outcomes) {
                    int i = o.index();
                    if (o.failure() != null) {
                        RuntimeException e = o.failure().toException();
                        if (o.failure().setup()) {
                            throw e;
                        }
                        if (BatchRunner.skipped(i, e, describe, skip)) {
                            progress.update(label, i + 1, count);
                            continue;
                        }
                        throw BatchRunner.failure(label, i, count, e, describe);
                    }
                    @SuppressWarnings("unchecked")
                    T value = (T) o.value();
                    sink.accept(i, value);
                    progress.update(label, i + 1, count);
                }
                cancel.check();
            }
        } finally {
            if (!inFlight.isEmpty()) {
                sc.cancelJobGroup(group);
            }
            sc.clearJobGroup();
        }
    }

    /** The variant of a run's compiled model; sends its model and data files the first time they are seen. */
    private Variant variant(PreparedRun r) {
        CompiledModel cm = r.compiled();
        ModelBundle b = bundles.get(cm.source());
        if (b == null || !b.current()) {
            b = ModelBundle.read(cm.source());
            bundles.put(cm.source(), b);
        }
        ModelBundle bundle = b;
        sent.computeIfAbsent(bundle.digest(), d -> sc.broadcast(bundle));
        return Variant.of(bundle.digest(), r.scenario(), cm);
    }

    /** Waits for a wave, checking the cancel token; cancelling cancels the batch's job group. */
    private List<Outcome> await(JavaFutureAction<List<Outcome>> f, CancelToken cancel, String group, String label) {
        while (true) {
            if (cancel.isCancelled()) {
                sc.cancelJobGroup(group);
                cancel.check();
            }
            try {
                return f.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // check the token again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sc.cancelJobGroup(group);
                throw new CancelToken.Cancelled("interrupted");
            } catch (ExecutionException e) {
                cancel.check();
                throw new IllegalStateException("Spark could not finish the batch '" + label + "': "
                        + firstLine(rootMessage(e)));
            }
        }
    }

    /** Refuses a task that cannot travel (it captured something that does not serialize), naming the batch. */
    private static void requireSerializable(Object task, String label) {
        try (ObjectOutputStream o = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            o.writeObject(task);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("the batch '" + label + "' cannot run on Spark: its runs use "
                    + e.getMessage() + ", which cannot be sent to the executors; run it without --spark");
        } catch (IOException e) {
            throw new IllegalArgumentException("the batch '" + label + "' cannot run on Spark: " + e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no reason given";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
