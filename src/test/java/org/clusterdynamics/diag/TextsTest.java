package org.clusterdynamics.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import org.junit.jupiter.api.Test;

/** How names, numbers and failures read in messages. */
class TextsTest {

    @Test
    void numbersReadAsAModellerWritesThem() {
        assertEquals("3", Texts.number(3.0));
        assertEquals("0.25", Texts.number(0.25));
        assertEquals("1e15", Texts.number(1e15));
        assertEquals("1.5e-7", Texts.number(1.5e-7));
        assertEquals("infinity", Texts.number(Double.POSITIVE_INFINITY));
        assertEquals("start 1e12, dt 2.5e-7", Texts.shorten("start 1.0E12, dt 2.5E-7"));
        assertEquals("variable E12 and x1.0E5y stay", Texts.shorten("variable E12 and x1.0E5y stay"));
    }

    @Test
    void longWordsAndQuotedNamesAreCutInTheMiddle() {
        String name = "a".repeat(1_000_000);
        String m = Texts.shorten("no variable '" + name + "' here; and " + "b".repeat(5000) + " too");
        assertTrue(m.length() < 800, m);
        assertTrue(m.startsWith("no variable 'aaa"), m);
        assertTrue(m.contains("characters left out") && m.endsWith(" too"), m);
        String ok = "a message of ordinary words, each short, that is longer than the limit ".repeat(5);
        assertEquals(ok, Texts.shorten(ok));
    }

    @Test
    void reasonsCarryNoJavaClassNames() {
        assertEquals("Is a directory", Texts.reason(new UncheckedIOException(new IOException("Is a directory"))));
        assertEquals("cannot parse: Is a directory", Texts.reason(new IOException("cannot parse: java.io.IOException:"
                + " Is a directory")));
        assertEquals("/root/x.csv: permission denied", Texts.reason(new AccessDeniedException("/root/x.csv")));
        assertFalse(Texts.reason(new RuntimeException(new IllegalStateException())).contains("Exception"));
    }
}
