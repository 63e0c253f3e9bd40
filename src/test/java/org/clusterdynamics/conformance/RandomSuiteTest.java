package org.clusterdynamics.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.io.vensim.VensimReader;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The suite's random/ folder: for calls of Vensim's RANDOM functions, the min, max, mean and
 * variance their draws must have ({@code *_expected.tab}). Each call is drawn {@value #DRAWS} times
 * (once per step of a model with that one equation); the sample must stay within min..max and its
 * mean and variance within five standard errors of the expected ones.
 */
class RandomSuiteTest {
    private static final int DRAWS = 200_000;

    @TestFactory
    Stream<DynamicTest> vensimRandomCallsHaveTheExpectedMomentsAndBounds() throws IOException {
        Optional<Path> root = Suite.root();
        assumeTrue(root.isPresent(), Suite::missingMessage);
        Path folder = root.get().resolve("random");
        assumeTrue(Files.isDirectory(folder), "the suite copy has no random/ folder");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("_expected.tab")).sorted().toList()) {
                List<String[]> rows = Files.readAllLines(f).stream().filter(l -> !l.isBlank())
                        .map(l -> l.split("\t", -1)).toList();
                String[] calls = rows.get(0);
                for (int c = 1; c < calls.length; c++) {
                    String call = calls[c].strip();
                    double[] stats = new double[4];
                    for (int r = 1; r <= 4; r++) {
                        stats[r - 1] = Double.parseDouble(rows.get(r)[c].strip());
                    }
                    String name = root.get().relativize(f) + ": " + call;
                    tests.add(DynamicTest.dynamicTest(name, () -> check(call, stats)));
                }
            }
        }
        return tests.stream();
    }

    /** stats: min, max, mean, variance. */
    private static void check(String call, double[] stats) {
        String mdl = "{UTF-8}\ndraw = " + call + " ~ dmnl ~ |\n"
                + "INITIAL TIME = 1 ~ step ~ |\nFINAL TIME = " + DRAWS + " ~ step ~ |\n"
                + "TIME STEP = 1 ~ step ~ |\nSAVEPER = TIME STEP ~ step ~ |\n";
        Results r = Simulator.run(ModelCompiler.compile(VensimReader.read(mdl, Path.of("random.mdl"))),
                RunOptions.defaults().withSeed(20240423));
        double[] x = r.column("draw");
        assertEquals(DRAWS, x.length);
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / x.length;
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - mean;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        double variance = m2 / (x.length - 1);
        double fourth = m4 / x.length;
        assertTrue(min >= stats[0] && max <= stats[1], call + ": draws span " + min + ".." + max + ", outside "
                + stats[0] + ".." + stats[1]);
        double meanError = Math.sqrt(stats[3] / x.length);
        assertEquals(stats[2], mean, 5 * meanError + 1e-12, call + ": mean");
        // standard error of the sample variance: sqrt((m4 - s^4) / n), from the sample's own fourth moment
        double varianceError = Math.sqrt(Math.max(fourth - variance * variance, 0) / x.length);
        assertEquals(stats[3], variance, 5 * varianceError + 1e-12, call + ": variance");
    }
}
