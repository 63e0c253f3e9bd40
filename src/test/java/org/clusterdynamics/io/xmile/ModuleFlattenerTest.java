package org.clusterdynamics.io.xmile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModuleInstance;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;
import org.junit.jupiter.api.Test;

/** Stella modules, as Stella and the XMILE 1.0 examples write them, read into one flat model. */
class ModuleFlattenerTest {
    private static final Path SRC = Path.of("modules.stmx");
    private static final String SPECS = "<sim_specs method=\"Euler\"><start>0</start><stop>4</stop><dt>1</dt></sim_specs>";

    private static Model read(String models) {
        return XmileReader.read("<xmile version=\"1.0\">" + SPECS + models + "</xmile>", SRC);
    }

    private static Results run(Model m) {
        return new Simulator(ModelCompiler.compile(m), Simulator.Backend.INTERPRETER).run(RunOptions.defaults());
    }

    @Test
    void stellaInputsAndOutputsConnectBothWays() {
        // Stella's own module test: the root feeds Module 1's input a, and reads its output b into its input b
        Model m = read("""
                <model><variables>
                  <aux name="a"><eqn>1</eqn></aux>
                  <module name="Module 1">
                    <connect to="Module_1.a" from=".a"/>
                    <connect to=".b" from="Module_1.b"/>
                  </module>
                  <aux name="b" access="input"/>
                </variables></model>
                <model name="Module_1"><variables>
                  <aux name="a" access="input"/>
                  <aux name="b" access="output"><eqn>2 * a</eqn></aux>
                </variables></model>
                """);
        assertTrue(m.subModels().isEmpty(), "the model is flat");
        assertFalse(m.variables().stream().anyMatch(v -> v instanceof ModuleInstance));
        Results r = run(m);
        assertEquals(1, r.finalValue("Module 1.a"));
        assertEquals(2, r.finalValue("Module 1.b"));
        assertEquals(2, r.finalValue("b"));
    }

    @Test
    void siblingModulesConnectThroughEitherModule() {
        // written on the source module, on the target module, and on both, as Stella does
        Model m = read("""
                <model><variables>
                  <module name="POPULATION">
                    <connect to="EDUCATION.aging_1" from="POPULATION.aging_1"/>
                  </module>
                  <module name="EDUCATION">
                    <connect to="EDUCATION.aging_1" from="POPULATION.aging_1"/>
                    <connect to="POPULATION.schooling" from="EDUCATION.schooling"/>
                  </module>
                </variables></model>
                <model name="POPULATION"><variables>
                  <stock name="people"><eqn>100</eqn><inflow>births</inflow></stock>
                  <flow name="births"><eqn>people * 0.1 * schooling</eqn></flow>
                  <aux name="aging 1" access="output"><eqn>people / 10</eqn></aux>
                  <aux name="schooling" access="input"/>
                </variables></model>
                <model name="EDUCATION"><variables>
                  <aux name="aging 1" access="input"/>
                  <aux name="schooling" access="output"><eqn>IF aging_1 > 0 THEN 1 ELSE 0</eqn></aux>
                </variables></model>
                """);
        Results r = run(m);
        assertEquals(100 * Math.pow(1.1, 4), r.finalValue("POPULATION.people"), 1e-9);
        assertEquals(r.finalValue("POPULATION.people") / 10, r.finalValue("EDUCATION.aging 1"), 1e-9);
    }

    @Test
    void nestedModulesAndTheXmileExampleForm() {
        // an unqualified 'to' is the module's own input; '.x' is the holding model's x
        Model m = read("""
                <model><variables>
                  <aux name="rate"><eqn>3</eqn></aux>
                  <module name="outer" model="Outer"><connect to="r" from=".rate"/></module>
                </variables></model>
                <model name="Outer"><variables>
                  <aux name="r" access="input"/>
                  <module name="inner" model="Inner"><connect to="inner.x" from=".r"/></module>
                  <aux name="doubled" access="input"/>
                  <module name="inner2" model="Inner"><connect to="x" from="inner.y"/></module>
                </variables></model>
                <model name="Inner"><variables>
                  <aux name="x" access="input"/>
                  <aux name="y"><eqn>x * 2</eqn></aux>
                </variables></model>
                """.replace("<aux name=\"doubled\" access=\"input\"/>", ""));
        Results r = run(m);
        assertEquals(6, r.finalValue("outer.inner.y"));
        assertEquals(12, r.finalValue("outer.inner2.y"), "one instance of Inner feeds another");
    }

    @Test
    void theSameModelTwiceKeepsItsVariablesApart() {
        Model m = read("""
                <model><variables>
                  <aux name="k"><eqn>5</eqn></aux>
                  <module name="A" model="Growth"><connect to="A.rate" from=".k"/></module>
                  <module name="B" model="Growth"/>
                </variables></model>
                <model name="Growth"><variables>
                  <aux name="rate" access="input"><eqn>1</eqn></aux>
                  <stock name="level"><eqn>0</eqn><inflow>adding</inflow></stock>
                  <flow name="adding"><eqn>rate</eqn></flow>
                </variables></model>
                """);
        Results r = run(m);
        assertEquals(20, r.finalValue("A.level"));
        assertEquals(4, r.finalValue("B.level"), "an unconnected input keeps its own equation");
    }

    @Test
    void anUnconnectedInputWithoutEquationIsNamed() {
        ModelException e = assertThrows(ModelException.class, () -> read("""
                <model><variables><module name="M"/></variables></model>
                <model name="M"><variables>
                  <aux name="needed" access="input"/>
                  <aux name="y"><eqn>needed</eqn></aux>
                </variables></model>
                """));
        assertEquals(1, e.diagnostics().errors().size(), e.getMessage());
        assertEquals("M.needed", e.diagnostics().errors().get(0).where().variable());
        assertTrue(e.getMessage().contains("nothing is connected"), e.getMessage());
    }

    @Test
    void aConnectionToNothingIsNamed() {
        ModelException e = assertThrows(ModelException.class, () -> read("""
                <model><variables>
                  <aux name="a"><eqn>1</eqn></aux>
                  <module name="M"><connect to="M.missing" from=".a"/></module>
                </variables></model>
                <model name="M"><variables><aux name="y"><eqn>1</eqn></aux></variables></model>
                """));
        assertTrue(e.getMessage().contains("'M.missing'") && e.getMessage().contains("target"), e.getMessage());
    }

    @Test
    void renamingKeepsFunctionsDimensionsAndComments() {
        ModuleFlattener.EquationRenamer r = new ModuleFlattener.EquationRenamer("M.",
                java.util.Set.of("a", "b_c", "dim"), java.util.Set.of("dim"));
        assertEquals("MAX(\"M.a\", 1e-3) + \"M.b_c\"[dim] {a}", r.text("MAX(a, 1e-3) + b_c[dim] {a}"));
        assertEquals("\"M.a b\"", new ModuleFlattener.EquationRenamer("M.", java.util.Set.of("a_b"),
                java.util.Set.of()).text("\"a b\""));
    }
}
