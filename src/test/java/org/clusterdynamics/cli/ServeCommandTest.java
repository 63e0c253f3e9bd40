package org.clusterdynamics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** cdyn serve refuses what it cannot serve with a message and a non-zero exit (the server itself: WhatIfApiTest). */
class ServeCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void aMissingModelAPortInUseAndABadPortAreRefusedWithoutATrace() throws Exception {
        assertEquals(1, Main.commandLine().execute("serve", "no-such-model.xmile", "--port", "0"));
        assertTrue(console.err().contains("no-such-model.xmile") && console.err().contains("does not exist"),
                console.err());
        assertEquals(2, Main.commandLine().execute("serve", "models/punjab-clusters.xmile", "--port", "70000"));
        assertTrue(console.err().contains("--port 70000 is not a port number"), console.err());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path model = Path.of("models", "punjab-clusters.xmile");
            assertEquals(1, Main.commandLine().execute("serve", model.toString(), "--port",
                    Integer.toString(taken.getLocalPort())));
            assertTrue(console.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), console.err());
        }
        assertFalse(console.err().contains("Exception") || console.err().contains("\tat "), console.err());
    }
}
