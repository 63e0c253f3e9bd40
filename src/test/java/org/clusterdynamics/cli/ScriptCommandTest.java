package org.clusterdynamics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** 'cdyn script' end to end: options, arguments, output folder, exit codes. */
class ScriptCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int cdyn(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void runsAScriptWithArgumentsAndWritesIntoTheOutputFolder() throws Exception {
        Path js = Files.writeString(dir.resolve("hello.js"),
                "print('args: ' + cdyn.args.join(' ') + ' é');\ncdyn.writeText('hello.txt', cdyn.args[1]);\n");
        Path outDir = dir.resolve("results");
        assertEquals(0, cdyn("script", js.toString(), "--out", outDir.toString(), "--", "--name", "Daska"));
        assertEquals("args: --name Daska é\n", out.toString());
        assertEquals("Daska", Files.readString(outDir.resolve("hello.txt")));
    }

    @Test
    void exitCodesSayWhatHappened() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.js"), "const x = 1;\nx();\n");
        assertEquals(1, cdyn("script", bad.toString()));
        assertTrue(err.toString().contains("bad.js:2 (x();): TypeError"), err.toString());
        Path hostile = Files.writeString(dir.resolve("hostile.js"), "require('child_process');\n");
        assertEquals(3, cdyn("script", hostile.toString()));
        assertTrue(err.toString().contains("refused: require(\"child_process\")"), err.toString());
        Path loop = Files.writeString(dir.resolve("loop.js"), "for (;;) {}\n");
        assertEquals(4, cdyn("script", loop.toString(), "--timeout", "0.5"));
        assertTrue(err.toString().contains("loop.js:1") && err.toString().contains("--timeout"), err.toString());
        assertEquals(2, cdyn("script", dir.resolve("missing.js").toString()));
        assertEquals(2, cdyn("script", bad.toString(), "--timeout", "-1"));
        assertEquals(2, cdyn("script"));
    }

    @Test
    void maxOutputAndKeepPartialAreOptions() throws Exception {
        assertEquals(1L << 30, ScriptCommand.size("1G"));
        assertEquals(500L << 20, ScriptCommand.size("500M"));
        assertEquals(1536L, ScriptCommand.size("1.5k"));
        assertEquals(4096L, ScriptCommand.size("4096"));
        assertEquals(-1L, ScriptCommand.size("lots"));
        Path js = Files.writeString(dir.resolve("big.js"), "cdyn.writeText('a.txt', 'x'.repeat(2000));\nnope();\n");
        Path outDir = dir.resolve("results");
        assertEquals(2, cdyn("script", js.toString(), "--out", outDir.toString(), "--max-output", "lots"));
        assertTrue(err.toString().contains("--max-output must be a size"), err.toString());
        assertEquals(1, cdyn("script", js.toString(), "--out", outDir.toString(), "--max-output", "1k"));
        assertTrue(err.toString().contains("over its limit of 1 kB"), err.toString());
        assertEquals(1, cdyn("script", js.toString(), "--out", outDir.toString(), "--keep-partial"));
        assertEquals(2000, Files.size(outDir.resolve("a.txt")));
        assertTrue(Files.readString(outDir.resolve("INCOMPLETE.txt")).contains("big.js:2"));
    }
}
