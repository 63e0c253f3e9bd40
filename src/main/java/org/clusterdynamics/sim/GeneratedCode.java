package org.clusterdynamics.sim;

import java.lang.reflect.Constructor;
import java.util.Map;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.model.GraphicalFunction;
import org.codehaus.janino.SimpleCompiler;
import org.codehaus.janino.util.ClassFile;

/**
 * A model's equations compiled in memory to JVM bytecode (Java source written by
 * {@link KernelSource}, compiled by Janino): an immutable factory of kernels that threads may share.
 */
public final class GeneratedCode {
    private final Constructor<? extends Kernel> constructor;
    private final GraphicalFunction[] tables;
    private final Map<String, byte[]> bytecode;
    private final String source;
    private final int largestMethod;
    private final int classes;
    /** Whether the largest method is a chunk of several statements, which a finer split makes smaller. */
    private final boolean largestIsChunk;

    /** HotSpot's HugeMethodLimit: the JIT leaves larger methods to the bytecode interpreter. */
    static final int JIT_METHOD_LIMIT = 8000;

    private GeneratedCode(Constructor<? extends Kernel> constructor, GraphicalFunction[] tables,
            Map<String, byte[]> bytecode, String source, int largestMethod, boolean largestIsChunk, int classes) {
        this.largestIsChunk = largestIsChunk;
        this.classes = classes;
        this.constructor = constructor;
        this.tables = tables;
        this.bytecode = bytecode;
        this.source = source;
        this.largestMethod = largestMethod;
    }

    /**
     * Generates and compiles the model's code.
     *
     * @throws IllegalStateException when the code cannot be compiled (for example a class too large
     *     for the JVM's limits); the interpreter still runs such a model
     */
    public static GeneratedCode compile(CompiledModel model) {
        return compile(model, KernelSource.PART_CHARS);
    }

    /** As {@link #compile(CompiledModel)} with part classes of about {@code partChars} characters of source. */
    static GeneratedCode compile(CompiledModel model, int partChars) {
        GeneratedCode code = compile(model, KernelSource.NODES_PER_METHOD, partChars);
        // a method over the JIT's limit would run interpreted: split finer, while that helps (a single
        // huge equation or helper stays over whatever the split, and large models take long to compile)
        for (int nodes = KernelSource.NODES_PER_METHOD / 2; code.largestMethod > JIT_METHOD_LIMIT
                && code.largestIsChunk && nodes >= 16; nodes /= 2) {
            GeneratedCode finer = compile(model, nodes, partChars);
            if (finer.largestMethod >= code.largestMethod) {
                break;
            }
            code = finer;
        }
        return code;
    }

    private static GeneratedCode compile(CompiledModel model, int nodesPerMethod, int partChars) {
        KernelSource.Unit unit = KernelSource.generate(model, nodesPerMethod, partChars);
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(Kernel.class.getClassLoader());
        // no line or variable tables: smaller classes, nothing here is debugged line by line
        compiler.setDebuggingInformation(false, false, false);
        try {
            compiler.cook(unit.source());
            int largest = 0;
            boolean chunk = false;
            for (ClassFile cf : compiler.getClassFiles()) {
                for (ClassFile.MethodInfo mi : cf.methodInfos) {
                    for (ClassFile.AttributeInfo a : mi.getAttributes()) {
                        if (a instanceof ClassFile.CodeAttribute code && code.code.length > largest) {
                            largest = code.code.length;
                            // only a chunk of statements ("m12", or "m12$" as Janino names private ones) splits finer
                            chunk = mi.getName().matches("m\\d+\\$?");
                        }
                    }
                }
            }
            Class<? extends Kernel> c = compiler.getClassLoader().loadClass(unit.className()).asSubclass(Kernel.class);
            return new GeneratedCode(c.getConstructor(GraphicalFunction[].class),
                    unit.tables().toArray(GraphicalFunction[]::new), Map.copyOf(compiler.getBytecodes()), unit.source(),
                    largest, chunk, unit.classes());
        } catch (Exception | LinkageError | StackOverflowError e) {
            // a class over the JVM's limits, or an equation nested deeper than Janino's stack
            throw new IllegalStateException("cannot compile the generated code of " + model.source() + ": " + e, e);
        }
    }

    /** A new kernel; each thread uses its own. */
    public Kernel newKernel() {
        try {
            return constructor.newInstance((Object) tables);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate generated code", e);
        }
    }

    /** The generated Java source (for inspection and tests). */
    public String source() {
        return source;
    }

    /** Bytecode bytes of the largest generated method (at most {@value #JIT_METHOD_LIMIT} for the JIT to compile it). */
    public int largestMethodBytes() {
        return largestMethod;
    }

    /** Classes that hold the equations: one, or the kernel's part classes for a model too large for one. */
    public int equationClasses() {
        return classes;
    }

    /** Class files by class name. */
    public Map<String, byte[]> bytecode() {
        return bytecode;
    }
}
