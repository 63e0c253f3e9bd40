package org.clusterdynamics.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.io.files.DataFileAccess;

/**
 * A model file as it travels to the executors, with the data files it reads (Vensim GET XLS /
 * GET DIRECT, '?name' references, XMILE import links): their bytes, and where each lay relative to a
 * folder that holds them all, so that an executor can lay them out the same way in a folder of its own.
 * Executors read and compile the model themselves: compiled models and generated code do not serialize.
 *
 * @param source the model's path on the driver, kept for messages
 * @param modelPath the model file relative to the common folder, names joined with '/'
 * @param bytes the model file's content
 * @param data the data files the model reads
 * @param digest SHA-256 of all of it, the key of the executors' compiled-model cache
 */
record ModelBundle(String source, String modelPath, byte[] bytes, List<DataFile> data, String digest)
        implements Serializable {

    /**
     * A data file.
     *
     * @param path relative to the common folder, names joined with '/'
     * @param driverPath its absolute path on the driver (a model may name it so)
     * @param bytes its content
     */
    record DataFile(String path, String driverPath, byte[] bytes) implements Serializable {}

    /**
     * Reads the model file the driver loaded and the data files it reads; throws a message naming the
     * file when one cannot be read.
     */
    static ModelBundle read(String source) {
        Path p;
        try {
            p = Path.of(source);
        } catch (RuntimeException e) {
            throw notAFile(source);
        }
        if (!Files.isRegularFile(p)) {
            throw notAFile(source);
        }
        byte[] b;
        try {
            b = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IllegalArgumentException("Spark: cannot read the model file " + source + " to send it to the"
                    + " executors: " + e.getMessage());
        }
        Path model = p.toAbsolutePath().normalize();
        Set<Path> read = dataFilesOf(p, source);
        read.remove(model);
        Path base = model.getParent();
        for (Path d : read) {
            while (base != null && !d.startsWith(base)) {
                base = base.getParent();
            }
            if (base == null) {
                throw new IllegalArgumentException("Spark: the data file " + d + " lies on another drive than the model "
                        + source + ", so the two cannot be sent together; copy it beside the model");
            }
        }
        MessageDigest sha = sha256();
        sha.update(b);
        List<DataFile> data = new ArrayList<>();
        for (Path d : read) {
            String rel = relative(base, d);
            try {
                byte[] content = Files.readAllBytes(d);
                data.add(new DataFile(rel, d.toString(), content));
                sha.update(rel.getBytes(StandardCharsets.UTF_8));
                sha.update(content);
            } catch (IOException e) {
                throw new IllegalArgumentException("Spark: cannot read the data file " + d + " of the model " + source
                        + " to send it to the executors: " + e.getMessage());
            }
        }
        return new ModelBundle(source, relative(base, model), b, List.copyOf(data),
                HexFormat.of().formatHex(sha.digest()));
    }

    /**
     * The data files the model reads, found by reading it again while the readers record what they open
     * (any folder allowed: the driver has read the model once already within its own data roots).
     */
    private static Set<Path> dataFilesOf(Path file, String source) {
        Set<Path> read = new TreeSet<>();
        List<Path> anywhere = new ArrayList<>();
        FileSystems.getDefault().getRootDirectories().forEach(anywhere::add);
        try {
            DataFileAccess.recording(read, () -> ModelFiles.read(file, List.of(), anywhere));
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? "no reason given" : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException("Spark: cannot read the model " + source + " again to find the data"
                    + " files it reads (was it changed after loading?): " + why);
        }
        return read;
    }

    /** Whether the model file and the data files still hold what this bundle sends (so it need not be made again). */
    boolean current() {
        try {
            if (!Arrays.equals(bytes, Files.readAllBytes(Path.of(source)))) {
                return false;
            }
            for (DataFile d : data) {
                if (!Arrays.equals(d.bytes(), Files.readAllBytes(Path.of(d.driverPath())))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String relative(Path base, Path file) {
        List<String> names = new ArrayList<>();
        base.relativize(file).forEach(n -> names.add(n.toString()));
        return String.join("/", names);
    }

    private static IllegalArgumentException notAFile(String source) {
        return new IllegalArgumentException("Spark: the model " + source + " was not read from a file, so it cannot"
                + " be sent to the executors; load it from a model file (.xmile, .stmx, .itmx or .mdl)");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JDK", e);
        }
    }

    /** {@code rel} (names joined with '/') inside {@code dir}. */
    static Path under(Path dir, String rel) {
        Path p = dir;
        for (String name : rel.split("/")) {
            p = p.resolve(name);
        }
        return p;
    }
}
