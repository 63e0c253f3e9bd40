package org.clusterdynamics.io.xmile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;
import org.junit.jupiter.api.Test;

/** Stella and Vensim-exported XMILE syntax found in published models. */
class StellaSyntaxTest {
    private static final Path SRC = Path.of("syntax.stmx");
    private static final String SPECS = "<sim_specs method=\"Euler\"><start>0</start><stop>2</stop><dt>1</dt></sim_specs>";

    private static Model read(String specs, String variables) {
        return XmileReader.read("<xmile version=\"1.0\">" + specs + "<model><variables>" + variables
                + "</variables></model></xmile>", SRC);
    }

    private static Results run(String variables) {
        return new Simulator(ModelCompiler.compile(read(SPECS, variables)), Simulator.Backend.INTERPRETER)
                .run(RunOptions.defaults());
    }

    /**
     * Stella's // is division that gives 0 for a zero divisor (SAFEDIV), not floor (integer) division: the
     * XMILE 1.0 standard (section "Operators") says integer division "does not exist in XMILE", and isee's
     * own tooling (sd-ai's XMILE writer) converts "// (safe division)" to "/". See docs/functions.md.
     */
    @Test
    void doubleSlashDividesSafely() {
        Results r = run("""
                <aux name="fraction"><eqn>7//2</eqn></aux>
                <aux name="negative"><eqn>-7//2</eqn></aux>
                <aux name="waiting"><eqn>12</eqn></aux>
                <aux name="throughput"><eqn>IF TIME &lt; 1 THEN 0 ELSE 4</eqn></aux>
                <aux name="months"><eqn>waiting//throughput</eqn></aux>
                <aux name="precedence"><eqn>1 + 12//4*3</eqn></aux>
                """);
        assertEquals(0, r.valueAt("months", 0), "a zero divisor gives 0");
        assertEquals(3, r.valueAt("months", 1));
        assertEquals(10, r.valueAt("precedence", 0), "// binds like / and *, left to right");
        assertEquals(3.5, r.valueAt("fraction", 0), "not floor division");
        assertEquals(-3.5, r.valueAt("negative", 0), "not floor division");
    }

    @Test
    void anApostropheInsideANameIsPartOfIt() {
        Results r = run("""
                <aux name="initial\\nfarms' average\\nsize"><eqn>7</eqn></aux>
                <aux name="doubled"><eqn>2 * initial_farms'_average_size</eqn></aux>
                """);
        assertEquals(14, r.valueAt("doubled", 0));
    }

    @Test
    void vensimExportNamesItsSimSpecs() {
        Model m = read("""
                <sim_specs method="RK4" time_units="seasons">
                    <start> 0</start><stop> 12</stop><dt> TIME_STEP=0.03125</dt>
                </sim_specs>""", "<aux name=\"a\"><eqn>1</eqn></aux>");
        assertEquals(0.03125, m.specs().dt());
        assertEquals(12, m.specs().stop());
    }

    private static final String DIMS = """
            <dimensions>
              <dim name="Modality"><elem name="Upper_GI"/><elem name="Colonoscopies"/></dim>
              <dim name="Colonoscopies"><elem name="Screening"/><elem name="Routine"/></dim>
            </dimensions>""";

    private static Results runWithDims(String variables) {
        return new Simulator(ModelCompiler.compile(read(SPECS + DIMS, variables)), Simulator.Backend.INTERPRETER)
                .run(RunOptions.defaults());
    }

    @Test
    void anElementNamedLikeADimensionIsTheElementWhereItsDimensionIs() {
        Results r = runWithDims("""
                <aux name="points"><dimensions><dim name="Modality"/></dimensions>
                  <element subscript="Upper_GI"><eqn>1</eqn></element>
                  <element subscript="Colonoscopies"><eqn>2</eqn></element></aux>
                <aux name="referrals"><dimensions><dim name="Colonoscopies"/></dimensions>
                  <element subscript="Screening"><eqn>0</eqn></element>
                  <element subscript="Routine"><eqn>10 * points[Colonoscopies]</eqn></element></aux>
                <aux name="doubled"><dimensions><dim name="Colonoscopies"/></dimensions>
                  <eqn>2 * referrals[Colonoscopies]</eqn></aux>
                <aux name="total"><eqn>SUM(referrals[*])</eqn></aux>
                """);
        assertEquals(2, r.valueAt("points[Colonoscopies]", 0));
        assertEquals(20, r.valueAt("referrals[Routine]", 0), "points[Colonoscopies] is the element of Modality");
        assertEquals(40, r.valueAt("doubled[Routine]", 0), "referrals[Colonoscopies] is the dimension, element by element");
        assertEquals(20, r.valueAt("total", 0));
    }

    @Test
    void dimensionDotElementNamesTheElement() {
        Results r = runWithDims("""
                <aux name="points"><dimensions><dim name="Modality"/></dimensions>
                  <element subscript="Upper_GI"><eqn>1</eqn></element>
                  <element subscript="Colonoscopies"><eqn>2</eqn></element></aux>
                <aux name="upper"><eqn>points[Modality.Upper_GI]</eqn></aux>
                <aux name="colon"><eqn>points[Modality.Colonoscopies] * 10</eqn></aux>
                """);
        assertEquals(1, r.valueAt("upper", 0));
        assertEquals(20, r.valueAt("colon", 0));
    }
}
