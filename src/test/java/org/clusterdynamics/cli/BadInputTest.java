package org.clusterdynamics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clusterdynamics.expr.Builtin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Models and inputs that used to crash a command with a Java trace (issue 17): each gets a located message. */
class BadInputTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    static int cdyn(String... args) {
        return Main.commandLine().execute(args);
    }

    static String xmile(String body) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
                  <header><vendor>test</vendor><product version="1">test</product></header>
                  <sim_specs method="Euler" time_units="year"><start>0</start><stop>4</stop><dt>1</dt></sim_specs>
                  <model><variables>
                """ + body + """
                  </variables></model>
                </xmile>
                """;
    }

    static String mdl(String equations) {
        return equations + """
                INITIAL TIME = 0
                \t~\tMonth
                \t~\t|
                FINAL TIME = 4
                \t~\tMonth
                \t~\t|
                TIME STEP = 1
                \t~\tMonth
                \t~\t|
                SAVEPER = TIME STEP
                \t~\tMonth
                \t~\t|
                """;
    }

    /** No Java exception name or stack frame in what a user sees. */
    static void assertNoJavaTrace(String text) {
        assertFalse(text.matches("(?s).*\\b(java|javax|org\\.clusterdynamics)\\.[a-z]+\\.[A-Za-z.]*.*"), text);
        assertFalse(text.matches("(?s).*[A-Za-z]+(Exception|Error)\\b.*"), text);
        assertFalse(text.contains("\tat "), text);
    }

    @Test
    void checkReportsEveryBuiltinGivenTooFewArgumentsWithItsLine() throws Exception {
        // one variable per builtin, each called with one argument too few, in one model per format
        List<String> calls = new ArrayList<>();
        for (Builtin b : Builtin.all().values()) {
            // INTEG(x) is a reading error in a .mdl (Vensim's stock syntax), reported before any check
            if (b.minArgs() > 0 && !b.id().equals("integ")) {
                calls.add(b.id().toUpperCase(Locale.ROOT) + "(" + String.join(", ",
                        java.util.Collections.nCopies(b.minArgs() - 1, "1")) + ")");
            }
        }
        StringBuilder vensim = new StringBuilder();
        StringBuilder xmile = new StringBuilder();
        for (int i = 0; i < calls.size(); i++) {
            vensim.append("x").append(i).append(" = ").append(calls.get(i)).append("\n\t~\tdmnl\n\t~\t|\n");
            xmile.append("<aux name=\"x").append(i).append("\"><eqn>").append(calls.get(i)).append("</eqn></aux>\n");
        }
        for (Path model : List.of(Files.writeString(dir.resolve("m.mdl"), mdl(vensim.toString())),
                Files.writeString(dir.resolve("m.xmile"), xmile(xmile.toString())))) {
            ConsoleCapture.Marks mark = console.mark();
            assertEquals(1, cdyn("check", model.toString()), model.toString());
            String text = console.outSince(mark) + console.errSince(mark);
            assertNoJavaTrace(text);
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                if (!text.matches("(?s).*m\\.(mdl|xmile):\\d+: variable 'x" + i + "': error E00[34]: .*")) {
                    missing.add(calls.get(i));
                }
            }
            assertTrue(missing.isEmpty(), model + ": no located error for " + missing + "\n" + text);
        }
    }

    @Test
    void stellaPulseWithOnlyAVolumePulsesOnceAtTheStartTime() throws Exception {
        Path model = Files.writeString(dir.resolve("pulse.xmile"), xmile("""
                <stock name="s"><eqn>0</eqn><inflow>f</inflow></stock>
                <flow name="f"><eqn>PULSE(6)</eqn></flow>
                <aux name="g"><eqn>PULSE(2, 1)</eqn></aux>
                """).replace("<start>0</start>", "<start>1</start>").replace("<stop>4</stop>", "<stop>5</stop>")
                .replace("<dt>1</dt>", "<dt>0.5</dt>"));
        Path csv = dir.resolve("out.csv");
        assertEquals(0, cdyn("run", model.toString(), "--output", csv.toString()), console.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("Time,s,f,g", lines.get(0));
        // volume 6 in one step of 0.5 at the start time: a flow of 12 once, then nothing
        assertEquals("1,0,12,4", lines.get(1));
        assertEquals("1.5,6,0,0", lines.get(2));
        assertEquals("5,6,0,0", lines.get(lines.size() - 1));
        assertEquals(0, cdyn("check", model.toString()));
    }

    @Test
    void vensimPulseWithOneArgumentIsAnArgumentCountError() throws Exception {
        Path model = Files.writeString(dir.resolve("p.mdl"), mdl("x = PULSE(3)\n\t~\tdmnl\n\t~\t|\n"));
        assertEquals(1, cdyn("run", model.toString()));
        String err = console.err();
        assertTrue(err.contains("p.mdl:1: variable 'x': error E004: PULSE takes 2 arguments in Vensim"), err);
        assertNoJavaTrace(err);
    }

    @Test
    void chartNamesTheLineOfAnUnclosedQuoteAndOfBytesThatAreNotUtf8() throws Exception {
        Path quote = Files.writeString(dir.resolve("quote.csv"), "Time,a\n0,1\n1,\"2\n");
        Path bytes = Files.write(dir.resolve("bytes.csv"), new byte[] {'T', 'i', 'm', 'e', ',', 'a', '\n', '0', ',', '1',
            '\n', '1', ',', (byte) 0xff, (byte) 0xfe, '\n'});
        Path png = dir.resolve("c.png");
        assertEquals(1, cdyn("chart", quote.toString(), "--var", "a", "--out", png.toString()));
        assertEquals(1, cdyn("chart", bytes.toString(), "--var", "a", "--out", png.toString()));
        String err = console.err();
        assertTrue(err.contains("quote.csv:3: malformed CSV (a quoted field is not closed"), err);
        assertTrue(err.contains("bytes.csv:3: the file is not UTF-8 text"), err);
        assertNoJavaTrace(err);
        assertFalse(Files.exists(png));
    }

    /** A hang guard, not a speed test: before, a 100,000-character name took minutes (quadratic wrapping). */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void chartAndReportOfAVariableWithAHundredThousandCharacterNameFinish() throws Exception {
        String name = "v".repeat(100_000);
        Path csv = Files.writeString(dir.resolve("long.csv"), "Time," + name + "\n0,1\n1,2\n");
        assertEquals(0, cdyn("chart", csv.toString(), "--var", name, "--out", dir.resolve("c.png").toString()),
                console.err());
        assertEquals(0, cdyn("chart", csv.toString(), "--var", name, "--report", "--out",
                dir.resolve("r.pdf").toString()), console.err());
    }

    @Test
    void aBrokenWorkbookIsNamedWithoutLog4jTalkingAboutItself() throws Exception {
        Files.write(dir.resolve("d.xlsx"), new byte[] {'P', 'K', 3, 4, 'x', 'y'});
        Path model = Files.writeString(dir.resolve("w.mdl"), mdl("c = GET XLS CONSTANTS('d.xlsx', 'Sheet1', 'A1')"
                + "\n\t~\tdmnl\n\t~\t|\n"));
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.err;
        System.setErr(new java.io.PrintStream(raw, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(1, cdyn("run", model.toString()));
        } finally {
            System.setErr(saved);
        }
        String err = raw.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(err.contains("w.mdl:1: variable 'c': error VENSIM_DATA: cannot open the workbook 'd.xlsx'"), err);
        assertFalse(err.contains("Log4j"), err);
        assertNoJavaTrace(err);
    }

    @Test
    void messagesShortenHugeNamesAndWriteNumbersAsModellersDo() throws Exception {
        String name = "n".repeat(1_000_000);
        Path model = Files.writeString(dir.resolve("huge.xmile"), xmile("<aux name=\"x\"><eqn>" + name
                + " + 1</eqn></aux>\n"));
        assertEquals(1, cdyn("run", model.toString()));
        String err = console.err();
        assertTrue(err.length() < 2_000, "message of " + err.length() + " characters");
        assertTrue(err.contains("characters left out"), err);
        Path times = Files.writeString(dir.resolve("t.xmile"), xmile("<aux name=\"x\"><eqn>1</eqn></aux>\n")
                .replace("<dt>1</dt>", "<dt>-1e12</dt>"));
        ConsoleCapture.Marks mark = console.mark();
        assertEquals(1, cdyn("run", times.toString()));
        String t = console.errSince(mark);
        assertTrue(t.contains("-1e12") && !t.contains("E12"), t);
        assertTrue(t.matches("(?s).*t\\.xmile:\\d+: .*"), "the time settings are located: " + t);
    }

    @Test
    void aRunTimeErrorCarriesTheLineOfTheEquation() throws Exception {
        Path model = Files.writeString(dir.resolve("nan.mdl"), mdl("a = 1\n\t~\tdmnl\n\t~\t|\nx = LN(3 - Time)\n"
                + "\t~\tdmnl\n\t~\t|\n"));
        assertEquals(1, cdyn("run", model.toString()));
        assertTrue(console.err().contains("nan.mdl:4: variable 'x' at time 3: error E100"), console.err());
    }

    @Test
    void aFolderGivenAsDataIsNamedWithoutJavaWords() throws Exception {
        Path model = Files.writeString(dir.resolve("d.mdl"), mdl("a = 1\n\t~\tdmnl\n\t~\t|\n"));
        assertEquals(1, cdyn("run", model.toString(), "--data", dir.toString()));
        assertTrue(console.err().contains("cannot read the data file: Is a directory"), console.err());
        assertNoJavaTrace(console.err());
    }

    @Test
    void mutuallyRecursiveMacrosAreOneDiagnosticNamingTheCycle() throws Exception {
        Path vensim = Files.writeString(dir.resolve("mac.mdl"), mdl("""
                :MACRO: FOO(x)
                FOO = BAR(x) + 1
                \t~\tdmnl
                \t~\t|
                :END OF MACRO:
                :MACRO: BAR(x)
                BAR = FOO(x) * 2
                \t~\tdmnl
                \t~\t|
                :END OF MACRO:
                :MACRO: SELF(x)
                SELF = SELF(x - 1)
                \t~\tdmnl
                \t~\t|
                :END OF MACRO:
                y = FOO(3)
                \t~\tdmnl
                \t~\t|
                """));
        for (String cmd : new String[] {"run", "check", "convert"}) {
            ConsoleCapture.Marks mark = console.mark();
            int code = cmd.equals("convert") ? cdyn(cmd, vensim.toString(), "--to", "xmile") : cdyn(cmd, vensim.toString());
            assertEquals(1, code, cmd);
            String text = console.outSince(mark) + console.errSince(mark);
            assertTrue(text.contains("mac.mdl:1: variable 'FOO': error MACRO_CYCLE: the macros FOO and BAR call each other"
                    + " (FOO -> BAR -> FOO)"), text);
            assertEquals(1, text.split("MACRO_CYCLE", -1).length - 1, "one diagnostic: " + text);
            assertNoJavaTrace(text);
        }
        Path self = Files.writeString(dir.resolve("self.mdl"), Files.readString(vensim).replace("y = FOO(3)", "y = SELF(3)")
                .replaceAll("(?s):MACRO: FOO.*?:END OF MACRO:\n:MACRO: BAR.*?:END OF MACRO:\n", ""));
        assertEquals(1, cdyn("run", self.toString()));
        assertTrue(console.err().contains("the macro SELF calls itself (SELF -> SELF)"), console.err());
        Path xml = Files.writeString(dir.resolve("mac.xmile"), xmile("<aux name=\"y\"><eqn>FOO(3)</eqn></aux>\n")
                .replace("</model>", "</model>\n<macro name=\"FOO\"><parm>x</parm><eqn>BAR(x) + 1</eqn></macro>\n"
                        + "<macro name=\"BAR\"><parm>x</parm><eqn>FOO(x) * 2</eqn></macro>"));
        assertEquals(1, cdyn("run", xml.toString()));
        assertTrue(console.err().contains("call each other (FOO -> BAR -> FOO)"), console.err());
        assertNoJavaTrace(console.err());
    }

    @Test
    void aMillionElementRangeIsRefusedWhenReadAtTheDocumentedLimit() throws Exception {
        Path model = Files.writeString(dir.resolve("big.mdl"), mdl("d: (e1-e1000000)\n\t~\t\n\t~\t|\nx[d] = 1\n"
                + "\t~\tdmnl\n\t~\t|\n"));
        Path csv = dir.resolve("big.csv");
        assertEquals(1, cdyn("run", model.toString(), "--output", csv.toString()));
        assertTrue(console.err().contains("big.mdl:1: variable 'd': error VENSIM_SUBSCRIPT: the numeric range"
                + " '(e1-e1000000)' of 'd' has 1000000 elements, more than the 100000 a range may have"), console.err());
        assertFalse(Files.exists(csv));
    }

    /** Found by FuzzTest: "did you mean" compared two 100,000-character names in quadratic time (minutes). */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void anUndefinedHugeNameBesideHugeNamesIsReportedPromptly() throws Exception {
        String name = "a".repeat(100_000);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            body.append("<aux name=\"").append(name).append(i).append("\"><eqn>1</eqn></aux>\n");
        }
        body.append("<aux name=\"x\"><eqn>").append(name).append("b + 1</eqn></aux>\n");
        Path model = Files.writeString(dir.resolve("names.xmile"), xmile(body.toString()));
        assertEquals(1, cdyn("check", model.toString()));
        String said = console.out() + console.err();
        assertTrue(said.contains("is not defined") && said.length() < 4000, said);
    }
}
