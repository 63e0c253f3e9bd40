package org.clusterdynamics.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.scenario.BatchRunner;
import org.clusterdynamics.scenario.CancelToken;
import org.clusterdynamics.scenario.PreparedRun;
import org.clusterdynamics.scenario.RunSeries;
import org.clusterdynamics.scenario.Scenario;
import org.clusterdynamics.scenario.ScenarioModel;
import org.clusterdynamics.sim.RunStopped;
import org.clusterdynamics.sim.Simulator;

/**
 * Runs trial parameter sets of a calibration or sensitivity analysis through the batch runner (so they
 * share its threads, cancel token and time limit) and keeps the series of a few variables. A trial
 * whose run fails is counted and given back as null: the search goes on without it.
 */
final class Trials {
    private final PreparedRun prepared;
    private final List<String> parameters;
    private final int[] slots;
    private final BatchRunner runner;
    private final long seed;
    private final ConcurrentLinkedDeque<Simulator> pool = new ConcurrentLinkedDeque<>();
    private final Simulator prototype;
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    Trials(ScenarioModel sm, Scenario base, List<String> parameters, List<String> variables, BatchRunner runner) {
        this.prepared = sm.prepare(base);
        this.parameters = List.copyOf(parameters);
        this.slots = RunSeries.slots(prepared.compiled(), variables);
        this.runner = runner;
        this.seed = base.seed();
        CancelToken cancel = runner.cancelToken();
        // interpreted first, compiled to JVM code once a pooled simulator has done enough work: a short
        // fit does not pay for code generation, a long analysis soon runs generated code
        this.prototype = new Simulator(prepared.compiled()).stopWhen(cancel::isCancelled);
    }

    PreparedRun prepared() {
        return prepared;
    }

    /** Runs one trial per parameter vector; the series of a failed trial are null. */
    RunSeries[] run(String label, double[][] values) {
        RunSeries[] out = new RunSeries[values.length];
        if (runner.executor() != null) {
            // runs elsewhere (Spark): a task that sends only slot numbers, failures come back as values
            int[] s = slots;
            runner.run(label, values.length, i -> prepared.withConstants(constants(values[i]), seed),
                    (i, sim, run) -> Attempt.of(sim, run, s), (i, a) -> {
                        runs.incrementAndGet();
                        if (a.failure() != null) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, "with " + describe(values[i]) + ": " + a.failure());
                        }
                        out[i] = a.series();
                    }, i -> describe(values[i]));
            return out;
        }
        runner.run(label, values.length, i -> prepared.withConstants(constants(values[i]), seed),
                (i, ignored, run) -> trial(run), (i, r) -> out[i] = r, i -> describe(values[i]));
        return out;
    }

    /** One trial computed on another machine: its series, or why it failed (the search goes on without it). */
    record Attempt(RunSeries series, String failure) implements java.io.Serializable {
        static Attempt of(Simulator sim, PreparedRun run, int[] slots) {
            try {
                return new Attempt(RunSeries.record(sim, run, slots), null);
            } catch (RunStopped | CancelToken.Cancelled e) {
                throw e;
            } catch (ModelException e) {
                return new Attempt(null, e.diagnostics().errors().stream().findFirst().map(Diagnostic::toString)
                        .orElse(e.getMessage()));
            } catch (RuntimeException e) {
                return new Attempt(null, e.getMessage());
            }
        }
    }

    RunSeries runOne(double[] values) {
        return run("trial", new double[][] {values})[0];
    }

    private RunSeries trial(PreparedRun run) {
        runs.incrementAndGet();
        Simulator sim = pool.pollFirst();
        if (sim == null) {
            sim = prototype.copy();
        }
        try {
            return RunSeries.record(sim, run, slots);
        } catch (RunStopped | CancelToken.Cancelled e) {
            throw e;
        } catch (ModelException e) {
            fail(run, e.diagnostics().errors().stream().findFirst().map(Diagnostic::toString).orElse(e.getMessage()));
            return null;
        } catch (RuntimeException e) {
            fail(run, e.getMessage());
            return null;
        } finally {
            pool.addFirst(sim);
        }
    }

    private void fail(PreparedRun run, String why) {
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, "with " + describe(run.options().constants()) + ": " + why);
    }

    Map<String, Double> constants(double[] values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int j = 0; j < parameters.size(); j++) {
            m.put(parameters.get(j), values[j]);
        }
        return m;
    }

    private String describe(double[] values) {
        return describe(constants(values));
    }

    private String describe(Map<String, Double> values) {
        // in the parameters' order (run options keep their constants unordered)
        StringBuilder sb = new StringBuilder();
        for (String k : parameters) {
            Double v = values.get(k);
            if (v != null) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k).append(" = ").append(DataReader.format(v));
            }
        }
        return sb.toString();
    }

    int runs() {
        return runs.get();
    }

    int failed() {
        return failed.get();
    }

    /** The first failure as "with A = 1, B = 2: what went wrong", or null. */
    String firstFailure() {
        return firstFailure.get();
    }
}
