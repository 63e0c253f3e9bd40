package org.clusterdynamics.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.io.xmile.XmileReader;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The convert command end to end on a small Vensim file. */
class ConvertCommandTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private static final String TEACUP = """
            {UTF-8}
            Teacup Temperature = INTEG(-Heat Loss to Room, 180) ~ Degrees ~ The temperature of the tea. |
            Heat Loss to Room = (Teacup Temperature - Room Temperature) / Characteristic Time ~ Degrees/Minute ~ |
            Room Temperature = 70 ~ Degrees ~ |
            Characteristic Time = 10 ~ Minutes ~ |
            Pulse Check = PULSE TRAIN(2, 1, 5, 20) ~~|
            INITIAL TIME = 0 ~ Minute ~ |
            FINAL TIME = 30 ~ Minute ~ |
            TIME STEP = 0.125 ~ Minute ~ |
            SAVEPER = 1 ~ Minute ~ |
            \\\\\\---/// Sketch information - do not modify anything except names
            """;


    private int cdyn(String... args) {
        return Main.commandLine().execute(args);
    }

    private static Results run(Model m) {
        return Simulator.run(ModelCompiler.compile(m), RunOptions.defaults());
    }

    @Test
    void convertWritesAnXmileFileThatRunsLikeTheOriginal() throws Exception {
        Path mdl = Files.writeString(dir.resolve("teacup.mdl"), TEACUP);
        Path xmile = dir.resolve("out/teacup.xmile");
        assertEquals(0, cdyn("convert", mdl.toString(), "--to", "xmile", "--output", xmile.toString()), console.err());
        Results a = run(ModelFiles.read(mdl));
        Results b = run(XmileReader.read(xmile));
        for (String v : List.of("Teacup Temperature", "Heat Loss to Room", "Pulse Check")) {
            assertArrayEquals(a.column(v), b.column(v), 1e-12, v);
        }
        String messages = console.err();
        assertTrue(messages.contains("PULSE_TRAIN") && messages.contains("warning"), messages);
        assertTrue(messages.contains("wrote " + xmile), messages);
        assertEquals("", console.out());
    }

    @Test
    void withoutOutputTheXmileGoesToStandardOutput() throws Exception {
        Path mdl = Files.writeString(dir.resolve("teacup.mdl"), TEACUP);
        assertEquals(0, cdyn("convert", mdl.toString(), "--to", "XMILE"));
        String xml = console.out();
        assertTrue(xml.startsWith("<?xml"), xml);
        Model back = XmileReader.read(xml, null);
        assertEquals(0.125, back.specs().dt());
        assertTrue(back.variable("Heat Loss to Room").isPresent());
    }

    @Test
    void anUnknownTargetFormatIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path mdl = Files.writeString(dir.resolve("teacup.mdl"), TEACUP);
        Path target = dir.resolve("teacup.json");
        assertEquals(2, cdyn("convert", mdl.toString(), "--to", "json", "-o", target.toString()));
        assertTrue(console.err().contains("--to xmile"), console.err());
        assertFalse(Files.exists(target));
    }

    @Test
    void aModelWithErrorsLeavesNoFileAndSaysWhy() throws Exception {
        Path mdl = Files.writeString(dir.resolve("bad.mdl"), TEACUP.replace("Room Temperature = 70", "Room Temperature = 70 +"));
        Path target = dir.resolve("bad.xmile");
        assertEquals(1, cdyn("convert", mdl.toString(), "--to", "xmile", "-o", target.toString()));
        assertTrue(console.err().contains("Room Temperature"), console.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(mdl), files.toList(), "neither the output nor a temporary file");
        }
    }

    @Test
    void theModelIsNeverOverwrittenByItsConversion() throws Exception {
        Path model = Files.writeString(dir.resolve("m.xmile"), """
                <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
                  <header><vendor>t</vendor><product version="1">t</product></header>
                  <sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
                  <model><variables><aux name="x"><eqn>1</eqn></aux></variables></model>
                </xmile>
                """);
        String before = Files.readString(model);
        assertEquals(2, cdyn("convert", model.toString(), "--to", "xmile", "-o", dir.resolve("./m.xmile").toString()));
        assertEquals(before, Files.readString(model));
        assertTrue(console.err().contains("which this command reads; write the XMILE to another file"), console.err());
    }

    @Test
    void aMissingModelFileIsReported() {
        assertEquals(1, cdyn("convert", dir.resolve("none.mdl").toString(), "--to", "xmile"));
        assertFalse(console.err().isBlank());
    }
}
