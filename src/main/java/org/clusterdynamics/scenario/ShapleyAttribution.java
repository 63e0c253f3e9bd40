package org.clusterdynamics.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Shapley attribution of outcomes to 0/1 switches. The players are the switches; the value of a
 * coalition S is the outcome of the run with the switches in S at 1 and all others at 0. A switch's
 * Shapley value is its marginal effect averaged over every order in which the switches could be
 * turned on, so that interactions are shared out and the values add up to v(all on) - v(all off).
 *
 * <p>{@link Method#EXACT} runs all 2^n coalitions (one run each, reused for every switch);
 * {@link Method#SAMPLED} runs random orderings (n runs each, from the all-off run) and reports a
 * standard error. With parameter samples, the attribution is repeated for each sample (the same
 * coalitions or orderings each time) and the values' percentiles give uncertainty bands.
 */
public final class ShapleyAttribution {
    /** Exact enumeration needs 2^n runs: above this many switches, use sampling. */
    public static final int MAX_EXACT_SWITCHES = 18;

    private ShapleyAttribution() {}

    public enum Method { EXACT, SAMPLED }

    /**
     * What to attribute.
     *
     * @param switches label -> switch constant (0 = off, 1 = on), in report order
     * @param orderings random orderings per sample for {@link Method#SAMPLED} (ignored when exact)
     * @param parameters parameter samples for uncertainty bands, or null for none
     */
    public record Spec(Scenario base, Map<String, String> switches, List<Output> outcomes, Method method,
                       int orderings, long seed, Samples parameters) {
        public Spec {
            if (switches == null || switches.isEmpty()) {
                throw new IllegalArgumentException("Shapley attribution: no switch given; name the 0/1 switches to attribute to");
            }
            if (outcomes == null || outcomes.isEmpty()) {
                throw new IllegalArgumentException("Shapley attribution: no outcome given; name the variables to attribute");
            }
            if (new LinkedHashSet<>(switches.values()).size() != switches.size()) {
                throw new IllegalArgumentException("Shapley attribution: a switch is named twice; each mechanism needs its own switch");
            }
            if (method == Method.EXACT && switches.size() > MAX_EXACT_SWITCHES) {
                throw new IllegalArgumentException("Shapley attribution: exact enumeration of " + switches.size()
                        + " switches needs 2^" + switches.size() + " runs; use sampled orderings (method 'sampled') above "
                        + MAX_EXACT_SWITCHES + " switches");
            }
            if (method == Method.SAMPLED && orderings < 1) {
                throw new IllegalArgumentException("Shapley attribution: orderings must be at least 1, not " + orderings);
            }
            switches = new LinkedHashMap<>(switches);
            outcomes = List.copyOf(outcomes);
        }
    }

    /**
     * The result.
     *
     * @param values values[sample][switch][outcome]; sample 0 is the base scenario's parameters
     * @param errors standard errors of sampled values (0 when exact), same shape
     * @param allOn allOn[sample][outcome]; allOff likewise
     * @param oneAtATime v(all on) - v(all on but this switch), [sample][switch][outcome]
     * @param runs runs made in all
     */
    public record Result(String base, List<String> mechanisms, List<String> switches, List<Output> outcomes,
                         Method method, int orderings, int samples, int runs, double[][][] values, double[][][] errors,
                         double[][] allOn, double[][] allOff, double[][][] oneAtATime) {
        public Result {
            mechanisms = List.copyOf(mechanisms);
            switches = List.copyOf(switches);
            outcomes = List.copyOf(outcomes);
        }

        public int outcomeIndex(String name) {
            return Output.indexOf(outcomes, name);
        }

        /** Mechanism -> Shapley value of one outcome at the base parameters, in mechanism order. */
        public Map<String, Double> shapley(int outcome) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < mechanisms.size(); i++) {
                m.put(mechanisms.get(i), values[0][i][outcome]);
            }
            return m;
        }

        /** v(all on) - v(all off) at the base parameters: what the values add up to. */
        public double total(int outcome) {
            return allOn[0][outcome] - allOff[0][outcome];
        }

        /** Sum of the values minus the total effect (zero up to rounding when exact). */
        public double efficiencyGap(int outcome) {
            double s = 0;
            for (int i = 0; i < mechanisms.size(); i++) {
                s += values[0][i][outcome];
            }
            return s - total(outcome);
        }

        /** The p-th percentile (0-100) of a mechanism's value over the parameter samples (sample 0 excluded). */
        public double percentile(int mechanism, int outcome, double p) {
            if (samples <= 1) {
                return values[0][mechanism][outcome];
            }
            double[] xs = new double[samples - 1];
            for (int s = 1; s < samples; s++) {
                xs[s - 1] = values[s][mechanism][outcome];
            }
            return Percentiles.exact(xs, p);
        }

        /**
         * Share of parameter samples in which the {@code top} mechanisms with the largest absolute
         * value come in the same order as at the base parameters (1 without samples).
         */
        public double rankAgreement(int outcome, int top) {
            if (samples <= 1) {
                return 1;
            }
            int[] ref = ranking(0, outcome, top);
            int same = 0;
            for (int s = 1; s < samples; s++) {
                if (Arrays.equals(ref, ranking(s, outcome, top))) {
                    same++;
                }
            }
            return same / (double) (samples - 1);
        }

        private int[] ranking(int sample, int outcome, int top) {
            Integer[] idx = new Integer[mechanisms.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, (a, b) -> Double.compare(Math.abs(values[sample][b][outcome]),
                    Math.abs(values[sample][a][outcome])));
            int[] out = new int[Math.min(top, idx.length)];
            for (int i = 0; i < out.length; i++) {
                out[i] = idx[i];
            }
            return out;
        }

        /**
         * One row per mechanism and outcome: the Shapley value, its share of the total effect, its
         * standard error (sampled orderings), the one-at-a-time change (all on minus all on but
         * this one) and, with parameter samples, the 5th, 50th and 95th percentiles.
         */
        public Table table() {
            List<String> cols = new ArrayList<>(List.of("mechanism", "switch", "output", "shapley", "share of total %",
                    "std error", "one at a time", "all on", "all off"));
            if (samples > 1) {
                cols.addAll(List.of("p5", "p50", "p95"));
            }
            List<List<Object>> rows = new ArrayList<>();
            for (int k = 0; k < outcomes.size(); k++) {
                double tot = total(k);
                for (int i = 0; i < mechanisms.size(); i++) {
                    List<Object> row = new ArrayList<>(List.of(mechanisms.get(i), switches.get(i), outcomes.get(k).label(),
                            values[0][i][k], tot == 0 ? Double.NaN : 100 * values[0][i][k] / tot, errors[0][i][k],
                            oneAtATime[0][i][k], allOn[0][k], allOff[0][k]));
                    if (samples > 1) {
                        row.add(percentile(i, k, 5));
                        row.add(percentile(i, k, 50));
                        row.add(percentile(i, k, 95));
                    }
                    rows.add(row);
                }
            }
            return new Table(cols, rows);
        }
    }

    /** Runs the attribution on the runner's threads. */
    public static Result run(ScenarioModel sm, Spec spec, BatchRunner runner) {
        int n = spec.switches().size();
        List<String> labels = new ArrayList<>(spec.switches().keySet());
        List<String> names = new ArrayList<>(spec.switches().values());
        for (String s : names) {
            sm.check(new Change.Switch(s, true));
        }
        long full = (1L << n) - 1;
        // the coalitions to run, each once; their position in this list indexes the values
        LinkedHashMap<Long, Integer> index = new LinkedHashMap<>();
        int[][] orders = null;
        if (spec.method() == Method.EXACT) {
            for (long m = 0; m <= full; m++) {
                index.put(m, index.size());
            }
        } else {
            orders = orderings(n, spec.orderings(), spec.seed());
            index.put(0L, 0);
            for (int[] order : orders) {
                long m = 0;
                for (int j : order) {
                    m |= 1L << j;
                    index.putIfAbsent(m, index.size());
                }
            }
            for (int i = 0; i < n; i++) {
                index.putIfAbsent(full & ~(1L << i), index.size());
            }
        }
        long[] masks = index.keySet().stream().mapToLong(Long::longValue).toArray();
        int samples = 1 + (spec.parameters() == null ? 0 : spec.parameters().size());
        int coalitions = masks.length;
        PreparedRun base = sm.prepare(spec.base());
        List<String> vars = spec.outcomes().stream().map(Output::variable).distinct().toList();
        int[] slots = RunSeries.slots(base.compiled(), vars);
        List<Output> outs = spec.outcomes();
        double[][][] v = new double[samples][coalitions][outs.size()];
        runner.run("shapley", samples * coalitions, r -> {
            int s = r / coalitions;
            long m = masks[r % coalitions];
            Map<String, Double> set = new LinkedHashMap<>();
            if (s > 0) {
                set.putAll(spec.parameters().row(s - 1));
            }
            for (int i = 0; i < n; i++) {
                set.put(names.get(i), (m >> i & 1L) == 1L ? 1.0 : 0.0);
            }
            return base.withConstants(set, base.options().seed());
        }, (r, sim, run) -> RunSeries.record(sim, run, slots), (r, rs) -> {
            for (int k = 0; k < outs.size(); k++) {
                v[r / coalitions][r % coalitions][k] = outs.get(k).of(rs.times(),
                        rs.values()[vars.indexOf(outs.get(k).variable())]);
            }
        }, r -> describe(r / coalitions, masks[r % coalitions], names, spec.parameters()));

        double[][][] phi = new double[samples][n][outs.size()];
        double[][][] se = new double[samples][n][outs.size()];
        double[][][] oat = new double[samples][n][outs.size()];
        double[][] on = new double[samples][];
        double[][] off = new double[samples][];
        for (int s = 0; s < samples; s++) {
            double[][] vs = v[s];
            on[s] = vs[index.get(full)].clone();
            off[s] = vs[index.get(0L)].clone();
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < outs.size(); k++) {
                    oat[s][i][k] = on[s][k] - vs[index.get(full & ~(1L << i))][k];
                }
            }
            if (spec.method() == Method.EXACT) {
                exact(n, vs, phi[s]);
            } else {
                sampled(n, orders, index, vs, phi[s], se[s]);
            }
        }
        return new Result(spec.base().name(), labels, names, outs, spec.method(),
                spec.method() == Method.EXACT ? 0 : spec.orderings(), samples, samples * coalitions, phi, se, on, off, oat);
    }

    /** phi[i][k] = sum over coalitions S without i of |S|!(n-|S|-1)!/n! (v(S+i) - v(S)); v indexed by mask. */
    static void exact(int n, double[][] v, double[][] phi) {
        double[] weight = new double[n];
        for (int s = 0; s < n; s++) {
            weight[s] = factorial(s) * factorial(n - s - 1) / factorial(n);
        }
        for (int m = 0; m < v.length; m++) {
            int size = Integer.bitCount(m);
            for (int i = 0; i < n; i++) {
                if ((m >> i & 1) == 0) {
                    double w = weight[size];
                    double[] with = v[m | 1 << i];
                    double[] without = v[m];
                    for (int k = 0; k < with.length; k++) {
                        phi[i][k] += w * (with[k] - without[k]);
                    }
                }
            }
        }
    }

    private static void sampled(int n, int[][] orders, Map<Long, Integer> index, double[][] v, double[][] phi,
                                double[][] se) {
        int outs = phi[0].length;
        double[][] sum = new double[n][outs];
        double[][] sq = new double[n][outs];
        for (int[] order : orders) {
            long m = 0;
            for (int j : order) {
                double[] before = v[index.get(m)];
                m |= 1L << j;
                double[] after = v[index.get(m)];
                for (int k = 0; k < outs; k++) {
                    double d = after[k] - before[k];
                    sum[j][k] += d;
                    sq[j][k] += d * d;
                }
            }
        }
        int r = orders.length;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < outs; k++) {
                phi[i][k] = sum[i][k] / r;
                double var = r > 1 ? Math.max(0, (sq[i][k] - r * phi[i][k] * phi[i][k]) / (r - 1)) : 0;
                se[i][k] = Math.sqrt(var / r);
            }
        }
    }

    /** Random orderings of 0..n-1 (Fisher-Yates), the same for a given seed. */
    static int[][] orderings(int n, int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[][] out = new int[count][];
        for (int c = 0; c < count; c++) {
            out[c] = Samples.permutation(n, rnd);
        }
        return out;
    }

    private static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }

    private static String describe(int sample, long mask, List<String> names, Samples parameters) {
        List<String> on = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if ((mask >> i & 1L) == 1L) {
                on.add(names.get(i));
            }
        }
        String who = on.isEmpty() ? "every switch off" : on.size() == names.size() ? "every switch on"
                : "on: " + String.join(", ", on);
        return sample == 0 ? who : who + "; " + parameters.describe(sample - 1);
    }
}
