package org.clusterdynamics.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.io.xmile.XmileReader;
import org.junit.jupiter.api.Test;

/**
 * Stella's non-constant subscripts ({@code a[index expression]}, or a variable as the index): the
 * element is chosen at every evaluation, by the interpreter and by generated code alike, and an
 * index outside the dimension stops the run naming the variable, the array and the time.
 */
class ComputedSubscriptTest {

    private static String model(String equations) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
                  <header><vendor>test</vendor><product version="1">t</product></header>
                  <sim_specs><start>0</start><stop>5</stop><dt>1</dt></sim_specs>
                  <dimensions>
                    <dim name="Age"><elem name="young"/><elem name="mid"/><elem name="old"/></dim>
                    <dim name="Sex"><elem name="f"/><elem name="m"/></dim>
                  </dimensions>
                  <model><variables>
                    <aux name="price"><dimensions><dim name="Age"/></dimensions><eqn>10, 20, 30</eqn></aux>
                    <aux name="table"><dimensions><dim name="Age"/><dim name="Sex"/></dimensions>
                      <eqn>Age * 10 + Sex</eqn></aux>
                    <aux name="idx"><eqn>1 + MOD(TIME, 3)</eqn></aux>
                """ + equations + """
                  </variables></model>
                </xmile>
                """;
    }

    private static CompiledModel compile(String equations) {
        return ModelCompiler.compile(XmileReader.read(model(equations), Path.of("computed.xmile")));
    }

    @Test
    void theIndexIsComputedAtEveryStepOnBothBackends() {
        CompiledModel m = compile("""
                <aux name="by variable"><eqn>price[idx]</eqn></aux>
                <aux name="by expression"><eqn>price[MIN(TIME + 1, 3)]</eqn></aux>
                <aux name="shifted"><dimensions><dim name="Age"/></dimensions>
                  <eqn>price[MIN(Age + INT(TIME), 3)]</eqn></aux>
                <aux name="one computed of two"><eqn>table[idx, m]</eqn></aux>
                <aux name="both computed"><eqn>table[idx, 2 - MOD(TIME, 2)]</eqn></aux>
                """);
        Results a = new Simulator(m, Simulator.Backend.INTERPRETER).run(RunOptions.defaults());
        Results b = new Simulator(m, Simulator.Backend.GENERATED).run(RunOptions.defaults());
        assertArrayEquals(new double[] {10, 20, 30, 10, 20, 30}, a.column("by variable"), 0);
        assertArrayEquals(new double[] {10, 20, 30, 30, 30, 30}, a.column("by expression"), 0);
        assertArrayEquals(new double[] {20, 30, 30, 30, 30, 30}, a.column("shifted[mid]"), 0);
        assertArrayEquals(new double[] {12, 22, 32, 12, 22, 32}, a.column("one computed of two"), 0);
        assertArrayEquals(new double[] {12, 21, 32, 11, 22, 31}, a.column("both computed"), 0);
        for (String n : a.names()) {
            assertArrayEquals(a.column(n), b.column(n), 0, n);
        }
    }

    @Test
    void anIndexOutsideTheDimensionStopsTheRunNamingVariableArrayAndTime() {
        CompiledModel m = compile("<aux name=\"reader\"><eqn>price[TIME + 1]</eqn></aux>\n");
        for (Simulator.Backend backend : new Simulator.Backend[] {Simulator.Backend.INTERPRETER,
                Simulator.Backend.GENERATED}) {
            ModelException e = assertThrows(ModelException.class, () -> new Simulator(m, backend)
                    .run(RunOptions.defaults()));
            Diagnostic d = e.diagnostics().errors().get(0);
            assertEquals("E102", d.code());
            assertEquals("reader", d.where().variable());
            assertEquals(3, d.where().time(), 0);
            assertTrue(d.message().contains("price[TIME + 1]") && d.message().contains("is 4, outside 1..3"),
                    d.message());
        }
    }

    @Test
    void aConstantNamedAsTheIndexCanBeOverriddenForARun() {
        CompiledModel m = compile("""
                <aux name="which"><eqn>1</eqn></aux>
                <aux name="chosen"><eqn>price[which]</eqn></aux>
                """);
        for (Simulator.Backend backend : new Simulator.Backend[] {Simulator.Backend.INTERPRETER,
                Simulator.Backend.GENERATED}) {
            Simulator sim = new Simulator(m, backend);
            assertEquals(10, sim.run(RunOptions.defaults()).finalValue("chosen"), 0);
            assertEquals(30, sim.run(RunOptions.defaults().withConstant("which", 3)).finalValue("chosen"), 0);
        }
    }
}
