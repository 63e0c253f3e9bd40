package org.clusterdynamics.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one folder a script may write into (--out). Names are resolved inside it; absolute paths,
 * ".." that climbs out, and symbolic links that lead out are refused, so a script can neither
 * read nor overwrite anything else. Writers then replace files atomically.
 *
 * <p>What a script writes goes first to a hidden staging folder inside the output folder; only when
 * the script has succeeded are the files moved into place ({@link #commit}), so that a script that
 * fails or is stopped leaves the output folder as it was ({@link #discard}).
 */
final class OutputFolder {
    private final Path root;
    private final String given;
    /** Created at the first write; null until then. */
    private Path staging;

    /** {@code root} may be null: the script then may not write at all. */
    OutputFolder(Path root) {
        this.given = root == null ? null : root.toString();
        this.root = root == null ? null : root.toAbsolutePath().normalize();
    }

    /** The folder as given on the command line, or null. */
    String given() {
        return given;
    }

    /**
     * The path of a file to write, checked to lie inside the folder and to end in one of the
     * extensions (lower case, without the dot). Creates the folders it needs.
     */
    Path resolve(String name, Set<String> extensions, String writer) {
        String shown = "'" + name + "'";
        if (root == null) {
            throw new SandboxRefusal("writing " + shown, "this script has no output folder; run it with --out DIR"
                    + " and it may write files inside DIR");
        }
        if (name == null || name.isBlank()) {
            throw new ScriptError(writer + ": the file name is empty; give a name such as 'results.csv'");
        }
        Path rel;
        try {
            rel = Path.of(name);
        } catch (InvalidPathException e) {
            throw new ScriptError(writer + ": " + shown + " is not a valid file name: " + e.getReason());
        }
        if (rel.isAbsolute() || name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")
                || name.startsWith("~")) {
            throw new SandboxRefusal("writing " + shown, "scripts may write only inside the output folder ("
                    + given + "); give a name relative to it, such as 'results.csv'");
        }
        Path target = root.resolve(rel).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new SandboxRefusal("writing " + shown, "the path leads out of the output folder (" + given
                    + "); scripts may write only inside it");
        }
        String file = target.getFileName().toString();
        String ext = file.contains(".") ? file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!extensions.contains(ext)) {
            throw new ScriptError(writer + ": " + shown + " should end in ." + String.join(", .", extensions.stream()
                    .sorted().toList()) + " for this kind of output");
        }
        try {
            Files.createDirectories(root);
            Path realRoot = root.toRealPath();
            Path parent = target.getParent();
            // every existing folder on the way must really be inside the output folder (no link out)
            Path existing = parent;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing == null || !existing.toRealPath().startsWith(realRoot)) {
                throw new SandboxRefusal("writing " + shown, "a folder on its path is a link that leads out of the"
                        + " output folder (" + given + ")");
            }
            if (Files.isSymbolicLink(target)) {
                throw new SandboxRefusal("writing " + shown, "it is a symbolic link; scripts replace only plain files"
                        + " in the output folder");
            }
            if (Files.isDirectory(target)) {
                throw new ScriptError(writer + ": " + shown + " is a folder in the output folder; choose a file name");
            }
            if (staging == null) {
                staging = Files.createTempDirectory(root, ".cdyn-unfinished-");
            }
            Path staged = staging.resolve(root.relativize(target).toString());
            Files.createDirectories(staged.getParent());
            return staged;
        } catch (IOException e) {
            throw new ScriptError(writer + ": cannot create the folder for " + shown + ": " + e.getMessage());
        }
    }

    /** The name relative to the output folder, for messages and return values. */
    String relative(Path p) {
        return (staging != null && p.startsWith(staging) ? staging : root).relativize(p).toString();
    }

    /**
     * Moves every file the script wrote into the output folder, replacing files of the same names,
     * and removes the staging folder. The destinations are checked again: a link put in the way
     * meanwhile is refused.
     */
    void commit() throws IOException {
        if (staging == null) {
            return;
        }
        Path realRoot = root.toRealPath();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(staging)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            Path target = root.resolve(staging.relativize(f).toString());
            Files.createDirectories(target.getParent());
            if (!target.getParent().toRealPath().startsWith(realRoot) || Files.isSymbolicLink(target)) {
                throw new IOException(relative(f) + " would be written through a link that leads out of " + given);
            }
            try {
                Files.move(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        discard();
    }

    /** Removes what the script wrote; the output folder is left as it was. */
    void discard() {
        if (staging == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a leftover hidden folder is harmless and named .cdyn-unfinished-*
        }
        staging = null;
    }
}
