package org.clusterdynamics.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.ModelBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Generated code and the interpreter give bit-identical saved values (or the same error) on every
 * model of the conformance suite that the engine compiles, on World3 and on the cluster model, with
 * Euler, RK4, adaptive Dormand-Prince and the model's own method.
 */
class BackendEquivalenceTest {

    private static Path suite() {
        String p = System.getProperty("cdyn.testModels");
        Path dir = p == null ? null : Path.of(p);
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "conformance suite not found: " + p);
        return dir;
    }

    private static boolean isModel(Path f) {
        String n = f.getFileName().toString().toLowerCase();
        return n.endsWith(".xmile") || n.endsWith(".mdl") || n.endsWith(".stmx");
    }

    @TestFactory
    Stream<DynamicTest> everySuiteModel() throws IOException {
        Path dir = suite();
        List<Path> files = new ArrayList<>();
        for (String sub : List.of("tests", "samples")) {
            Path d = dir.resolve(sub);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.walk(d, 2)) {
                    s.filter(Files::isRegularFile).filter(BackendEquivalenceTest::isModel).sorted().forEach(files::add);
                }
            }
        }
        assertFalse(files.isEmpty(), "no models under " + dir);
        return files.stream().map(f -> DynamicTest.dynamicTest(dir.relativize(f).toString(), () -> compare(f)));
    }

    @Test
    void world3() {
        Path world3 = Path.of(System.getProperty("cdyn.testModels", "../shared/test-models"))
                .resolveSibling("bench/models/world3-03/wrld3-03.mdl");
        Assumptions.assumeTrue(Files.isRegularFile(world3), "World3 not found at " + world3);
        compare(world3);
    }

    @Test
    void theClusterModel() {
        Path punjab = Path.of("models/punjab-clusters.xmile");
        Assumptions.assumeTrue(Files.isRegularFile(punjab), "the cluster model is not at " + punjab.toAbsolutePath());
        compare(punjab);
    }

    /** Code split over many part classes (as a model too large for one class is) gives the same bits. */
    @Test
    void codeSplitOverPartClasses() {
        Path world3 = Path.of(System.getProperty("cdyn.testModels", "../shared/test-models"))
                .resolveSibling("bench/models/world3-03/wrld3-03.mdl");
        for (Path file : List.of(Path.of("models/punjab-clusters.xmile"), world3)) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            CompiledModel model = ModelCompiler.compile(ModelFiles.read(file));
            SharedCode parts = new SharedCode(model);
            GeneratedCode code = GeneratedCode.compile(model, 4000);
            assertTrue(code.equationClasses() > 5, file + ": " + code.equationClasses() + " part classes");
            parts.offer(code);
            Simulator interpreter = new Simulator(model, Simulator.Backend.INTERPRETER);
            Simulator split = new Simulator(parts);
            assertSame(interpreter, split, RunOptions.defaults(), file.getFileName() + " in parts");
            assertSame(interpreter, split, RunOptions.defaults().withMethod(Method.RK4).withSeed(7),
                    file.getFileName() + " in parts, rk4");
        }
    }

    /** Reads and compiles the model (skipping it when the engine cannot), then runs both backends. */
    private static void compare(Path file) {
        CompiledModel model;
        try {
            model = ModelCompiler.compile(ModelFiles.read(file));
        } catch (RuntimeException e) {
            Assumptions.abort("the engine does not compile this model: " + e.getMessage());
            return;
        }
        Simulator interpreter = new Simulator(model, Simulator.Backend.INTERPRETER);
        Simulator generated = new Simulator(model, Simulator.Backend.GENERATED);
        List<RunOptions> runs = new ArrayList<>();
        if (model.specs().method() != Method.ADAPTIVE) {
            runs.add(RunOptions.defaults());
        }
        runs.add(RunOptions.defaults().withMethod(Method.EULER));
        runs.add(RunOptions.defaults().withMethod(Method.RK4).withSeed(7));
        runs.add(RunOptions.defaults().withMethod(Method.ADAPTIVE));
        for (RunOptions o : runs) {
            assertSame(interpreter, generated, o, file.getFileName() + " " + o.method());
        }
    }

    private static void assertSame(Simulator interpreter, Simulator generated, RunOptions o, String what) {
        Results a = null;
        Results b = null;
        String errorA = null;
        String errorB = null;
        try {
            a = interpreter.run(o);
        } catch (ModelException e) {
            errorA = e.getMessage();
        }
        try {
            b = generated.run(o);
        } catch (ModelException e) {
            errorB = e.getMessage();
        }
        assertEquals(errorA, errorB, what + ": both fail alike");
        if (a == null) {
            return;
        }
        assertTrue(generated.lastRunUsedGeneratedCode(), what + ": generated code ran");
        assertFalse(interpreter.lastRunUsedGeneratedCode(), what + ": the interpreter ran");
        assertEquals(a.names(), b.names(), what);
        assertArrayEquals(a.times(), b.times(), 0, what + ": times");
        for (String n : a.names()) {
            // assertArrayEquals with delta 0 compares bits (as Double.equals does), NaN included
            assertArrayEquals(a.column(n), b.column(n), 0, what + ": " + n);
        }
    }

    @Test
    void longArrayReductionsAndManyEquationsCompileToCodeTheJitCompiles() {
        String[] elements = new String[3000];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = "e" + i;
        }
        CompiledModel m = ModelCompiler.compile(ModelBuilder.xmile().time(0, 5, 0.5)
                .dimension("i", elements)
                .arrayAux("a", List.of("i"), "TIME * 0.001 + 1 / 3")
                .aux("total", "SUM(a[*])")
                .aux("product", "PROD(a[*]) * 0 + MEAN(a[*])")
                .stock("s", "0", List.of("inflow"), List.of())
                .flow("inflow", "total")
                .build());
        Simulator generated = new Simulator(m, Simulator.Backend.GENERATED);
        assertTrue(generated.generatedCode().largestMethodBytes() <= GeneratedCode.JIT_METHOD_LIMIT,
                "largest method " + generated.generatedCode().largestMethodBytes());
        assertSame(new Simulator(m, Simulator.Backend.INTERPRETER), generated, RunOptions.defaults(), "sum of 3000");
        assertEquals(3000 * (2.5 * 0.001 + 1.0 / 3), generated.run(RunOptions.defaults()).column("total")[5], 1e-9);
    }

    @Test
    void autoInterpretsFirstAndSwitchesToGeneratedCodeOnceItHasDoneEnoughWork() {
        CompiledModel m = ModelCompiler.compile(ModelBuilder.xmile().time(0, 1000, 0.01)
                .stock("stock", "100", List.of(), List.of("outflow"))
                .flow("outflow", "stock / delay")
                .aux("delay", "400")
                .build());
        Simulator auto = new Simulator(m);
        Results first = auto.run(RunOptions.defaults());
        assertFalse(auto.lastRunUsedGeneratedCode(), "a single run never waits for compilation");
        int runs = 1;
        while (!auto.lastRunUsedGeneratedCode() && runs < 100) {
            Results r = auto.run(RunOptions.defaults());
            assertArrayEquals(first.column("stock"), r.column("stock"), 0, "run " + runs);
            runs++;
        }
        assertTrue(auto.lastRunUsedGeneratedCode(), "generated code after " + runs + " runs");
        assertTrue(runs > 2 && runs < 100, "switched after " + runs + " runs");
        assertArrayEquals(first.column("stock"), auto.run(RunOptions.defaults()).column("stock"), 0);
        Simulator copy = auto.copy();
        copy.run(RunOptions.defaults());
        assertTrue(copy.lastRunUsedGeneratedCode(), "a copy for another thread shares the generated code");
        assertTrue(copy.generatedCode() == auto.generatedCode());
    }

    @Test
    void simulatorsSharingCodeCountWorkTogetherAndCompileOnce() {
        CompiledModel m = ModelCompiler.compile(ModelBuilder.xmile().time(0, 1000, 0.01)
                .stock("stock", "100", List.of(), List.of("outflow"))
                .flow("outflow", "stock / delay")
                .aux("delay", "400")
                .build());
        SharedCode shared = new SharedCode(m);
        Simulator a = new Simulator(shared);
        Simulator b = new Simulator(shared);
        Results first = a.run(RunOptions.defaults());
        int runs = 1;
        // the two alternate, as two worker threads of a batch would: together they reach the threshold
        while (!(a.lastRunUsedGeneratedCode() || b.lastRunUsedGeneratedCode()) && runs < 100) {
            Results r = (runs % 2 == 0 ? a : b).run(RunOptions.defaults());
            assertArrayEquals(first.column("stock"), r.column("stock"), 0, "run " + runs);
            runs++;
        }
        a.run(RunOptions.defaults());
        b.run(RunOptions.defaults());
        assertTrue(a.lastRunUsedGeneratedCode() && b.lastRunUsedGeneratedCode(), "both run the generated code");
        assertTrue(a.generatedCode() == b.generatedCode(), "compiled once for both");
        assertArrayEquals(first.column("stock"), b.run(RunOptions.defaults()).column("stock"), 0);
    }

    @Test
    void overriddenConstantsRunGeneratedCodeAndOverriddenEquationsFallBackToTheInterpreter() {
        CompiledModel m = ModelCompiler.compile(ModelBuilder.xmile().time(0, 10, 0.25)
                .stock("stock", "100", List.of("inflow"), List.of("outflow"))
                .flow("inflow", "rate * TIME")
                .flow("outflow", "stock / delay")
                .aux("rate", "2")
                .aux("delay", "4")
                .build());
        Simulator interpreter = new Simulator(m, Simulator.Backend.INTERPRETER);
        Simulator generated = new Simulator(m, Simulator.Backend.GENERATED);
        RunOptions constant = RunOptions.defaults().withConstant("delay", 3);
        assertSame(interpreter, generated, constant, "constant override");
        Results r = generated.run(constant);
        assertTrue(generated.lastRunUsedGeneratedCode());
        assertEquals(100.0 / 3, r.column("outflow")[0], 1e-12, "the override is used");
        // inflow is recomputed at every step: only the interpreter can hold it fixed
        RunOptions equation = RunOptions.defaults().withConstant("inflow", 1);
        Results a = interpreter.run(equation);
        Results b = generated.run(equation);
        assertFalse(generated.lastRunUsedGeneratedCode());
        assertArrayEquals(a.column("stock"), b.column("stock"), 0);
        assertEquals(1.0, b.column("inflow")[5], 0);
    }
}
