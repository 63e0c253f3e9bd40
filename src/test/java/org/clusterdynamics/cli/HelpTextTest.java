package org.clusterdynamics.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** Every command's help formats cleanly: picocli reads descriptions as format strings, so a bare '%' breaks them. */
class HelpTextTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void everyCommandsHelpFormatsWithoutPicocliWarnings() {
        Map<String, CommandLine> commands = Main.commandLine().getSubcommands();
        assertTrue(commands.size() > 5, "commands found: " + commands.keySet());
        for (Map.Entry<String, CommandLine> c : commands.entrySet()) {
            String usage = c.getValue().getUsageMessage();
            assertFalse(usage.isBlank(), c.getKey());
        }
        assertFalse(console.err().contains("picocli WARN"), console.err());
        assertFalse(console.out().contains("picocli WARN"), console.out());
    }
}
