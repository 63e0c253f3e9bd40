package org.clusterdynamics.sim;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import com.fasterxml.jackson.core.io.NumberOutput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.clusterdynamics.files.AtomicFiles;

/** Reads and writes results as CSV or TSV: a Time column, then one column per variable. */
public final class ResultsCsv {
    private ResultsCsv() {}

    /** TSV when the file name ends in .tsv or .tab, CSV otherwise. */
    public static CSVFormat formatFor(Path file) {
        String n = file.getFileName().toString().toLowerCase();
        return n.endsWith(".tsv") || n.endsWith(".tab") ? CSVFormat.TDF : CSVFormat.DEFAULT;
    }

    public static void write(Results r, Writer out, CSVFormat format) throws IOException {
        header(out, format, r.names());
        List<double[]> cols = new ArrayList<>();
        for (int i = 0; i < r.names().size(); i++) {
            cols.add(r.column(i));
        }
        // numbers need no quotes (digits, '-', '.', 'E', "NaN", "Infinity"): written directly, since
        // the printer's per-value checks took longer than the run for models of 70,000 columns
        String delimiter = format.getDelimiterString();
        int rows = r.rowCount();
        // formatting numbers is most of the writing: wide results format a few rows at a time on
        // every core, and write them in order (the same text as one thread writes)
        int chunk = (long) rows * cols.size() > PARALLEL_VALUES ? 4 * ForkJoinPool.getCommonPoolParallelism() : 1;
        for (int first = 0; first < rows; first += chunk) {
            IntStream lines = IntStream.range(first, Math.min(rows, first + chunk));
            for (String line : (chunk > 1 ? lines.parallel() : lines)
                    .mapToObj(i -> line(r.times()[i], cols, i, delimiter)).toArray(String[]::new)) {
                out.append(line);
            }
        }
        out.flush();
    }

    /** The header line: Time and the names, quoted where CSV needs it. */
    static void header(Writer out, CSVFormat format, List<String> names) throws IOException {
        CSVPrinter p = new CSVPrinter(out, format.builder().setRecordSeparator('\n').build());
        List<String> header = new ArrayList<>();
        header.add("Time");
        header.addAll(names);
        p.printRecord(header);
        p.flush();
    }

    /** One data line of a row-major row, as {@link #write} writes it. */
    static String line(double time, double[] values, int offset, int width, String delimiter) {
        StringBuilder line = new StringBuilder(width * 8 + 16);
        appendNumber(line, time);
        for (int j = offset; j < offset + width; j++) {
            appendNumber(line.append(delimiter), values[j]);
        }
        return line.append('\n').toString();
    }

    /** Results with more values than this format their rows in parallel. */
    private static final long PARALLEL_VALUES = 200_000;

    private static String line(double time, List<double[]> cols, int row, String delimiter) {
        StringBuilder line = new StringBuilder(cols.size() * 8 + 16);
        appendNumber(line, time);
        for (double[] col : cols) {
            appendNumber(line.append(delimiter), col[row]);
        }
        return line.append('\n').toString();
    }

    /**
     * Whole numbers without ".0" (as Vensim and PySD write them), others as the shortest decimal that
     * reads back as the same double (Schubfach, as Java 19's Double.toString: Java 17's took a quarter
     * of a wide run's time and now and then wrote a digit more than needed).
     */
    private static void appendNumber(StringBuilder sb, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            sb.append((long) v);
        } else {
            sb.append(NumberOutput.toString(v, true));
        }
    }

    /** Writes atomically: a failure leaves no partial file and an existing one is replaced only whole. */
    public static void write(Results r, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(r, w, formatFor(file));
            w.flush();
        });
    }

    /** Reads a file written by {@link #write}; the first column is time whatever its name. */
    public static Results read(Path file) throws IOException {
        return read(new StringReader(utf8(file)), formatFor(file), file.toString());
    }

    /** The file's text; bytes that are not UTF-8 are reported with their line. */
    private static String utf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = StandardCharsets.UTF_8.newDecoder().decode(in, out, true);
        if (r.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new IOException(file + ":" + line + ": the file is not UTF-8 text (byte " + (in.position() + 1)
                    + " is not part of a UTF-8 character); save it as UTF-8 CSV, as 'cdyn run' writes it");
        }
        return out.flip().toString();
    }

    public static Results read(Reader in, CSVFormat format, String sourceName) throws IOException {
        try (CSVParser parser = format.parse(in)) {
            List<CSVRecord> records = records(parser, sourceName);
            if (records.isEmpty()) {
                throw new IOException(sourceName + ": empty file; expected a header row with Time and variable names");
            }
            CSVRecord header = records.get(0);
            int ncol = header.size();
            int nrow = records.size() - 1;
            double[] times = new double[nrow];
            double[][] cols = new double[ncol - 1][nrow];
            for (int i = 0; i < nrow; i++) {
                CSVRecord rec = records.get(i + 1);
                if (rec.size() != ncol) {
                    throw new IOException(sourceName + ":" + (i + 2) + ": row has " + rec.size()
                            + " fields but the header has " + ncol);
                }
                times[i] = parse(rec.get(0), sourceName, i + 2);
                for (int j = 1; j < ncol; j++) {
                    cols[j - 1][i] = parse(rec.get(j), sourceName, i + 2);
                }
            }
            List<String> names = new ArrayList<>();
            for (int j = 1; j < ncol; j++) {
                names.add(header.get(j).strip());
            }
            return new Results(times, names, cols, null);
        }
    }

    /** Every record; a malformed file (bytes that are not UTF-8, an open quote) is named with its line. */
    private static List<CSVRecord> records(CSVParser parser, String sourceName) throws IOException {
        List<CSVRecord> records = new ArrayList<>();
        long line = 1; // where the record being read starts
        try {
            for (CSVRecord r : parser) {
                records.add(r);
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new IOException(sourceName + ": the file is not UTF-8 text; save it as UTF-8 CSV, as 'cdyn run'"
                        + " writes it", e);
            }
            throw new IOException(sourceName + ":" + line + ": malformed CSV (" + csvReason(e) + "); every quoted"
                    + " field needs its closing '\"'", e);
        }
        return records;
    }

    private static String csvReason(UncheckedIOException e) {
        String m = e.getCause() == null ? null : e.getCause().getMessage();
        if (m != null && m.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field is not closed before the end of the file";
        }
        if (m != null && m.contains("invalid char between encapsulated token and delimiter")) {
            return "text after a closing quote";
        }
        return "a field the CSV reader cannot read";
    }

    private static double parse(String s, String source, int line) throws IOException {
        String t = s.strip();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IOException(source + ":" + line + ": '" + s + "' is not a number");
        }
    }
}
