package org.clusterdynamics.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.scenario.BatchRunner;
import org.clusterdynamics.scenario.Scenario;
import org.clusterdynamics.scenario.ScenarioModel;
import org.junit.jupiter.api.Test;

/** Known parameters are recovered from data made with them, noise-free exactly and noisy within the 95% intervals. */
class CalibrationTest {
    private static final BatchRunner RUNNER = new BatchRunner(2, null, null);

    @Test
    void exponentialDecayFromItsClosedFormIsRecoveredTo1e6() {
        double[] t = new double[21];
        double[] x = new double[21];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * 0.5;
            x[i] = 100 * Math.exp(-0.3 * t[i]);
        }
        ObservedData d = new ObservedData("decay.csv", t, Map.of("X", x));
        ScenarioModel sm = new ScenarioModel(FitModels.decay());
        CalibrationResult r = Calibration.run(sm, Calibration.Spec.of(Scenario.of("base"), d,
                List.of(new FitParameter("k", 0.01, 2), new FitParameter("X0", 1, 1000))), RUNNER, null);
        System.out.println("decay: " + r.values() + " sum " + r.objective());
        assertEquals(0.3, r.fitted()[0], 1e-6 * 0.3);
        assertEquals(100, r.fitted()[1], 1e-6 * 100);
        assertEquals(0, r.failedRuns());
        assertTrue(r.variables().get(0).fit().r2() > 0.999999);
    }

    private static Map<String, Double> truthSir() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("Contact Rate", 0.5);
        m.put("Recovery Rate", 0.15);
        m.put("Initial Infected", 8.0);
        return m;
    }

    private static final List<FitParameter> SIR_FIT = List.of(new FitParameter("Contact Rate", 0.1, 2),
            new FitParameter("Recovery Rate", 0.01, 1), new FitParameter("Initial Infected", 0.5, 50));

    @Test
    void sirWithoutNoiseIsRecovered() {
        ObservedData d = FitModels.data(FitModels.sir(), truthSir(), "Infected", 1, 0, 1);
        CalibrationResult r = Calibration.run(new ScenarioModel(FitModels.sir()),
                Calibration.Spec.of(Scenario.of("base"), d, SIR_FIT).withProfile(false), RUNNER, null);
        System.out.println("sir noise-free: " + r.values());
        assertRecovered(r, truthSir(), 1e-6);
    }

    @Test
    void sirWithNoiseHasTheTrueValuesInsideBothIntervals() {
        ObservedData d = FitModels.data(FitModels.sir(), truthSir(), "Infected", 1, 5, 42);
        CalibrationResult r = Calibration.run(new ScenarioModel(FitModels.sir()),
                Calibration.Spec.of(Scenario.of("base"), d, SIR_FIT), RUNNER, null);
        System.out.println("sir noisy:\n" + r.summary());
        assertInside(r, truthSir());
    }

    private static Map<String, Double> truthBass() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("Innovation", 0.02);
        m.put("Imitation", 0.35);
        m.put("Market Size", 4000.0);
        return m;
    }

    private static final List<FitParameter> BASS_FIT = List.of(new FitParameter("Innovation", 0.001, 0.1),
            new FitParameter("Imitation", 0.05, 1), new FitParameter("Market Size", 1000, 20000));

    @Test
    void bassWithoutNoiseIsRecovered() {
        ObservedData d = FitModels.data(FitModels.bass(), truthBass(), "Adopters", 1, 0, 1);
        CalibrationResult r = Calibration.run(new ScenarioModel(FitModels.bass()),
                Calibration.Spec.of(Scenario.of("base"), d, BASS_FIT).withProfile(false), RUNNER, null);
        System.out.println("bass noise-free: " + r.values());
        assertRecovered(r, truthBass(), 1e-6);
    }

    @Test
    void bassWithNoiseHasTheTrueValuesInsideBothIntervals() {
        ObservedData d = FitModels.data(FitModels.bass(), truthBass(), "Adopters", 1, 40, 7);
        CalibrationResult r = Calibration.run(new ScenarioModel(FitModels.bass()),
                Calibration.Spec.of(Scenario.of("base"), d, BASS_FIT).withPayoff(Payoff.GAUSSIAN)
                        .withWeights(Map.of("Adopters", 1 / 40.0)), RUNNER, null);
        System.out.println("bass noisy:\n" + r.summary());
        assertInside(r, truthBass());
    }

    private static void assertRecovered(CalibrationResult r, Map<String, Double> truth, double rel) {
        truth.forEach((k, v) -> assertEquals(v, r.fitted()[r.index(k)], rel * Math.abs(v), k));
    }

    private static void assertInside(CalibrationResult r, Map<String, Double> truth) {
        truth.forEach((k, v) -> {
            int j = r.index(k);
            assertTrue(r.waldLo()[j] <= v && v <= r.waldHi()[j], k + " " + v + " outside the covariance interval "
                    + r.waldLo()[j] + ".." + r.waldHi()[j]);
            assertTrue(r.profileLo()[j] <= v && v <= r.profileHi()[j], k + " " + v + " outside the profile interval "
                    + r.profileLo()[j] + ".." + r.profileHi()[j]);
            assertTrue(r.waldHi()[j] - r.waldLo()[j] < 0.5 * Math.abs(v), k + ": the interval is informative");
        });
    }

    @Test
    void aConstantTheDataCannotBoundHasItsProfileIntervalStopAtTheRange() {
        // the population barely changes the epidemic over 999..1001: its interval reaches both ends
        ObservedData d = FitModels.data(FitModels.sir(), truthSir(), "Infected", 1, 5, 42);
        CalibrationResult r = Calibration.run(new ScenarioModel(FitModels.sir()), Calibration.Spec.of(
                Scenario.of("base"), d, List.of(new FitParameter("Contact Rate", 0.1, 2),
                        new FitParameter("Population", 999, 1001))), RUNNER, null);
        int j = r.index("Population");
        assertTrue(r.profileAtBound()[j][0] && r.profileAtBound()[j][1], r.summary());
        assertEquals(999, r.profileLo()[j], 0);
        assertEquals(1001, r.profileHi()[j], 0);
        assertTrue(r.parametersTable().format().contains("lower upper"), r.summary());
    }

    @Test
    void severalStartsAndCmaesFindTheSameOptimum() {
        ObservedData d = FitModels.data(FitModels.bass(), truthBass(), "Adopters", 1, 0, 1);
        Calibration.Spec spec = Calibration.Spec.of(Scenario.of("base"), d, BASS_FIT).withProfile(false);
        CalibrationResult multi = Calibration.run(new ScenarioModel(FitModels.bass()), spec.withStarts(3, 9), RUNNER,
                null);
        CalibrationResult global = Calibration.run(new ScenarioModel(FitModels.bass()),
                spec.withMethod(Calibration.Method.CMAES), RUNNER, null);
        assertRecovered(multi, truthBass(), 1e-6);
        assertRecovered(global, truthBass(), 1e-6);
    }

    @Test
    void aPoissonFitOfCountsRecoversTheRate() {
        // daily new adopters of the Bass model as counts, fitted with the Poisson payoff
        Map<String, Double> truth = truthBass();
        ObservedData d = FitModels.data(FitModels.bass(), truth, "Adoption", 1, 0, 1);
        double[] counts = d.column("Adoption");
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.round(counts[i]);
        }
        ObservedData rounded = new ObservedData("counts.csv", d.times(), Map.of("Adoption", counts));
        CalibrationResult r = Calibration.run(new ScenarioModel(FitModels.bass()), Calibration.Spec.of(
                Scenario.of("base"), rounded, BASS_FIT).withPayoff(Payoff.POISSON), RUNNER, null);
        assertInside(r, truth);
        assertTrue(r.payoffValue() < 0 && !r.scaleEstimated(), "a log-likelihood with a known scale");
    }
}
