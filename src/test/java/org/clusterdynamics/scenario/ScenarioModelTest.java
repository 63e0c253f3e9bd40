package org.clusterdynamics.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.sim.Results;
import org.junit.jupiter.api.Test;

class ScenarioModelTest {
    private final ScenarioModel sm = new ScenarioModel(TestModels.cluster());

    private static Diagnostic only(ModelException e) {
        assertEquals(1, e.diagnostics().errors().size(), e.getMessage());
        return e.diagnostics().errors().get(0);
    }

    @Test
    void describesVariablesWithKindUnitsAndValues() {
        VariableInfo lag = sm.variable("copying_lag").orElseThrow();
        assertEquals("Copying Lag", lag.name());
        assertEquals("constant", lag.kind());
        assertEquals("years", lag.units());
        assertEquals(1.0, lag.value());
        assertEquals("stock", sm.variable("Firms").orElseThrow().kind());
        assertEquals("flow", sm.variable("Launches").orElseThrow().kind());
        assertEquals("aux", sm.variable("Products Mastered").orElseThrow().kind());
        assertEquals(List.of("Region"), sm.variable("Regional Demand").orElseThrow().dimensions());
        assertTrue(sm.variable("nope").isEmpty());
    }

    @Test
    void setValueChangesTheRunAndBaselineIsUntouched() {
        Results base = sm.run(sm.baseline());
        Scenario longer = sm.apply(Scenario.of("lag 3"), new Change.SetValue("Copying Lag", 3));
        Results r = sm.run(longer);
        assertEquals(3.0, r.finalValue("Copying Lag"));
        assertTrue(r.finalValue("Exclusive Products") > base.finalValue("Exclusive Products") * 1.5,
                "a longer copying lag keeps products exclusive for longer");
        assertEquals(1.0, sm.run(sm.baseline()).finalValue("Copying Lag"));
    }

    @Test
    void switchOffRemovesTheMechanism() {
        Scenario off = sm.apply(sm.baseline().named("no spinoffs"), new Change.Switch("Switch Spinoffs", false));
        double on = sm.run(sm.baseline()).finalValue("Firms");
        double without = sm.run(off).finalValue("Firms");
        assertTrue(without < on * 0.9, "firms without the spin-off boost: " + without + " vs " + on);
        assertEquals(List.of("Switch Spinoffs off"), off.describe());
    }

    @Test
    void switchOnANonConstantIsRefusedWithAHint() {
        ModelException e = assertThrows(ModelException.class,
                () -> sm.apply(sm.baseline(), new Change.Switch("Products Mastered", false)));
        Diagnostic d = only(e);
        assertEquals("S004", d.code());
        assertEquals("Products Mastered", d.where().variable());
        assertTrue(d.message().contains("Switch Spinoffs"), d.message());
    }

    @Test
    void unknownNameIsReportedWithSuggestions() {
        ModelException e = assertThrows(ModelException.class,
                () -> sm.apply(sm.baseline(), new Change.SetValue("Coping Lag", 2)));
        Diagnostic d = only(e);
        assertEquals("S001", d.code());
        assertTrue(d.message().contains("Did you mean 'Copying Lag'"), d.message());
    }

    @Test
    void stepChangeSwitchesAtTheGivenTime() {
        Scenario cfc = sm.stepChange(Scenario.of("cfc at 10"), "CFC Active", 10, 1);
        Results r = sm.run(cfc);
        assertEquals(0.0, r.valueAt("CFC Active", 9));
        assertEquals(1.0, r.valueAt("CFC Active", 10));
        assertEquals(List.of("CFC Active = 1 from 10"), cfc.describe());
    }

    @Test
    void stepChangeKeepsAValueSetEarlierBeforeTheTime() {
        Scenario s = sm.apply(Scenario.of("s"), new Change.SetValue("Copying Lag", 2));
        s = sm.stepChange(s, "Copying Lag", 5, 4);
        Results r = sm.run(s);
        assertEquals(2.0, r.valueAt("Copying Lag", 4));
        assertEquals(4.0, r.valueAt("Copying Lag", 6));
        assertEquals(1, s.changes().size(), "the step replaces the value it wraps");
    }

    @Test
    void equationWithSpacedNamesIsAccepted() {
        Scenario s = sm.apply(Scenario.of("double"), new Change.SetEquation("Copying Lag", "2 * spinoff rate * 10", null));
        assertEquals(2.0, sm.run(s).finalValue("Copying Lag"), 1e-12);
    }

    @Test
    void badEquationIsReportedAtOnceNamingTheVariable() {
        ModelException e = assertThrows(ModelException.class,
                () -> sm.apply(Scenario.of("bad"), new Change.SetEquation("CFC Active", "STEP(1, ", null)));
        Diagnostic d = e.diagnostics().errors().get(0);
        assertEquals("CFC Active", d.where().variable());
        assertTrue(d.message().contains("scenario 'bad'") && d.message().contains("STEP(1,"), d.message());
    }

    @Test
    void equationOnAStockIsRefused() {
        ModelException e = assertThrows(ModelException.class,
                () -> sm.apply(Scenario.of("x"), new Change.SetEquation("Firms", "10", null)));
        assertEquals("S002", only(e).code());
        assertTrue(only(e).message().contains("flows"), only(e).message());
    }

    @Test
    void tableOverTimeIsFollowed() {
        Scenario s = sm.apply(Scenario.of("table"),
                new Change.SetTable("Copying Lag", new double[] {0, 10, 20}, new double[] {1, 3, 3}, false));
        Results r = sm.run(s);
        assertEquals(1.0, r.valueAt("Copying Lag", 0), 1e-12);
        assertEquals(2.0, r.valueAt("Copying Lag", 5), 1e-12);
        assertEquals(3.0, r.valueAt("Copying Lag", 15), 1e-12);
        Scenario steps = sm.apply(Scenario.of("steps"),
                new Change.SetTable("Copying Lag", new double[] {0, 10}, new double[] {1, 3}, true));
        assertEquals(1.0, sm.run(steps).valueAt("Copying Lag", 9), 1e-12);
    }

    @Test
    void equalEquationChangesShareOneCompiledModel() {
        Change c = new Change.SetEquation("CFC Active", "STEP(1, 5)", null);
        PreparedRun a = sm.prepare(sm.apply(Scenario.of("a"), c));
        PreparedRun b = sm.prepare(sm.apply(Scenario.of("b").with(new Change.SetValue("Copying Lag", 2)), c));
        assertSame(a.compiled(), b.compiled());
        assertSame(sm.compiled(), sm.prepare(Scenario.of("c").with(new Change.SetValue("Copying Lag", 2))).compiled());
    }

    @Test
    void arrayElementsCanBeSetAndBadElementsAreNamed() {
        Scenario s = sm.apply(Scenario.of("north"), new Change.SetValue("Regional Demand[north]", 25));
        Results r = sm.run(s);
        assertEquals(25.0, r.finalValue("Regional Demand[north]"));
        assertEquals(10.0, r.finalValue("Regional Demand[south]"));
        ModelException e = assertThrows(ModelException.class,
                () -> sm.apply(s, new Change.SetValue("Regional Demand[east]", 1)));
        assertTrue(only(e).message().contains("north, south"), only(e).message());
    }

    @Test
    void timeSettingsChangeTheRun() {
        Scenario s = sm.withTime(Scenario.of("short"), new TimeSettings(Double.NaN, 10, 0.125, 0.5, Method.RK4));
        Results r = sm.run(s);
        assertEquals(10.0, r.times()[r.rowCount() - 1]);
        assertEquals(0.5, r.times()[1]);
        assertThrows(ModelException.class,
                () -> sm.withTime(Scenario.of("bad"), new TimeSettings(50, Double.NaN, Double.NaN, Double.NaN, null)));
    }

    @Test
    void laterChangeOfTheSameVariableReplacesTheEarlier() {
        Scenario s = Scenario.of("s").with(new Change.SetValue("Copying Lag", 2)).with(new Change.SetValue("copying_lag", 5));
        assertEquals(1, s.changes().size());
        assertEquals(5.0, sm.run(s).finalValue("Copying Lag"));
    }

    @Test
    void seedChangesTheModelsRandomFunctions() {
        Scenario noisy = sm.apply(Scenario.of("noisy"), new Change.SetValue("Noise Level", 1));
        double a = sm.run(noisy.withSeed(1)).finalValue("Noisy Products");
        double b = sm.run(noisy.withSeed(1)).finalValue("Noisy Products");
        double c = sm.run(noisy.withSeed(2)).finalValue("Noisy Products");
        assertEquals(a, b);
        assertNotEquals(a, c);
    }
}
