package org.clusterdynamics.conformance;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import org.clusterdynamics.cli.Main;
import org.clusterdynamics.sim.ResultsCsv;
import picocli.CommandLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs every model file of the SDXorg suite through {@code cdyn run}, and checks the
 * result against its folder's expected output as the manifest demands: a {@code pass} case must
 * match, an {@code xfail} case must still fail (it is reported as skipped with its reason), so
 * that the manifest stays honest.
 *
 * <p>Run it alone with {@code mvn -o test -Dtest=ConformanceTest}; the last lines of the output
 * give the counts per format.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceTest {
    /** Generous: the slowest suite model runs in well under a second; this catches endless runs. */
    private static final long TIMEOUT_SECONDS = 120;

    private final Map<Suite.Format, Tally> tallies = new EnumMap<>(Suite.Format.class);

    /** Outcome counts of one format. */
    private static final class Tally {
        int passed;
        int failed;
        int expectedFailures;
    }

    @TestFactory
    Stream<DynamicTest> suite() throws IOException {
        Optional<Path> root = Suite.root();
        assumeTrue(root.isPresent(), Suite::missingMessage);
        Manifest manifest = Manifest.load();
        return Suite.cases(root.get()).stream()
                .map(c -> DynamicTest.dynamicTest(c.path(), c.file().toUri(), () -> check(c, manifest)));
    }

    private void check(Suite.Case c, Manifest manifest) {
        Tally t = tallies.computeIfAbsent(c.format(), f -> new Tally());
        Optional<Manifest.Entry> entry = manifest.entry(c.path());
        if (entry.isEmpty()) {
            t.failed++;
            fail(c.path() + " is not in " + Manifest.RESOURCE + "; add it with status pass or xfail and the reason");
        }
        Optional<String> problem = outcome(withSettings(c, entry.get()), entry.get());
        if (entry.get().status() == Manifest.Status.PASS) {
            if (problem.isPresent()) {
                t.failed++;
                fail(c.path() + ": " + problem.get());
            }
            t.passed++;
        } else if (problem.isEmpty()) {
            t.failed++;
            fail(c.path() + " now passes: mark it pass in " + Manifest.RESOURCE + " (line " + entry.get().line()
                    + ", was xfail: " + entry.get().reason() + ")");
        } else {
            t.expectedFailures++;
            abort("expected failure (" + entry.get().reason() + "): " + problem.get());
        }
    }

    /** The case as its manifest entry says to check it: against another expected file, if it names one. */
    static Suite.Case withSettings(Suite.Case c, Manifest.Entry entry) {
        return entry.expected()
                .map(e -> new Suite.Case(c.path(), c.file(), c.format(), Optional.of(c.file().resolveSibling(e))))
                .orElse(c);
    }

    /** Empty when the case runs and matches its expected output (or has none); else what went wrong. */
    private static Optional<String> outcome(Suite.Case c, Manifest.Entry entry) {
        return withTimeout(c, () -> runAndCompare(c, entry));
    }

    /**
     * Runs one case's check on its own thread: a check that does not end in time, or throws
     * something other than a diagnostic, is a failure that says so.
     */
    static Optional<String> withTimeout(Suite.Case c, Callable<Optional<String>> check) {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread th = new Thread(r, "conformance " + c.path());
            th.setDaemon(true); // a run that never ends must not keep the JVM alive
            return th;
        });
        try {
            Future<Optional<String>> f = ex.submit(check);
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return Optional.of("did not finish within " + TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            return Optional.of(describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } finally {
            ex.shutdownNow();
        }
    }

    /**
     * Runs the case as a user would, through {@code cdyn run --output} (with {@code --data} for each
     * data file the manifest names, and {@code --precision single} where it says so), and compares the
     * file written.
     */
    private static Optional<String> runAndCompare(Suite.Case c, Manifest.Entry entry) throws IOException {
        Path csv = Files.createTempFile("conformance", ".csv");
        try {
            StringWriter err = new StringWriter();
            CommandLine cdyn = Main.commandLine();
            cdyn.setErr(new PrintWriter(err, true));
            List<String> args = new ArrayList<>(List.of("run", c.file().toString(), "--output", csv.toString()));
            for (String d : entry.dataFiles()) {
                args.add("--data");
                args.add(c.file().resolveSibling(d).toString());
            }
            if (entry.singlePrecision()) {
                args.add("--precision");
                args.add("single");
            }
            int exit = cdyn.execute(args.toArray(String[]::new));
            if (exit != 0) {
                return Optional.of("cdyn run exited " + exit + ":\n" + err);
            }
            if (c.expected().isEmpty()) {
                return Optional.empty(); // a sample without expected output only has to run
            }
            return Comparator.compare(ExpectedOutput.read(c.expected().get()), ResultsCsv.read(csv));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** An exception other than a diagnostic is an engine bug: show where it was thrown. */
    private static String describe(Throwable e) {
        if (e instanceof IOException) {
            return "harness could not read a file: " + e.getMessage();
        }
        StringBuilder sb = new StringBuilder("engine error: ").append(e);
        for (StackTraceElement s : e.getStackTrace()) {
            if (s.getClassName().startsWith("org.clusterdynamics")) {
                sb.append(" at ").append(s);
                break;
            }
        }
        return sb.toString();
    }

    @AfterAll
    void summary() {
        for (Map.Entry<Suite.Format, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            System.out.println("conformance " + e.getKey().label() + ": " + t.passed + " passed, " + t.failed
                    + " failed, " + t.expectedFailures + " expected failures");
        }
    }
}
