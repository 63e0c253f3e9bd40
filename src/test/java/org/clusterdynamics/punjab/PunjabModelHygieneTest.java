package org.clusterdynamics.punjab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clusterdynamics.check.UnitChecker;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.Variable;
import org.clusterdynamics.punjab.PunjabScenarios.Scenario;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.junit.jupiter.api.Test;

/** Units, documentation, switches as constants, non-negative stocks and step-size independence. */
class PunjabModelHygieneTest {

    @Test
    void unitsAreConsistentAndTheModelCompilesCleanly() {
        Model m = PunjabModel.model();
        Diagnostics d = new Diagnostics();
        d.addAll(ModelCompiler.diagnose(m));
        UnitChecker.check(m, d);
        assertTrue(d.isEmpty(), () -> "diagnostics: " + d);
    }

    @Test
    void everyVariableHasUnitsAndDocumentation() {
        List<String> missing = new ArrayList<>();
        for (Variable v : PunjabModel.model().variables()) {
            if (v.units().isBlank() || v.documentation().isBlank()) {
                missing.add(v.name().asWritten());
            }
        }
        assertTrue(missing.isEmpty(), "without units or doc: " + missing);
    }

    @Test
    void requiredOutputsExist() {
        Results r = PunjabModel.run(PunjabScenarios.BASELINE);
        for (String name : PunjabModel.OUTPUTS) {
            assertTrue(r.has(name), name);
        }
        assertEquals(1955, r.times()[0], 1e-9);
        assertEquals(2000, r.times()[r.rowCount() - 1], 1e-9);
    }

    @Test
    void switchesAndLeversArePlainConstants() {
        Model m = PunjabModel.model();
        List<String> names = new ArrayList<>();
        PunjabScenarios.TABLE2_CELLS.forEach(c -> names.add("Switch " + c));
        PunjabScenarios.NEGATIVE_EFFECTS.forEach(c -> names.add("Switch " + c));
        names.addAll(PunjabScenarios.LEVER_STARTS);
        names.addAll(PunjabScenarios.LEVER_LEVELS);
        names.add("Dispersion");
        for (String name : names) {
            Optional<Variable> v = m.variable(name);
            assertTrue(v.isPresent(), name + " exists");
            assertTrue(v.get() instanceof Aux, name + " is an aux");
            Aux a = (Aux) v.get();
            assertTrue(a.dimensions().isEmpty(), name + " is scalar");
            String text = a.definition().equation().text().strip();
            assertTrue(text.matches("[0-9.eE+-]+"), name + " is a number, not '" + text + "'");
        }
        for (String cell : PunjabScenarios.TABLE2_CELLS) {
            assertEquals("1", ((Aux) m.variable("Switch " + cell).orElseThrow()).definition().equation().text().strip(),
                    "mechanisms are on in the baseline");
        }
    }

    @Test
    void noStockGoesNegativeInAnyScenario() {
        List<String> stocks = new ArrayList<>();
        for (Variable v : PunjabModel.model().variables()) {
            if (v instanceof Stock) {
                stocks.add(v.name().asWritten());
            }
        }
        for (Scenario s : PunjabScenarios.all()) {
            Results r = PunjabModel.run(s);
            for (String col : r.names()) {
                String base = col.contains("[") ? col.substring(0, col.indexOf('[')) : col;
                if (!stocks.contains(base)) {
                    continue;
                }
                double min = Double.POSITIVE_INFINITY;
                for (double x : r.column(col)) {
                    min = Math.min(min, x);
                }
                assertFalse(min < -1e-9, s.name() + ": " + col + " goes negative (" + min + ")");
            }
        }
    }

    /** The years the scripts and the documentation report outputs at. */
    private static final double[] REPORTED_YEARS = {1965, 1975, 1977.5, 1984, 1985, 1990, 1994, 2000};

    @Test
    void halvingTheStepChangesNoReportedOutputByMoreThanOnePercent() {
        // every scenario whose figures the scripts report: the baseline, the policies, no cluster, all cells off
        for (Scenario s : List.of(PunjabScenarios.BASELINE, PunjabScenarios.NO_CLUSTER, PunjabScenarios.CE_PACKAGE_1985,
                PunjabScenarios.DESIGN_PROTECTION_1985, PunjabScenarios.ALL_CELLS_OFF)) {
            Results coarse = PunjabModel.run(s);
            double dt = coarse.times()[1] - coarse.times()[0];
            Results fine = PunjabModel.run(s, RunOptions.defaults().withDt(dt / 2).withSaveStep(dt));
            for (String name : PunjabModel.OUTPUTS) {
                for (double t : REPORTED_YEARS) {
                    double a = coarse.valueAt(name, t);
                    double b = fine.valueAt(name, t);
                    double rel = Math.abs(a - b) / Math.max(Math.abs(b), 1e-9);
                    assertTrue(rel <= 0.01, s.name() + ": " + name + " differs by " + 100 * rel + "% in " + t);
                }
            }
        }
    }

    @Test
    void scenarioConstantsNameExistingConstants() {
        Model m = PunjabModel.model();
        for (Scenario s : PunjabScenarios.all()) {
            for (Map.Entry<String, Double> e : s.constants().entrySet()) {
                assertTrue(m.variable(e.getKey()).isPresent(), s.name() + ": " + e.getKey());
            }
        }
    }
}
