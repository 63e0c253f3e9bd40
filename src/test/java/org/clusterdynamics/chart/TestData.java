package org.clusterdynamics.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.sim.Results;

/** Small closed-form results (logistic growth) for chart tests. */
final class TestData {
    private TestData() {}

    /** Logistic adoption from 2020 to 2050 in quarter-year steps, with a given growth rate. */
    static Results logistic(double rate, double capacity) {
        int n = 121;
        double[] t = new double[n];
        double[] firms = new double[n];
        double[] jobs = new double[n];
        double[] wage = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 2020 + i * 0.25;
            double x = t[i] - 2020;
            firms[i] = capacity / (1 + (capacity / 10 - 1) * Math.exp(-rate * x));
            jobs[i] = firms[i] * 42.5;
            wage[i] = 3100 + 8 * x + 40 * Math.sin(x / 2);
        }
        return new Results(t, List.of("Cluster Firms", "Employment", "average_wage"),
                new double[][] {firms, jobs, wage},
                Map.of("Cluster Firms", "firms", "Employment", "people", "average_wage", "EUR/month"));
    }

    static Map<String, Results> scenarios() {
        Map<String, Results> m = new LinkedHashMap<>();
        m.put("Baseline", logistic(0.15, 400));
        m.put("Innovation subsidy", logistic(0.22, 480));
        m.put("Skills programme", logistic(0.18, 520));
        return m;
    }
}
