package org.clusterdynamics.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.compile.SinglePrecision;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.io.xmile.XmileReader;
import org.clusterdynamics.io.xmile.XmileWriter;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Converts every Vensim case that the conformance manifest marks {@code pass} to XMILE with
 * {@link XmileWriter}, reads the text back with {@link XmileReader}, runs it, and checks it against
 * the case's expected output with the same {@link Comparator}. Cases listed in
 * {@value #RESOURCE} must still fail (reported as skipped with their reason).
 *
 * <p>Run it alone with {@code mvn -o test -Dtest=XmileRoundTripTest}; the last line of the output
 * gives the counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XmileRoundTripTest {
    static final String RESOURCE = "/conformance/roundtrip-xmile.tsv";

    private int passed;
    private int failed;
    private int expectedFailures;

    @TestFactory
    Stream<DynamicTest> vensimPassCasesSurviveConversion() throws IOException {
        Optional<Path> root = Suite.root();
        assumeTrue(root.isPresent(), Suite::missingMessage);
        Manifest manifest = Manifest.load();
        Manifest known = knownFailures();
        return vensimPassCases(root.get(), manifest).stream()
                .map(c -> {
                    Manifest.Entry e = manifest.entry(c.path()).orElseThrow();
                    return DynamicTest.dynamicTest(c.path(), c.file().toUri(),
                            () -> check(ConformanceTest.withSettings(c, e), e, known));
                });
    }

    @Test
    void everyListedFailureIsAVensimPassCase() throws IOException {
        Optional<Path> root = Suite.root();
        assumeTrue(root.isPresent(), Suite::missingMessage);
        List<String> cases = vensimPassCases(root.get(), Manifest.load()).stream().map(Suite.Case::path).toList();
        List<String> stale = new ArrayList<>();
        for (Manifest.Entry e : knownFailures().entries().values()) {
            if (!cases.contains(e.path()) || e.status() != Manifest.Status.XFAIL) {
                stale.add(e.path() + " (line " + e.line() + ")");
            }
        }
        assertTrue(stale.isEmpty(), RESOURCE + " lists entries that are not xfail Vensim pass cases of the"
                + " conformance manifest: " + stale);
    }

    private static List<Suite.Case> vensimPassCases(Path root, Manifest manifest) throws IOException {
        return Suite.cases(root).stream()
                .filter(c -> c.format() == Suite.Format.VENSIM)
                .filter(c -> manifest.entry(c.path()).map(e -> e.status() == Manifest.Status.PASS).orElse(false))
                .toList();
    }

    private static Manifest knownFailures() throws IOException {
        try (InputStream in = XmileRoundTripTest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("test resource " + RESOURCE + " is missing");
            }
            return Manifest.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    private void check(Suite.Case c, Manifest.Entry settings, Manifest known) {
        Optional<String> problem = ConformanceTest.withTimeout(c, () -> convertRunAndCompare(c, settings));
        Optional<Manifest.Entry> entry = known.entry(c.path());
        if (entry.isEmpty()) {
            if (problem.isPresent()) {
                failed++;
                fail(c.path() + " converted to XMILE: " + problem.get());
            }
            passed++;
        } else if (problem.isEmpty()) {
            failed++;
            fail(c.path() + " now passes after conversion: remove it from " + RESOURCE + " (line "
                    + entry.get().line() + ")");
        } else {
            expectedFailures++;
            abort("expected failure (" + entry.get().reason() + "): " + problem.get());
        }
    }

    /** The data files are read into the original; the XMILE written holds their series as tables. */
    private static Optional<String> convertRunAndCompare(Suite.Case c, Manifest.Entry entry) throws IOException {
        Model original;
        try {
            original = ModelFiles.read(c.file(), entry.dataFiles().stream().map(c.file()::resolveSibling).toList());
        } catch (ModelException e) {
            return Optional.of("the original no longer reads:\n" + e.getMessage());
        }
        String xml;
        try {
            xml = XmileWriter.write(original);
        } catch (ModelException e) {
            return Optional.of("conversion failed:\n" + e.getMessage());
        }
        try {
            Model back = XmileReader.read(xml, Path.of(c.path() + ".xmile"));
            CompiledModel compiled = ModelCompiler.compile(back);
            Results r = Simulator.run(entry.singlePrecision() ? SinglePrecision.of(compiled) : compiled,
                    RunOptions.defaults());
            if (c.expected().isEmpty()) {
                return Optional.empty();
            }
            return Comparator.compare(ExpectedOutput.read(c.expected().get()), r);
        } catch (ModelException e) {
            return Optional.of("the converted XMILE does not run:\n" + e.getMessage());
        }
    }

    @AfterAll
    void summary() {
        System.out.println("xmile round trip of vensim pass cases: " + passed + " passed, " + failed + " failed, "
                + expectedFailures + " expected failures");
    }
}
