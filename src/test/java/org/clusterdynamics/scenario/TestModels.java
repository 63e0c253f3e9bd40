package org.clusterdynamics.scenario;

import java.util.List;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModelBuilder;

/** Small models built in code for scenario tests. */
final class TestModels {
    private TestModels() {}

    /**
     * Products launched by firms and copied after a lag; a switch for spin-offs, a CFC constant,
     * a noise term from the model's own random function, and an arrayed constant.
     */
    static Model cluster() {
        return ModelBuilder.xmile().name("test cluster").time(0, 20, 0.25).saveStep(1)
                .stock("Firms", "30", List.of("Firm Entry"), List.of("Firm Exit"), "firms")
                .flow("Firm Entry", "Spinoff_Rate * Firms * (1 - Firms / 600) * (1 + Switch_Spinoffs)", "firms/year")
                .flow("Firm Exit", "Firms / 20", "firms/year")
                .aux("Spinoff Rate", "0.1", "1/year")
                .aux("Switch Spinoffs", "1", "dmnl")
                .stock("Exclusive Products", "0", List.of("Launches"), List.of("Copying"), "products")
                .stock("Common Products", "3", List.of("Copying"), List.of(), "products")
                .flow("Launches", "0.01 * Firms * (1 + 0.5 * CFC_Active) * Copying_Lag / (Copying_Lag + 0.75)",
                        "products/year")
                .flow("Copying", "Exclusive_Products / Copying_Lag", "products/year")
                .aux("Copying Lag", "1", "years")
                .aux("CFC Active", "0", "dmnl")
                .aux("Products Mastered", "Exclusive_Products + Common_Products", "products")
                .aux("Noise", "Noise_Level * NORMAL(0, 1)", "dmnl")
                .aux("Noise Level", "0", "dmnl")
                .stock("Noisy Products", "0", List.of("Noisy Growth"), List.of(), "products")
                .flow("Noisy Growth", "1 + Noise", "products/year")
                .dimension("Region", "north", "south")
                .arrayAux("Regional Demand", List.of("Region"), "10")
                .build();
    }
}
