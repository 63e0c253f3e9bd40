package org.clusterdynamics.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.List;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.io.xmile.XmileReader;
import org.junit.jupiter.api.Test;

/** A non-negative stock's outflows are cut to what it holds, step by step, and only while needed. */
class NonNegativeStockTest {

    private static final String MODEL = """
            <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
            <header><name>nn</name></header>
            <sim_specs method="Euler"><start>0</start><stop>8</stop><dt>1</dt></sim_specs>
            <model><variables>
            <stock name="s"><eqn>12</eqn><inflow>refill</inflow><outflow>use</outflow><non_negative/></stock>
            <flow name="use"><eqn>5</eqn></flow>
            <flow name="refill"><eqn>IF TIME &gt;= 5 THEN 10 ELSE 0</eqn></flow>
            </variables></model></xmile>
            """;

    @Test
    void aConstantOutflowCutWhileTheStockIsEmptyComesBackWhenItRefills() {
        CompiledModel m = ModelCompiler.compile(XmileReader.read(MODEL, Path.of("nn.xmile")));
        for (Simulator.Backend backend : List.of(Simulator.Backend.INTERPRETER, Simulator.Backend.GENERATED)) {
            Results r = new Simulator(m, backend).run(RunOptions.defaults());
            // 12 - 5 - 5 leaves 2, then empty; from time 5 the refill of 10 lets the 5 flow again
            assertArrayEquals(new double[] {5, 5, 2, 0, 0, 5, 5, 5, 5}, r.column("use"), 0, backend.toString());
            assertArrayEquals(new double[] {12, 7, 2, 0, 0, 0, 5, 10, 15}, r.column("s"), 0, backend.toString());
        }
    }
}
