package org.clusterdynamics.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Captures standard output and error around each test of a command, and restores them after. */
final class ConsoleCapture implements BeforeEachCallback, AfterEachCallback {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @Override
    public void beforeEach(ExtensionContext context) {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    /** What the command printed to standard output so far. */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the command printed to standard error so far. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Where the captured output stood at one moment, to read what came after. */
    record Marks(int out, int err) {}

    Marks mark() {
        return new Marks(out().length(), err().length());
    }

    String outSince(Marks m) {
        return out().substring(Math.min(m.out(), out().length()));
    }

    String errSince(Marks m) {
        return err().substring(Math.min(m.err(), err().length()));
    }
}
