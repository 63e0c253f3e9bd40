package org.clusterdynamics.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.scenario.ScenarioModel;
import org.clusterdynamics.sim.SharedCode;
import org.clusterdynamics.sim.Simulator;

/**
 * The models an executor has read and compiled, by the SHA-256 of their file: every task of every
 * batch on this executor JVM reuses them and their generated code. A static map, because Spark gives
 * tasks no other place that outlives them; it only grows by the model files a job sends.
 */
final class ExecutorModels {
    private static final Map<String, Loaded> LOADED = new ConcurrentHashMap<>();

    private ExecutorModels() {}

    /** A model read on this executor, with one shared generated code per compiled variant. */
    record Loaded(ScenarioModel model, Map<CompiledModel, SharedCode> code, Set<CompiledModel> verified) {
        /** The compiled model of a variant, checked against the driver's (the same file compiles the same). */
        CompiledModel compiled(Variant v) {
            CompiledModel cm = model.prepare(v.scenario()).compiled();
            if (!verified.contains(cm)) {
                if (!v.matches(cm)) {
                    throw new IllegalStateException("the model " + model.file() + " is not the same on a Spark executor"
                            + " as on the driver: the file was changed after it was loaded, or the executors run another"
                            + " cdyn version; load it again and use the same cdyn-spark.jar everywhere");
                }
                verified.add(cm);
            }
            return cm;
        }

        Simulator simulator(CompiledModel cm, BooleanSupplier stop) {
            return new Simulator(code.computeIfAbsent(cm, SharedCode::new)).stopWhen(stop);
        }
    }

    static Loaded of(ModelBundle b) {
        return LOADED.computeIfAbsent(b.digest(), d -> load(b));
    }

    /** Reads the model from a private copy of its file; messages still name the driver's file. */
    private static Loaded load(ModelBundle b) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("cdyn-spark-");
            Path file = dir.resolve(b.fileName());
            Files.write(file, b.bytes());
            Model m = ModelFiles.read(file);
            m = new Model(Path.of(b.source()), m.name(), m.dialect(), m.specs(), m.variables(), m.dimensions(),
                    m.subModels(), m.macros(), m.unitAliases());
            return new Loaded(new ScenarioModel(m), Collections.synchronizedMap(new IdentityHashMap<>()),
                    Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model " + b.source() + " into a temporary folder of a"
                    + " Spark executor: " + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
