package org.clusterdynamics.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file through a temporary file beside it, so that a failure never leaves a partial file.
 * A symbolic link is followed: its target is replaced and the link kept. A target that is not a
 * regular file (a device such as /dev/null or /dev/stdout, a named pipe) is written in place, never
 * replaced by a regular file.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes an output stream's content; like a Consumer that may throw IOException. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What was written: the file finally written, and how. */
    public record Written(Path asked, Path target, boolean throughLink, boolean inPlace) {
        /** A note for the user when the write was not simply "this file replaced", else null. */
        public String note() {
            if (inPlace) {
                return "wrote " + (throughLink ? asked + " (a link to " + target + ")" : asked) + " in place: it is not"
                        + " a regular file (a device or pipe), so it was written directly, not replaced";
            }
            if (throughLink) {
                return "wrote " + target + ", the file the link " + asked + " points to (the link is kept)";
            }
            return null;
        }
    }

    /** How {@link #write} would write {@code file}, found without writing anything. */
    public static Written plan(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Path target = followLinks(abs);
        return new Written(file, target, !target.equals(abs), Files.exists(target) && !Files.isRegularFile(target));
    }

    public static Written write(Path file, Content content) throws IOException {
        Written plan = plan(file);
        Path target = plan.target();
        boolean link = plan.throughLink();
        if (plan.inPlace()) {
            if (Files.isDirectory(target)) {
                throw new IOException("cannot write " + file + ": it is a folder; give a file name");
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING))) {
                content.writeTo(out);
            }
            return new Written(file, target, link, true);
        }
        Path dir = target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            shareable(tmp, target);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                content.writeTo(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new Written(file, target, link, false);
    }

    /** The path a chain of symbolic links leads to (which need not exist yet). */
    private static Path followLinks(Path p) throws IOException {
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops >= 40) {
                throw new IOException("cannot write " + p + ": too many symbolic links in a row (a loop of links?)");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p));
        }
        return p;
    }

    /**
     * Temporary files are created owner-only; a chart is meant to be shared, so give it the
     * permissions of the file it replaces, or rw-r--r--.
     */
    private static void shareable(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }
}
