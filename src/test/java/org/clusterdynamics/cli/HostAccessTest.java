package org.clusterdynamics.cli;

import static org.clusterdynamics.cli.BadInputTest.assertNoJavaTrace;
import static org.clusterdynamics.cli.BadInputTest.cdyn;
import static org.clusterdynamics.cli.BadInputTest.mdl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A model cannot read the host (issue 17): GET functions read only the model's folder or --data-root folders. */
class HostAccessTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private static final String SECRET = "root:x:0:0:root:/root:/bin/bash";

    private Path modelReading(String file) throws Exception {
        Files.createDirectories(dir.resolve("model"));
        return Files.writeString(dir.resolve("model/m.mdl"), mdl("c = GET DIRECT CONSTANTS('" + file
                + "', ',', 'A2')\n\t~\tdmnl\n\t~\t|\n"));
    }

    private Path secretFile() throws Exception {
        Files.createDirectories(dir.resolve("host"));
        return Files.writeString(dir.resolve("host/secret.csv"), "a,b\n" + SECRET + ",2\n");
    }

    @Test
    void aDataFileOutsideTheModelsFolderIsRefusedByRunCheckAndConvert() throws Exception {
        Path secret = secretFile();
        for (String name : new String[] {"../host/secret.csv", secret.toString(), "/etc/passwd"}) {
            Path model = modelReading(name);
            for (String[] cmd : new String[][] {{"run", model.toString()}, {"check", model.toString()},
                {"convert", model.toString(), "--to", "xmile"}}) {
                ConsoleCapture.Marks mark = console.mark();
                assertEquals(1, cdyn(cmd), String.join(" ", cmd));
                String text = console.outSince(mark) + console.errSince(mark);
                assertTrue(text.contains("lies outside the folders a model may read"), text);
                assertTrue(text.contains("--data-root"), text);
                assertFalse(text.contains("root:x"), text);
                assertNoJavaTrace(text);
            }
        }
    }

    @Test
    void dataRootAllowsAFolderAndErrorsNeverQuoteCells() throws Exception {
        secretFile();
        Path model = modelReading("../host/secret.csv");
        assertEquals(1, cdyn("run", model.toString(), "--data-root", dir.resolve("host").toString()));
        String err = console.err();
        assertTrue(err.contains("needs a number in cell A2"), err);
        assertFalse(err.contains("root:x"), "the cell's text is not shown: " + err);
        Files.writeString(dir.resolve("host/secret.csv"), "a,b\n5,2\n");
        Path csv = dir.resolve("out.csv");
        assertEquals(0, cdyn("run", model.toString(), "--data-root", dir.resolve("host").toString(), "--output",
                csv.toString()), console.err());
        assertTrue(Files.readString(csv).contains(",5,") || Files.readString(csv).contains(",5\n"));
    }

    @Test
    void aLinkInsideTheModelsFolderCannotLeadOut() throws Exception {
        Path secret = secretFile();
        Path model = modelReading("link.csv");
        Files.createSymbolicLink(dir.resolve("model/link.csv"), secret);
        assertEquals(1, cdyn("run", model.toString()));
        assertTrue(console.err().contains("lies outside the folders a model may read"), console.err());
    }

    @Test
    void aModelLoadedByAScriptReadsOnlyInsideTheSandboxsFolders() throws Exception {
        Path model = modelReading("/etc/passwd");
        Path js = Files.writeString(dir.resolve("model/s.js"), "const m = cdyn.load('m.mdl');\nprint('loaded');\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(1, cl.execute("script", js.toString()));
        assertTrue(err.toString().contains("lies outside the folders a model may read"), err.toString());
        assertFalse(out.toString().contains("loaded"));
        assertTrue(Files.exists(model));
    }
}
