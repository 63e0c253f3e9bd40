package org.clusterdynamics.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.sim.GeneratedCode;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The measurements of {@code cdyn bench} under JMH: microseconds per full run keeping everything
 * or nothing, and the time to read and compile a model and to generate its code (build with
 * {@code mvn -Pbench package -DskipTests}, run with {@code java -cp target/cdyn.jar org.openjdk.jmh.Main}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 7, time = 1)
@Fork(1)
public class ModelBenchmark {

    /** Model files, relative to the working directory (the checkout). */
    @Param({"../shared/bench/models/world3-03/wrld3-03.mdl", "../shared/test-models/samples/Query_file/Query_file.mdl"})
    public String model;

    /** generated or interpreter. */
    @Param({"generated"})
    public String backend;

    private Path file;
    private CompiledModel compiled;
    private Simulator sim;
    private final RunOptions options = RunOptions.defaults();

    @Setup
    public void setUp() {
        file = Path.of(model);
        compiled = ModelCompiler.compile(ModelFiles.read(file));
        sim = new Simulator(compiled, Simulator.Backend.valueOf(backend.toUpperCase(java.util.Locale.ROOT)));
    }

    /** A full run that keeps every saved variable at every save step. */
    @Benchmark
    public Results runKeepAll() {
        return sim.run(options);
    }

    /** A full run that keeps nothing. */
    @Benchmark
    public double[] runKeepNone() {
        return sim.runDiscarding(options);
    }

    /** Reading and compiling the model file. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CompiledModel readAndCompile() {
        return ModelCompiler.compile(ModelFiles.read(file));
    }

    /** Generating and compiling the model's JVM code. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public GeneratedCode generateCode() {
        return GeneratedCode.compile(compiled);
    }
}
