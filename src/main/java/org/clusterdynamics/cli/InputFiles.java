package org.clusterdynamics.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/** Keeps a command from writing its results over one of the files it reads (a model, data, results). */
final class InputFiles {
    private InputFiles() {}

    /** The input that writing {@code output} would replace (the same file, also through links), if any. */
    static Optional<Path> replacedBy(Path output, Collection<Path> inputs) {
        if (output == null || !Files.exists(output)) {
            return Optional.empty();
        }
        for (Path in : inputs) {
            try {
                if (in != null && Files.exists(in) && Files.isSameFile(output, in)) {
                    return Optional.of(in);
                }
            } catch (IOException e) {
                // unreadable: cannot be the same file we just read
            }
        }
        return Optional.empty();
    }

    /**
     * Prints why and returns false when {@code output} is one of {@code inputs}; {@code what} names
     * what would be written there ("the results", "the chart").
     */
    static boolean checkNotAnInput(java.io.PrintWriter err, Collection<Path> inputs, Path output, String what) {
        Optional<Path> in = replacedBy(output, inputs);
        in.ifPresent(p -> err.println(output + " is " + p + ", which this command reads; write " + what
                + " to another file"));
        err.flush();
        return in.isEmpty();
    }

    /**
     * Prints why and returns false when a file to write lies in a folder that does not exist or is a
     * file: checked before anything is written, so that a command writing two files never stops
     * after the first.
     */
    static boolean checkFoldersExist(java.io.PrintWriter err, Path... outputs) {
        boolean ok = true;
        for (Path out : outputs) {
            if (out == null) {
                continue;
            }
            Path folder = out.toAbsolutePath().getParent();
            if (folder != null && !Files.isDirectory(folder)) {
                err.println("cannot write " + out + ": the folder " + folder + " does not exist; create it first");
                ok = false;
            } else if (Files.isDirectory(out)) {
                err.println("cannot write " + out + ": it is a folder; give a file name");
                ok = false;
            }
        }
        err.flush();
        return ok;
    }

    /** The folders a model's GET functions may read: its own folder, and those given with --data-root. */
    static java.util.List<Path> dataRoots(Path model, java.util.List<Path> extra) {
        java.util.List<Path> roots = new java.util.ArrayList<>();
        Path folder = model.toAbsolutePath().getParent();
        roots.add(folder == null ? Path.of("").toAbsolutePath() : folder);
        roots.addAll(extra);
        return roots;
    }
}
