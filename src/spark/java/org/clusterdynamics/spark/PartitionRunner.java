package org.clusterdynamics.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.scenario.BatchRunner;
import org.clusterdynamics.scenario.CancelToken;
import org.clusterdynamics.scenario.PreparedRun;
import org.clusterdynamics.sim.RunStopped;
import org.clusterdynamics.sim.Simulator;

/**
 * Runs one partition of a batch on an executor: the model compiled once per executor (see
 * {@link ExecutorModels}), one simulator per variant for the partition, each run's summary or failure
 * given back with its run index. A killed task (a cancelled job) stops between runs and inside a run.
 */
final class PartitionRunner<T> implements FlatMapFunction<Iterator<RunItem>, Outcome> {
    private static final long serialVersionUID = 1L;

    private final Map<String, Broadcast<ModelBundle>> models;
    private final List<Variant> variants;
    private final BatchRunner.RunTask<T> task;

    PartitionRunner(Map<String, Broadcast<ModelBundle>> models, List<Variant> variants, BatchRunner.RunTask<T> task) {
        this.models = models;
        this.variants = variants;
        this.task = task;
    }

    @Override
    public Iterator<Outcome> call(Iterator<RunItem> items) {
        TaskContext ctx = TaskContext.get();
        BooleanSupplier killed = ctx == null ? () -> Thread.currentThread().isInterrupted() : ctx::isInterrupted;
        CompiledModel[] compiled = new CompiledModel[variants.size()];
        Simulator[] sims = new Simulator[variants.size()];
        ExecutorModels.Loaded[] loaded = new ExecutorModels.Loaded[variants.size()];
        List<Outcome> out = new ArrayList<>();
        while (items.hasNext()) {
            if (killed.getAsBoolean()) {
                throw new CancelToken.Cancelled("the Spark job was cancelled");
            }
            RunItem it = items.next();
            int v = it.variant();
            if (sims[v] == null) {
                try {
                    Variant var = variants.get(v);
                    loaded[v] = ExecutorModels.of(models.get(var.digest()).value());
                    compiled[v] = loaded[v].compiled(var);
                    sims[v] = loaded[v].simulator(compiled[v], killed);
                } catch (RuntimeException e) {
                    out.add(new Outcome(it.index(), null, RunFailure.setup(e)));
                    continue;
                }
            }
            try {
                PreparedRun run = new PreparedRun(variants.get(v).scenario(), compiled[v], it.options());
                out.add(new Outcome(it.index(), task.apply(it.index(), sims[v], run), null));
            } catch (RunStopped | CancelToken.Cancelled e) {
                if (killed.getAsBoolean()) {
                    throw e;
                }
                out.add(new Outcome(it.index(), null, RunFailure.of(e)));
            } catch (RuntimeException e) {
                out.add(new Outcome(it.index(), null, RunFailure.of(e)));
            }
        }
        return out.iterator();
    }
}
