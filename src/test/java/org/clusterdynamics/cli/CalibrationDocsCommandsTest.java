package org.clusterdynamics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every command shown in docs/calibration.md runs and exits 0 (OUT standing for a fresh folder). */
class CalibrationDocsCommandsTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    /** Splits a command line, keeping "double quoted" words together. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    @Test
    void theDocumentedCommandsRun() throws Exception {
        Matcher m = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of(
                "docs/calibration.md")));
        int n = 0;
        while (m.find()) {
            for (String line : m.group(1).split("\n")) {
                if (!line.startsWith("cdyn ")) {
                    continue;
                }
                List<String> w = words(line.replace("OUT/", dir.toString() + "/"));
                int code = Main.commandLine().execute(w.subList(1, w.size()).toArray(String[]::new));
                assertEquals(0, code, () -> line + "\n" + console.err());
                n++;
            }
        }
        assertEquals(6, n, "commands found");
        assertTrue(Files.size(dir.resolve("calibrated-run.csv")) > 0);
        assertTrue(Files.size(dir.resolve("sobol/tornado.png")) > 0);
    }
}
