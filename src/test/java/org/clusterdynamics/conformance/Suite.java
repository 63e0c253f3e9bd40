package org.clusterdynamics.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The SDXorg test-models suite on disk: where it is, its model files and the expected output
 * each one is checked against.
 */
final class Suite {
    static final String PROPERTY = "cdyn.testModels";
    private static final List<String> FOLDERS = List.of("tests", "samples");

    /** A model file's format as the summary groups it. */
    enum Format {
        XMILE,
        VENSIM;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One model file of the suite; {@code path} is relative to the suite with {@code /}
     * separators, {@code expected} is its folder's output file when it has one.
     */
    record Case(String path, Path file, Format format, Optional<Path> expected) {
        @Override
        public String toString() {
            return path;
        }
    }

    private Suite() {}

    /** The suite folder named by the system property, if it exists. */
    static Optional<Path> root() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            return Optional.empty();
        }
        Path root = Path.of(p).toAbsolutePath().normalize();
        return Files.isDirectory(root.resolve("tests")) ? Optional.of(root) : Optional.empty();
    }

    static String missingMessage() {
        return "conformance suite not found at " + System.getProperty(PROPERTY)
                + " (system property " + PROPERTY + "); put the SDXorg test-models next to the checkout to run it";
    }

    /** Model format by extension, ignoring case; empty for files that are not models. */
    static Optional<Format> formatOf(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".xmile") || n.endsWith(".stmx") || n.endsWith(".itmx")) {
            return Optional.of(Format.XMILE);
        }
        return n.endsWith(".mdl") ? Optional.of(Format.VENSIM) : Optional.empty();
    }

    /** Every model file under tests/ and samples/, sorted by path. */
    static List<Case> cases(Path root) throws IOException {
        List<Case> out = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    Optional<Format> format = formatOf(f);
                    if (format.isPresent()) {
                        String rel = root.relativize(f).toString().replace('\\', '/');
                        out.add(new Case(rel, f, format.get(), expectedOutput(f.getParent())));
                    }
                }
            }
        }
        return out;
    }

    /** The folder's single output.tab or output.csv; two of them would be ambiguous. */
    static Optional<Path> expectedOutput(Path folder) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (n.equals("output.tab") || n.equals("output.csv")) {
                    found.add(f);
                }
            }
        }
        if (found.size() > 1) {
            throw new IOException(folder + " has more than one expected output " + found
                    + "; a folder must have a single output.tab or output.csv");
        }
        return found.stream().findFirst();
    }
}
