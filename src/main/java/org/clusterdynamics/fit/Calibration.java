package org.clusterdynamics.fit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.clusterdynamics.model.SimSpecs;
import org.clusterdynamics.scenario.BatchRunner;
import org.clusterdynamics.scenario.Names;
import org.clusterdynamics.scenario.Scenario;
import org.clusterdynamics.scenario.ScenarioModel;
import org.clusterdynamics.scenario.VariableInfo;
import org.clusterdynamics.sim.RunOptions;

/**
 * Fits constants of a model to observed series: checks the request against the model and the data
 * (before any run), searches (Levenberg-Marquardt, CMA-ES then Levenberg-Marquardt, several starts),
 * and reports the estimates with their intervals and the fit statistics.
 */
public final class Calibration {
    private Calibration() {}

    /** The search method. */
    public enum Method {
        /** Levenberg-Marquardt from the model's values (and from {@code starts - 1} more points). */
        LM,
        /** CMA-ES over the whole box, then Levenberg-Marquardt from its best point. */
        CMAES;

        public static Method parse(String s) {
            for (Method m : values()) {
                if (m.name().equalsIgnoreCase(s.strip())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown method '" + s + "'; use lm or cmaes");
        }
    }

    /**
     * What to fit.
     *
     * @param weights per data column (see {@link Payoff} for what a weight means); missing ones are 1
     * @param until fit to data up to this time and measure the error after it (NaN: fit all)
     * @param starts Levenberg-Marquardt starts (the first from the model's values, the others spread over the box)
     * @param profile whether to compute profile-likelihood intervals
     * @param maxEvaluations CMA-ES trial budget
     */
    public record Spec(Scenario base, ObservedData data, List<FitParameter> parameters, Payoff payoff,
                       Map<String, Double> weights, double until, Method method, int starts, long seed,
                       boolean profile, int maxEvaluations) {
        public Spec {
            parameters = List.copyOf(parameters);
            weights = Map.copyOf(weights == null ? Map.of() : weights);
            if (parameters.isEmpty()) {
                throw new IllegalArgumentException("name at least one constant to fit, e.g. --fit \"Contact Rate=0.5..5\"");
            }
            if (starts < 1) {
                throw new IllegalArgumentException("starts must be at least 1, not " + starts);
            }
        }

        /** Levenberg-Marquardt from the model's values, sum of squares, profile intervals, no holdout. */
        public static Spec of(Scenario base, ObservedData data, List<FitParameter> parameters) {
            return new Spec(base, data, parameters, Payoff.SSE, Map.of(), Double.NaN, Method.LM, 1, 1, true, 3000);
        }

        public Spec withPayoff(Payoff p) {
            return new Spec(base, data, parameters, p, weights, until, method, starts, seed, profile, maxEvaluations);
        }

        public Spec withWeights(Map<String, Double> w) {
            return new Spec(base, data, parameters, payoff, w, until, method, starts, seed, profile, maxEvaluations);
        }

        public Spec withUntil(double t) {
            return new Spec(base, data, parameters, payoff, weights, t, method, starts, seed, profile, maxEvaluations);
        }

        public Spec withMethod(Method m) {
            return new Spec(base, data, parameters, payoff, weights, until, m, starts, seed, profile, maxEvaluations);
        }

        public Spec withStarts(int n, long s) {
            return new Spec(base, data, parameters, payoff, weights, until, method, n, s, profile, maxEvaluations);
        }

        public Spec withProfile(boolean on) {
            return new Spec(base, data, parameters, payoff, weights, until, method, starts, seed, on, maxEvaluations);
        }
    }

    /** Runs the calibration; {@code log} receives progress lines (may be null). */
    public static CalibrationResult run(ScenarioModel sm, Spec spec, BatchRunner runner, Consumer<String> log) {
        Consumer<String> say = log == null ? s -> { } : log;
        List<String> variables = checkRequest(sm, spec);
        RunOptions o = sm.prepare(spec.base()).options();
        SimSpecs ms = sm.model().specs();
        double start = Double.isNaN(o.start()) ? ms.start() : o.start();
        double stop = Double.isNaN(o.stop()) ? ms.stop() : o.stop();
        double[] w = new double[variables.size()];
        for (int v = 0; v < w.length; v++) {
            w[v] = spec.weights().getOrDefault(variables.get(v), 1.0);
        }
        FitPoints points = new FitPoints(spec.data(), variables, w, spec.payoff(), start, stop, spec.until());
        checkOverlap(spec, points, start, stop);
        List<String> names = spec.parameters().stream().map(FitParameter::name).toList();
        Trials trials = new Trials(sm, spec.base(), names, variables, runner);
        Fitter fitter = new Fitter(trials, points, spec.parameters(), say);
        int p = names.size();
        boolean[] all = new boolean[p];
        java.util.Arrays.fill(all, true);
        double[] first = startValues(sm, spec.base(), spec.parameters());

        Fitter.Fit best = null;
        if (spec.method() == Method.CMAES) {
            say.accept("calibrate: CMA-ES over the ranges (" + spec.maxEvaluations() + " trials at most)");
            Fitter.Fit g = fitter.cmaes(first, spec.seed(), spec.maxEvaluations());
            first = g.theta();
            best = g;
        }
        org.hipparchus.random.RandomGenerator rng = new org.hipparchus.random.MersenneTwister(spec.seed());
        for (int s = 0; s < spec.starts(); s++) {
            double[] from = first;
            if (s > 0) {
                from = new double[p];
                for (int j = 0; j < p; j++) {
                    FitParameter f = spec.parameters().get(j);
                    // spread over the middle of each range; the logistic map is flat near the bounds
                    from[j] = f.lo() + (0.05 + 0.9 * rng.nextDouble()) * (f.hi() - f.lo());
                }
            }
            Fitter.Fit f = fitter.leastSquares(from, all, "calibrate", 200);
            say.accept(String.format(Locale.ROOT, "calibrate: start %d of %d: sum %.6g after %d steps", s + 1,
                    spec.starts(), f.objective(), f.evaluations()));
            if (best == null || f.objective() < best.objective()
                    || spec.method() == Method.CMAES && s == 0 && f.objective() <= best.objective()) {
                best = f;
            }
        }
        if (!Double.isFinite(best.objective())) {
            throw new IllegalArgumentException("every trial run failed (" + trials.failed() + " of " + trials.runs()
                    + "), e.g. " + trials.firstFailure() + "; narrow the ranges to values the model can run with");
        }
        return Estimates.of(spec, sm, trials, fitter, points, best, say);
    }

    /** The data columns, in the data's order, after checking names, ranges and weights; nothing runs before. */
    static List<String> checkRequest(ScenarioModel sm, Spec spec) {
        List<String> known = sm.variables().stream().map(VariableInfo::name).toList();
        Set<String> seen = new HashSet<>();
        for (FitParameter f : spec.parameters()) {
            VariableInfo v = sm.variable(f.name()).orElseThrow(() -> new IllegalArgumentException("--fit '" + f.name()
                    + "': the model " + sm.file() + " has no variable of that name." + Names.hint(f.name(), known)));
            if (!v.isConstant()) {
                List<String> constants = sm.variables().stream().filter(VariableInfo::isConstant)
                        .map(VariableInfo::name).toList();
                throw new IllegalArgumentException("--fit '" + f.name() + "': '" + v.name() + "' is not a constant"
                        + " (it is a " + v.kind() + (v.equation().isBlank() ? "" : " with equation '" + v.equation() + "'")
                        + ", line " + v.line() + " of " + sm.file() + "); only constants can be fitted."
                        + (Names.closest(f.name(), constants).isEmpty() ? " The model's constants include: "
                        + String.join(", ", constants.stream().limit(8).toList())
                        : Names.hint(f.name(), constants)));
            }
            if (!seen.add(v.name())) {
                throw new IllegalArgumentException("--fit '" + f.name() + "' is given twice; fit each constant once");
            }
        }
        ObservedData d = spec.data();
        List<String> variables = new ArrayList<>();
        Map<String, Double> weights = new LinkedHashMap<>(spec.weights());
        for (String c : d.names()) {
            if (sm.compiled().slotOf(c) < 0) {
                List<String> slots = java.util.Arrays.stream(sm.compiled().slotNames())
                        .filter(n -> !n.startsWith("#")).toList();
                throw new IllegalArgumentException(d.source() + ": column '" + c + "' names no variable of the model "
                        + sm.file() + "." + Names.hint(c, slots) + " Rename the column as the variable is named in"
                        + " the model (array elements as name[element]), or remove it");
            }
            variables.add(c);
            weights.remove(c);
            if (spec.payoff().needsCounts()) {
                double[] v = d.column(c);
                for (int i = 0; i < v.length; i++) {
                    if (v[i] < 0) {
                        throw new IllegalArgumentException(d.source() + ": column '" + c + "' has " + v[i] + " at time "
                                + DataReader.format(d.times()[i]) + ", but the " + spec.payoff().label() + " payoff"
                                + " compares counts, which cannot be negative; use --payoff sse or gaussian");
                    }
                }
            }
        }
        if (!weights.isEmpty()) {
            String k = weights.keySet().iterator().next();
            throw new IllegalArgumentException("--weight '" + k + "': the data file " + d.source() + " has no column of"
                    + " that name." + Names.hint(k, variables));
        }
        for (Map.Entry<String, Double> e : spec.weights().entrySet()) {
            if (!(e.getValue() > 0) || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("--weight '" + e.getKey() + "=" + e.getValue() + "': a weight must"
                        + " be a positive number");
            }
        }
        if (variables.isEmpty()) {
            throw new IllegalArgumentException(d.source() + ": the data file has no column besides Time; add one column"
                    + " per observed model variable");
        }
        return variables;
    }

    private static void checkOverlap(Spec spec, FitPoints points, double start, double stop) {
        double[] t = spec.data().times();
        if (points.size() == 0) {
            String span = DataReader.format(t[0]) + ".." + DataReader.format(t[t.length - 1]);
            throw new IllegalArgumentException(spec.data().source() + ": no data point lies within the run's times "
                    + DataReader.format(start) + ".." + DataReader.format(stop)
                    + (Double.isNaN(spec.until()) ? "" : " up to --until " + DataReader.format(spec.until()))
                    + " (the data covers " + span + "); give data for the model's time span, or change the run's start"
                    + " and stop");
        }
        if (points.size() <= spec.parameters().size()) {
            throw new IllegalArgumentException(spec.data().source() + ": " + points.size() + " data points cannot"
                    + " determine " + spec.parameters().size() + " parameters; give more data points than fitted"
                    + " constants");
        }
    }

    /**
     * The values in the base scenario (a value it sets, else the model's) where they lie inside the
     * ranges, the middle of the range otherwise.
     */
    static double[] startValues(ScenarioModel sm, Scenario base, List<FitParameter> params) {
        double[] x = new double[params.size()];
        for (int j = 0; j < x.length; j++) {
            FitParameter f = params.get(j);
            double v = base.changeOf(f.name()) instanceof org.clusterdynamics.scenario.Change.SetValue sv ? sv.value()
                    : sm.variable(f.name()).map(VariableInfo::value).orElse(Double.NaN);
            x[j] = v > f.lo() && v < f.hi() ? v : f.mid();
        }
        return x;
    }

}
