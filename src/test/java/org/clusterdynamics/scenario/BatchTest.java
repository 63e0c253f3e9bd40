package org.clusterdynamics.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.diag.ModelException;
import org.junit.jupiter.api.Test;

class BatchTest {
    private final ScenarioModel sm = new ScenarioModel(TestModels.cluster());

    private static BatchRunner threads(int n) {
        return new BatchRunner(n, Progress.NONE, new CancelToken());
    }

    @Test
    void gridSweepRunsEveryCombinationInOrder() {
        Map<String, double[]> grid = new LinkedHashMap<>();
        grid.put("Copying Lag", new double[] {0.5, 1, 2});
        grid.put("Spinoff Rate", new double[] {0.05, 0.1});
        Samples s = Samples.grid(grid);
        assertEquals(6, s.size());
        assertEquals(Map.of("Copying Lag", 0.5, "Spinoff Rate", 0.1), s.row(1));
        SweepResult r = ParameterSweep.run(sm, sm.baseline(), s,
                List.of(Output.at("Exclusive Products", 10), Output.finalValue("Firms")), List.of("Firms"), threads(2));
        double[] excl = r.output("Exclusive Products @ 10");
        assertTrue(excl[4] > excl[2] && excl[2] > excl[0], "longer lags keep more products exclusive");
        double[] firms = r.output("Firms");
        assertTrue(firms[1] > firms[0], "a higher spin-off rate gives more firms");
        assertEquals(r.series()[0][3][r.times().length - 1], firms[3]);
        Table t = r.table();
        assertEquals(List.of("run", "Copying Lag", "Spinoff Rate", "Exclusive Products @ 10", "Firms (final)"),
                t.columns());
        assertEquals(2.0, t.number(5, "Copying Lag"));
    }

    @Test
    void sweepGivesTheSameOutputsOnOneAndTwoThreads() {
        Map<String, Distribution> d = new LinkedHashMap<>();
        d.put("Copying Lag", new Distribution.Uniform(0.5, 3));
        d.put("Spinoff Rate", new Distribution.Triangular(0.05, 0.1, 0.2));
        Samples s = Samples.latinHypercube(d, 40, 7);
        List<Output> outs = List.of(Output.finalValue("Products Mastered"));
        SweepResult one = ParameterSweep.run(sm, sm.baseline(), s, outs, List.of(), threads(1));
        SweepResult two = ParameterSweep.run(sm, sm.baseline(), s, outs, List.of(), threads(2));
        assertArrayEquals(one.output("Products Mastered"), two.output("Products Mastered"));
    }

    @Test
    void latinHypercubeUsesEveryStratumOnce() {
        Samples s = Samples.latinHypercube(Map.of("a", new Distribution.Uniform(0, 10)), 10, 3);
        boolean[] seen = new boolean[10];
        for (int i = 0; i < 10; i++) {
            seen[(int) Math.floor(s.value(i, 0))] = true;
        }
        for (boolean b : seen) {
            assertTrue(b);
        }
        double[] again = new double[10];
        Samples s2 = Samples.latinHypercube(Map.of("a", new Distribution.Uniform(0, 10)), 10, 3);
        for (int i = 0; i < 10; i++) {
            again[i] = s2.value(i, 0);
        }
        assertEquals(s.value(7, 0), again[7], "same seed, same design");
    }

    @Test
    void sweepOfAnUnknownParameterFailsBeforeRunning() {
        Samples s = Samples.grid(Map.of("Copy Lag", new double[] {1, 2}));
        ModelException e = assertThrows(ModelException.class, () -> ParameterSweep.run(sm, sm.baseline(), s,
                List.of(Output.finalValue("Firms")), List.of(), threads(1)));
        assertTrue(e.getMessage().contains("Copying Lag"), e.getMessage());
    }

    @Test
    void failingRunIsNamedWithItsParameters() {
        Samples s = Samples.grid(Map.of("Copying Lag", new double[] {1, 0}));
        ModelException e = assertThrows(ModelException.class, () -> ParameterSweep.run(sm, sm.baseline(), s,
                List.of(Output.finalValue("Firms")), List.of(), threads(2)));
        assertTrue(e.getMessage().contains("run 2 of 2 of sweep (Copying Lag = 0)"), e.getMessage());
    }

    private MonteCarloResult monteCarlo(int threads, long exactLimit) {
        Map<String, Distribution> d = new LinkedHashMap<>();
        d.put("Copying Lag", new Distribution.LogNormal(1, 0.3));
        d.put("Noise Level", new Distribution.Uniform(0, 2));
        MonteCarlo.Spec spec = new MonteCarlo.Spec(sm.baseline(), Samples.random(d, 300, 42), 42,
                List.of("Products Mastered", "Noisy Products"), new double[] {5, 50, 95}, exactLimit);
        return MonteCarlo.run(sm, spec, threads(threads));
    }

    @Test
    void monteCarloIsIdenticalOnOneAndTwoThreads() {
        MonteCarloResult a = monteCarlo(1, MonteCarlo.DEFAULT_EXACT_LIMIT);
        MonteCarloResult b = monteCarlo(2, MonteCarlo.DEFAULT_EXACT_LIMIT);
        assertTrue(a.exact());
        for (int v = 0; v < 2; v++) {
            for (int k = 0; k < 3; k++) {
                assertArrayEquals(a.percentileValues()[v][k], b.percentileValues()[v][k]);
            }
            assertArrayEquals(a.mean()[v], b.mean()[v]);
        }
        double[] p5 = a.percentileSeries("Noisy Products").get(5.0);
        double[] p95 = a.percentileSeries("Noisy Products").get(95.0);
        int last = p5.length - 1;
        assertTrue(p95[last] - p5[last] > 5, "noise and its uncertain level spread the outcome");
        Map<String, Double> at = a.at("Noisy Products", 20);
        assertEquals(p95[last], at.get("p95"));
    }

    @Test
    void streamingPercentilesAreCloseToExactOnesAndAlsoDeterministic() {
        MonteCarloResult exact = monteCarlo(2, MonteCarlo.DEFAULT_EXACT_LIMIT);
        MonteCarloResult sketch = monteCarlo(2, 0);
        MonteCarloResult sketch1 = monteCarlo(1, 0);
        assertFalse(sketch.exact());
        int last = exact.times().length - 1;
        double sd = exact.sd()[1][last];
        for (int k = 0; k < 3; k++) {
            assertEquals(exact.percentileValues()[1][k][last], sketch.percentileValues()[1][k][last], 0.25 * sd);
            assertArrayEquals(sketch.percentileValues()[1][k], sketch1.percentileValues()[1][k]);
        }
    }

    @Test
    void exactPercentilesInterpolateBetweenOrderStatistics() {
        assertEquals(2.5, Percentiles.exact(new double[] {4, 1, 3, 2}, 50));
        assertEquals(1.0, Percentiles.exact(new double[] {4, 1, 3, 2}, 0));
        assertEquals(4.0, Percentiles.exact(new double[] {4, 1, 3, 2}, 100));
        assertEquals(1.3, Percentiles.exact(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3), 1e-12);
        Percentiles.Sketch s = new Percentiles.Sketch(50);
        for (double x : new double[] {3, 1, 2}) {
            s.add(x);
        }
        assertEquals(2.0, s.value());
    }

    @Test
    void sketchTracksAMedianOfManyValues() {
        Percentiles.Sketch s = new Percentiles.Sketch(90);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            s.add(rng.nextDouble());
        }
        assertEquals(0.9, s.value(), 0.01);
    }

    @Test
    void distributionsHaveTheirQuantiles() {
        assertEquals(0.0, Distribution.Normal.of(0, 1).quantile(0.5), 1e-9);
        assertEquals(1.6449, Distribution.Normal.of(0, 1).quantile(0.95), 1e-3);
        Distribution.Normal trunc = new Distribution.Normal(0, 1, 0, Double.POSITIVE_INFINITY);
        assertTrue(trunc.quantile(0.01) >= 0);
        assertEquals(0.6745, trunc.quantile(0.5), 1e-3, "median of a half-normal");
        assertEquals(10.0, new Distribution.LogUniform(1, 100).quantile(0.5), 1e-9);
        assertEquals(2.0, new Distribution.Triangular(1, 2, 3).quantile(0.5), 1e-12);
        assertEquals(30.0, new Distribution.Choice(new double[] {10, 20, 30}, null).quantile(0.9));
        // the log-normal keeps the mean it was given
        Distribution.LogNormal ln = new Distribution.LogNormal(2, 0.5);
        double sum = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            sum += ln.quantile((i + 0.5) / n);
        }
        assertEquals(2.0, sum / n, 0.01);
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Uniform(2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Triangular(1, 5, 3));
    }

    @Test
    void attributionReportsTheChangeOfEachMechanism() {
        Map<String, String> mech = new LinkedHashMap<>();
        mech.put("spin-offs", "Switch Spinoffs");
        MechanismAttribution.Result r = MechanismAttribution.run(sm, sm.baseline(), mech,
                List.of(Output.finalValue("Firms")), threads(2));
        double base = sm.run(sm.baseline()).finalValue("Firms");
        double off = sm.run(sm.apply(sm.baseline(), new Change.Switch("Switch Spinoffs", false))).finalValue("Firms");
        assertEquals(off - base, r.changes(0).get("spin-offs"), 1e-9);
        Table t = r.table();
        assertEquals(off - base, t.number(0, "change"), 1e-9);
    }

    @Test
    void comparisonHasDifferencesAndRatiosAgainstTheBase() {
        Scenario lag = sm.apply(Scenario.of("lag2"), new Change.SetValue("Copying Lag", 2));
        List<org.clusterdynamics.sim.Results> rs = sm.runAll(List.of(sm.baseline(), lag), threads(2));
        Map<String, org.clusterdynamics.sim.Results> m = new LinkedHashMap<>();
        m.put("baseline", rs.get(0));
        m.put("lag2", rs.get(1));
        Table t = Comparison.table(m, List.of("exclusive products"), new double[] {5, 20}, "baseline");
        assertEquals(List.of("variable", "units", "time", "baseline", "lag2", "lag2 - baseline", "lag2 / baseline"),
                t.columns());
        assertEquals("Exclusive Products", t.rows().get(0).get(0));
        double b = rs.get(0).valueAt("Exclusive Products", 20);
        double l = rs.get(1).valueAt("Exclusive Products", 20);
        assertEquals(l - b, t.number(1, "lag2 - baseline"), 1e-12);
        assertEquals(l / b, t.number(1, "lag2 / baseline"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Comparison.table(m, List.of("Firms"), null, "base"));
    }

    @Test
    void cancelledBatchStops() {
        CancelToken token = new CancelToken();
        List<Integer> done = new ArrayList<>();
        BatchRunner r = new BatchRunner(2, Progress.NONE, token);
        PreparedRun p = sm.prepare(sm.baseline());
        assertThrows(CancelToken.Cancelled.class, () -> r.run("test", 1000, i -> p,
                (i, sim, run) -> {
                    if (i == 5) {
                        token.cancel("time is up");
                    }
                    return i;
                }, (i, v) -> done.add(v), null));
        assertTrue(done.size() < 1000);
    }

    @Test
    void progressIsReportedInOrder() {
        List<Integer> seen = new ArrayList<>();
        Progress p = (label, d, total) -> seen.add(d);
        new BatchRunner(2, p, null).run("x", 5, i -> sm.prepare(sm.baseline()), (i, sim, run) -> i, (i, v) -> { }, null);
        assertEquals(List.of(0, 1, 2, 3, 4, 5), seen);
    }

    @Test
    void terminalProgressStaysQuietForShortBatchesAndReportsLongOnes() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        long[] now = {0};
        TerminalProgress tp = new TerminalProgress(new java.io.PrintStream(bytes, true), false, 1000, () -> now[0]);
        tp.update("quick", 0, 10);
        now[0] = 500;
        tp.update("quick", 10, 10);
        tp.end("quick");
        assertEquals("", bytes.toString());
        tp.update("sweep", 0, 100);
        now[0] = 1500;
        tp.update("sweep", 10, 100);
        now[0] = 3500;
        tp.update("sweep", 50, 100);
        tp.end("sweep");
        assertTrue(bytes.toString().contains("sweep: 50/100 runs (50%), 3 s, about 3 s left"), bytes.toString());
    }

    @Test
    void timeLeftIsEstimatedFromRunsAfterTheSlowFirstOnesAndSmoothed() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        long[] now = {0};
        TerminalProgress tp = new TerminalProgress(new java.io.PrintStream(bytes, true), false, 1000, () -> now[0]);
        // a 13 s job: the first run takes 10 s (compiling, warming up), the other 999 take 3 ms each
        tp.update("monte carlo", 0, 1000);
        now[0] = 10_000;
        tp.update("monte carlo", 1, 1000);
        assertTrue(bytes.toString().contains("monte carlo: 1/1000 runs (0%), 10 s") && !bytes.toString().contains(
                "left"), "no estimate from the first run alone: " + bytes);
        for (int done = 2; done <= 1000; done++) {
            now[0] += 3;
            tp.update("monte carlo", done, 1000);
        }
        tp.end("monte carlo");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("about (\\d+) s left").matcher(bytes.toString());
        int estimates = 0;
        while (m.find()) {
            estimates++;
            assertTrue(Integer.parseInt(m.group(1)) <= 3, "a sensible time left: " + bytes);
        }
        assertTrue(estimates > 0, bytes.toString());
        assertFalse(bytes.toString().contains("min"), bytes.toString());
    }
}
