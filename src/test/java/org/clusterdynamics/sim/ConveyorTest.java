package org.clusterdynamics.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.model.Conveyor;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.Leak;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.ModelBuilder;
import org.junit.jupiter.api.Test;

/**
 * Conveyors against closed forms: the belt delays its inflow by the transit time, spreads its
 * initial contents, loses a leak fraction of each batch evenly over the leak zone (linear) or a
 * fraction per unit of time (exponential), starts in isee's documented steady state, and admits no
 * more than its capacity and inflow limit. Every run is made on both backends, which must agree
 * bit for bit.
 */
class ConveyorTest {
    private static final double EPS = 1e-9;

    /** Runs on the interpreter and on generated code, checks they agree exactly, returns one. */
    static Results run(ModelBuilder b, RunOptions o) {
        CompiledModel m = ModelCompiler.compile(b.build());
        Results a = new Simulator(m, Simulator.Backend.INTERPRETER).run(o);
        Results g = new Simulator(m, Simulator.Backend.GENERATED).run(o);
        assertEquals(a.names(), g.names());
        for (String n : a.names()) {
            assertArrayEquals(a.column(n), g.column(n), 0, n + ": backends differ");
        }
        return a;
    }

    static Results run(ModelBuilder b) {
        return run(b, RunOptions.defaults());
    }

    /** source -> arriving -> belt -> departing -> done, with entered and done counting what passed. */
    private static ModelBuilder belt(double stop, double dt, String initial, String inflow, Conveyor c) {
        return ModelBuilder.xmile().time(0, stop, dt)
                .stock("entered", "0", List.of("arriving"), List.of())
                .flow("arriving", inflow)
                .conveyor("belt", initial, List.of("arriving"), List.of("departing"), c)
                .flow("departing", "123") // a conveyor's outflow ignores its own equation
                .stock("done", "0", List.of("departing"), List.of());
    }

    @Test
    void anEmptyConveyorDelaysItsInflowByTheTransitTime() {
        double length = 4;
        double inflow = 10;
        Results r = run(belt(10, 0.25, "0", "10", Conveyor.of("4")));
        double[] t = r.times();
        double[] out = r.column("departing");
        double[] level = r.column("belt");
        for (int i = 0; i < t.length; i++) {
            assertEquals(t[i] < length - EPS ? 0 : inflow, out[i], EPS, "outflow at " + t[i]);
            assertEquals(inflow * Math.min(t[i], length), level[i], 1e-9, "level at " + t[i]);
        }
    }

    @Test
    void theLevelIsWhatEnteredLessWhatLeft() {
        Results r = run(belt(20, 0.5, "7", "5 + 3 * SIN(TIME)", Conveyor.of("3")));
        double[] level = r.column("belt");
        double[] entered = r.column("entered");
        double[] done = r.column("done");
        for (int i = 0; i < level.length; i++) {
            assertEquals(7 + entered[i] - done[i], level[i], 1e-9, "at " + r.times()[i]);
        }
        // and what left at t entered at t - 3 (the delayed inflow)
        assertEquals(5 + 3 * Math.sin(17 - 3), r.valueAt("departing", 17), 1e-9);
    }

    @Test
    void initialContentsComeOutEvenlyOverTheTransitTime() {
        double contents = 60;
        double length = 3;
        Results r = run(belt(6, 0.5, "60", "0", Conveyor.of("3")));
        for (double t : r.times()) {
            double expected = t < length - EPS ? contents / length : 0;
            assertEquals(expected, r.valueAt("departing", t), EPS, "outflow at " + t);
            assertEquals(Math.max(0, contents - contents / length * t), r.valueAt("belt", t), 1e-9, "level at " + t);
        }
    }

    @Test
    void theTransitTimeIsAnExpressionTakenAtTheStart() {
        // len = 2 + TIME is 2 at the start; it does not stretch later
        Results r = run(belt(8, 1, "0", "4", new Conveyor(Equation.of("2 + TIME"), null, null, false)));
        assertEquals(0, r.valueAt("departing", 1), EPS);
        assertEquals(4, r.valueAt("departing", 2), EPS);
        assertEquals(4, r.valueAt("departing", 7), EPS);
    }

    private static ModelBuilder leaky(double stop, double dt, String initial, String inflow, Conveyor c,
            String fraction, Leak zone) {
        return ModelBuilder.xmile().time(0, stop, dt)
                .stock("entered", "0", List.of("arriving"), List.of())
                .flow("arriving", inflow)
                .conveyor("belt", initial, List.of("arriving"), List.of("departing", "spilling"), c)
                .flow("departing", "0")
                .leak("spilling", fraction, zone)
                .stock("done", "0", List.of("departing"), List.of())
                .stock("spilled", "0", List.of("spilling"), List.of());
    }

    @Test
    void aLinearLeakTakesItsFractionOfEachBatchEvenlyOverTheBelt() {
        // one batch of 10 enters in the first step; f = 0.2 of it leaks over the 5 steps it rides
        double f = 0.2;
        Results r = run(leaky(10, 1, "0", "IF TIME < 1 THEN 10 ELSE 0", Conveyor.of("5"), "0.2", Leak.EVERYWHERE));
        for (double t = 0; t <= 10; t++) {
            assertEquals(t >= 1 && t <= 5 ? f * 10 / 5 : 0, r.valueAt("spilling", t), EPS, "leak at " + t);
            assertEquals(t == 5 ? (1 - f) * 10 : 0, r.valueAt("departing", t), EPS, "outflow at " + t);
        }
        assertEquals(f * 10, r.finalValue("spilled"), EPS);
        assertEquals((1 - f) * 10, r.finalValue("done"), EPS);
        assertEquals(0, r.finalValue("belt"), EPS);
    }

    @Test
    void aConstantInflowLeavesAsOneMinusTheFractionOfTheDelayedInflow() {
        double f = 0.25;
        double inflow = 12;
        Results r = run(leaky(20, 0.5, "0", "12", Conveyor.of("4"), "0.25", Leak.EVERYWHERE));
        for (double t : r.times()) {
            assertEquals(t < 4 - EPS ? 0 : (1 - f) * inflow, r.valueAt("departing", t), 1e-9, "outflow at " + t);
        }
        assertEquals(f * inflow, r.valueAt("spilling", 10), 1e-9, "steady leakage");
        double[] level = r.column("belt");
        double[] entered = r.column("entered");
        double[] done = r.column("done");
        double[] spilled = r.column("spilled");
        for (int i = 0; i < level.length; i++) {
            assertEquals(entered[i] - done[i] - spilled[i], level[i], 1e-9, "conservation at " + r.times()[i]);
        }
    }

    @Test
    void aLeakZoneConfinesTheLeakToItsPartOfTheBelt() {
        // zone 0.6..1 of 5 steps: the batch leaks on its 4th and 5th step, f/2 of it each
        Results r = run(leaky(10, 1, "0", "IF TIME < 1 THEN 10 ELSE 0", Conveyor.of("5"), "0.2", new Leak(0.6, 1)));
        for (double t = 0; t <= 10; t++) {
            assertEquals(t == 4 || t == 5 ? 0.2 * 10 / 2 : 0, r.valueAt("spilling", t), EPS, "leak at " + t);
        }
        assertEquals(8, r.valueAt("departing", 5), EPS);
    }

    @Test
    void anExponentialLeakTakesAFractionPerUnitOfTimeOfWhatIsOnTheBelt() {
        double f = 0.1;
        double dt = 0.5;
        double inflow = 10;
        Conveyor c = new Conveyor(Equation.of("2"), null, null, true);
        Results r = run(leaky(12, dt, "0", "10", c, "0.1", Leak.EVERYWHERE));
        // each batch keeps (1 - f dt) per step for its 4 steps
        double survives = Math.pow(1 - f * dt, 2 / dt);
        assertEquals(inflow * survives, r.valueAt("departing", 10), 1e-9);
        assertEquals(inflow * (1 - survives), r.valueAt("spilling", 10), 1e-9);
        // isee's equilibrium contents for exponential leakage
        assertEquals(inflow * (1 - survives) / f, r.valueAt("belt", 10), 1e-9);
    }

    @Test
    void aScalarInitialValueStartsALeakyBeltInItsSteadyState() {
        // isee, "Initializing Discrete Stocks": linear I*T*(1 - f*(T - DT)/T/2), exponential I*(1 - (1 - f DT)^(T/DT))/f
        double in = 8;
        double tt = 3;
        double dt = 0.25;
        double f = 0.3;
        double linear = in * tt * (1 - f * (tt - dt) / tt / 2);
        Results r = run(leaky(10, dt, Double.toString(linear), "8", Conveyor.of("3"), "0.3", Leak.EVERYWHERE));
        for (double t : r.times()) {
            assertEquals((1 - f) * in, r.valueAt("departing", t), 1e-9, "linear outflow at " + t);
            assertEquals(f * in, r.valueAt("spilling", t), 1e-9, "linear leak at " + t);
            assertEquals(linear, r.valueAt("belt", t), 1e-9, "linear level at " + t);
        }
        double exponential = in * (1 - Math.pow(1 - f * dt, tt / dt)) / f;
        r = run(leaky(10, dt, Double.toString(exponential), "8", new Conveyor(Equation.of("3"), null, null, true),
                "0.3", Leak.EVERYWHERE));
        for (double t : r.times()) {
            assertEquals(in * Math.pow(1 - f * dt, tt / dt), r.valueAt("departing", t), 1e-9, "outflow at " + t);
            assertEquals(exponential, r.valueAt("belt", t), 1e-9, "exponential level at " + t);
        }
    }

    @Test
    void theCapacityHoldsBackWhatWouldOverfillTheBelt() {
        // capacity 25, 10 offered per step, transit 4 steps: 10, 10, 5, 0 enter, then what leaves makes room
        ModelBuilder b = ModelBuilder.xmile().time(0, 12, 1)
                .stock("source", "1000", List.of(), List.of("arriving"))
                .flow("arriving", "10")
                .conveyor("belt", "0", List.of("arriving"), List.of("departing"),
                        new Conveyor(Equation.of("4"), Equation.of("25"), null, false))
                .flow("departing", "0");
        Results r = run(b);
        double[] admitted = {10, 10, 5, 0};
        for (int t = 0; t <= 12; t++) {
            assertEquals(admitted[t % 4], r.valueAt("arriving", t), EPS, "admitted at " + t);
            assertTrue(r.valueAt("belt", t) <= 25 + EPS, "level within capacity at " + t);
        }
        // what was held back stays upstream
        double sum = 0;
        for (int t = 0; t < 12; t++) {
            sum += admitted[t % 4];
        }
        assertEquals(1000 - sum, r.finalValue("source"), EPS);
    }

    @Test
    void theInflowLimitCapsWhatEntersPerUnitOfTime() {
        ModelBuilder b = belt(10, 0.5, "0", "10", new Conveyor(Equation.of("2"), null, Equation.of("4"), false));
        Results r = run(b);
        assertEquals(4, r.valueAt("arriving", 1), EPS);
        assertEquals(4, r.valueAt("departing", 5), EPS);
        assertEquals(4 * 10, r.finalValue("entered"), EPS);
    }

    @Test
    void conveyorsInARowPassMaterialAlong() {
        ModelBuilder b = ModelBuilder.xmile().time(0, 10, 1)
                .flow("arriving", "IF TIME < 1 THEN 6 ELSE 0")
                .conveyor("first", "0", List.of("arriving"), List.of("middle"), Conveyor.of("2"))
                .flow("middle", "0")
                .conveyor("second", "0", List.of("middle"), List.of("departing"), Conveyor.of("3"))
                .flow("departing", "0");
        Results r = run(b);
        assertEquals(6, r.valueAt("middle", 2), EPS);
        assertEquals(6, r.valueAt("departing", 5), EPS);
        assertEquals(0, r.valueAt("departing", 4), EPS);
    }

    @Test
    void auxiliariesSeeTheConveyorsFlows() {
        Results r = run(belt(6, 1, "0", "3", Conveyor.of("2")).aux("twice", "2 * departing"));
        assertEquals(0, r.valueAt("twice", 1), EPS);
        assertEquals(6, r.valueAt("twice", 2), EPS);
    }

    @Test
    void rk4RunsConveyorsOncePerStep() {
        Results r = run(belt(8, 0.5, "0", "10", Conveyor.of("2")), RunOptions.defaults().withMethod(Method.RK4));
        assertEquals(0, r.valueAt("departing", 1.5), EPS);
        assertEquals(10, r.valueAt("departing", 2), EPS);
        assertEquals(20, r.valueAt("belt", 5), 1e-9);
    }

    @Test
    void theAdaptiveMethodIsRefusedNamingTheConveyor() {
        CompiledModel m = ModelCompiler.compile(belt(8, 0.5, "0", "10", Conveyor.of("2")).build());
        ModelException e = assertThrows(ModelException.class,
                () -> new Simulator(m).run(RunOptions.defaults().withMethod(Method.ADAPTIVE)));
        assertTrue(e.getMessage().contains("conveyor 'belt'") && e.getMessage().contains("euler"), e.getMessage());
    }

    @Test
    void aConveyorWithTwoPlainOutflowsIsRefused() {
        ModelBuilder b = belt(8, 1, "0", "1", Conveyor.of("2"));
        b = ModelBuilder.xmile().time(0, 8, 1)
                .flow("arriving", "1")
                .conveyor("belt", "0", List.of("arriving"), List.of("departing", "other"), Conveyor.of("2"))
                .flow("departing", "0")
                .flow("other", "1");
        ModelBuilder model = b;
        ModelException e = assertThrows(ModelException.class, () -> ModelCompiler.compile(model.build()));
        assertTrue(e.getMessage().contains("<leak/>") && e.getMessage().contains("belt"), e.getMessage());
    }

    @Test
    void aLeakThatLeavesNoConveyorIsRefused() {
        ModelBuilder b = ModelBuilder.xmile().time(0, 8, 1)
                .stock("s", "1", List.of(), List.of("spilling"))
                .leak("spilling", "0.1", Leak.EVERYWHERE);
        ModelException e = assertThrows(ModelException.class, () -> ModelCompiler.compile(b.build()));
        assertTrue(e.getMessage().contains("spilling") && e.getMessage().contains("not an outflow of a conveyor"),
                e.getMessage());
    }
}
