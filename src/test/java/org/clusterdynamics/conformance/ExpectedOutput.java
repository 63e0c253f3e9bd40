package org.clusterdynamics.conformance;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clusterdynamics.expr.ExprParser;

/**
 * The expected output of a conformance case, read from a suite's {@code output.tab} or
 * {@code output.csv}: save times and one column per variable, keyed by normalised name.
 */
final class ExpectedOutput {
    /** Vensim's control variables, exported as columns but not part of what a case checks. */
    private static final Set<String> CONTROL = Set.of("initial time", "final time", "time step", "saveper");

    private final String source;
    private final double[] times;
    private final Map<String, String> written = new LinkedHashMap<>();
    private final Map<String, double[]> columns = new LinkedHashMap<>();

    private ExpectedOutput(String source, double[] times) {
        this.source = source;
        this.times = times;
    }

    /** Tab-separated for {@code .tab}/{@code .tsv}, comma-separated otherwise. */
    static ExpectedOutput read(Path file) throws IOException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        char delimiter = n.endsWith(".tab") || n.endsWith(".tsv") ? '\t' : ',';
        return parse(Files.readString(file, StandardCharsets.UTF_8), delimiter, file.toString());
    }

    static ExpectedOutput parse(String text, char delimiter, String source) throws IOException {
        // the suite mixes CRLF, CR-only and LF files, sometimes within one file
        String lf = text.replace("\r\n", "\n").replace('\r', '\n');
        if (!lf.isEmpty() && lf.charAt(0) == '\uFEFF') {
            lf = lf.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote('"')
                .setIgnoreEmptyLines(true).setRecordSeparator('\n').build();
        List<CSVRecord> records;
        try (CSVParser p = CSVParser.parse(new StringReader(lf), format)) {
            records = p.getRecords();
        }
        if (records.isEmpty()) {
            throw new IOException(source + ": empty; expected a header row starting with Time");
        }
        CSVRecord header = records.get(0);
        if (!normalise(header.get(0)).equals("time")) {
            throw new IOException(source + ": the first column is '" + header.get(0) + "', expected Time");
        }
        int rows = records.size() - 1;
        int cols = header.size();
        double[][] values = new double[cols][rows];
        boolean[] varies = new boolean[cols]; // written after the first row: not a constant written once
        for (int r = 1; r < rows; r++) {
            CSVRecord rec = records.get(r + 1);
            for (int c = 0; c < cols && c < rec.size(); c++) {
                varies[c] |= !rec.get(c).isBlank();
            }
        }
        for (int r = 0; r < rows; r++) {
            CSVRecord rec = records.get(r + 1);
            if (rec.size() > cols) {
                throw new IOException(source + ": data row " + (r + 1) + " has " + rec.size()
                        + " fields but the header has " + cols);
            }
            for (int c = 0; c < cols; c++) {
                String cell = c < rec.size() ? rec.get(c).strip() : "";
                if (cell.isEmpty()) {
                    if (r == 0) {
                        throw new IOException(source + ": first data row has no value for '" + header.get(c) + "'");
                    }
                    // constant columns are often written once, in the first row; in a column written
                    // row by row, Vensim leaves :NA: (not available) cells empty
                    values[c][r] = varies[c] ? ExprParser.VENSIM_NA : values[c][r - 1];
                } else {
                    values[c][r] = number(cell, source, r + 1);
                }
            }
        }
        ExpectedOutput out = new ExpectedOutput(source, values[0]);
        for (int c = 1; c < cols; c++) {
            String key = normalise(header.get(c));
            if (CONTROL.contains(key) || out.columns.containsKey(key)) {
                continue;
            }
            out.written.put(key, header.get(c).strip());
            out.columns.put(key, values[c]);
        }
        return out;
    }

    private static double number(String cell, String source, int row) throws IOException {
        String s = cell.toLowerCase(Locale.ROOT);
        switch (s) {
            case "nan", "na", "#n/a" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    return Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new IOException(source + ": data row " + row + ": '" + cell + "' is not a number");
                }
            }
        }
    }

    /**
     * The name key both sides are compared by: case-insensitive, quotes stripped, a written
     * {@code \n} read as a space, spaces and underscores alike, and no spaces around the
     * brackets and commas of array elements ({@code Stock A[x, y]} = {@code stock_a[x,y]}).
     */
    static String normalise(String name) {
        String s = name.replace("\"", "").replace("\\n", " ").replace('_', ' ').toLowerCase(Locale.ROOT);
        s = s.replaceAll("\\s+", " ").strip();
        return s.replaceAll(" ?([\\[\\],]) ?", "$1");
    }

    String source() {
        return source;
    }

    double[] times() {
        return times.clone();
    }

    int rowCount() {
        return times.length;
    }

    /** Normalised names of the checked columns, in file order. */
    List<String> keys() {
        return new ArrayList<>(columns.keySet());
    }

    /** The column name as the file writes it. */
    String written(String key) {
        return written.get(key);
    }

    double[] column(String key) {
        double[] c = columns.get(key);
        if (c == null) {
            throw new IllegalArgumentException(source + " has no column '" + key + "'");
        }
        return c.clone();
    }
}
