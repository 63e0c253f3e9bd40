package org.clusterdynamics.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A model file as it travels to the executors: its text (bytes) and the name it had on the driver.
 * Executors read and compile it themselves: compiled models and generated code do not serialize.
 *
 * @param source the path on the driver, kept for messages
 * @param bytes the file's content
 * @param digest SHA-256 of the content, the key of the executors' compiled-model cache
 */
record ModelBundle(String source, byte[] bytes, String digest) implements Serializable {

    /** Reads the model file the driver loaded; throws a message naming it when it cannot be read. */
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
        try {
            byte[] b = Files.readAllBytes(p);
            return new ModelBundle(source, b, digest(b));
        } catch (IOException e) {
            throw new IllegalArgumentException("Spark: cannot read the model file " + source + " to send it to the"
                    + " executors: " + e.getMessage());
        }
    }

    private static IllegalArgumentException notAFile(String source) {
        return new IllegalArgumentException("Spark: the model " + source + " was not read from a file, so it cannot"
                + " be sent to the executors; load it from a model file (.xmile, .stmx, .itmx or .mdl)");
    }

    static String digest(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JDK", e);
        }
    }

    /** The file's name without folders (the reader chooses XMILE or Vensim by its extension). */
    String fileName() {
        Path f = Path.of(source).getFileName();
        return f == null ? "model.xmile" : f.toString();
    }
}
