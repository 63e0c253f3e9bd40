package org.clusterdynamics.compile;

import static org.clusterdynamics.compile.CompiledRuns.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.io.vensim.VensimReader;
import org.clusterdynamics.io.xmile.XmileReader;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;
import org.junit.jupiter.api.Test;

/**
 * Builtins and arithmetic rules that published models use, each as its tool documents it, from
 * small models written here: Vensim's VECTOR LOOKUP, SINTEG, DELAY MATERIAL and RANDOM PINK NOISE,
 * Stella's RANK and PREVIOUS(SELF, init), Stella's rule that a division by zero gives 0, and the
 * error for a first-order delay of time 0, where Vensim stops.
 */
class ToolBuiltinsTest {

    private static Model vensim(String equations) {
        return VensimReader.read("{UTF-8}\n" + equations + """
                INITIAL TIME = 0 ~~|
                FINAL TIME = 6 ~~|
                TIME STEP = 1 ~~|
                SAVEPER = TIME STEP ~~|
                """, Path.of("tools.mdl"));
    }

    private static Model stella(String file, String variables) {
        return XmileReader.read("""
                <?xml version="1.0" encoding="utf-8"?>
                <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
                  <header><vendor>isee systems, inc.</vendor><product version="1">Stella</product></header>
                  <sim_specs><start>0</start><stop>3</stop><dt>1</dt></sim_specs>
                  <dimensions><dim name="City"><elem name="a"/><elem name="b"/><elem name="c"/></dim></dimensions>
                  <model><variables>
                    <aux name="inv"><dimensions><dim name="City"/></dimensions><eqn>30, 10, 20</eqn></aux>
                """ + variables + """
                  </variables></model>
                </xmile>
                """, Path.of(file));
    }

    /** Runs on the interpreter and on generated code, which must agree to the bit, and returns the run. */
    private static Results bothBackends(Model m) {
        CompiledModel cm = ModelCompiler.compile(m);
        Results a = new Simulator(cm, Simulator.Backend.INTERPRETER).run(RunOptions.defaults());
        Results b = new Simulator(cm, Simulator.Backend.GENERATED).run(RunOptions.defaults());
        for (String n : a.names()) {
            assertArrayEquals(a.column(n), b.column(n), 0, n);
        }
        return a;
    }

    @Test
    void vectorLookupReadsTheVectorAsATableOverEvenlySpacedX() {
        Results r = bothBackends(vensim("""
                d: d1, d2, d3 ~~|
                y[d] = 0, 10, 40 ~~|
                plain = VECTOR LOOKUP(y[d1], Time, 0, 4, 0) ~~|
                backward = VECTOR LOOKUP(y[d1], Time, 0, 4, 2) ~~|
                extrapolated = VECTOR LOOKUP(y[d1], Time, 0, 4, 3) ~~|
                forward = VECTOR LOOKUP(y[d1], Time, 0, 4, 4) ~~|
                """));
        // x = 0, 2, 4 carry 0, 10, 40
        assertArrayEquals(new double[] {0, 5, 10, 25, 40, 40, 40}, r.column("plain"), 1e-12);
        assertArrayEquals(new double[] {0, 0, 10, 10, 40, 40, 40}, r.column("backward"), 1e-12);
        assertArrayEquals(new double[] {0, 5, 10, 25, 40, 55, 70}, r.column("extrapolated"), 1e-12);
        assertArrayEquals(new double[] {0, 10, 10, 40, 40, 40, 40}, r.column("forward"), 1e-12);
        ModelException e = assertThrows(ModelException.class, () -> ModelCompiler.compile(vensim("""
                d: d1, d2 ~~|
                y[d] = 0, 1 ~~|
                area = VECTOR LOOKUP(y[d1], Time, 0, 1, 12) ~~|
                """)));
        assertTrue(e.getMessage().contains("mode 12: Vensim's reference defines modes 0 to 9"), e.getMessage());
        e = assertThrows(ModelException.class, () -> ModelCompiler.compile(vensim("""
                y = 3 ~~|
                scalar = VECTOR LOOKUP(y, Time, 0, 1, 0) ~~|
                """)));
        assertTrue(e.getMessage().contains("has no dimensions"), e.getMessage());
    }

    @Test
    void sintegIntegratesWithinItsLimitsInMultiplesOfItsQuantum() {
        Results r = bothBackends(vensim("""
                capped = SINTEG(1.3, 0, :NA:, 3, 1, :NA:, :NA:) ~~|
                plain = SINTEG(1.5, 2, :NA:, :NA:, :NA:, :NA:, :NA:) ~~|
                snapped = SINTEG(-0.3, 1, 0, :NA:, :NA:, 0, 0.5) ~~|
                """));
        assertArrayEquals(new double[] {0, 1, 2, 3, 3, 3, 3}, r.column("capped"), 1e-12);
        assertArrayEquals(new double[] {2, 3.5, 5, 6.5, 8, 9.5, 11}, r.column("plain"), 1e-12);
        // 1, 0.7, then 0.4 is within 0.5 of 0: 0, and it stays at its minimum 0
        assertArrayEquals(new double[] {1, 0.7, 0, 0, 0, 0, 0}, r.column("snapped"), 1e-12);
    }

    @Test
    void stellaRankGivesTheIndexOfTheElementOfThatRank() {
        Results r = bothBackends(stella("rank.stmx", """
                <aux name="smallest"><eqn>inv[RANK(inv[*], 1)]</eqn></aux>
                <aux name="largest"><eqn>inv[RANK(inv[*], SIZE(inv[*]))]</eqn></aux>
                <aux name="second"><eqn>RANK(inv[*], 2)</eqn></aux>
                """));
        assertEquals(10, r.finalValue("smallest"), 0);
        assertEquals(30, r.finalValue("largest"), 0);
        assertEquals(3, r.finalValue("second"), 0);
    }

    @Test
    void previousOfSelfIsTheVariablesOwnValueAtTheStepBefore() {
        Results r = run(stella("self.stmx", """
                <aux name="count"><eqn>PREVIOUS(SELF, 0) + 1</eqn></aux>
                <aux name="per city"><dimensions><dim name="City"/></dimensions><eqn>PREVIOUS(SELF, inv) * 2</eqn></aux>
                """));
        assertArrayEquals(new double[] {1, 2, 3, 4}, r.column("count"), 0);
        assertArrayEquals(new double[] {20, 40, 80, 160}, r.column("per city[b]"), 0);
    }

    @Test
    void stellaFilesDivideByZeroToZeroAndSaySoWhileOtherFilesStop() {
        String eqs = """
                <aux name="share"><dimensions><dim name="City"/></dimensions><eqn>inv / (TIME - 1) * 0</eqn></aux>
                <aux name="ratio"><eqn>TIME / (TIME - 1)</eqn></aux>
                """;
        Results r = bothBackends(stella("zero.stmx", eqs));
        assertArrayEquals(new double[] {0, 0, 2, 1.5}, r.column("ratio"), 0);
        Diagnostic w = ModelCompiler.diagnose(stella("zero.stmx", eqs)).all().get(0);
        assertEquals("W013", w.code());
        assertTrue(w.message().contains("give 0, the rule this engine applies to Stella's"), w.message());
        // an .xmile file may come from any tool (Vensim writes them too): IEEE arithmetic, and the run stops
        ModelException e = assertThrows(ModelException.class, () -> run(stella("zero.xmile", eqs)));
        assertEquals("E100", e.diagnostics().errors().get(0).code());
        assertEquals(1, e.diagnostics().errors().get(0).where().time(), 0);
    }

    @Test
    void delayMaterialWithAConstantDelayTimeIsDelayFixed() {
        Results r = run(vensim("dm = DELAY MATERIAL(Time * 10, 2, -1, 0) ~~|\n"));
        assertArrayEquals(new double[] {-1, -1, 0, 10, 20, 30, 40}, r.column("dm"), 0);
    }

    /**
     * Vensim's reference (fn_delay_material.html): "If delay time is decreasing, some values of the input
     * will be added to more recent inputs for output. If delay time is increasing, missval will be used
     * when no output is available at a time." Each step's input leaves after its own step's delay time.
     */
    @Test
    void delayMaterialWithAChangingDelayTimeAddsWhatLeavesTogetherAndGivesTheMissingValueWhenNothingLeaves() {
        // inputs 1, 2, 3... ; delays 2, 2, 2 then 1: the inputs of steps 2 and 3 both leave at step 4
        Results shorter = bothBackends(vensim("dm = DELAY MATERIAL(Time + 1, IF THEN ELSE(Time < 3, 2, 1), 100, -1)"
                + " ~~|\n"));
        assertArrayEquals(new double[] {100, 100, 1, 2, 3 + 4, 5, 6}, shorter.column("dm"), 0);
        // delays 1, 1 then 3: nothing leaves at steps 3 and 4
        Results longer = bothBackends(vensim("dm = DELAY MATERIAL(Time + 1, IF THEN ELSE(Time < 2, 1, 3), 100, -1)"
                + " ~~|\n"));
        assertArrayEquals(new double[] {100, 1, 2, -1, -1, 3, 4}, longer.column("dm"), 0);
        // a delay time that grows far past the first buffer keeps every amount: 1 at step 1, then 1 from step 21
        Results growing = bothBackends(VensimReader.read("{UTF-8}\ndm = DELAY MATERIAL(1, IF THEN ELSE(Time < 1, 1, 20),"
                + " 0, 0) ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 40 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n",
                Path.of("growing.mdl")));
        double[] expected = new double[41];
        expected[1] = 1;
        java.util.Arrays.fill(expected, 21, 41, 1);
        assertArrayEquals(expected, growing.column("dm"), 0);
    }

    /** The examples of Vensim's reference pages for LOOKUP AREA and LOOKUP INVERT, as written there. */
    @Test
    void lookupAreaAndInvertGiveTheReferencesExamples() {
        Results r = bothBackends(vensim("""
                LOOK((0,1),(1,1),(2,2)) ~~|
                a01 = LOOKUP AREA(LOOK, 0, 1) ~~|
                a24 = LOOKUP AREA(LOOK, 2, 4) ~~|
                a05 = LOOKUP AREA(LOOK, 0.5, 2.5) ~~|
                INV((0,0),(1,1),(3,2)) ~~|
                below = LOOKUP INVERT(INV, -1) ~~|
                half = LOOKUP INVERT(INV, 0.5) ~~|
                upper = LOOKUP INVERT(INV, 1.5) ~~|
                """));
        assertEquals(1.0, r.finalValue("a01"), 1e-12);
        assertEquals(4.0, r.finalValue("a24"), 1e-12);
        assertEquals(3.0, r.finalValue("a05"), 1e-12);
        assertEquals(LookupMath.NA, r.finalValue("below"), 0);
        assertEquals(0.5, r.finalValue("half"), 1e-12);
        assertEquals(2.0, r.finalValue("upper"), 1e-12);
    }

    /**
     * LOOKUP SLOPE by its reference's rules. The page's example table, ((0,1),(1,1),(2,3)), does not give
     * the page's own results; the table ((0,0),(1,1),(2,1.5)) gives every one of them, so it is used here.
     */
    @Test
    void lookupSlopeFollowsTheReferencesRules() {
        Results r = bothBackends(vensim("""
                LOOK((0,0),(1,1),(2,1.5)) ~~|
                na = LOOKUP SLOPE(LOOK, -1, -1) ~~|
                zero = LOOKUP SLOPE(LOOK, -1, 0) ~~|
                closest = LOOKUP SLOPE(LOOK, -1, 1) ~~|
                at point = LOOKUP SLOPE(LOOK, 1, 0) ~~|
                first segment = LOOKUP SLOPE(LOOK, 0.5, 0) ~~|
                second segment = LOOKUP SLOPE(LOOK, 1.5, 0) ~~|
                """));
        assertEquals(LookupMath.NA, r.finalValue("na"), 0);
        assertEquals(0, r.finalValue("zero"), 0);
        assertEquals(1, r.finalValue("closest"), 1e-12);
        assertEquals(0.75, r.finalValue("at point"), 1e-12);
        assertEquals(1, r.finalValue("first segment"), 1e-12);
        assertEquals(0.5, r.finalValue("second segment"), 1e-12);
    }

    /** VECTOR LOOKUP's modes 1 and 5-9 are LOOKUP AREA (from xmin), INVERT and SLOPE, 7-9 extrapolated. */
    @Test
    void vectorLookupAreaInvertAndSlopeModes() {
        Results r = bothBackends(vensim("""
                d: d1, d2, d3 ~~|
                y[d] = 1, 1, 2 ~~|
                z[d] = 0, 1, 2 ~~|
                area = VECTOR LOOKUP(y[d1], 2.5, 0, 2, 1) ~~|
                area extrapolated = VECTOR LOOKUP(y[d1], 2.5, 0, 2, 7) ~~|
                area left = VECTOR LOOKUP(y[d1], -1, 0, 2, 7) ~~|
                inverse = VECTOR LOOKUP(z[d1], 1.5, 0, 3, 5) ~~|
                inverse outside = VECTOR LOOKUP(z[d1], 3, 0, 3, 5) ~~|
                inverse extrapolated = VECTOR LOOKUP(z[d1], 3, 0, 3, 8) ~~|
                slope = VECTOR LOOKUP(z[d1], 1.5, 0, 3, 6) ~~|
                slope outside = VECTOR LOOKUP(z[d1], -1, 0, 3, 6) ~~|
                slope extrapolated = VECTOR LOOKUP(z[d1], -1, 0, 3, 9) ~~|
                """));
        assertEquals(1 + 1.5 + 2 * 0.5, r.finalValue("area"), 1e-12);
        assertEquals(1 + 1.5 + 2 * 0.5 + 0.5 * 0.5 / 2, r.finalValue("area extrapolated"), 1e-12);
        assertEquals(-1, r.finalValue("area left"), 1e-12);
        assertEquals(2.25, r.finalValue("inverse"), 1e-12);
        assertEquals(LookupMath.NA, r.finalValue("inverse outside"), 0);
        assertEquals(4.5, r.finalValue("inverse extrapolated"), 1e-12);
        assertEquals(2.0 / 3, r.finalValue("slope"), 1e-12);
        assertEquals(0, r.finalValue("slope outside"), 0);
        assertEquals(2.0 / 3, r.finalValue("slope extrapolated"), 1e-12);
    }

    /** No document gives a rule for a first-order delay or smooth shorter than a step: it runs, and says so. */
    @Test
    void aSmoothShorterThanTheTimeStepRunsAsWrittenWithAWarningThatNoRuleIsDocumented() {
        Model m = vensim("s = SMOOTH(10, 0.5) ~~|\n");
        assertEquals(10, bothBackends(m).finalValue("s"), 0);
        Diagnostic w = ModelCompiler.diagnose(m).all().get(0);
        assertEquals("W015", w.code());
        assertTrue(w.message().contains("neither Vensim's reference nor isee's help gives a rule"), w.message());
    }

    /** Vensim's reference for DELAY FIXED: "The minimum delay time is TIME STEP". */
    @Test
    void aFixedDelayShorterThanTheTimeStepDelaysByOneStepWithAWarningNamingTheRule() {
        Model m = vensim("df = DELAY FIXED(Time * 10, 0.25, -1) ~~|\n");
        assertArrayEquals(new double[] {-1, 0, 10, 20, 30, 40, 50}, bothBackends(m).column("df"), 0);
        Diagnostic w = ModelCompiler.diagnose(m).all().get(0);
        assertEquals("W014", w.code());
        assertTrue(w.message().contains("the minimum delay time is TIME STEP"), w.message());
    }

    @Test
    void pinkNoiseKeepsItsMeanAndStandardDeviationOnBothBackends() {
        CompiledModel m = ModelCompiler.compile(VensimReader.read("""
                {UTF-8}
                noise = RANDOM PINK NOISE(10, 2, 4, 1) ~~|
                INITIAL TIME = 0 ~~|
                FINAL TIME = 4000 ~~|
                TIME STEP = 0.5 ~~|
                SAVEPER = TIME STEP ~~|
                """, Path.of("pink.mdl")));
        RunOptions o = RunOptions.defaults().withSeed(3);
        double[] x = new Simulator(m, Simulator.Backend.INTERPRETER).run(o).column("noise");
        assertArrayEquals(x, new Simulator(m, Simulator.Backend.GENERATED).run(o).column("noise"), 0);
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
        assertEquals(10, mean, 0.5);
        assertEquals(2, sd, 0.3);
        // correlated over its correlation time: neighbouring steps are close, unlike white noise
        double lag = 0;
        for (int i = 1; i < x.length; i++) {
            lag += (x[i] - mean) * (x[i - 1] - mean);
        }
        assertTrue(lag / (x.length - 1) / (sd * sd) > 0.8, "lag-one correlation");
    }

    @Test
    void aFirstOrderDelayOfTimeZeroStopsWithTheReason() {
        ModelException e = assertThrows(ModelException.class, () -> ModelCompiler.compile(vensim("""
                z = DELAY1(Time, zero) ~~|
                zero = 0 ~~|
                """)));
        Diagnostic d = e.diagnostics().errors().get(0);
        assertEquals("E012", d.code());
        assertEquals("z", d.where().variable());
        assertTrue(d.message().contains("delay time of DELAY1 is 0") && d.message().contains("division by zero"),
                d.message());
    }

    @Test
    void anElementNamedLikeAnotherDimensionIsTheElement() {
        Model m = XmileReader.read("""
                <?xml version="1.0" encoding="utf-8"?>
                <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
                  <header><vendor>isee systems, inc.</vendor><product version="1">Stella</product></header>
                  <sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
                  <dimensions>
                    <dim name="Colonoscopies"><elem name="Screening"/><elem name="Routine"/></dim>
                    <dim name="Modality"><elem name="Upper_GI"/><elem name="Colonoscopies"/></dim>
                  </dimensions>
                  <model><variables>
                    <aux name="Points"><dimensions><dim name="Modality"/></dimensions>
                      <element subscript="Upper_GI"><eqn>1</eqn></element>
                      <element subscript="Colonoscopies"><eqn>2</eqn></element>
                    </aux>
                    <aux name="referrals"><dimensions><dim name="Colonoscopies"/></dimensions>
                      <eqn>Points[Colonoscopies] * 10</eqn></aux>
                    <aux name="total"><eqn>SUM(Points[*]) + Points[Colonoscopies]</eqn></aux>
                  </variables></model>
                </xmile>
                """, Path.of("names.stmx"));
        Results r = run(m);
        assertEquals(2, r.finalValue("Points[Colonoscopies]"), 0);
        assertEquals(20, r.finalValue("referrals[Routine]"), 0);
        assertEquals(5, r.finalValue("total"), 0);
    }

    @Test
    void historyReadsTheValueALagAgo() {
        Results r = run(stella("history.stmx", """
                <aux name="x"><eqn>TIME * 10</eqn></aux>
                <aux name="lagged"><eqn>HISTORY(x, TIME - 2)</eqn></aux>
                <aux name="now"><eqn>HISTORY(x, TIME)</eqn></aux>
                """));
        // before the run reached TIME - 2, the value at the start
        assertArrayEquals(new double[] {0, 0, 0, 10}, r.column("lagged"), 0);
        assertArrayEquals(new double[] {0, 10, 20, 30}, r.column("now"), 0);
        ModelException e = assertThrows(ModelException.class, () -> run(stella("history.stmx",
                "<aux name=\"y\"><eqn>HISTORY(inv[a], 2)</eqn></aux>\n")));
        assertTrue(e.getMessage().contains("TIME - lag"), e.getMessage());
    }
}
