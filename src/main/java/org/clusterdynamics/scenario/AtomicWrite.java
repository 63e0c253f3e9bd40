package org.clusterdynamics.scenario;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file through a temporary file beside it and a move, so that a failure never leaves a
 * partial file and an existing file is replaced only by a complete one.
 */
public final class AtomicWrite {
    private AtomicWrite() {}

    /** Writes the content to an output stream; may throw IOException. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path file, Content content) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            // temporary files are owner-only; results are meant to be shared
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> perms = Files.exists(abs) ? Files.getPosixFilePermissions(abs)
                        : PosixFilePermissions.fromString("rw-r--r--");
                Files.setPosixFilePermissions(tmp, perms);
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                content.writeTo(out);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
