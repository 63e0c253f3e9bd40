package org.clusterdynamics.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import org.clusterdynamics.diag.Texts;

/**
 * Passes messages on line by line with every overlong word or quoted name shortened
 * ({@link Texts#shorten}), so that a name of a million characters is not repeated in full.
 */
final class ShortLines extends FilterWriter {
    private final StringBuilder line = new StringBuilder();

    ShortLines(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        line.append((char) c);
        if (c == '\n' || c == '\r') {
            emit();
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(cbuf[i]);
        }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(str.charAt(i));
        }
    }

    private void emit() throws IOException {
        out.write(Texts.shorten(line.toString()));
        line.setLength(0);
    }

    @Override
    public void flush() throws IOException {
        if (line.length() > 0) {
            emit();
        }
        out.flush();
    }
}
