package org.clusterdynamics.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile scripts: each tries to reach outside the API and must be refused (or stopped), with a
 * message that names what was refused and the script's line, and a non-zero exit code.
 */
class ScriptSandboxTest extends ScriptTestSupport {

    private void refused(Ran r, int line, String what) {
        assertEquals(ScriptRunner.REFUSED, r.exit(), () -> "exit code; stderr:\n" + r.err());
        assertTrue(r.err().contains("script.js:" + line + " ("), () -> "line " + line + " in:\n" + r.err());
        assertTrue(r.err().contains("refused: " + what), () -> "'" + what + "' in:\n" + r.err());
    }

    @Test
    void readingAHostFileIsRefused() throws Exception {
        refused(run("// try the password file\nconst t = cdyn.load('/etc/passwd');\n"), 2, "reading '/etc/passwd'");
        refused(run("const fs = require('fs');\n"), 1, "require(\"fs\")");
        refused(run("\n\nreadFile('/etc/passwd');\n"), 3, "readFile(\"/etc/passwd\")");
        refused(run("load('/etc/hosts');\n"), 1, "load(\"/etc/hosts\")");
    }

    @Test
    void aCaughtRefusalStillFailsTheRunAndIsListedWithItsLine() throws Exception {
        Ran r = run("""
                let leaked = 'nothing';
                try {
                  leaked = Java.type('java.lang.System').getenv('HOME');
                } catch (e) {
                  print('caught=' + e.message);
                }
                try { cdyn.writeText('../x.txt', 'x'); } catch (e) { }
                print('done=yes');
                """);
        assertEquals(ScriptRunner.REFUSED, r.exit(), r.err());
        assertEquals("yes", r.line("done"), "the script went on after catching");
        assertTrue(r.line("caught").startsWith("refused: Java.type(\"java.lang.System\")"), r.out());
        assertTrue(r.err().contains("script.js:3 (leaked = Java.type('java.lang.System').getenv('HOME');): refused:"
                + " Java.type(\"java.lang.System\")"), r.err());
        assertTrue(r.err().contains("script.js:7 (try { cdyn.writeText('../x.txt', 'x'); } catch (e) { }): refused:"
                + " writing '../x.txt'"), r.err());
        assertTrue(r.err().contains("the script caught these refusals and went on"), r.err());
    }

    @Test
    void aModelOutsideTheScriptsFolderAndTheWorkingDirectoryIsRefused() throws Exception {
        Path elsewhere = Files.createTempDirectory("cdyn-elsewhere");
        Path m = Files.copy(model(), elsewhere.resolve("secret.xmile"));
        try {
            refused(run("cdyn.load('" + m + "');\n"), 1, "reading '" + m + "'");
        } finally {
            Files.delete(m);
            Files.delete(elsewhere);
        }
    }

    @Test
    void loadingAJavaClassIsRefused() throws Exception {
        refused(run("const File = Java.type('java.io.File');\n"), 1, "Java.type(\"java.io.File\")");
        refused(run("\nconst f = new java.io.File('/');\n"), 2, "java.io");
        refused(run("const c = Packages.java.lang.System;\n"), 1, "Packages.java");
        // API objects give no way to their Java classes either
        Ran r = run("const m = cdyn.load('mini-cluster.xmile');\nm.getClass();\n");
        assertEquals(ScriptRunner.SCRIPT_ERROR, r.exit());
        assertTrue(r.err().contains("script.js:2") && r.err().contains("a Model object has no function 'getClass'"),
                r.err());
    }

    @Test
    void spawningAProcessIsRefused() throws Exception {
        refused(run("const pb = Java.type('java.lang.ProcessBuilder');\nnew pb(['ls']).start();\n"), 1,
                "Java.type(\"java.lang.ProcessBuilder\")");
        refused(run("\nprocess.exit(1);\n"), 2, "process.exit");
        refused(run("const home = process.env.HOME;\n"), 1, "process.env");
    }

    @Test
    void networkThreadsAndOtherLanguagesAreRefused() throws Exception {
        refused(run("fetch('https://example.com/data.csv');\n"), 1, "fetch(\"https://example.com/data.csv\")");
        refused(run("new XMLHttpRequest();\n"), 1, "new XMLHttpRequest(...)");
        refused(run("const w = new Worker('w.js');\n"), 1, "new Worker(...)");
        refused(run("Polyglot.eval('python', 'import os');\n"), 1, "Polyglot.eval(\"python\", \"import os\")");
        refused(run("quit();\n"), 1, "quit()");
    }

    @Test
    void writingOutsideTheOutputFolderIsRefused() throws Exception {
        Path outside = dir.resolve("outside.txt");
        refused(run("cdyn.writeText('../outside.txt', 'x');\n"), 1, "writing '../outside.txt'");
        refused(run("cdyn.writeText('a/../../outside.txt', 'x');\n"), 1, "writing 'a/../../outside.txt'");
        refused(run("cdyn.writeText('" + outside + "', 'x');\n"), 1, "writing '" + outside + "'");
        refused(run("const m = cdyn.load('mini-cluster.xmile');\nm.run().writeCsv('../../x.csv');\n"), 2,
                "writing '../../x.csv'");
        assertFalse(Files.exists(outside));
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    @Test
    void aLinkInTheOutputFolderCannotLeadOut() throws Exception {
        Path target = Files.createDirectories(dir.resolve("target-outside"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("link"), target);
        refused(run("cdyn.writeText('link/x.txt', 'x');\n"), 1, "writing 'link/x.txt'");
        assertFalse(Files.exists(target.resolve("x.txt")));
        // a link to a file outside is not written through either
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep");
        Files.createSymbolicLink(out.resolve("v.txt"), victim);
        refused(run("cdyn.writeText('v.txt', 'overwritten');\n"), 1, "writing 'v.txt'");
        assertEquals("keep", Files.readString(victim));
    }

    @Test
    void withoutAnOutputFolderNothingIsWritten() throws Exception {
        Ran r = run("cdyn.writeText('a.txt', 'x');\n", null, Duration.ofSeconds(30));
        assertEquals(ScriptRunner.REFUSED, r.exit());
        assertTrue(r.err().contains("no output folder; run it with --out DIR"), r.err());
    }

    @Test
    void anEndlessLoopIsStoppedAtTheTimeLimit() throws Exception {
        long t0 = System.nanoTime();
        Ran r = run("let n = 0;\nwhile (true) {\n  n++;\n}\n", dir.resolve("out"), Duration.ofMillis(1500));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(ScriptRunner.TIMEOUT, r.exit(), r.err());
        assertTrue(r.err().contains("script.js:") && r.err().contains("stopped: the script ran longer than its time limit"
                + " of 1.5 s"), r.err());
        assertTrue(seconds < 20, "stopped after " + seconds + " s");
    }

    @Test
    void aLongBatchIsStoppedAtTheTimeLimitToo() throws Exception {
        Ran r = run("const m = cdyn.load('mini-cluster.xmile');\n"
                + "m.monteCarlo({runs: 5000000, outputs: ['Firms'], threads: 1});\n", dir.resolve("out"),
                Duration.ofSeconds(2));
        assertEquals(ScriptRunner.TIMEOUT, r.exit(), r.err());
        assertTrue(r.err().contains("script.js:2") && r.err().contains("stopped"), r.err());
    }

    @Test
    void oneLongRunIsStoppedAtTheTimeLimit() throws Exception {
        // 400 million steps: minutes of work, unless the run itself heeds the limit
        long t0 = System.nanoTime();
        Ran r = run("const m = cdyn.load('mini-cluster.xmile');\n"
                + "m.baseline().time({stop: 1e8, dt: 0.25, saveStep: 1e7}).run();\n", dir.resolve("out"),
                Duration.ofSeconds(2));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(ScriptRunner.TIMEOUT, r.exit(), r.err());
        assertTrue(r.err().contains("script.js:2") && r.err().contains("stopped"), r.err());
        assertTrue(seconds < 20, "stopped after " + seconds + " s");
    }

    @Test
    void aScriptThatFailsOrIsStoppedLeavesTheOutputFolderAsItWas() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("table.csv"), "earlier results\n");
        String writes = "cdyn.writeText('table.csv', 'new,results');\ncdyn.writeText('more/notes.md', '# notes');\n";
        Ran failed = run(writes + "throw new Error('late failure');\n", out, Duration.ofSeconds(30));
        assertEquals(ScriptRunner.SCRIPT_ERROR, failed.exit(), failed.err());
        Ran stopped = run(writes + "while (true) {}\n", out, Duration.ofMillis(1500));
        assertEquals(ScriptRunner.TIMEOUT, stopped.exit(), stopped.err());
        try (var files = Files.walk(out)) {
            assertEquals(List.of(out, out.resolve("table.csv")), files.sorted().toList(), "no new files, no leftovers");
        }
        assertEquals("earlier results\n", Files.readString(out.resolve("table.csv")));
        Ran ok = run(writes, out, Duration.ofSeconds(30));
        assertEquals(0, ok.exit(), ok.err());
        assertEquals("new,results", Files.readString(out.resolve("table.csv")), "replaced once the script succeeded");
        assertEquals("# notes", Files.readString(out.resolve("more/notes.md")));
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".cdyn")), "staging removed");
        }
    }

    @Test
    void theRunnerStaysUsableAfterAStoppedScript() throws Exception {
        run("while (true) {}\n", dir.resolve("out"), Duration.ofMillis(500));
        Ran r = run("print('x=' + (1 + 1));\n");
        assertEquals(0, r.exit(), r.err());
        assertEquals(2.0, r.value("x"));
    }

    @Test
    void errorsInsideScriptsNameTheFileTheLineAndForModelErrorsTheVariable() throws Exception {
        Ran r = run("const m = cdyn.load('mini-cluster.xmile');\n\nconst s = m.baseline().set('Copying Lag', 0);\n"
                + "s.run();\n");
        assertEquals(ScriptRunner.SCRIPT_ERROR, r.exit());
        assertTrue(r.err().contains("script.js:4 (s.run();): model error"), r.err());
        assertTrue(r.err().contains("variable 'Product Copying' at time 1955"), r.err());
        r = run("const m = cdyn.load('mini-cluster.xmile');\nm.baseline().equation('CFC Active', 'IF TIME > THEN 1');\n");
        assertTrue(r.err().contains("script.js:2") && r.err().contains("mini-cluster.xmile:")
                && r.err().contains("variable 'CFC Active'"), r.err());
        r = run("const x = 1;\nundefinedFunction(x);\n");
        assertEquals(ScriptRunner.SCRIPT_ERROR, r.exit());
        assertTrue(r.err().contains("script.js:2 (undefinedFunction(x);): ReferenceError: undefinedFunction is not defined"),
                r.err());
        r = run("let x = ;\n");
        assertTrue(r.err().contains("script.js:1") && r.err().contains("syntax error"), r.err());
        r = run("throw new Error('my own stop');\n");
        assertTrue(r.err().contains("script.js:1") && r.err().contains("Error: my own stop"), r.err());
    }

    @Test
    void aMissingScriptIsAUsageError() {
        Ran r = runFile(dir.resolve("none.js"), dir.resolve("out"), Duration.ofSeconds(5), 1);
        assertEquals(ScriptRunner.USAGE, r.exit());
        assertTrue(r.err().contains("none.js: no such file"), r.err());
    }
}
