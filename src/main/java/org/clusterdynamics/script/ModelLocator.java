package org.clusterdynamics.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clusterdynamics.io.ModelFiles;

/**
 * Where a script may read models from: model files (.xmile, .stmx, .itmx, .xml, .mdl) in the
 * script's folder or the working directory, or below them. Relative names are looked up next to
 * the script first, then in the working directory. Nothing else can be read.
 */
final class ModelLocator {
    private final List<Path> roots = new ArrayList<>();

    private final Path working;

    ModelLocator(Path scriptDir, Path workingDir) {
        Path w;
        try {
            w = workingDir.toRealPath();
        } catch (IOException e) {
            w = workingDir.toAbsolutePath();
        }
        this.working = w;
        for (Path p : List.of(scriptDir, workingDir)) {
            try {
                roots.add(p.toRealPath());
            } catch (IOException e) {
                // a folder that does not exist grants nothing
            }
        }
    }

    /** The folders scripts may read from; models they load read their data files only there too. */
    List<Path> roots() {
        return List.copyOf(roots);
    }

    /** The path relative to the working directory when inside it, for short messages. */
    private Path shortest(Path real) {
        return real.startsWith(working) && !real.equals(working) ? working.relativize(real) : real;
    }

    Path locate(String name) {
        String shown = "'" + name + "'";
        Path given = parse(name, shown, "cdyn.load");
        if (name.isBlank() || ModelFiles.formatOf(given).isEmpty()) {
            throw new SandboxRefusal("reading " + shown, "scripts may read only model files (.xmile, .stmx, .itmx,"
                    + " .xml or .mdl); other files are out of reach");
        }
        return find(given, shown, "cdyn.load", "model file", "model");
    }

    /** Data files a script may read (calibration data, settings, parameter tables), found like models. */
    private static final java.util.Set<String> DATA_EXTENSIONS = java.util.Set.of("csv", "tsv", "tab", "txt", "cin");

    /** Finds a data file (.csv, .tsv, .tab, .txt, .cin) inside the read roots, as {@link #locate} finds models. */
    Path locateData(String name, String function) {
        String shown = "'" + name + "'";
        Path given = parse(name, shown, function);
        String file = given.getFileName() == null ? "" : given.getFileName().toString();
        String ext = file.contains(".") ? file.substring(file.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT) : "";
        if (name.isBlank() || !DATA_EXTENSIONS.contains(ext)) {
            throw new SandboxRefusal("reading " + shown, "scripts may read only model files and data files (.csv,"
                    + " .tsv, .tab, .txt, .cin); other files are out of reach");
        }
        return find(given, shown, function, "file", "file");
    }

    private static Path parse(String name, String shown, String function) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new ScriptError(function + "(path): " + shown + " is not a valid file name");
        }
    }

    /**
     * The first existing candidate (the path itself when absolute, else each root's child), as a short
     * real path; refused when it resolves outside every root. {@code what} names the file in the not-found
     * message, {@code copyWhat} in the hint to copy it next to the script.
     */
    private Path find(Path given, String shown, String function, String what, String copyWhat) {
        List<Path> candidates = new ArrayList<>();
        if (given.isAbsolute()) {
            candidates.add(given);
        } else {
            for (Path r : roots) {
                candidates.add(r.resolve(given));
            }
        }
        for (Path c : candidates) {
            if (!Files.isRegularFile(c)) {
                continue;
            }
            Path real;
            try {
                real = c.toRealPath();
            } catch (IOException e) {
                continue;
            }
            for (Path r : roots) {
                if (real.startsWith(r)) {
                    return shortest(real);
                }
            }
            throw new SandboxRefusal("reading " + shown, "it lies outside the script's folder and the working"
                    + " directory; copy the " + copyWhat + " next to the script");
        }
        throw new ScriptError(function + "(path): " + what + " " + shown + " not found (looked in "
                + String.join(" and ", roots.stream().map(Path::toString).toList())
                + "); give the path relative to the script or the working directory");
    }
}
