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

    /** Percentiles of a lognormal spread around logistic growth, widening with time. */
    static PercentileSeries fan() {
        Results r = logistic(0.18, 450);
        double[] t = r.times();
        double[] med = r.column("Employment");
        Map<Double, double[]> m = new LinkedHashMap<>();
        double[][] z = {{5, -1.645}, {25, -0.674}, {50, 0}, {75, 0.674}, {95, 1.645}};
        for (double[] pz : z) {
            double[] v = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                v[i] = med[i] * Math.exp(pz[1] * 0.04 * Math.sqrt(t[i] - 2020) * 2);
            }
            m.put(pz[0], v);
        }
        return PercentileSeries.of("Employment", t, m);
    }

    static Attribution attribution() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("Knowledge spillovers", -2450.0);
        m.put("Labour pooling", -1320.5);
        m.put("Congestion of land and housing", 870.0);
        m.put("Supplier networks", -615.0);
        m.put("Wage competition", 240.0);
        return new Attribution("Employment", "people", m);
    }

    static Sweep sweep() {
        double[] rate = {0.3, 0.0, 0.1, 0.2, 0.4, 0.5};
        double[] jobs = new double[rate.length];
        double[] firms = new double[rate.length];
        for (int i = 0; i < rate.length; i++) {
            jobs[i] = 12000 + 15000 * rate[i] - 9000 * rate[i] * rate[i];
            firms[i] = 11000 + 9000 * rate[i];
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("Employment in 2050", jobs);
        m.put("Employment in 2040", firms);
        return new Sweep("subsidy rate", "1/year", "Employment", "people", rate, m);
    }

    static Map<String, Results> scenarios() {
        Map<String, Results> m = new LinkedHashMap<>();
        m.put("Baseline", logistic(0.15, 400));
        m.put("Innovation subsidy", logistic(0.22, 480));
        m.put("Skills programme", logistic(0.18, 520));
        return m;
    }
}
