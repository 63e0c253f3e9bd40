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

    @Test
    void doubleSlashDividesSafely() {
        Results r = run("""
                <aux name="waiting"><eqn>12</eqn></aux>
                <aux name="throughput"><eqn>IF TIME &lt; 1 THEN 0 ELSE 4</eqn></aux>
                <aux name="months"><eqn>waiting//throughput</eqn></aux>
                <aux name="precedence"><eqn>1 + 12//4*3</eqn></aux>
                """);
        assertEquals(0, r.valueAt("months", 0), "a zero divisor gives 0");
        assertEquals(3, r.valueAt("months", 1));
        assertEquals(10, r.valueAt("precedence", 0), "// binds like / and *, left to right");
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
}
