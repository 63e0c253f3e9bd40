package org.clusterdynamics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.clusterdynamics.cli.fuzz.Mutations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * The fuzzing harness (issue 17): mutated copies of the suite's models (../shared/test-models), the
 * real models (../shared/real-models) and a few built-in ones go through {@code cdyn run},
 * {@code check} and {@code convert} in-process, as a user would run them, and every case must
 * hold the README's guarantees:
 * <ul>
 *   <li>nothing but the engine's own messages reaches the user: no stack trace, no Java class name;</li>
 *   <li>the exit code is documented (0 done, 1 model or file error, 2 bad command line);</li>
 *   <li>a failed command leaves no output file, a successful one leaves it whole (never partial);</li>
 *   <li>nothing is written outside the output file (no stray temporary or staging file);</li>
 *   <li>each case ends within the bound (seconds, {@code fuzz.bound}; a hang guard, not a speed test).</li>
 * </ul>
 * A short seeded run is part of {@code mvn test}; the long run is
 * {@code mvn -B test -Dtest=FuzzTest -Dfuzz.cases=10000 -Dfuzz.seed=1} (cases per command; another
 * fuzz.seed gives other cases; see README "Guarantees").
 * Cases are derived from a fixed seed per command, so a failure names the case seed, mutations and command; replay
 * one with {@code -Dfuzz.replay=run:CASESEED} (same fuzz.maxSeedBytes).
 */
class FuzzTest {
    /** Cases per command: a few hundred in all for the short run in mvn test. */
    private static final int CASES = Integer.getInteger("fuzz.cases", 70);
    private static final int TRIES = 35;
    private static final int BOUND_SECONDS = Integer.getInteger("fuzz.bound", 60);
    /** Seeds larger than this are left out (the largest real models take seconds per case). */
    private static final long MAX_SEED_BYTES = Long.getLong("fuzz.maxSeedBytes", 60_000);

    /** A mutated model stops growing at this size. */
    private static final int MAX_MODEL_BYTES = 8 << 20;

    private static final Path SHARED = Path.of("..", "shared");
    private static final List<Path> SEEDS = seeds();
    private static final Map<String, AtomicLong> FIGURES = new ConcurrentHashMap<>();
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        // a big stack as the real command line has room for; daemon so that a hung case cannot hold the JVM
        Thread t = new Thread(null, r, "fuzz-case", 512L << 20);
        t.setDaemon(true);
        return t;
    });

    /** Java's own words that must never reach a user (trace lines, exception and error class names). */
    private static final Pattern JAVA_LEAK = Pattern.compile(
            "(?m)(^\\s+at [\\w.$]+\\(|\\b(?:java|javax|sun|jdk|org\\.clusterdynamics|org\\.apache|picocli)\\.[a-z]"
                    + "[\\w.]*\\.[A-Z]\\w*|\\b[A-Z]\\w*(?:Exception|Error)\\b(?!:? ?E\\d)|Caused by:)");

    private static List<Path> seeds() {
        List<Path> out = new ArrayList<>();
        for (String folder : List.of("test-models", "real-models")) {
            Path root = SHARED.resolve(folder);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).filter(FuzzTest::isModel).filter(p -> size(p) <= MAX_SEED_BYTES)
                        .sorted().forEach(out::add);
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + root, e);
            }
        }
        if (out.isEmpty()) {
            System.out.println("FuzzTest: ../shared/test-models and ../shared/real-models are absent: fuzzing only the"
                    + " built-in models");
        }
        return out;
    }

    private static boolean isModel(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".mdl") || n.endsWith(".xmile") || n.endsWith(".stmx");
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static final String BUILT_IN_XMILE = """
            <?xml version="1.0" encoding="utf-8"?>
            <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
              <header><vendor>fuzz</vendor><product version="1">fuzz</product></header>
              <sim_specs method="Euler" time_units="year"><start>0</start><stop>10</stop><dt>0.5</dt></sim_specs>
              <model><variables>
                <stock name="Population"><eqn>100</eqn><inflow>births</inflow><outflow>deaths</outflow></stock>
                <flow name="births"><eqn>Population * birth_rate * SMTH1(STEP(1, 2), 3)</eqn></flow>
                <flow name="deaths"><eqn>Population / 40 + PULSE(5, 3)</eqn></flow>
                <aux name="birth rate"><eqn>0.03</eqn></aux>
                <aux name="effect"><eqn>GRAPH(TIME)</eqn>
                  <gf><xscale min="0" max="10"/><ypts>0,0.5,1,0.5</ypts></gf></aux>
              </variables></model>
            </xmile>
            """;

    private static final String BUILT_IN_MDL = """
            Cust[region] = INTEG(new cust[region] - lost[region], 10)
            \t~\tpeople
            \t~\t|
            region: north, south
            \t~\t
            \t~\t|
            new cust[region] = DELAY1(Cust[region] * 0.1, 2) + IF THEN ELSE(Time > 5, 1, 0)
            \t~\tpeople/Month
            \t~\t|
            lost[region] = Cust[region] / MAX(life, 1)
            \t~\tpeople/Month
            \t~\t|
            life = 12
            \t~\tMonth
            \t~\t|
            INITIAL TIME = 0
            \t~\tMonth
            \t~\t|
            FINAL TIME = 20
            \t~\tMonth
            \t~\t|
            TIME STEP = 0.25
            \t~\tMonth
            \t~\t|
            SAVEPER = 1
            \t~\tMonth
            \t~\t|
            """;

    @TestFactory
    Stream<DynamicTest> runHoldsTheGuarantees() {
        return tries("run", 20261205L);
    }

    @TestFactory
    Stream<DynamicTest> checkHoldsTheGuarantees() {
        return tries("check", 20261206L);
    }

    @TestFactory
    Stream<DynamicTest> convertHoldsTheGuarantees() {
        return tries("convert", 20261207L);
    }

    /** TRIES tests per command, each with its own seed drawn from the command's fixed seed: the same cases every run. */
    private Stream<DynamicTest> tries(String command, long commandSeed) {
        Random seeds = new Random(commandSeed);
        long[] trySeeds = IntStream.range(0, TRIES).mapToLong(i -> seeds.nextLong()).toArray();
        return IntStream.range(0, TRIES).mapToObj(i -> DynamicTest.dynamicTest(
                command + " try " + (i + 1) + " (seed " + trySeeds[i] + ")", () -> batch(command, trySeeds[i])));
    }

    /** fuzz.cases per command spread over the tries: each try runs its share, each case from its own seed. */
    private void batch(String command, long seed) throws Exception {
        String replay = System.getProperty("fuzz.replay"); // COMMAND:CASESEED, from a failure's message
        if (replay != null) {
            if (replay.startsWith(command + ":")) {
                oneCase(command, Long.parseLong(replay.substring(command.length() + 1)));
            }
            return;
        }
        int perTry = Math.max(1, (CASES + TRIES - 1) / TRIES);
        // fuzz.seed gives a long run cases of its own instead of repeating the short run's first ones
        Random r = new Random(seed ^ Long.getLong("fuzz.seed", 0L));
        for (int i = 0; i < perTry; i++) {
            oneCase(command, r.nextLong());
        }
    }

    private void oneCase(String command, long seed) throws Exception {
        Random r = new Random(seed);
        String name;
        byte[] model;
        int pick = r.nextInt(SEEDS.size() + 2);
        if (pick < SEEDS.size()) {
            Path p = SEEDS.get(pick);
            name = SHARED.relativize(p).toString();
            model = Files.readAllBytes(p);
        } else {
            name = pick == SEEDS.size() ? "built-in.xmile" : "built-in.mdl";
            model = (pick == SEEDS.size() ? BUILT_IN_XMILE : BUILT_IN_MDL).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        boolean vensim = name.toLowerCase(Locale.ROOT).endsWith(".mdl");
        List<String> applied = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            Mutations.Mutation m = Mutations.ALL.get(r.nextInt(Mutations.ALL.size()));
            model = m.op().apply(model, vensim, r);
            applied.add(m.name());
            if (model.length > MAX_MODEL_BYTES) {
                break; // long names twice over can grow a model without bound; bigger is not more revealing
            }
        }
        String ext = name.substring(name.lastIndexOf('.'));
        Path dir = Files.createTempDirectory("cdyn-fuzz");
        try {
            Path file = Files.write(dir.resolve("model" + ext), model);
            Path output = dir.resolve(command.equals("convert") ? "out.xmile" : "out.csv");
            String[] args = switch (command) {
                case "run" -> new String[] {"run", file.toString(), "--output", output.toString()};
                case "convert" -> new String[] {"convert", file.toString(), "--to", "xmile", "--output", output.toString()};
                default -> new String[] {"check", file.toString()};
            };
            String what = "case seed " + seed + ": cdyn " + command + " on " + name + " after " + applied;
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(new ShortLines(err), true));
            long t0 = System.nanoTime();
            Future<Integer> f = RUNNER.submit(() -> Main.execute(cl, args));
            int code;
            try {
                code = f.get(BOUND_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                count(command + " hangs");
                throw new AssertionError(what + ": no answer within " + BOUND_SECONDS + " s");
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            FIGURES.computeIfAbsent(command + " max ms", k -> new AtomicLong()).accumulateAndGet(ms, Math::max);
            if (FIGURES.computeIfAbsent(command + " cases", k -> new AtomicLong()).incrementAndGet() % 500 == 0) {
                // progress for long runs: the figures so far
                report();
            }
            count(command + " exit " + code);
            String said = out + "\n" + err;
            String shown = said.length() > 3000 ? said.substring(0, 3000) + "..." : said;
            if (JAVA_LEAK.matcher(said).find()) {
                count(command + " leaks");
                throw new AssertionError(what + ": Java's own words reached the user:\n" + shown);
            }
            Set<Integer> documented = command.equals("check") ? Set.of(0, 1) : Set.of(0, 1, 2);
            if (!documented.contains(code)) {
                throw new AssertionError(what + ": exit " + code + ", not one of " + documented + "\n" + shown);
            }
            if (code != 0 && said.isBlank()) {
                throw new AssertionError(what + ": failed without a message");
            }
            if (!command.equals("check")) {
                boolean exists = Files.exists(output);
                if (code == 0 && !exists) {
                    throw new AssertionError(what + ": exit 0 but no output file\n" + shown);
                }
                if (code != 0 && exists) {
                    count(command + " partial files");
                    throw new AssertionError(what + ": exit " + code + " but an output file was left\n" + shown);
                }
            }
            try (Stream<Path> files = Files.list(dir)) {
                List<String> stray = files.map(p -> p.getFileName().toString())
                        .filter(s -> !s.equals(file.getFileName().toString()) && !s.equals(output.getFileName().toString()))
                        .sorted().collect(Collectors.toList());
                if (!stray.isEmpty()) {
                    count(command + " stray files");
                    throw new AssertionError(what + ": wrote files besides its output: " + stray);
                }
            }
        } finally {
            deleteAll(dir);
        }
    }

    private static void count(String key) {
        FIGURES.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @AfterAll
    static void report() {
        Map<String, Long> sorted = new TreeMap<>();
        FIGURES.forEach((k, v) -> sorted.put(k, v.get()));
        System.out.println("FuzzTest figures (" + SEEDS.size() + " seed models, " + CASES + " cases per command): "
                + sorted);
    }
}
