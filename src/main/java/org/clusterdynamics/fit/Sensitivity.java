package org.clusterdynamics.fit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.clusterdynamics.scenario.BatchRunner;
import org.clusterdynamics.scenario.Names;
import org.clusterdynamics.scenario.Output;
import org.clusterdynamics.scenario.RunSeries;
import org.clusterdynamics.scenario.Scenario;
import org.clusterdynamics.scenario.ScenarioModel;
import org.clusterdynamics.scenario.VariableInfo;

/**
 * Global sensitivity of chosen outputs to constants varied over ranges: Sobol indices (Saltelli
 * sampling, Jansen estimators, bootstrap intervals) or Morris elementary effects, plus the one-at-a-time
 * swings behind a tornado chart. Runs go through the batch runner; the design and the bootstrap
 * depend only on the seed, so the indices are the same for any number of threads.
 */
public final class Sensitivity {
    private Sensitivity() {}

    /** Sobol indices or Morris screening. */
    public enum Method {
        SOBOL, MORRIS;

        public static Method parse(String s) {
            for (Method m : values()) {
                if (m.name().equalsIgnoreCase(s.strip())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown method '" + s + "'; use sobol or morris");
        }
    }

    /**
     * What to vary and measure.
     *
     * @param samples Sobol: the base sample N (runs: N (k + 2)); Morris: the trajectories r (runs: r (k + 1))
     * @param levels Morris grid levels (even, e.g. 4)
     * @param bootstrap Sobol bootstrap resamples for the intervals (0: none)
     */
    public record Spec(Scenario base, List<FitParameter> factors, List<Output> outputs, Method method, int samples,
                       int levels, long seed, int bootstrap) {
        public Spec {
            factors = List.copyOf(factors);
            outputs = List.copyOf(outputs);
            if (factors.isEmpty()) {
                throw new IllegalArgumentException("name at least one constant to vary, e.g. --vary \"Contact Rate=0.3..0.8\"");
            }
            if (outputs.isEmpty()) {
                throw new IllegalArgumentException("name at least one output, e.g. --output Infected@30");
            }
            if (samples < 2) {
                throw new IllegalArgumentException("samples must be at least 2, not " + samples);
            }
        }

        public static Spec sobol(Scenario base, List<FitParameter> factors, List<Output> outputs, int n, long seed) {
            return new Spec(base, factors, outputs, Method.SOBOL, n, 4, seed, 200);
        }

        public static Spec morris(Scenario base, List<FitParameter> factors, List<Output> outputs, int r, long seed) {
            return new Spec(base, factors, outputs, Method.MORRIS, r, 4, seed, 0);
        }
    }

    /** Reads an output as "Name" (final value), "Name@T" (value at time T) or "Name:max" (a statistic). */
    public static Output output(String text) {
        String s = text.strip();
        int at = s.lastIndexOf('@');
        if (at > 0) {
            String t = s.substring(at + 1).strip();
            try {
                return Output.at(s.substring(0, at).strip(), Double.parseDouble(t));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("output '" + text + "': '" + t + "' is not a time; write NAME@TIME,"
                        + " e.g. Infected@30");
            }
        }
        int colon = s.lastIndexOf(':');
        if (colon > 0) {
            return new Output(s.substring(0, colon).strip(), Output.metric(s.substring(colon + 1)));
        }
        return Output.finalValue(s);
    }

    public static SensitivityResult run(ScenarioModel sm, Spec spec, BatchRunner runner) {
        List<String> known = sm.variables().stream().map(VariableInfo::name).toList();
        for (FitParameter f : spec.factors()) {
            VariableInfo v = sm.variable(f.name()).orElseThrow(() -> new IllegalArgumentException("'" + f.name()
                    + "': the model " + sm.file() + " has no variable of that name." + Names.hint(f.name(), known)));
            if (!v.isConstant()) {
                throw new IllegalArgumentException("'" + f.name() + "' is not a constant (it is a " + v.kind()
                        + ", line " + v.line() + " of " + sm.file() + "); only constants can be varied");
            }
        }
        LinkedHashSet<String> vars = new LinkedHashSet<>();
        spec.outputs().forEach(o -> vars.add(o.variable()));
        List<String> variables = new ArrayList<>(vars);
        List<String> names = spec.factors().stream().map(FitParameter::name).toList();
        Trials trials = new Trials(sm, spec.base(), names, variables, runner);
        int k = names.size();
        int n = spec.samples();
        double[][] unit = spec.method() == Method.SOBOL ? SobolIndices.design(k, n, spec.seed())
                : MorrisEffects.design(k, n, spec.levels(), spec.seed());
        // one-at-a-time swings for the tornado: the base point, then each factor at its low and high end
        double[] basePoint = Calibration.startValues(sm, spec.base(), spec.factors());
        double[][] values = new double[unit.length + 1 + 2 * k][];
        for (int r = 0; r < unit.length; r++) {
            values[r] = new double[k];
            for (int i = 0; i < k; i++) {
                FitParameter f = spec.factors().get(i);
                values[r][i] = f.lo() + unit[r][i] * (f.hi() - f.lo());
            }
        }
        int oat = unit.length;
        values[oat] = basePoint;
        for (int i = 0; i < k; i++) {
            values[oat + 1 + 2 * i] = basePoint.clone();
            values[oat + 1 + 2 * i][i] = spec.factors().get(i).lo();
            values[oat + 2 + 2 * i] = basePoint.clone();
            values[oat + 2 + 2 * i][i] = spec.factors().get(i).hi();
        }
        String label = spec.method().name().toLowerCase(Locale.ROOT);
        RunSeries[] runs = trials.run(label, values);
        int no = spec.outputs().size();
        double[][] y = new double[no][values.length];
        for (int r = 0; r < values.length; r++) {
            for (int o = 0; o < no; o++) {
                Output out = spec.outputs().get(o);
                y[o][r] = runs[r] == null ? Double.NaN
                        : out.of(runs[r].times(), runs[r].values()[variables.indexOf(out.variable())]);
            }
        }
        List<SensitivityResult.OutputIndices> results = new ArrayList<>();
        for (int o = 0; o < no; o++) {
            double[] yo = java.util.Arrays.copyOf(y[o], unit.length);
            SobolIndices.Indices s = null;
            MorrisEffects.Effects m = null;
            if (spec.method() == Method.SOBOL) {
                s = SobolIndices.compute(yo, k, n, spec.bootstrap(), spec.seed());
            } else {
                m = MorrisEffects.compute(unit, yo, k, n, spec.levels());
            }
            double[] low = new double[k];
            double[] high = new double[k];
            for (int i = 0; i < k; i++) {
                low[i] = y[o][oat + 1 + 2 * i];
                high[i] = y[o][oat + 2 + 2 * i];
            }
            results.add(new SensitivityResult.OutputIndices(spec.outputs().get(o).label(), s, m, y[o][oat], low, high));
        }
        return new SensitivityResult(spec.factors(), basePoint, spec.method(), n, results, trials.runs(),
                trials.failed(), trials.firstFailure());
    }
}
