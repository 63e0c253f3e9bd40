package org.clusterdynamics.sim;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.clusterdynamics.compile.CompiledModel;

/**
 * One model's generated code, compiled at most once for all the simulators (on any threads) that
 * share this holder, with their interpreted work counted together: a batch on n threads compiles
 * once, as soon as one thread would, and every thread then runs the same generated classes.
 */
public final class SharedCode {
    private final CompiledModel model;
    private final AtomicLong interpretedWork = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile GeneratedCode code;
    private volatile String failure;

    public SharedCode(CompiledModel model) {
        this.model = model;
    }

    public CompiledModel model() {
        return model;
    }

    /** Adds interpreted work (equation evaluations) and returns the total of all sharers. */
    long addWork(long work) {
        return interpretedWork.addAndGet(work);
    }

    long work() {
        return interpretedWork.get();
    }

    /** The compiled code, or null while it is not (yet) compiled. */
    GeneratedCode ready() {
        return code;
    }

    /** Why the model could not be compiled, or null. */
    String failure() {
        return failure;
    }

    /**
     * Compiles the code unless another sharer is already doing so: returns the code, or null while
     * that other thread compiles (the caller keeps interpreting meanwhile).
     *
     * @throws IllegalStateException when the code cannot be compiled (remembered for every sharer)
     */
    GeneratedCode compileOrNull() {
        GeneratedCode c = code;
        if (c != null) {
            return c;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        if (!started.compareAndSet(false, true)) {
            return null;
        }
        try {
            c = GeneratedCode.compile(model);
            code = c;
            return c;
        } catch (IllegalStateException e) {
            failure = e.getMessage();
            throw e;
        }
    }

    /** Installs code compiled elsewhere (a simulator built with {@link Simulator.Backend#GENERATED}). */
    void offer(GeneratedCode c) {
        if (code == null && c != null) {
            code = c;
            started.set(true);
        }
    }
}
