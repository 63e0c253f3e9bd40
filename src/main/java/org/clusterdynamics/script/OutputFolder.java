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
    /** The default limit on what one script may write: 1 GB. */
    static final long DEFAULT_MAX_BYTES = 1L << 30;
    /** The mark a run stopped with --keep-partial leaves in the output folder. */
    static final String INCOMPLETE = "INCOMPLETE.txt";
    private static final String INCOMPLETE_HEADER = "This folder is incomplete: the cdyn script that wrote it did not finish.";
    /** Staging folders are named with the process that made them, so that a later run can tell dead ones. */
    private static final String STAGING_PREFIX = ".cdyn-unfinished-";
    private static final java.util.regex.Pattern STAGING_OF_PROCESS =
            java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(STAGING_PREFIX) + "pid(\\d+)-\\d+");
    /** Staging folders of versions before the process was in the name: removed once a day old. */
    private static final java.util.regex.Pattern STAGING_UNOWNED =
            java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(STAGING_PREFIX) + "\\d+");

    private final Path root;
    private final String given;
    private final long maxBytes;
    /** Bytes of each staged file, by file. */
    private final java.util.Map<Path, Long> sizes = new java.util.HashMap<>();
    private long total;
    /** Created at the first write; null until then. */
    private Path staging;

    /** {@code root} may be null: the script then may not write at all. */
    OutputFolder(Path root) {
        this(root, DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes the most the script may write in all (--max-output) */
    OutputFolder(Path root, long maxBytes) {
        this.given = root == null ? null : root.toString();
        this.root = root == null ? null : root.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
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
                staging = Files.createTempDirectory(root, STAGING_PREFIX + "pid" + ProcessHandle.current().pid() + "-");
            }
            Path staged = staging.resolve(root.relativize(target).toString());
            Files.createDirectories(staged.getParent());
            return staged;
        } catch (IOException e) {
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new ScriptError(writer + ": cannot write " + shown + ": the output folder " + given + " is a file,"
                        + " not a folder; give --out a folder (it is created when needed)");
            }
            throw new ScriptError(writer + ": cannot create the folder for " + shown + ": " + reason(e));
        }
    }

    /**
     * Refuses a write of {@code bytes} more when it would take the script past its limit; for
     * writers that know their size before writing.
     */
    void reserve(Path staged, long bytes, String writer) {
        long after = total - sizes.getOrDefault(staged, 0L) + bytes;
        if (after > maxBytes) {
            throw overLimit(writer, relative(staged), after);
        }
    }

    /**
     * Counts a file just written against the limit and returns its name relative to the output
     * folder; a file that takes the script past its limit is removed again and refused.
     */
    String written(Path staged, String writer) {
        long size;
        try {
            size = Files.size(staged);
        } catch (IOException e) {
            size = 0;
        }
        Long before = sizes.put(staged, size);
        total += size - (before == null ? 0 : before);
        if (total > maxBytes) {
            long wanted = total;
            try {
                Files.deleteIfExists(staged);
            } catch (IOException e) {
                // the whole staging folder goes when the script fails
            }
            total -= size;
            sizes.remove(staged);
            throw overLimit(writer, relative(staged), wanted);
        }
        return relative(staged);
    }

    private ScriptError overLimit(String writer, String name, long wanted) {
        return new ScriptError(writer + ": writing '" + name + "' takes what the script wrote to " + bytes(wanted)
                + ", over its limit of " + bytes(maxBytes) + "; write less (fewer or smaller files), or raise the"
                + " limit with cdyn script --max-output SIZE (e.g. --max-output 4G)");
    }

    /** "1.5 MB", "812 bytes". */
    static String bytes(long n) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " bytes" : (v == Math.rint(v) ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
    }

    /** Why a file operation failed, in words and without Java's exception names. */
    static String reason(IOException e) {
        String file = e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? " (" + f.getFile() + ")" : "";
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied" + file;
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file is in the way" + file;
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder" + file;
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(Locale.ROOT) + file;
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "an input/output error" : m;
    }

    /** The name relative to the output folder, for messages and return values. */
    String relative(Path p) {
        return (staging != null && p.startsWith(staging) ? staging : root).relativize(p).toString();
    }

    /**
     * Moves every file the script wrote into the output folder, replacing files of the same names,
     * and removes the staging folder; returns the files' names. The destinations are checked again:
     * a link put in the way meanwhile is refused. A mark left by an earlier unfinished run goes.
     */
    List<String> commit() throws IOException {
        if (staging == null) {
            return List.of();
        }
        Path realRoot = root.toRealPath();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(staging)) {
            // a writer's temporary file (".name...tmp") is never a finished file
            files = walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> !(f.getFileName().toString().startsWith(".") && f.toString().endsWith(".tmp")))
                    .sorted().toList();
        }
        List<String> names = new java.util.ArrayList<>();
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
            names.add(root.relativize(target).toString());
        }
        Path mark = root.resolve(INCOMPLETE);
        if (!names.contains(INCOMPLETE) && isOurMark(mark)) {
            Files.delete(mark);
        }
        discard();
        return names;
    }

    /**
     * For a script that failed or was stopped under --keep-partial: moves the files it finished into
     * place and writes {@value #INCOMPLETE} saying why the folder is incomplete and what was kept.
     * Returns the files kept (none: nothing is marked).
     */
    List<String> keepPartial(String why) throws IOException {
        List<String> kept = commit();
        if (kept.isEmpty()) {
            return kept;
        }
        StringBuilder sb = new StringBuilder(INCOMPLETE_HEADER).append("\n\nWhy it stopped:\n").append(why.strip())
                .append("\n\nFiles it finished before it stopped (other files here may be from earlier runs):\n");
        kept.forEach(k -> sb.append("  ").append(k).append('\n'));
        sb.append("\nThis file was written because the script ran with --keep-partial; a later run of the script that"
                + " finishes removes it.\n");
        org.clusterdynamics.files.AtomicFiles.write(root.resolve(INCOMPLETE),
                o -> o.write(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return kept;
    }

    private static boolean isOurMark(Path mark) {
        if (!Files.isRegularFile(mark, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (java.io.BufferedReader r = Files.newBufferedReader(mark)) {
            return INCOMPLETE_HEADER.equals(r.readLine());
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** Removes what the script wrote; the output folder is left as it was. */
    void discard() {
        if (staging == null) {
            return;
        }
        deleteTree(staging);
        staging = null;
        sizes.clear();
        total = 0;
    }

    /**
     * Removes the staging folders that runs of this tool left in the output folder when they were
     * killed: those whose process has ended (or whose number now belongs to a process started after
     * the folder was made), and unnamed ones of older versions once a day old. Folders of runs still
     * going, and anything else, are left alone. Returns how many were removed.
     */
    int removeStale() {
        if (root == null || !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int removed = 0;
        try (java.nio.file.DirectoryStream<Path> dirs = Files.newDirectoryStream(root, STAGING_PREFIX + "*")) {
            for (Path d : dirs) {
                if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS) && isDead(d) && deleteTree(d)) {
                    removed++;
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            // an unreadable output folder is reported when the script writes to it
        }
        return removed;
    }

    private static boolean isDead(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(dir,
                java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        java.time.Instant made = a.creationTime().toInstant().isBefore(a.lastModifiedTime().toInstant())
                ? a.creationTime().toInstant() : a.lastModifiedTime().toInstant();
        java.util.regex.Matcher m = STAGING_OF_PROCESS.matcher(name);
        if (m.matches()) {
            long pid;
            try {
                pid = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                return false;
            }
            java.util.Optional<ProcessHandle> p = ProcessHandle.of(pid);
            if (p.isEmpty() || !p.get().isAlive()) {
                return true;
            }
            // the number was given again to a process that started after the folder was made
            java.util.Optional<java.time.Instant> started = p.get().info().startInstant();
            return started.isPresent() && started.get().isAfter(made.plusSeconds(2));
        }
        return STAGING_UNOWNED.matcher(name).matches()
                && made.isBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
    }

    /** Deletes a folder and what is in it, links as links (never what they point to); true when it is gone. */
    private static boolean deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            return true;
        } catch (IOException | java.io.UncheckedIOException e) {
            // best effort: a leftover hidden folder is harmless, and the next run tries again
            return false;
        }
    }
}
