package org.clusterdynamics.realmodels;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.clusterdynamics.cli.Main;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.ResultsCsv;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;

/**
 * Runs every published model of {@code ../shared/real-models} through {@code cdyn run} as a user
 * would, and holds it to its line in {@code real-models/manifest.tsv}: a {@code pass} model runs
 * without NaN and, where the folder has {@code reference/pysd.csv}, agrees with every column of it
 * within 1e-3 relative; an {@code xfail} model must still fail (reported as skipped with its
 * reason); a {@code refused} model must stop with a diagnostic containing the manifest's text; a
 * {@code slow} model runs only with {@code -Dcdyn.realModels.slow=true}. No run may show a Java
 * exception to the user. The last line of the output gives the counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealModelsTest {
    static final String PROPERTY = "cdyn.realModels";
    static final String SLOW_PROPERTY = "cdyn.realModels.slow";
    /** Names of Java exceptions and stack frames, which must never reach a user. */
    private static final Pattern JAVA_TRACE = Pattern.compile("\\b(java|javax|org)\\.[\\w.]+(Exception|Error)\\b|\\tat org\\.");

    private int passed;
    private int agreed;
    private int failed;
    private int expectedFailures;
    private int refused;
    private int slowSkipped;

    static Optional<Path> root() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            return Optional.empty();
        }
        Path root = Path.of(p).toAbsolutePath().normalize();
        return Files.isRegularFile(root.resolve("MANIFEST.tsv")) ? Optional.of(root) : Optional.empty();
    }

    private static String missing() {
        return "published models not found at " + System.getProperty(PROPERTY) + " (system property " + PROPERTY
                + "); put the shared real-models folder next to the checkout to run this test";
    }

    @TestFactory
    Stream<DynamicTest> models() throws IOException {
        Optional<Path> root = root();
        assumeTrue(root.isPresent(), RealModelsTest::missing);
        RealModelsManifest manifest = RealModelsManifest.load();
        SourceManifest sources = SourceManifest.read(root.get().resolve("MANIFEST.tsv"));
        return manifest.entries().stream().map(e -> DynamicTest.dynamicTest(e.name(),
                () -> check(root.get(), e, sources)));
    }

    /** Every folder of the shared set has a line in the manifest, and every line a folder. */
    @Test
    void everyFolderIsListed() throws IOException {
        Optional<Path> root = root();
        assumeTrue(root.isPresent(), RealModelsTest::missing);
        Set<String> folders = new TreeSet<>();
        try (Stream<Path> s = Files.list(root.get())) {
            s.filter(Files::isDirectory).forEach(p -> folders.add(p.getFileName().toString()));
        }
        Set<String> listed = new TreeSet<>();
        RealModelsManifest.load().entries().forEach(e -> listed.add(e.name()));
        Set<String> unlisted = new TreeSet<>(folders);
        unlisted.removeAll(listed);
        Set<String> gone = new TreeSet<>(listed);
        gone.removeAll(folders);
        assertTrue(unlisted.isEmpty(), "folders not in " + RealModelsManifest.RESOURCE + ": " + unlisted
                + "; add each with status pass, xfail, refused or slow and the checked reason");
        assertTrue(gone.isEmpty(), "lines of " + RealModelsManifest.RESOURCE + " with no folder: " + gone);
    }

    private void check(Path root, RealModelsManifest.Entry e, SourceManifest sources) throws IOException {
        if (e.slow() && !Boolean.getBoolean(SLOW_PROPERTY)) {
            slowSkipped++;
            abort("slow model, run with -D" + SLOW_PROPERTY + "=true: " + e.reason());
        }
        Path model = root.resolve(e.name()).resolve(sources.file(e.name()));
        Run run = run(model, e);
        if (JAVA_TRACE.matcher(run.errors()).find()) {
            failed++;
            if (e.status() == RealModelsManifest.Status.XFAIL && e.reason().contains("Java exception")) {
                expectedFailures++;
                failed--;
                abort("expected failure (" + e.reason() + ")");
            }
            fail(e.name() + ": a Java exception reached the user:\n" + run.errors());
        }
        if (e.status() == RealModelsManifest.Status.REFUSED) {
            if (run.results() != null || !run.errors().contains(e.reason())) {
                failed++;
                fail(e.name() + " should stop with a message containing '" + e.reason() + "', but "
                        + (run.results() != null ? "it ran" : "said:\n" + run.errors()));
            }
            refused++;
            return;
        }
        Optional<String> problem = run.results() == null ? Optional.of("cdyn run failed:\n" + run.errors())
                : problems(run.results(), root.resolve(e.name()).resolve("reference/pysd.csv"));
        if (e.status() == RealModelsManifest.Status.XFAIL) {
            if (problem.isEmpty()) {
                failed++;
                fail(e.name() + " now passes: mark it pass in " + RealModelsManifest.RESOURCE + " (line " + e.line()
                        + ", was xfail: " + e.reason() + ")");
            }
            expectedFailures++;
            abort("expected failure (" + e.reason() + "): " + problem.get());
        }
        if (problem.isPresent()) {
            failed++;
            fail(e.name() + ": " + problem.get());
        }
        passed++;
        if (Files.isRegularFile(root.resolve(e.name()).resolve("reference/pysd.csv"))) {
            agreed++;
        }
    }

    private record Run(Results results, String errors) {}

    private static Run run(Path model, RealModelsManifest.Entry e) throws IOException {
        Path csv = Files.createTempFile("real-model", ".csv");
        try {
            StringWriter err = new StringWriter();
            CommandLine cdyn = Main.commandLine();
            cdyn.setErr(new PrintWriter(err, true));
            List<String> args = new ArrayList<>(List.of("run", model.toString(), "--output", csv.toString()));
            for (String d : e.dataFiles()) {
                args.add("--data");
                args.add(model.resolveSibling(d).toString());
            }
            for (String d : e.dataRoots()) {
                args.add("--data-root");
                args.add(model.resolveSibling(d).normalize().toString());
            }
            int exit = cdyn.execute(args.toArray(String[]::new));
            return new Run(exit == 0 ? ResultsCsv.read(csv) : null, err.toString());
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** No NaN anywhere, and every reference column within 1e-3 relative at the times both hold. */
    static Optional<String> problems(Results r, Path reference) throws IOException {
        for (String n : r.names()) {
            for (double v : r.column(n)) {
                if (Double.isNaN(v)) {
                    return Optional.of("column " + n + " holds NaN");
                }
            }
        }
        if (!Files.isRegularFile(reference)) {
            return Optional.empty();
        }
        return ReferenceComparison.compare(ResultsCsv.read(reference), r);
    }

    @AfterAll
    void summary() {
        System.out.println("real models: " + passed + " run (" + agreed + " of them agree with their reference), "
                + refused + " refused as expected, " + expectedFailures + " expected failures, " + failed + " failed, "
                + slowSkipped + " slow skipped");
    }
}
