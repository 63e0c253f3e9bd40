package org.clusterdynamics.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.io.vensim.VensimReader;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.ModelBuilder;
import org.junit.jupiter.api.Test;

/**
 * The random builtins end to end: Vensim model text using each new RANDOM function, and an XMILE
 * model using Stella's, read, compiled and run by the interpreter and by generated code, which agree
 * to the bit; each saved column has its distribution's mean and stays within its bounds.
 */
class RandomBuiltinsModelTest {

    private static final String VENSIM = """
            {UTF-8}
            poisson draw = RANDOM POISSON(0, 20, 4, 0, 1, 0)
            \t~\tdmnl
            \t~\tPoisson of mean 4 in 0..20
            \t|

            triangular draw = RANDOM TRIANGULAR(0, 10, 1, 2, 6, 0)
            \t~\tdmnl
            \t~\t|

            gamma draw = RANDOM GAMMA(0, 1000, 3, 1, 2, 0)
            \t~\tdmnl
            \t~\t|

            beta draw = RANDOM BETA(0, 10, 2, 6, 0, 8, 0)
            \t~\tdmnl
            \t~\t|

            weibull draw = RANDOM WEIBULL(0, 1000, 1, 0, 3, 0)
            \t~\tdmnl
            \t~\tshape 1: an exponential of mean 3
            \t|

            binomial draw = RANDOM BINOMIAL(0, 100, 0.25, 40, 0, 1, 0)
            \t~\tdmnl
            \t~\t|

            negative binomial draw = RANDOM NEGATIVE BINOMIAL(0, 10000, 0.5, 4, 0, 1, 0)
            \t~\tdmnl
            \t~\ttrials up to the 4th success
            \t|

            arrivals = INTEG(poisson draw + binomial draw, 0)
            \t~\tdmnl
            \t~\t|

            ********************************************************
            \t.Control
            ********************************************************~
            \t\tSimulation Control Parameters
            \t|

            FINAL TIME  = 3000
            \t~\tMonth
            \t~\t|

            INITIAL TIME  = 0
            \t~\tMonth
            \t~\t|

            SAVEPER  = TIME STEP
            \t~\tMonth
            \t~\t|

            TIME STEP  = 1
            \t~\tMonth
            \t~\t|

            \\\\\\---/// Sketch information - do not modify anything except names
            V300  Do not put anything below this section - it will be ignored
            *View 1
            ///---\\\\\\
            """;

    /** Runs both backends with these options; they must agree to the bit. */
    private static Results bothBackends(CompiledModel m, RunOptions o) {
        Simulator interpreter = new Simulator(m, Simulator.Backend.INTERPRETER);
        Simulator generated = new Simulator(m, Simulator.Backend.GENERATED);
        Results a = interpreter.run(o);
        Results b = generated.run(o);
        assertTrue(generated.lastRunUsedGeneratedCode(), "generated code ran");
        assertFalse(interpreter.lastRunUsedGeneratedCode(), "the interpreter ran");
        assertEquals(a.names(), b.names());
        for (String n : a.names()) {
            assertArrayEquals(a.column(n), b.column(n), 0, n); // delta 0: bit for bit
        }
        return a;
    }

    private static void assertMean(Results r, String name, double mean, double variance) {
        double[] x = r.column(name);
        double m = Arrays.stream(x).average().orElseThrow();
        assertEquals(mean, m, 4.5 * Math.sqrt(variance / x.length), name + ": mean");
    }

    private static void assertWithin(Results r, String name, double lo, double hi, boolean whole) {
        for (double v : r.column(name)) {
            assertTrue(v >= lo && v <= hi, name + ": " + v + " outside " + lo + ".." + hi);
            assertTrue(!whole || v == Math.rint(v), name + ": " + v + " is not a whole number");
        }
    }

    @Test
    void vensimRandomFunctionsRunAlikeOnBothBackends() {
        CompiledModel m = ModelCompiler.compile(VensimReader.read(VENSIM, Path.of("random.mdl")));
        Results r = bothBackends(m, RunOptions.defaults());
        assertEquals(3001, r.column("poisson draw").length);
        assertMean(r, "poisson draw", 4, 4); // 0..20 cuts off about 1e-7 of Poisson(4)
        assertWithin(r, "poisson draw", 0, 20, true);
        assertMean(r, "triangular draw", 3, 41 / 18.0 - 20 / 18.0);
        assertWithin(r, "triangular draw", 1, 6, false);
        assertMean(r, "gamma draw", 1 + 2 * 3, 4 * 3);
        assertWithin(r, "gamma draw", 1, 1000, false);
        assertMean(r, "beta draw", 8 * 2 / 8.0, 64 * 12 / (64.0 * 9));
        assertWithin(r, "beta draw", 0, 8, false);
        assertMean(r, "weibull draw", 3, 9);
        assertMean(r, "binomial draw", 10, 7.5);
        assertWithin(r, "binomial draw", 0, 40, true);
        assertMean(r, "negative binomial draw", 8, 8);
        assertWithin(r, "negative binomial draw", 4, 10000, true);
        // the stock adds up the draws it is given
        double[] poisson = r.column("poisson draw");
        double[] binomial = r.column("binomial draw");
        double sum = 0;
        for (int i = 0; i < poisson.length - 1; i++) {
            sum += poisson[i] + binomial[i];
        }
        assertEquals(sum, r.finalValue("arrivals"), 1e-9 * sum);
        // another seed, other draws, still alike on both backends
        Results other = bothBackends(m, RunOptions.defaults().withSeed(12345));
        assertFalse(Arrays.equals(r.column("gamma draw"), other.column("gamma draw")));
    }

    @Test
    void stellaRandomFunctionsRunAlikeOnBothBackends() {
        CompiledModel m = ModelCompiler.compile(ModelBuilder.xmile().time(0, 500, 0.25)
                .aux("poisson draw", "POISSON(8)")
                .aux("lognormal draw", "LOGNORMAL(10, 2, 7)")
                .aux("triangular draw", "TRIANGULAR(1, 2, 6)")
                .aux("gamma draw", "GAMMA(2, 3)")
                .aux("beta draw", "BETA(2, 6, 11)")
                .aux("weibull draw", "WEIBULL(1, 3)")
                .aux("binomial draw", "BINOMIAL(40, 0.25)")
                .build());
        Results r = bothBackends(m, RunOptions.defaults());
        // POISSON's argument is a rate per unit time: one step of 0.25 sees 8 * 0.25 arrivals on average
        assertMean(r, "poisson draw", 2, 2);
        assertWithin(r, "poisson draw", 0, Double.MAX_VALUE, true);
        assertMean(r, "lognormal draw", 10, 4);
        assertWithin(r, "lognormal draw", 0, Double.MAX_VALUE, false);
        assertMean(r, "triangular draw", 3, 41 / 18.0 - 20 / 18.0);
        assertMean(r, "gamma draw", 6, 18);
        assertMean(r, "beta draw", 0.25, 12 / (64.0 * 9));
        assertWithin(r, "beta draw", 0, 1, false);
        assertMean(r, "weibull draw", 3, 9);
        assertMean(r, "binomial draw", 10, 7.5);
    }

    @Test
    void anInvalidArgumentIsReportedWithTheVariableAndTime() {
        CompiledModel m = ModelCompiler.compile(ModelBuilder.xmile().time(0, 10, 1)
                .aux("p", "0.5 - TIME / 5")
                .aux("draw", "BINOMIAL(10, p)")
                .build());
        for (Simulator.Backend backend : List.of(Simulator.Backend.INTERPRETER, Simulator.Backend.GENERATED)) {
            ModelException e = assertThrows(ModelException.class, () -> new Simulator(m, backend).run(RunOptions.defaults()));
            Diagnostic d = e.diagnostics().errors().get(0);
            assertEquals("E100", d.code());
            assertEquals("draw", d.where().variable());
            // p leaves 0..1 at time 3, and the draw of time 3 uses the p of time 3
            assertEquals(3.0, d.where().time(), backend.toString());
        }
    }

    @Test
    void aDrawUsesTheArgumentsOfItsOwnStepAndHoldsThroughTheStep() {
        // a uniform draw between TIME and TIME is TIME itself, if drawn with the arguments of its step;
        // the stock integrates the draw, so Runge-Kutta's later stages must read the step's one draw
        CompiledModel m = ModelCompiler.compile(ModelBuilder.xmile().time(0, 5, 0.5)
                .aux("now", "UNIFORM(TIME, TIME)")
                .aux("noise", "UNIFORM(0, 1)")
                .stock("total", "0", List.of("inflow"), List.of()).flow("inflow", "noise")
                .build());
        for (Method method : List.of(Method.EULER, Method.RK4)) {
            for (Simulator.Backend backend : List.of(Simulator.Backend.INTERPRETER, Simulator.Backend.GENERATED)) {
                Results r = new Simulator(m, backend).run(RunOptions.defaults().withMethod(method).withSeed(7));
                double[] t = r.times();
                double[] now = r.column("now");
                double[] noise = r.column("noise");
                double[] total = r.column("total");
                for (int i = 0; i < t.length; i++) {
                    assertEquals(t[i], now[i], 0, method + " " + backend + " at " + t[i]);
                    if (i > 0) {
                        // one value per step: every RK stage of the step integrates the same draw
                        assertEquals(total[i - 1] + 0.5 * noise[i - 1], total[i], 1e-12, method + " " + backend);
                    }
                }
            }
        }
    }
}
