package org.clusterdynamics.io.xmile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.model.Flow;
import org.clusterdynamics.model.Leak;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;
import org.junit.jupiter.api.Test;

/** XMILE conveyors (XMILE 1.0 section 3.7.1.1, Stella's form): read, run on both backends, written back. */
class XmileConveyorTest {
    private static final Path SRC = Path.of("conveyor.xmile");

    private static String doc(String variables) {
        return "<xmile xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" version=\"1.0\">\n"
                + "<header><options><uses_conveyor/></options></header>\n"
                + "<sim_specs method=\"Euler\"><start>0</start><stop>12</stop><dt>0.5</dt></sim_specs>\n"
                + "<model>\n<variables>\n" + variables + "</variables>\n</model>\n</xmile>\n";
    }

    /** An aging chain as Stella writes it: the outflow has no equation, the leak's equation is its fraction. */
    private static final String STUDENTS = doc("""
            <stock name="Students">
                <eqn>0</eqn>
                <inflow>matriculating</inflow>
                <outflow>graduating</outflow>
                <outflow>dropping_out</outflow>
                <conveyor discrete="false" batch_integrity="false" one_at_a_time="true">
                    <len>transit_time</len>
                    <capacity>1000</capacity>
                </conveyor>
            </stock>
            <flow name="matriculating"><eqn>20</eqn></flow>
            <flow name="graduating"><non_negative/></flow>
            <flow name="dropping_out" leak_start="0.5" leak_end="1">
                <eqn>0.1</eqn>
                <non_negative/>
                <leak/>
            </flow>
            <aux name="transit_time"><eqn>4</eqn></aux>
            <stock name="Graduates"><eqn>0</eqn><inflow>graduating</inflow></stock>
            """);

    @Test
    void readsAConveyorAndItsLeak() {
        Model m = XmileReader.read(STUDENTS, SRC);
        Stock s = assertInstanceOf(Stock.class, m.variable("Students").orElseThrow());
        assertEquals("transit_time", s.conveyor().length().text());
        assertEquals("1000", s.conveyor().capacity().text());
        assertNull(s.conveyor().inflowLimit());
        Flow leak = assertInstanceOf(Flow.class, m.variable("dropping_out").orElseThrow());
        assertEquals(new Leak(0.5, 1), leak.leak());
        assertEquals("0.1", leak.definition().equation().text());
        Flow out = assertInstanceOf(Flow.class, m.variable("graduating").orElseThrow());
        assertNull(out.leak());
        assertNull(out.definition().equation(), "a conveyor's outflow needs no equation");
    }

    @Test
    void aConveyorFileRunsAlikeOnBothBackends() {
        CompiledModel m = ModelCompiler.compile(XmileReader.read(STUDENTS, SRC));
        Results a = new Simulator(m, Simulator.Backend.INTERPRETER).run(RunOptions.defaults());
        Results b = new Simulator(m, Simulator.Backend.GENERATED).run(RunOptions.defaults());
        assertEquals(a.names(), b.names());
        for (String n : a.names()) {
            assertArrayEquals(a.column(n), b.column(n), 0, n);
        }
        // 20 a year ride 4 years; 10% of each cohort leaves in the second half of the belt
        assertEquals(0, a.valueAt("graduating", 3.5), 1e-12);
        assertEquals(20 * 0.9, a.valueAt("graduating", 4), 1e-9);
        assertEquals(20 * 0.1, a.valueAt("dropping_out", 8), 1e-9);
        assertEquals(0, a.valueAt("dropping_out", 1.5), 1e-12);
    }

    @Test
    void theValueFormOfLeakGivesTheFraction() {
        Model m = XmileReader.read(doc("""
                <stock name="belt"><eqn>0</eqn><inflow>i</inflow><outflow>o</outflow><outflow>l</outflow>
                    <conveyor exponential_leak="true"><len>2</len><in_limit>3</in_limit></conveyor></stock>
                <flow name="i"><eqn>5</eqn></flow>
                <flow name="o"/>
                <flow name="l"><leak>0.2</leak></flow>
                """), SRC);
        Flow l = assertInstanceOf(Flow.class, m.variable("l").orElseThrow());
        assertEquals("0.2", l.definition().equation().text());
        assertEquals(Leak.EVERYWHERE, l.leak());
        Stock s = assertInstanceOf(Stock.class, m.variable("belt").orElseThrow());
        assertTrue(s.conveyor().exponentialLeak());
        Results r = Simulator.run(ModelCompiler.compile(m), RunOptions.defaults());
        assertEquals(3, r.valueAt("i", 1), 1e-12, "the inflow limit");
        assertEquals(3 * Math.pow(1 - 0.2 * 0.5, 4), r.valueAt("o", 5), 1e-9);
    }

    private static Diagnostic refused(String variables) {
        ModelException e = assertThrows(ModelException.class, () -> XmileReader.read(doc(variables), SRC));
        assertEquals(1, e.diagnostics().errors().size(), e.getMessage());
        return e.diagnostics().errors().get(0);
    }

    @Test
    void unsupportedOptionsAreRefusedWithTheVariableAndLine() {
        String[][] cases = {
            // the document's variables start on line 6: the stock, then its <conveyor> on line 7
            {"<conveyor><len>2</len>\n<sample>1</sample></conveyor>", "sample", "8"},
            {"<conveyor><len>2</len>\n<arrest>0</arrest></conveyor>", "arrest", "8"},
            {"<conveyor discrete=\"true\"><len>2</len></conveyor>", "discrete", "7"},
            {"<conveyor batch_integrity=\"true\"><len>2</len></conveyor>", "batch", "7"},
        };
        for (String[] c : cases) {
            Diagnostic d = refused("<stock name=\"Belt\"><eqn>0</eqn>\n" + c[0] + "</stock>\n");
            assertEquals("XMILE_UNSUPPORTED", d.code(), c[1]);
            assertEquals("Belt", d.where().variable(), c[1]);
            assertEquals(Integer.parseInt(c[2]), d.where().line(), c[1]);
            assertTrue(d.message().contains(c[1]), d.message());
        }
        Diagnostic d = refused("<stock name=\"Belt\"><eqn>0</eqn><outflow>l</outflow><conveyor><len>2</len></conveyor>"
                + "</stock>\n<flow name=\"Spill\"><eqn>0.1</eqn><leak/>\n<leak_integers/></flow>\n");
        assertEquals("XMILE_UNSUPPORTED", d.code());
        assertEquals("Spill", d.where().variable());
        assertEquals(8, d.where().line());
        d = refused("<stock name=\"Belt\"><eqn>0</eqn><conveyor><capacity>3</capacity></conveyor></stock>\n");
        assertTrue(d.message().contains("<len>"), d.message());
        d = refused("<flow name=\"Spill\" leak_end=\"50\"><eqn>0.1</eqn><leak/></flow>\n");
        assertEquals("XMILE_BAD_VALUE", d.code());
        assertTrue(d.message().contains("leak_end"), d.message());
    }

    @Test
    void theWriterWritesConveyorsBack() {
        Model m = XmileReader.read(STUDENTS, SRC);
        String written = XmileWriter.write(m);
        assertTrue(written.contains("<uses_conveyor"), written);
        Model back = XmileReader.read(written, SRC);
        Stock s = assertInstanceOf(Stock.class, back.variable("Students").orElseThrow());
        assertEquals("transit_time", s.conveyor().length().text());
        assertEquals("1000", s.conveyor().capacity().text());
        assertEquals(new Leak(0.5, 1), ((Flow) back.variable("dropping_out").orElseThrow()).leak());
        Results a = Simulator.run(ModelCompiler.compile(m), RunOptions.defaults());
        Results b = Simulator.run(ModelCompiler.compile(back), RunOptions.defaults());
        for (String n : a.names()) {
            assertArrayEquals(a.column(n), b.column(n), 0, n);
        }
    }
}
