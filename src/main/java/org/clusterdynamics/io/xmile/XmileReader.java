package org.clusterdynamics.io.xmile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.model.Model;
import org.xml.sax.InputSource;

/**
 * Reads XMILE 1.0 files (also Stella's .stmx and .itmx) into a format-neutral {@link Model}.
 *
 * <p>Equations are kept as written, with the line of their {@code <eqn>} element; the expression
 * parser reads them later. Every problem is reported as a {@link Diagnostic} with the file and
 * line, thrown together as one {@link ModelException}.
 */
public final class XmileReader {
    /** Larger files are refused before parsing: no real model comes near this size. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private XmileReader() {}

    /** Reads an XMILE file; the encoding is taken from the XML declaration (UTF-8 by default). */
    public static Model read(Path file) {
        String name = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw fail("XMILE_NO_FILE", Where.file(name), "the file does not exist; check the path and name");
        } catch (IOException e) {
            throw fail("XMILE_IO", Where.file(name), "cannot read the model file (" + org.clusterdynamics.diag.Texts.reason(e) + "); check that it"
                    + " is a readable file");
        }
        if (Files.isDirectory(file)) {
            throw fail("XMILE_IO", Where.file(name), "this is a folder, not a model file; give the path of the .xmile,"
                    + " .stmx or .itmx file");
        }
        if (size > MAX_BYTES) {
            throw tooLarge(name, size);
        }
        try (InputStream in = new CappedStream(Files.newInputStream(file), name)) {
            InputSource src = new InputSource(in);
            src.setSystemId(file.toUri().toString());
            return parse(src, file);
        } catch (IOException e) {
            throw fail("XMILE_IO", Where.file(name), "cannot read the model file (" + org.clusterdynamics.diag.Texts.reason(e) + "); check that it"
                    + " is a readable file");
        }
    }

    /** Reads XMILE text; {@code sourceForMessages} (may be null) names it in diagnostics. */
    public static Model read(String xml, Path sourceForMessages) {
        String name = sourceForMessages == null ? "<xmile>" : sourceForMessages.toString();
        // a char is up to 3 UTF-8 bytes, but the cap is about memory, so count chars
        if (xml.length() > MAX_BYTES) {
            throw tooLarge(name, xml.length());
        }
        try {
            return parse(new InputSource(new StringReader(xml)), sourceForMessages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Model parse(InputSource src, Path source) throws IOException {
        String name = source == null ? "<xmile>" : source.toString();
        XmlNode root;
        try {
            root = XmlTree.parse(src);
        } catch (XmlTree.Malformed e) {
            throw malformed(name, e);
        }
        return new XmileModelBuilder(source, name).model(root);
    }

    private static ModelException malformed(String file, XmlTree.Malformed e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.contains("DOCTYPE")) {
            return fail("XMILE_DOCTYPE", new Where(file, null, e.line, Double.NaN),
                    "the file has a DOCTYPE declaration, which XMILE readers refuse because it can pull in"
                            + " external content; delete the <!DOCTYPE ...> line");
        }
        StringBuilder sb = new StringBuilder("the file is not well-formed XML");
        if (e.column > 0) {
            sb.append(" (column ").append(e.column).append(')');
        }
        sb.append(": ").append(msg.strip());
        if (e.openElement != null) {
            sb.append(" The innermost open element is <").append(e.openElement).append("> from line ")
                    .append(e.openLine).append(", which may lack its end tag </").append(e.openElement).append(">.");
        }
        sb.append(" Fix the markup there (every element needs a matching end tag) and read the file again.");
        return fail("XMILE_MALFORMED", new Where(file, null, e.line, Double.NaN), sb.toString());
    }

    private static ModelException tooLarge(String file, long size) {
        return fail("XMILE_TOO_LARGE", Where.file(file), String.format(Locale.ROOT,
                "the file is %.1f MiB, more than the %d MiB an XMILE file may have; check that it is really"
                        + " a model file (data belongs in separate files)",
                size / (1024.0 * 1024.0), MAX_BYTES >> 20));
    }

    static ModelException fail(String code, Where where, String message) {
        return new ModelException(Diagnostic.error(code, where, message));
    }

    /** Stops reading past {@link #MAX_BYTES}, for a file that grows while it is read. */
    private static final class CappedStream extends FilterInputStream {
        private final String name;
        private long count;

        CappedStream(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > MAX_BYTES) {
                throw tooLarge(name, count);
            }
        }
    }
}
