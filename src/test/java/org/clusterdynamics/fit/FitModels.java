package org.clusterdynamics.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModelBuilder;
import org.clusterdynamics.scenario.Scenario;
import org.clusterdynamics.scenario.ScenarioModel;
import org.clusterdynamics.sim.Results;

/** Small models with known parameters for calibration tests, and data made from them. */
final class FitModels {
    private FitModels() {}

    /** X' = -k X, X(0) = X0: X0 = 100, k = 0.3 in the model; RK4 with a small step, close to the closed form. */
    static Model decay() {
        return ModelBuilder.xmile().name("decay").time(0, 10, 0.01).saveStep(0.5).method(Method.RK4)
                .stock("X", "X0", List.of(), List.of("Decay"))
                .flow("Decay", "k * X")
                .aux("k", "0.5")
                .aux("X0", "80")
                .build();
    }

    /** SIR epidemic: Contact Rate 0.6, Recovery Rate 0.2, Initial Infected 5 of 1000 people (Euler, dt 0.25). */
    static Model sir() {
        return ModelBuilder.xmile().name("sir").time(0, 100, 0.25).saveStep(1)
                .stock("Susceptible", "Population - Initial_Infected", List.of(), List.of("Infection"))
                .stock("Infected", "Initial_Infected", List.of("Infection"), List.of("Recovery"))
                .stock("Recovered", "0", List.of("Recovery"), List.of())
                .flow("Infection", "Contact_Rate * Susceptible * Infected / Population")
                .flow("Recovery", "Recovery_Rate * Infected")
                .aux("Contact Rate", "0.6")
                .aux("Recovery Rate", "0.2")
                .aux("Initial Infected", "5")
                .aux("Population", "1000")
                .build();
    }

    /** Bass diffusion: Innovation 0.01, Imitation 0.4, Market Size 5000 (Euler, dt 0.125). */
    static Model bass() {
        return ModelBuilder.xmile().name("bass").time(0, 30, 0.125).saveStep(1)
                .stock("Adopters", "0", List.of("Adoption"), List.of())
                .flow("Adoption", "(Innovation + Imitation * Adopters / Market_Size) * (Market_Size - Adopters)")
                .aux("Innovation", "0.01")
                .aux("Imitation", "0.4")
                .aux("Market Size", "5000")
                .build();
    }

    /**
     * Data of one variable from a run with the given constants, every {@code every} saved rows, with
     * normal noise of standard deviation {@code sd} (none when 0).
     */
    static ObservedData data(Model m, Map<String, Double> truth, String variable, int every, double sd, long seed) {
        ScenarioModel sm = new ScenarioModel(m);
        Scenario s = Scenario.of("truth");
        for (Map.Entry<String, Double> e : truth.entrySet()) {
            s = s.with(new org.clusterdynamics.scenario.Change.SetValue(e.getKey(), e.getValue()));
        }
        Results r = sm.run(s);
        double[] t = r.times();
        double[] v = r.column(variable);
        int n = (t.length + every - 1) / every;
        double[] times = new double[n];
        double[] vals = new double[n];
        Random rng = new Random(seed);
        for (int i = 0; i < n; i++) {
            times[i] = t[i * every];
            vals[i] = v[i * every] + (sd > 0 ? sd * rng.nextGaussian() : 0);
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put(variable, vals);
        return new ObservedData("data.csv", times, cols);
    }
}
