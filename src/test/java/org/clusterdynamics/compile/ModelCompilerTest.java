package org.clusterdynamics.compile;

import static org.clusterdynamics.compile.CompiledRuns.onlyError;
import static org.clusterdynamics.compile.CompiledRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModelBuilder;
import org.clusterdynamics.sim.Results;
import org.junit.jupiter.api.Test;

/** Name resolution, diagnostics, arrays and desugared builtins, from models built in code. */
class ModelCompilerTest {

    @Test
    void undefinedNameIsReportedWithTheVariableAndASuggestion() {
        Diagnostic d = onlyError(ModelBuilder.xmile().aux("growth rate", "0.1").aux("x", "growth_rat * 2").build());
        assertEquals("E002", d.code());
        assertEquals("x", d.where().variable());
        assertTrue(d.message().contains("'growth_rat' is not defined"), d.message());
        assertTrue(d.message().contains("did you mean 'growth rate'"), d.message());
    }

    @Test
    void unknownFunctionAndWrongArgumentCount() {
        assertEquals("E003", onlyError(ModelBuilder.xmile().aux("x", "FOO(1)").build()).code());
        Diagnostic d = onlyError(ModelBuilder.xmile().aux("x", "MAX(1, 2, 3)").build());
        assertEquals("E004", d.code());
        assertTrue(d.message().contains("1 to 2 arguments"), d.message());
    }

    @Test
    void cycleAmongAuxiliariesNamesTheLoop() {
        Diagnostic d = onlyError(ModelBuilder.xmile().aux("a", "b + 1").aux("b", "c").aux("c", "a").build());
        assertEquals("E005", d.code());
        assertTrue(d.message().contains("a -> b -> c -> a") || d.message().contains("b -> c -> a -> b")
                || d.message().contains("c -> a -> b -> c"), d.message());
    }

    @Test
    void syntaxErrorNamesTheColumn() {
        Diagnostic d = onlyError(ModelBuilder.xmile().aux("x", "(1 + 2").build());
        assertEquals("E001", d.code());
        assertTrue(d.message().contains("')'"), d.message());
    }

    @Test
    void loopsThroughStocksAreFine() {
        Model m = ModelBuilder.xmile().time(0, 1, 0.5)
                .stock("s", "10", List.of(), List.of("out")).flow("out", "s * rate").aux("rate", "0.5").build();
        assertEquals(10 * 0.75 * 0.75, run(m).finalValue("s"), 1e-12);
    }

    @Test
    void precedenceFollowsTheStandard() {
        Model m = ModelBuilder.xmile().aux("a", "-2^2").aux("b", "2^3^2").aux("c", "1 + 2 * 3 > 6 AND NOT 0")
                .aux("d", "7 MOD 3 + 2").aux("e", "IF 1 > 2 THEN 10 ELSE 20 + 1").build();
        Results r = run(m);
        assertEquals(-4, r.finalValue("a"));
        assertEquals(512, r.finalValue("b")); // 2^(3^2), as Vensim groups powers
        assertEquals(1, r.finalValue("c"));
        assertEquals(3, r.finalValue("d"));
        assertEquals(21, r.finalValue("e"));
    }

    @Test
    void smoothAndDelayBecomeStocks() {
        Model m = ModelBuilder.xmile().time(0, 30, 0.25)
                .aux("input", "STEP(10, 5)")
                .aux("s1", "SMTH1(input, 3)")
                .aux("s3", "SMTH3(input, 3)")
                .aux("d1", "DELAY1(input, 3)")
                .aux("d3", "DELAY3(input, 3)")
                .aux("fixed", "DELAY(input, 2, 0)")
                .build();
        Results r = run(m);
        // long after the step every smooth and delay has caught up with the input
        for (String v : List.of("s1", "s3", "d1", "d3", "fixed")) {
            assertEquals(10, r.finalValue(v), 0.01, v);
        }
        // the pipeline delay moves the step exactly by its delay time
        assertEquals(0, r.valueAt("fixed", 6.75), 1e-12);
        assertEquals(10, r.valueAt("fixed", 7), 1e-12);
        // first order smooth under Euler: each step closes dt/T of the gap, 12 steps after the step
        assertEquals(10 * (1 - Math.pow(1 - 0.25 / 3, 12)), r.valueAt("s1", 8), 1e-12);
    }

    @Test
    void npvDiscountsEveryPeriodButTheCurrentOneAsVensimDefinesIt() {
        // Euler, TIME STEP 1: the discount factor falls by 1/(1 + rate) per step, so at time k the
        // value is the sum over j = 0..k of stream / 1.1^j, plus the initial value, times the factor
        Model m = ModelBuilder.vensim().time(0, 5, 1)
                .aux("cash", "100").aux("rate", "0.1")
                .aux("plain", "NPV(cash, rate, 0, 1)")
                .aux("scaled", "NPV(cash, rate, 50, 2)")
                .build();
        Results r = run(m);
        for (int k = 0; k <= 5; k++) {
            double sum = 0;
            for (int j = 0; j <= k; j++) {
                sum += 100 / Math.pow(1.1, j);
            }
            assertEquals(sum, r.valueAt("plain", k), 1e-9, "at " + k);
            assertEquals(2 * (50 + sum), r.valueAt("scaled", k), 1e-9, "at " + k);
        }
    }

    @Test
    void initAndPreviousHoldTheirMeaning() {
        Model m = ModelBuilder.xmile().time(0, 3, 1)
                .stock("s", "1", List.of("f"), List.of()).flow("f", "s")
                .aux("first", "INIT(s)").aux("before", "PREVIOUS(s, -1)").build();
        Results r = run(m);
        assertEquals(1, r.finalValue("first"));
        assertEquals(-1, r.column("before")[0]);
        assertEquals(4, r.finalValue("before")); // s doubles each step: 1, 2, 4, 8
        assertEquals(8, r.finalValue("s"));
    }

    @Test
    void arraysExpandWithApplyToAllElementEquationsAndSums() {
        Model m = ModelBuilder.xmile()
                .dimension("Town", "Daska", "Mian Channun", "Batala")
                .arrayAux("size", List.of("Town"), List.of(
                        new ElementDefinition(List.of("Daska"), Equation.of("10"), null),
                        new ElementDefinition(List.of("Mian_Channun"), Equation.of("20"), null),
                        new ElementDefinition(List.of("Batala"), Equation.of("30"), null)))
                .arrayAux("double", List.of("Town"), "size[Town] * 2")
                .aux("total", "SUM(double[*])")
                .aux("largest", "MAX(size[*])")
                .aux("mean", "MEAN(size[*])")
                .aux("second", "size[Mian_Channun]")
                .build();
        Results r = run(m);
        assertEquals(40, r.finalValue("double[Mian Channun]"));
        assertEquals(120, r.finalValue("total"));
        assertEquals(30, r.finalValue("largest"));
        assertEquals(20, r.finalValue("mean"));
        assertEquals(20, r.finalValue("second"));
    }

    @Test
    void tablesAreReadLikeStellaAndVensim() {
        Model m = ModelBuilder.xmile().time(0, 4, 1)
                .table("effect", new double[] {0, 1, 2}, new double[] {0, 10, 15})
                .aux("y", "effect(TIME * 0.5)").aux("z", "LOOKUP(effect, 5)").build();
        Results r = run(m);
        assertEquals(5, r.valueAt("y", 1), 1e-12);
        assertEquals(12.5, r.valueAt("y", 3), 1e-12);
        assertEquals(15, r.finalValue("z"), 1e-12); // clamped beyond the last point
    }

    @Test
    void nanDuringARunNamesTheVariableAndTime() {
        Model m = ModelBuilder.xmile().time(0, 10, 1)
                .stock("s", "5", List.of(), List.of("drain")).flow("drain", "1")
                .aux("root", "SQRT(s - 2)").build();
        ModelException e = assertThrows(ModelException.class, () -> run(m));
        Diagnostic d = e.diagnostics().errors().get(0);
        assertEquals("E100", d.code());
        assertEquals("root", d.where().variable());
        assertEquals(4.0, d.where().time());
    }

    @Test
    void vensimControlVariablesBecomeRunSettings() {
        Model m = ModelBuilder.vensim().time(Double.NaN, Double.NaN, Double.NaN)
                .aux("INITIAL TIME", "2").aux("FINAL TIME", "INITIAL TIME + 3").aux("TIME STEP", "0.5")
                .aux("SAVEPER", "TIME STEP * 2").aux("steps", "(FINAL TIME - INITIAL TIME) / TIME STEP").build();
        Results r = run(m);
        assertEquals(2, r.times()[0]);
        assertEquals(5, r.times()[r.rowCount() - 1]);
        assertEquals(4, r.rowCount());
        assertEquals(6, r.finalValue("steps"));
    }

    @Test
    void aDimensionRepeatedInTheSubscriptsVariesAtEachPosition() {
        Model m = ModelBuilder.vensim().time(0, 1, 1).dimension("dim", "a", "b", "c")
                .arrayAux("matrix", List.of("dim", "dim"), List.of(
                        new ElementDefinition(List.of("a", "dim"), Equation.of("1"), null),
                        new ElementDefinition(List.of("b", "dim"), Equation.of("2"), null),
                        new ElementDefinition(List.of("c", "dim"), Equation.of("Time"), null)))
                .build();
        Results r = run(m);
        assertEquals(1, r.finalValue("matrix[a,b]"));
        assertEquals(2, r.finalValue("matrix[b,a]"));
        assertEquals(1, r.finalValue("matrix[c,b]"));
        assertEquals(1, r.finalValue("matrix[c,c]"));
    }

    @Test
    void delayNReducesItsOrderUntilItFitsInTheDelayTime() {
        // 3 stages of 1.25/3 would each be shorter than TIME STEP 0.5: Vensim uses 2
        Model m = ModelBuilder.vensim().time(0, 6, 0.5).aux("input", "-1 + STEP(5, 2)")
                .aux("three", "DELAY N(input, 1.25, 6, 3)").aux("two", "DELAY N(input, 1.25, 6, 2)").build();
        Results r = run(m);
        assertEquals(1.52, r.valueAt("three", 1), 1e-12);
        for (double t = 0; t <= 6; t += 0.5) {
            assertEquals(r.valueAt("two", t), r.valueAt("three", t), 1e-12, "at " + t);
        }
        assertTrue(ModelCompiler.diagnose(m).all().stream().anyMatch(d -> d.code().equals("W012")
                && d.message().contains("reduced to 2")), ModelCompiler.diagnose(m).toString());
    }

    @Test
    void delayNOutputDependsOnlyOnEarlierDelayTimes() {
        // the delay time steps from 4 to 6 at t = 5: the output at 5 is still the one of delay time 4
        Model m = ModelBuilder.vensim().time(0, 8, 1).aux("input", "-1 + STEP(5, 1)")
                .aux("changing", "DELAY N(input, 4 + STEP(2, 5), 6, 2)").aux("fixed", "DELAY N(input, 4, 6, 2)")
                .build();
        Results r = run(m);
        assertEquals(r.valueAt("fixed", 5), r.valueAt("changing", 5), 1e-12);
        assertTrue(r.valueAt("changing", 6) < r.valueAt("fixed", 6) - 0.1, "a longer delay lowers the output");
    }

    @Test
    void vensimControlVariablesGivenByEquationsOfTimeSteerTheRun() {
        Model m = ModelBuilder.vensim().time(Double.NaN, Double.NaN, Double.NaN)
                .aux("INITIAL TIME", "0").aux("FINAL TIME", "IF THEN ELSE(x > 8, Time, 100)")
                .aux("TIME STEP", "IF THEN ELSE(Time < 2, 1, 0.5)")
                .aux("SAVEPER", "IF THEN ELSE(Time < 3, TIME STEP, 1.5)")
                .aux("x", "Time * 2").integ("elapsed", "1", "0").build();
        Results r = run(m);
        // steps of 1 until t = 2, then 0.5; saves every step until t = 3, then every 1.5; stops once x > 8
        assertEquals(List.of(0.0, 1.0, 2.0, 2.5, 3.0, 4.5), java.util.Arrays.stream(r.times()).boxed().toList());
        assertEquals(9, r.finalValue("x"));
        assertEquals(4.5, r.finalValue("elapsed"), 1e-12); // integrated with the changing step
    }
}
