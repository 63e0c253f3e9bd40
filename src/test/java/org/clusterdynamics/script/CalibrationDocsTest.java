package org.clusterdynamics.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/calibration.md: its script examples run as one script and print what the page says, every
 * function of the Calibration and Sensitivity objects (and cdyn.readCsv, cdyn.readSettings) is documented.
 */
class CalibrationDocsTest extends ScriptTestSupport {
    private static final Path DOC = Path.of("docs/calibration.md");

    @Test
    void theScriptExamplesRunAsOneScript() throws Exception {
        Matcher m = Pattern.compile("```js\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        StringBuilder code = new StringBuilder();
        while (m.find()) {
            code.append(m.group(1)).append('\n');
        }
        Path script = dir.resolve("calibration-examples.js");
        Files.writeString(script, code.toString());
        Ran r = runFile(script, dir.resolve("out"), Duration.ofMinutes(3), 2);
        assertEquals(0, r.exit(), () -> "a documented example fails:\n" + r.err() + r.out());
        assertTrue(r.out().contains("rows=51 first={\"Time\":0,\"Infected\":12.3}"), r.out());
        assertEquals(0.4956, Double.parseDouble(r.line("contact")), 0.001);
        assertTrue(r.line("r2").contains("UM+US+UC=1.000000"), r.out());
        for (String f : List.of("fit/parameters.csv", "fit/fit.png", "fit/calibrated.txt", "sensitivity/sobol.csv",
                "sensitivity/sobol.png", "sensitivity/morris.png", "sensitivity/tornado.png")) {
            assertTrue(Files.size(r.file(f)) > 0, f);
        }
    }

    @Test
    void everyFunctionIsDocumented() throws Exception {
        Ran r = run("""
                const m = cdyn.load('docs/examples/sir.xmile');
                const fit = m.calibrate({data: 'docs/examples/sir-cases.csv', fit: {'Contact Rate': [0.1, 2]},
                    profile: false});
                const s = m.sensitivity({parameters: {'Contact Rate': [0.3, 0.8]}, outputs: ['Infected:max'],
                    method: 'morris', samples: 4});
                for (const [type, o] of Object.entries({calibration: fit, sensitivity: s})) {
                    print('members=' + type + ':' + Object.keys(o).join(','));
                }
                """);
        assertEquals(0, r.exit(), r.err());
        String doc = Files.readString(DOC);
        List<String> missing = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (line.startsWith("members=")) {
                String[] tm = line.substring(8).split(":");
                for (String member : tm[1].split(",")) {
                    if (!doc.contains("`" + tm[0] + "." + member + "(")) {
                        missing.add(tm[0] + "." + member);
                    }
                }
            }
        }
        for (String f : List.of("cdyn.readCsv", "cdyn.readSettings", "model.calibrate", "model.sensitivity")) {
            if (!doc.contains("`" + f + "(")) {
                missing.add(f);
            }
        }
        assertEquals(List.of(), missing, "functions without documentation in docs/calibration.md");
    }

    @Test
    void dataFilesAreReadOnlyInsideTheReadRoots() throws Exception {
        Ran r = run("cdyn.readCsv('/etc/passwd');");
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("refused: reading '/etc/passwd'"), r.err());
        Path outside = Files.createTempFile("outside", ".csv");
        try {
            Ran r2 = run("cdyn.readCsv('" + outside.toAbsolutePath() + "');");
            assertEquals(3, r2.exit(), r2.err());
            assertTrue(r2.err().contains("outside the script's folder"), r2.err());
        } finally {
            Files.deleteIfExists(outside);
        }
    }
}
