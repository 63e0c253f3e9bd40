package org.clusterdynamics.io.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The data files a model reader opens besides the model file (Vensim GET XLS / GET DIRECT and their
 * '?name' references, --data files, XMILE import links), for a caller that must know them or place
 * them elsewhere: the Spark runner records them on the driver to send them with the model, and on an
 * executor sends the driver's absolute paths to its own copies. Readers pass every data path through
 * {@link #path} before they look at the file system; outside {@link #recording} and
 * {@link #redirecting} (the ordinary case) it gives the path back unchanged.
 */
public final class DataFileAccess {
    private record Scope(Set<Path> recorded, Map<Path, Path> redirect) {}

    /** Per thread: a model is read on one thread, and other threads' reads stay as they are. */
    private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();

    private DataFileAccess() {}

    /**
     * The path a reader should open for the data file {@code p}: its copy while redirecting, else
     * {@code p}; while recording, an existing regular file is noted (absolute, normalized).
     */
    public static Path path(Path p) {
        Scope s = SCOPE.get();
        if (s == null || p == null) {
            return p;
        }
        Path abs = p.toAbsolutePath().normalize();
        Path to = s.redirect().get(abs);
        if (to != null) {
            return to;
        }
        if (s.recorded() != null && Files.isRegularFile(p)) {
            s.recorded().add(abs);
        }
        return p;
    }

    /**
     * Whether this thread is recording or redirecting data files: work a reader would hand to another
     * thread (which has no scope) must then stay on this one.
     */
    public static boolean active() {
        return SCOPE.get() != null;
    }

    /** Runs {@code read} on this thread, adding to {@code into} every data file the readers look at and find. */
    public static <T> T recording(Set<Path> into, Supplier<T> read) {
        return within(new Scope(into, Map.of()), read);
    }

    /**
     * Runs {@code read} on this thread with the data files at the keys of {@code copies} (absolute,
     * normalized) read from their values instead.
     */
    public static <T> T redirecting(Map<Path, Path> copies, Supplier<T> read) {
        return within(new Scope(null, Map.copyOf(copies)), read);
    }

    private static <T> T within(Scope scope, Supplier<T> read) {
        Scope before = SCOPE.get();
        SCOPE.set(scope);
        try {
            return read.get();
        } finally {
            if (before == null) {
                SCOPE.remove();
            } else {
                SCOPE.set(before);
            }
        }
    }
}
