package org.clusterdynamics.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.scenario.Change;
import org.clusterdynamics.scenario.PreparedRun;
import org.clusterdynamics.scenario.RunSeries;
import org.clusterdynamics.scenario.Scenario;
import org.clusterdynamics.scenario.ScenarioModel;
import org.clusterdynamics.sim.RunStopped;
import org.clusterdynamics.sim.Simulator;

/**
 * Runs the page's settings: at most {@code concurrency} runs at a time (a request waits a little
 * for its turn, then is told the server is busy), each stopped when it passes the time limit. The
 * model's code is generated once; every run gets its own copy of the simulator.
 */
final class RunService {
    private final ScenarioModel model;
    /** The interpreter at first, then generated code once it is compiled (both give identical results). */
    private volatile Simulator template;
    private final Semaphore permits;
    private final Limits limits;

    RunService(ScenarioModel model, Limits limits) {
        this.model = model;
        this.limits = limits;
        this.permits = new Semaphore(limits.concurrentRuns(), true);
        this.template = new Simulator(model.compiled(), Simulator.Backend.INTERPRETER);
        // generating the model's code takes a moment: the page can open and run meanwhile
        Thread codegen = new Thread(() -> {
            try {
                template = new Simulator(model.compiled(), Simulator.Backend.GENERATED);
            } catch (RuntimeException e) {
                // the model cannot be compiled to code: the interpreter stays, only slower
            }
        }, "cdyn-serve-codegen");
        codegen.setDaemon(true);
        codegen.start();
    }

    /** The saved series of the outputs of one run with these constants set. */
    RunSeries run(Map<String, Double> set, List<String> outputs) {
        Scenario s = scenario(set);
        PreparedRun p = model.prepare(s);
        int[] slots;
        try {
            slots = RunSeries.slots(p.compiled(), outputs);
        } catch (ModelException e) {
            throw new ApiException(400, Messages.of(e));
        }
        acquire();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limits.runMillis());
            Simulator sim = template.copy().stopWhen(() -> System.nanoTime() > deadline);
            return RunSeries.record(sim, p, slots);
        } catch (ModelException e) {
            // the model fails with these settings (a NaN at some time): the page shows why
            throw new ApiException(422, Messages.of(e));
        } catch (RunStopped e) {
            throw new ApiException(408, "the run took longer than the server's limit of " + limits.runMillis()
                    + " ms and was stopped; start the server with a longer --time-limit, or run the model with"
                    + " cdyn run");
        } finally {
            permits.release();
        }
    }

    /** The base scenario of a request: the model with the constants set. */
    Scenario scenario(Map<String, Double> set) {
        Scenario s = model.baseline().named("page");
        for (Map.Entry<String, Double> e : set.entrySet()) {
            s = s.with(new Change.SetValue(e.getKey(), e.getValue()));
        }
        return s;
    }

    /** Waits a short while for a free slot, then refuses: the page retries on the next slider move. */
    void acquire() {
        try {
            if (!permits.tryAcquire(limits.queueMillis(), TimeUnit.MILLISECONDS)) {
                throw new ApiException(503, "the server is busy with " + limits.concurrentRuns()
                        + " other runs; try again in a moment");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "the server is shutting down");
        }
    }

    void release() {
        permits.release();
    }

    static Map<String, Object> json(RunSeries r, List<String> outputs, long micros) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", r.times());
        Map<String, double[]> series = new LinkedHashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            series.put(outputs.get(i), r.values()[i]);
        }
        out.put("series", series);
        out.put("serverMs", micros / 1000.0);
        return out;
    }
}
