package org.clusterdynamics.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.io.files.DataFileAccess;
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

    /**
     * Reads the model from private copies of its file and data files, laid out as on the driver, with
     * the data paths the model names absolutely sent to the copies too; messages still name the driver's file.
     */
    private static Loaded load(ModelBundle b) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("cdyn-spark-");
            Path file = write(dir, b.modelPath(), b.bytes());
            Map<Path, Path> copies = new HashMap<>();
            for (ModelBundle.DataFile d : b.data()) {
                copies.put(Path.of(d.driverPath()).toAbsolutePath().normalize(), write(dir, d.path(), d.bytes()));
            }
            Path root = dir;
            Model m = DataFileAccess.redirecting(copies, () -> ModelFiles.read(file, List.of(), List.of(root)));
            m = new Model(Path.of(b.source()), m.name(), m.dialect(), m.specs(), m.variables(), m.dimensions(),
                    m.subModels(), m.macros(), m.unitAliases());
            return new Loaded(new ScenarioModel(m), Collections.synchronizedMap(new IdentityHashMap<>()),
                    Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model " + b.source() + " and its data files into a"
                    + " temporary folder of a Spark executor: " + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    private static Path write(Path dir, String rel, byte[] bytes) throws IOException {
        Path p = ModelBundle.under(dir, rel);
        Files.createDirectories(p.getParent());
        return Files.write(p, bytes);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
