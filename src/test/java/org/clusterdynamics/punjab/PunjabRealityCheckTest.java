package org.clusterdynamics.punjab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.Variable;
import org.clusterdynamics.punjab.PunjabScenarios.Scenario;
import org.clusterdynamics.sim.Results;
import org.junit.jupiter.api.Test;

/**
 * Extreme-condition tests of the second edition: each sets a condition from the start of the run
 * and checks the behaviour a reader would expect. Every run must also finish (the simulator stops
 * with an error on NaN or infinity) with no stock below zero.
 */
class PunjabRealityCheckTest {

    private static Results run(String name, Map<String, Double> constants) {
        Results r = PunjabModel.run(new Scenario(name, name, constants));
        noStockNegative(name, r);
        return r;
    }

    private static void noStockNegative(String name, Results r) {
        List<String> stocks = new ArrayList<>();
        for (Variable v : PunjabModel.model().variables()) {
            if (v instanceof Stock) {
                stocks.add(v.name().asWritten());
            }
        }
        for (String col : r.names()) {
            String base = col.contains("[") ? col.substring(0, col.indexOf('[')) : col;
            if (stocks.contains(base)) {
                for (double x : r.column(col)) {
                    assertFalse(x < -1e-9, name + ": " + col + " goes negative (" + x + ")");
                    assertTrue(Double.isFinite(x), name + ": " + col + " is not finite");
                }
            }
        }
    }

    private static double max(Results r, String name) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : r.column(name)) {
            m = Math.max(m, x);
        }
        return m;
    }

    @Test
    void zeroDemandFromTheStartRunsWithoutNaNAndNoFirmEnters() {
        Results r = run("zero-demand", Map.of("SEU per Pump Set", 0.0, "SEU per Tractor", 0.0,
                "Traditional Equipment Demand", 0.0));
        assertEquals(0, max(r, "Total Sales"), 0, "nothing is sold");
        assertEquals(0, max(r, "Firm Entry[Daska]"), 0, "no spin-off without orders");
        assertTrue(max(r, "Firms") <= r.valueAt("Firms", 1955) + 1e-9, "firms never exceed the founders");
        assertEquals(0, max(r, "Vendors"), 0, "no vendors without component demand");
        // only the three traditional items, plus the designs Daska's extension service hands out from 1990
        assertEquals(3, r.valueAt("Products Mastered", 1989), 0.01, "no new products without demand before extension");
        assertTrue(r.valueAt("Products Mastered", 2000) < 10, "few products without demand");
    }

    @Test
    void aHugeVendorMinimumScaleLeavesNoVendors() {
        Results r = run("huge-mes", Map.of("Vendor MES", 1e9));
        assertEquals(0, max(r, "Vendors"), 0);
        assertEquals(1, r.valueAt("Integrated Share", 1994), 1e-12, "every locally made part is made in house");
    }

    @Test
    void copyingLagZeroAndVeryLarge() {
        Results base = PunjabModel.run(PunjabScenarios.BASELINE);
        Results zero = run("lag-0", Map.of("Clustered Copying Lag", 0.0, "Isolated Copying Lag", 0.0));
        Results huge = run("lag-1e6", Map.of("Clustered Copying Lag", 1e6, "Isolated Copying Lag", 1e6));
        // immediate copying: no rent, little effort; everything launched is common at once
        assertTrue(zero.valueAt("Average Leader Effort", 1994) < 0.5 * base.valueAt("Average Leader Effort", 1994),
                "rents vanish with instant copying");
        assertTrue(zero.valueAt("Exclusive Products", 1994) < 0.1, "nothing stays exclusive");
        // no copying: full rents, nothing spreads to followers through copying
        assertTrue(huge.valueAt("Average Leader Effort", 1994) > base.valueAt("Average Leader Effort", 1994));
        assertEquals(3, huge.valueAt("Common Products", 2000), 0.01, "no design becomes common");
        assertTrue(huge.valueAt("Average Follower Capability", 1994) < base.valueAt("Average Follower Capability", 1994));
    }

    @Test
    void dutyZeroAndAThousandPercent() {
        Results base = PunjabModel.run(PunjabScenarios.BASELINE);
        Results free = run("duty-0", Map.of("Import Duty", 0.0, "Component Import Duty", 0.0));
        Results wall = run("duty-1000", Map.of("Import Duty", 10.0, "Component Import Duty", 10.0));
        assertTrue(free.valueAt("Local Market Share", 1994) < base.valueAt("Local Market Share", 1994));
        assertTrue(wall.valueAt("Local Market Share", 1994) > base.valueAt("Local Market Share", 1994));
        assertTrue(wall.valueAt("Local Market Share", 1994) <= 1 + 1e-9);
        // imported parts cost ten times their world price: unit cost rises although sales and learning grow
        assertTrue(wall.valueAt("Imported Component Price", 1994) > 5 * base.valueAt("Imported Component Price", 1994));
        assertTrue(free.valueAt("Alternative Price", 1994) < base.valueAt("Alternative Price", 1994));
    }

    @Test
    void ampleCapacityMeetsEveryOrder() {
        Results r = run("ample-capacity", Map.of("Output per Worker", 1e6));
        for (double t = 1956; t <= 2000; t += 4) {
            double demand = 0;
            for (String town : List.of("Daska", "MianChannun", "Gujranwala", "Faisalabad", "Okara", "Multan", "Sargodha",
                    "Sahiwal")) {
                demand += r.valueAt("Cluster Demand[" + town + "]", t);
            }
            assertEquals(demand, r.valueAt("Total Sales", t), 1e-9 * Math.max(1, demand), "sales meet orders in " + t);
        }
    }

    @Test
    void noTrustKeepsFacilitatedMechanismsSilent() {
        Results none = run("no-trust", Map.of("Base Trust", 0.0));
        assertEquals(0, max(none, "Trust"), 1e-12, "trust stays at zero without a programme");
        Results noIV = PunjabModel.run(new Scenario("no-trust-no-IV", "", Map.of("Base Trust", 0.0, "Switch IVa", 0.0,
                "Switch IVb", 0.0, "Switch IVc", 0.0, "Switch IIa", 0.0)));
        for (String v : PunjabModel.OUTPUTS) {
            assertEquals(noIV.valueAt(v, 1994), none.valueAt(v, 1994), 1e-9 * Math.max(1, Math.abs(noIV.valueAt(v, 1994))),
                    v + ": with no trust, the trust-weighted channels do nothing");
        }
    }

    @Test
    void noSkilledWorkersNoSpinOffs() {
        Results r = run("no-skills", Map.of("Initial Skilled Workers", 0.0, "Historical Training Graduates", 0.0,
                "Own Training Rate", 0.0, "Cluster Training Rate", 0.0, "Cooperative Training Rate", 0.0));
        assertEquals(0, max(r, "Skilled Workers"), 0);
        assertEquals(0, max(r, "Firm Entry[Daska]"), 0, "no spin-offs without skilled workers");
        assertTrue(r.valueAt("Firms", 2000) < r.valueAt("Firms", 1955) + 1e-9);
    }

    @Test
    void theCopyingLagTradeOffArisesFromStructure() {
        // sweep the clustered copying lag: longer lags raise leaders' effort (rents) and slow followers' copying
        double[] lags = {0.05, 0.2, 0.55, 1.2, 2, 4, 10};
        double[] effort = new double[lags.length];
        double[] capability = new double[lags.length];
        for (int i = 0; i < lags.length; i++) {
            Results r = run("lag-" + lags[i], Map.of("Clustered Copying Lag", lags[i],
                    "Isolated Copying Lag", Math.max(3, lags[i])));
            effort[i] = r.valueAt("Average Leader Effort", 1994);
            capability[i] = r.valueAt("Average Capability", 1994);
        }
        for (int i = 1; i < lags.length; i++) {
            assertTrue(effort[i] > effort[i - 1], "leaders' effort rises with the lag: " + java.util.Arrays.toString(effort));
        }
        int best = 0;
        for (int i = 1; i < lags.length; i++) {
            if (capability[i] > capability[best]) {
                best = i;
            }
        }
        assertTrue(best > 0 && best < lags.length - 1, "capability peaks at an interior lag: "
                + java.util.Arrays.toString(capability));
    }
}
