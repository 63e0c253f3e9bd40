package org.clusterdynamics.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Regression tests of issue 17's findings in the scripting layer: each failed before its fix. */
class ScriptHardeningTest extends ScriptTestSupport {
    private static final String LOAD = "const m = cdyn.load('mini-cluster.xmile');\n";

    @Test
    void aGetterThatCallsSweepAgainIsRefusedAndTheEngineStaysUsable() throws Exception {
        String nested = "m.sweep({get parameters() { m.sweep({parameters: {'Copying Lag': [1]}, outputs: ['Firms']});"
                + " return {'Copying Lag': [1]}; }, outputs: ['Firms']})";
        Ran r = run(LOAD + "try { " + nested + "; } catch (e) { print('caught=' + e); }\n"
                + "print('after=' + m.sweep({parameters: {'Copying Lag': [1, 2]}, outputs: ['Firms']}).runs());\n"
                + nested + ";\n");
        assertEquals(ScriptRunner.SCRIPT_ERROR, r.exit(), r.err());
        assertTrue(r.line("caught").startsWith("Error: model.sweep: called while model.sweep was reading its arguments"),
                r.out());
        assertEquals(2.0, r.value("after"));
        assertTrue(r.err().contains("script.js:4") && r.err().contains("cannot nest"), r.err());
        assertFalse(r.err().contains("StackOverflow") || r.err().contains("NoClassDefFound"), r.err());
        // the same runner serves the next script as if nothing had happened
        Ran next = run(LOAD + "print('firms=' + m.run().finalValue('Firms'));");
        assertEquals(0, next.exit(), next.err());
        assertTrue(next.value("firms") > 30);
    }

    @Test
    void timesOutsideTheRunAreRefusedNamingTheTimeAndTheSpan() throws Exception {
        Ran at = run(LOAD + "print(m.run().at('Firms', 1900));");
        assertEquals(ScriptRunner.SCRIPT_ERROR, at.exit());
        assertTrue(at.err().contains("run.at(name, time): time 1900 is outside run 'baseline', which runs from 1955 to"
                + " 2000"), at.err());
        Ran sweep = run(LOAD + "m.sweep({parameters: {'Copying Lag': [1, 2]}, outputs: ['Firms'], at: [2010]});");
        assertEquals(ScriptRunner.SCRIPT_ERROR, sweep.exit());
        assertTrue(sweep.err().contains("time 2010 is outside") && sweep.err().contains("from 1955 to 2000"),
                sweep.err());
        Ran compare = run(LOAD + "cdyn.compare([m.run()], {outputs: ['Firms'], at: [2001]});");
        assertTrue(compare.err().contains("cdyn.compare") && compare.err().contains("time 2001 is outside"),
                compare.err());
        Ran mc = run(LOAD + "m.monteCarlo({runs: 2, outputs: ['Firms']}).at('Firms', 1954);");
        assertTrue(mc.err().contains("monteCarlo.at(name, time): time 1954 is outside"), mc.err());
        // the ends themselves, and times between save times, are inside
        Ran ends = run(LOAD + "const r = m.run(); print('ends=' + [r.at('Firms', 1955), r.at('Firms', 2000),"
                + " r.at('Firms', 1999.5)].every(Number.isFinite));");
        assertEquals("true", ends.line("ends"));
    }

    @Test
    void errorsInAsyncCodeAndUnhandledRejectionsFailTheScriptWithTheirLine() throws Exception {
        Ran thrown = run("print('start');\nasync function f() { await null;\n throw new Error('boom in async'); }\nf();\n"
                + "print('end');\n");
        assertEquals(ScriptRunner.SCRIPT_ERROR, thrown.exit());
        assertTrue(thrown.err().contains("script.js:3") && thrown.err().contains("boom in async"), thrown.err());
        Ran rejected = run("const p = Promise.reject(new Error('nobody catches this'));\n");
        assertEquals(ScriptRunner.SCRIPT_ERROR, rejected.exit());
        assertTrue(rejected.err().contains("script.js:1") && rejected.err().contains("nobody catches this"),
                rejected.err());
        Ran api = run(LOAD + "async function g() { await 1;\n m.run().at('Firms', 1800); }\ng();\n");
        assertEquals(ScriptRunner.SCRIPT_ERROR, api.exit());
        assertTrue(api.err().contains("script.js:3") && api.err().contains("time 1800 is outside"), api.err());
        Ran handled = run("Promise.reject(new Error('x')).catch(e => print('handled=' + e.message));\n");
        assertEquals(0, handled.exit(), handled.err());
        assertEquals("x", handled.line("handled"));
    }

    @Test
    void messagesHaveNoJavaClassNamesDoubledPrefixesOrJavaNumbers() throws Exception {
        Ran r = run(LOAD + """
                try { m.baseline().time({start: 'x'}); } catch (e) { print('time=' + e); }
                try { m.monteCarlo({runs: 2, outputs: 5}); } catch (e) { print('mc=' + e.message); }
                try { m.monteCarlo({runs: 1e12, outputs: ['Firms']}); } catch (e) { print('big=' + e.message); }
                try { m.baseline().set('Nowhere', 1); } catch (e) { print('model=' + e); }
                try { m.monteCarlo({runs: 2.5, outputs: ['Firms']}); } catch (e) { print('frac=' + e.message); }
                print('isError=' + (() => { try { m.run().series(42); } catch (e) { return e instanceof Error; } })());
                """);
        assertEquals(0, r.exit(), r.err());
        assertEquals("Error: scenario.time({start, stop, dt, saveStep, method}): start must be a number, got the text 'x'",
                r.line("time"));
        assertEquals(1, r.line("mc").split("model\\.monteCarlo\\(").length - 1, r.line("mc"));
        assertTrue(r.line("big").endsWith("got 1000000000000"), r.line("big"));
        assertTrue(r.line("frac").endsWith("got 2.5"), r.line("frac"));
        assertTrue(r.line("model").startsWith("Error: ") && r.line("model").contains("no variable 'Nowhere'"),
                r.line("model"));
        assertEquals("true", r.line("isError"));
        assertFalse(r.out().contains("org.clusterdynamics") || r.out().contains("Exception") || r.out().contains("E12"),
                r.out());
        Ran longName = run(LOAD + "m.baseline().set('x'.repeat(100000), 1);");
        assertTrue(longName.err().length() < 1000 && longName.err().contains("... (100000 characters)"),
                "a huge name is shortened: " + longName.err().length());
        Files.writeString(dir.resolve("afile"), "x");
        Ran outIsFile = run("cdyn.writeText('a.txt', 'x');", dir.resolve("afile"), Duration.ofSeconds(60));
        assertTrue(outIsFile.err().contains("the output folder") && outIsFile.err().contains("is a file, not a folder"),
                outIsFile.err());
    }

    private Ran runWith(String code, long maxBytes, boolean keepPartial, Duration timeout) throws Exception {
        model();
        Path script = Files.writeString(dir.resolve("script.js"), code);
        return run(new ScriptRunner.Options(script, dir.resolve("out"), List.of(), timeout, 2, maxBytes, keepPartial));
    }

    @Test
    void whatAScriptWritesIsLimitedAndTheLimitIsNamed() throws Exception {
        String tenKb = "const s = 'x'.repeat(10240);\n";
        Ran over = runWith(tenKb + "for (let i = 0; i < 100; i++) { cdyn.writeText('f' + i + '.txt', s); }", 50_000,
                false, Duration.ofSeconds(60));
        assertEquals(ScriptRunner.SCRIPT_ERROR, over.exit(), over.err());
        assertTrue(over.err().contains("cdyn.writeText: writing 'f4.txt' takes what the script wrote to 50 kB, over"
                + " its limit of 48.8 kB") && over.err().contains("--max-output"), over.err());
        assertFalse(Files.exists(over.file("f0.txt")), "nothing is kept from a script over its limit");
        // writers that learn their size only when done (CSV of a run) are held to it too
        Ran csv = runWith(LOAD + "const r = m.run(); for (let i = 0; i < 100; i++) { r.writeCsv('r' + i + '.csv'); }",
                20_000, false, Duration.ofSeconds(60));
        assertTrue(csv.err().contains("run.writeCsv: writing 'r") && csv.err().contains("over its limit"), csv.err());
        Ran under = runWith(tenKb + "cdyn.writeText('a.txt', s); cdyn.writeText('a.txt', s + s);", 25_000, false,
                Duration.ofSeconds(60));
        assertEquals(0, under.exit(), "a file written again counts once: " + under.err());
    }

    @Test
    void staleStagingFoldersOfDeadRunsAreRemovedAndNothingElse() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path dead = Files.createDirectories(out.resolve(".cdyn-unfinished-pid2147480000-123"));
        Files.writeString(dead.resolve("half.csv"), "a,b");
        Path outside = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Files.createSymbolicLink(dead.resolve("link"), outside);
        Path live = Files.createDirectories(out.resolve(".cdyn-unfinished-pid" + ProcessHandle.current().pid() + "-9"));
        Path oldUnowned = Files.createDirectories(out.resolve(".cdyn-unfinished-4711"));
        Files.setLastModifiedTime(oldUnowned, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
        Path newUnowned = Files.createDirectories(out.resolve(".cdyn-unfinished-4712"));
        Path other = Files.createDirectories(out.resolve(".cdyn-unfinished-notours"));
        Ran r = runWith("print('ok=1');", 0, false, Duration.ofSeconds(60));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("removed 2 unfinished staging folders"), r.err());
        assertFalse(Files.exists(dead) || Files.exists(oldUnowned));
        assertTrue(Files.exists(live) && Files.exists(newUnowned) && Files.exists(other));
        assertEquals("keep me", Files.readString(outside), "a link's target is never touched");
    }

    @Test
    void keepPartialKeepsFinishedFilesAndMarksTheFolder() throws Exception {
        String writesThenFails = LOAD + "m.run().writeCsv('baseline.csv');\ncdyn.writeText('notes.md', '# notes');\n"
                + "cdyn.chart(m.run(), ['Firmz']);\n";
        Ran atomic = runWith(writesThenFails, 0, false, Duration.ofSeconds(60));
        assertEquals(ScriptRunner.SCRIPT_ERROR, atomic.exit());
        assertFalse(Files.exists(atomic.file("baseline.csv")), "without --keep-partial nothing is kept");
        Ran kept = runWith(writesThenFails, 0, true, Duration.ofSeconds(60));
        assertEquals(ScriptRunner.SCRIPT_ERROR, kept.exit());
        assertTrue(Files.size(kept.file("baseline.csv")) > 100 && Files.exists(kept.file("notes.md")));
        String mark = kept.text(OutputFolder.INCOMPLETE);
        assertTrue(mark.contains("script.js:4") && mark.contains("Firmz") && mark.contains("baseline.csv")
                && mark.contains("notes.md"), mark);
        assertTrue(kept.err().contains("--keep-partial: kept the 2 files"), kept.err());
        assertFalse(Files.list(kept.outDir()).anyMatch(p -> p.getFileName().toString().startsWith(".cdyn")));
        // the time limit keeps what was finished too
        Ran timedOut = runWith("cdyn.writeText('early.txt', 'done');\nwhile (true) {}\n", 0, true,
                Duration.ofSeconds(1));
        assertEquals(ScriptRunner.TIMEOUT, timedOut.exit());
        assertTrue(timedOut.text(OutputFolder.INCOMPLETE).contains("time limit"));
        // a later run that finishes takes the mark away
        Ran fine = runWith("cdyn.writeText('early.txt', 'again');", 0, true, Duration.ofSeconds(60));
        assertEquals(0, fine.exit(), fine.err());
        assertFalse(Files.exists(fine.file(OutputFolder.INCOMPLETE)));
    }

    @Test
    void aStopFromOutsideSaysStoppedByTheUserNotTheTimeLimit() throws Exception {
        model();
        Path script = Files.writeString(dir.resolve("loop.js"), "cdyn.writeText('a.txt', 'x');\nprint('started');\n"
                + "while (true) {}\n");
        CompletableFuture<Ran> done = CompletableFuture.supplyAsync(() -> run(
                new ScriptRunner.Options(script, dir.resolve("out"), List.of(), Duration.ofMinutes(5), 1)));
        while (!printedSoFar().contains("started")) {
            Thread.onSpinWait();
        }
        runner.stop("stopped by the user (Ctrl-C)");
        Ran r = done.get();
        assertEquals(ScriptRunner.STOPPED, r.exit());
        assertEquals("loop.js:3 (while (true) {}): stopped by the user (Ctrl-C)",
                r.err().strip().replace(dir.toString() + "/", ""));
        assertFalse(Files.exists(dir.resolve("out/a.txt")));
        Ran next = run("print('ok=' + 1);");
        assertEquals(0, next.exit(), "the runner serves the next script normally: " + next.err());
    }

    @Test
    void failedRunsCanBeSkippedAndAreReportedWithTheirParameters() throws Exception {
        Ran r = run(LOAD + """
                const mc = m.monteCarlo({runs: 20, seed: 3, parameters: {'Firm Life': cdyn.choice([0, 20])},
                    outputs: ['Firms'], onError: 'skip'});
                print('mc=' + mc);
                const f = mc.failures();
                print('failed=' + f.length + ' ' + f[0].parameters + ' ' + f[0].error.includes('NaN or infinite'));
                print('finals=' + mc.finalValues('Firms').length);
                print('median=' + mc.at('Firms', 2000).p50);
                print('full=' + m.baseline().set('Firm Life', 20).run().finalValue('Firms'));
                print('cols=' + mc.runsTable().columns().join(','));
                const sw = m.sweep({parameters: {'Firm Life': [0, 10, 20]}, outputs: ['Firms'], onError: 'skip'});
                print('sweep=' + sw);
                print('outputs=' + JSON.stringify(sw.output('Firms').map(x => Number.isNaN(x) ? 'NaN' : 'ok')));
                print('sweepFailed=' + sw.failures().map(x => x.run + ':' + x.parameters).join(';'));
                try { m.sweep({parameters: {'Firm Life': [0, 20]}, outputs: ['Firms']}); }
                catch (e) { print('default=' + e.message.includes('run 1 of 2 of sweep (Firm Life = 0) failed')); }
                try { m.sweep({parameters: {'Firm Life': [0]}, outputs: ['Firms'], onError: 'skip'}); }
                catch (e) { print('all=' + e.message.includes('all 1 runs failed')); }
                try { m.sweep({parameters: {'Firm Life': [1]}, outputs: ['Firms'], onError: 'ignore'}); }
                catch (e) { print('bad=' + e.message.includes("onError must be 'fail'")); }
                """);
        assertEquals(0, r.exit(), r.err());
        assertEquals("Monte Carlo of Firms (20 runs, seed 3, 10 failed runs skipped)", r.line("mc"));
        assertEquals("10 Firm Life = 0 true", r.line("failed"));
        assertEquals(10.0, r.value("finals"));
        assertEquals(r.value("full"), r.value("median"), 1e-9, "percentiles of the finished runs only");
        assertEquals("run,Firm Life,Firms (final),error", r.line("cols"));
        assertEquals("Sweep of Firm Life (3 runs, grid, 1 failed run skipped)", r.line("sweep"));
        assertEquals("[\"NaN\",\"ok\",\"ok\"]", r.line("outputs"));
        assertEquals("1:Firm Life = 0", r.line("sweepFailed"));
        assertEquals("true", r.line("default"));
        assertEquals("true", r.line("all"));
        assertEquals("true", r.line("bad"));
        assertTrue(r.err().contains("model.monteCarlo: 10 of 20 runs failed and were skipped"), r.err());
    }

    private static final String LOOKUPS_XMILE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xmile xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" version="1.0">
              <header><name>lookups</name></header>
              <sim_specs method="Euler" time_units="years"><start>0</start><stop>10</stop><dt>1</dt></sim_specs>
              <model><variables>
                <aux name="Price"><eqn>2 + TIME</eqn></aux>
                <aux name="Demand"><eqn>Price</eqn>
                  <gf><xscale min="0" max="20"/><yscale min="0" max="100"/><ypts>100,0</ypts></gf></aux>
                <gf name="Effect"><xscale min="0" max="10"/><ypts>0,1</ypts></gf>
                <aux name="Use"><eqn>Effect(Price)</eqn></aux>
              </variables></model>
            </xmile>
            """;

    private static final String LOOKUPS_MDL = """
            {UTF-8}
            Price = 2 + Time ~ $ ~ |
            Demand = WITH LOOKUP(Price, ([(0,0)-(20,100)],(0,100),(20,0))) ~ units ~ |
            Effect( [(0,0)-(10,1)],(0,0),(10,1)) ~ dmnl ~ |
            Use = Effect(Price) ~ dmnl ~ |
            INITIAL TIME = 0 ~ year ~ |
            FINAL TIME = 10 ~ year ~ |
            TIME STEP = 1 ~ year ~ |
            SAVEPER = 1 ~ year ~ |
            """;

    @Test
    void lookupsKeepTheirTableTakeNewPointsAndAreListedWithThem() throws Exception {
        Files.writeString(dir.resolve("lookups.xmile"), LOOKUPS_XMILE);
        Files.writeString(dir.resolve("lookups.mdl"), LOOKUPS_MDL);
        for (String file : List.of("lookups.xmile", "lookups.mdl")) {
            Ran r = run("const m = cdyn.load('" + file + "');\n" + """
                    const info = n => { const v = m.variable(n); return [v.kind, v.equation, JSON.stringify(v.points)].join(' '); };
                    print('demand=' + info('Demand'));
                    print('effect=' + info('Effect'));
                    print('price=' + info('Price'));
                    const b = m.run();
                    print('base=' + b.at('Demand', 0) + ' ' + b.at('Use', 3));
                    // a new equation is the lookup's new input: 4 reads as 80, not as 4
                    print('eq=' + m.baseline().derive('eq').equation('Demand', 'Price * 2').run().at('Demand', 0));
                    // new points keep the input (Price, not time): 50 at price 0, 150 at price 20
                    const t = m.baseline().derive('tab').table('Demand', [[0, 50], [20, 150]]);
                    print('tab=' + t.run().at('Demand', 0) + ' ' + t.run().at('Demand', 8));
                    print('changes=' + t.changes());
                    const u = m.scenario('eff', {tables: {'Effect': [[0, 5], [10, 15]]}});
                    print('eff=' + u.run().at('Use', 3) + ' ' + u.changes());
                    try { m.baseline().set('Effect', 3); } catch (e) { print('set=' + e.message.includes('scenario.table')); }
                    """);
            assertEquals(0, r.exit(), file + ": " + r.err());
            assertEquals("lookup Price [[0,100],[20,0]]", r.line("demand"), file);
            assertEquals("table  [[0,0],[10,1]]", r.line("effect"), file);
            assertEquals("aux 2 + " + (file.endsWith("mdl") ? "Time" : "TIME") + " null", r.line("price"), file);
            assertEquals("90 0.5", r.line("base"), file);
            assertEquals(80.0, r.value("eq"), 1e-9, file);
            assertEquals("60 100", r.line("tab"), file);
            assertEquals("Demand = lookup of Price (0: 50, 20: 150)", r.line("changes"), file);
            assertEquals("10 Effect = lookup (0: 5, 10: 15)", r.line("eff"), file);
            assertEquals("true", r.line("set"), file);
        }
    }

    @Test
    void elementNamesMatchForgivinglyWithDidYouMean() throws Exception {
        Files.writeString(dir.resolve("towns.mdl"), """
                {UTF-8}
                Town: MianChannun, Batala ~ ~ |
                Cluster Firms[Town] = 10, 20 ~ firms ~ |
                Growth[Town] = Cluster Firms[Town] * 0.1 ~ firms/year ~ |
                Firms Made[Town] = INTEG(Growth[Town], 0) ~ firms ~ |
                INITIAL TIME = 0 ~ year ~ |
                FINAL TIME = 10 ~ year ~ |
                TIME STEP = 1 ~ year ~ |
                SAVEPER = 1 ~ year ~ |
                """);
        Ran r = run("""
                const m = cdyn.load('towns.mdl');
                const s = m.baseline().set('Cluster Firms[Mian Channun]', 50);
                print('changes=' + s.changes());
                const run = s.run();
                print('set=' + run.finalValue('Cluster Firms[Mian Channun]') + ' ' + run.at('cluster firms[mian_channun]', 5));
                const sw = m.sweep({parameters: {'Cluster Firms[mian channun]': [1, 2]}, outputs: ['Firms Made[Mian Channun]']});
                print('sweep=' + sw.output('Firms Made[MianChannun]').map(x => x.toFixed(3)).join(','));
                const mc = m.monteCarlo({runs: 2, outputs: ['Firms Made[MianChannun]']});
                print('mc=' + mc.at('Firms Made[Mian Channun]', 10).p50.toFixed(3)
                    + ' ' + sw.output('Firms Made[Mian Channun] (final)').length);
                const c = cdyn.compare([run], {outputs: ['Firms Made[Mian Channun]']});
                print('compare=' + c.column('variable'));
                try { m.baseline().set('Cluster Firms[Mian Chanun]', 1); } catch (e) { print('typo=' + e.message); }
                try { run.series('Cluster Firms[Batalla]'); } catch (e) { print('runTypo=' + e.message); }
                """);
        assertEquals(0, r.exit(), r.err());
        assertEquals("Cluster Firms[MianChannun] = 50", r.line("changes"));
        assertEquals("50 50", r.line("set"));
        assertEquals("1.000,2.000", r.line("sweep"));
        assertEquals("Firms Made[MianChannun]", r.line("compare"));
        assertEquals("10.000 2", r.line("mc"));
        assertTrue(r.line("typo").contains("'Mian Chanun' is not an element of dimension 'Town'")
                && r.line("typo").contains("Did you mean 'MianChannun'?"), r.line("typo"));
        assertTrue(r.line("runTypo").contains("Did you mean 'Cluster Firms[Batala]'?"), r.line("runTypo"));
    }
}
