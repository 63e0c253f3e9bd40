package org.clusterdynamics.punjab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenarios of models/punjab-clusters.xmile as data: each is a named set of constant values
 * (documented in models/punjab-clusters.md), so that a script layer can replay them unchanged.
 */
final class PunjabScenarios {

    /** One what-if run: a name, what it asks, and the constants it sets. */
    record Scenario(String name, String question, Map<String, Double> constants) {
        Scenario {
            constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
        }
    }

    /** The Table 2 cells, each with its 0/1 switch constant "Switch <cell>". */
    static final List<String> TABLE2_CELLS =
            List.of("Ia", "Ib", "Ic", "Id", "IIa", "IIb", "IIIa", "IIIb", "IIIc", "IVa", "IVb", "IVc");

    /** The two negative effects of clustering, each with its switch. */
    static final List<String> NEGATIVE_EFFECTS = List.of("Margin Squeeze", "Appropriability");

    /** Policy levers: the constant that switches each one on (a start year; 2100 = never). */
    static final List<String> LEVER_STARTS = List.of("CFC Programme Start", "Extension Programme Start",
            "Training Programme Start", "Design Protection Start", "Cooperation Programme Start");

    /** Levers that are a level rather than a start year. */
    static final List<String> LEVER_LEVELS = List.of("Import Duty", "Training Programme Graduates",
            "Design Protection Extra Lag", "Cooperation Trust Gain", "CFC Effort Saving", "Extension Exposure Rate");

    static final Scenario BASELINE = new Scenario("baseline",
            "History as it happened: clustered towns, no programmes beyond the historical ones.", Map.of());

    static final Scenario NO_CLUSTER = new Scenario("no-cluster",
            "Same demand and founders, but every firm works in its own location.", Map.of("Dispersion", 1.0));

    static final Scenario CE_PACKAGE_1985 = new Scenario("ce-package-1985",
            "The standard collective-efficiency package in every cluster from 1985: common facility centres,"
                    + " extension services, training centres and a cooperation programme.",
            Map.of("CFC Programme Start", 1985.0, "Extension Programme Start", 1985.0,
                    "Training Programme Start", 1985.0, "Cooperation Programme Start", 1985.0));

    static final Scenario DESIGN_PROTECTION_1985 = new Scenario("design-protection-1985",
            "Design registration from 1985 adds two years to the copying lag.",
            Map.of("Design Protection Start", 1985.0));

    static final Scenario ALL_CELLS_OFF = new Scenario("all-table2-cells-off",
            "Every Table 2 mechanism switched off at once (negative effects kept).", allCellsOff());

    /** One scenario per Table 2 cell, with that cell's switch at 0. */
    static List<Scenario> attribution() {
        List<Scenario> out = new ArrayList<>();
        for (String cell : TABLE2_CELLS) {
            out.add(new Scenario("without-" + cell, "Table 2 cell " + cell + " switched off.",
                    Map.of("Switch " + cell, 0.0)));
        }
        for (String neg : NEGATIVE_EFFECTS) {
            out.add(new Scenario("without-" + neg.toLowerCase().replace(' ', '-'),
                    "Negative effect '" + neg + "' switched off.", Map.of("Switch " + neg, 0.0)));
        }
        return out;
    }

    static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>(List.of(BASELINE, NO_CLUSTER, CE_PACKAGE_1985, DESIGN_PROTECTION_1985,
                ALL_CELLS_OFF));
        out.addAll(attribution());
        return out;
    }

    private static Map<String, Double> allCellsOff() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String cell : TABLE2_CELLS) {
            m.put("Switch " + cell, 0.0);
        }
        return m;
    }

    private PunjabScenarios() {
    }
}
