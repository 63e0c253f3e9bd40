package org.clusterdynamics.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.scenario.BatchRunner;
import org.clusterdynamics.scenario.CancelToken;
import org.clusterdynamics.scenario.Distribution;
import org.clusterdynamics.scenario.MonteCarlo;
import org.clusterdynamics.scenario.MonteCarloResult;
import org.clusterdynamics.scenario.Samples;
import org.clusterdynamics.scenario.Scenario;
import org.clusterdynamics.scenario.ScenarioModel;
import org.clusterdynamics.scenario.VariableInfo;

/**
 * Monte Carlo bands of the page's current settings, run on the server one batch at a time: each
 * varied constant is drawn uniformly within +-spread of its current value (clipped to its range),
 * the model's own random functions get a seed per run, and the page polls the job for its progress
 * and, at the end, the 5-25-50-75-95 percentile bands. A batch past its time limit is stopped.
 */
final class MonteCarloJobs implements AutoCloseable {
    static final double[] PERCENTILES = {5, 25, 50, 75, 95};
    private static final int KEPT_JOBS = 16;

    /** One batch: its progress while it runs, then its bands or the reason it failed. */
    static final class Job {
        final String id = UUID.randomUUID().toString();
        volatile int done;
        volatile int total;
        volatile Map<String, Object> result;
        volatile String error;

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("done", done);
            m.put("total", total);
            m.put("state", error != null ? "failed" : result != null ? "done" : "running");
            if (error != null) {
                m.put("error", error);
            }
            if (result != null) {
                m.put("result", result);
            }
            return m;
        }
    }

    private final ScenarioModel model;
    private final Controls controls;
    private final RunService runs;
    private final Limits limits;
    private final Semaphore oneAtATime = new Semaphore(1);
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("cdyn-serve-montecarlo"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            daemon("cdyn-serve-timer"));

    MonteCarloJobs(ScenarioModel model, Controls controls, RunService runs, Limits limits) {
        this.model = model;
        this.controls = controls;
        this.runs = runs;
        this.limits = limits;
    }

    /** Checks the request and starts the batch; the caller polls {@link #job}. */
    Job start(Map<String, Double> set, List<String> outputs, List<String> vary, int count, double spread,
              long seed) {
        if (count < 2 || count > limits.maxMonteCarloRuns()) {
            throw new ApiException(400, "runs must be between 2 and " + limits.maxMonteCarloRuns() + ", not " + count);
        }
        if (!(spread > 0 && spread <= 1)) {
            throw new ApiException(400, "spread must be a fraction above 0 and at most 1 (0.2 = +-20%), not "
                    + Controls.num(spread));
        }
        Scenario base = runs.scenario(set);
        Map<String, Distribution> dists = new LinkedHashMap<>();
        for (String name : vary) {
            VariableInfo v = model.variable(name).orElse(null);
            if (v == null) {
                throw new ApiException(400, controls.problem(name, 0)); // names it, with "did you mean"
            }
            if (controls.isSwitch(name)) {
                throw new ApiException(400, "'" + name + "' is a switch (0 or 1), so it cannot be drawn from a"
                        + " range; vary the levers, and compare switch settings with kept runs");
            }
            if (!v.isConstant() || !v.dimensions().isEmpty()) {
                throw new ApiException(400, "'" + name + "' is not a scalar constant, so it cannot be varied;"
                        + " vary one of the levers instead");
            }
            double value = set.entrySet().stream().filter(e -> VarName.canonical(e.getKey())
                    .equals(VarName.canonical(name))).map(Map.Entry::getValue).findFirst().orElse(v.value());
            double lo = value * (1 - spread);
            double hi = value * (1 + spread);
            double[] r = controls.checkedRange(name);
            if (r != null) {
                lo = Math.max(lo, r[0]);
                hi = Math.min(hi, r[1]);
            }
            if (lo < hi) {
                dists.put(v.name(), new Distribution.Uniform(Math.min(lo, hi), Math.max(lo, hi)));
            }
        }
        Samples samples = dists.isEmpty() ? Samples.none(count) : Samples.latinHypercube(dists, count, seed);
        MonteCarlo.Spec spec = new MonteCarlo.Spec(base, samples, seed, outputs, PERCENTILES,
                MonteCarlo.DEFAULT_EXACT_LIMIT);
        if (!oneAtATime.tryAcquire()) {
            throw new ApiException(503, "a Monte Carlo batch is already running; wait for it to finish");
        }
        Job job = new Job();
        job.total = count;
        remember(job);
        CancelToken cancel = new CancelToken();
        var stopper = timer.schedule(() -> cancel.cancel("the batch passed the server's limit of "
                + limits.monteCarloMillis() / 1000 + " s"), limits.monteCarloMillis(), TimeUnit.MILLISECONDS);
        worker.submit(() -> {
            try {
                int threads = Math.min(2, BatchRunner.defaultThreads());
                BatchRunner runner = new BatchRunner(threads, (label, done, total) -> job.done = done, cancel);
                job.result = bands(MonteCarlo.run(model, spec, runner), dists.keySet());
            } catch (CancelToken.Cancelled e) {
                job.error = "stopped: " + e.getMessage() + "; use fewer runs";
            } catch (RuntimeException e) {
                job.error = Messages.of(e);
            } finally {
                stopper.cancel(false);
                oneAtATime.release();
            }
        });
        return job;
    }

    Job job(String id) {
        Job j = jobs.get(id);
        if (j == null) {
            throw new ApiException(404, "no Monte Carlo batch with this id (the server keeps the last "
                    + KEPT_JOBS + ")");
        }
        return j;
    }

    private static Map<String, Object> bands(MonteCarloResult r, java.util.Set<String> varied) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", r.times());
        out.put("percentiles", r.percentiles());
        out.put("runs", r.runs());
        out.put("varied", List.copyOf(varied));
        Map<String, Object> series = new LinkedHashMap<>();
        for (int v = 0; v < r.variables().size(); v++) {
            series.put(r.variables().get(v), r.percentileValues()[v]);
        }
        out.put("series", series);
        return out;
    }

    private synchronized void remember(Job job) {
        jobs.put(job.id, job);
        order.add(job.id);
        while (order.size() > KEPT_JOBS) {
            jobs.remove(order.remove(0));
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        timer.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
