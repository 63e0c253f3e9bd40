package org.clusterdynamics.fit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads observed series: CSV or TSV with a {@code Time} column and one column per variable (time
 * running down), or a Vensim {@code .tab}/{@code .csv} export with the times across the first row and
 * one row per variable. Empty cells, {@code NA} and {@code :NA:} are missing values.
 */
public final class DataReader {
    private DataReader() {}

    /** Reads a data file; throws {@link IllegalArgumentException} naming the file, line and column. */
    public static ObservedData read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": the data file does not exist" + (Files.isDirectory(file)
                    ? " (it is a folder)" : "") + "; check the path and name");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        }
        return parse(file.toString(), text);
    }

    /** Parses the text of a data file; {@code source} names it in messages. */
    public static ObservedData parse(String source, String text) throws IOException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        char delimiter = first.contains("\t") ? '\t' : first.contains(",") ? ',' : first.contains(";") ? ';' : ',';
        List<CSVRecord> rows = new ArrayList<>();
        try (Reader r = new java.io.StringReader(text);
             CSVParser p = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                     .setTrim(true).build().parse(r)) {
            for (CSVRecord rec : p) {
                rows.add(rec);
            }
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(source + ": not a readable CSV/TSV table (" + e.getCause().getMessage()
                    + "); write one header row and one row per time");
        }
        if (rows.size() < 2) {
            throw new IllegalArgumentException(source + ": the data file needs a header row and at least one row of"
                    + " values, e.g. 'Time,Population' then '2000,1250'");
        }
        CSVRecord header = rows.get(0);
        boolean across = header.size() > 1 && isNumber(header.get(1)) && !isNumber(header.get(0));
        return across ? timeAcross(source, rows) : timeDown(source, rows);
    }

    private static ObservedData timeDown(String source, List<CSVRecord> rows) {
        CSVRecord header = rows.get(0);
        if (header.size() < 2) {
            throw new IllegalArgumentException(source + ": the header has only one column; give a Time column and"
                    + " one column per variable, separated by commas or tabs");
        }
        List<String> names = new ArrayList<>();
        for (int c = 1; c < header.size(); c++) {
            String n = header.get(c);
            if (n.isBlank()) {
                throw new IllegalArgumentException(source + ":1: column " + (c + 1) + " has no name; name it as the"
                        + " model variable it holds");
            }
            if (names.contains(n)) {
                throw new IllegalArgumentException(source + ":1: two columns are named '" + n + "'; keep one");
            }
            names.add(n);
        }
        int n = rows.size() - 1;
        double[] times = new double[n];
        double[][] values = new double[names.size()][n];
        for (int i = 0; i < n; i++) {
            CSVRecord rec = rows.get(i + 1);
            long line = rec.getRecordNumber();
            times[i] = number(source, line, header.get(0), cell(rec, 0), false);
            if (i > 0 && !(times[i] > times[i - 1])) {
                throw new IllegalArgumentException(source + ":" + line + ": time " + cell(rec, 0) + " does not come"
                        + " after " + format(times[i - 1]) + "; list times in increasing order, once each");
            }
            if (rec.size() > header.size()) {
                throw new IllegalArgumentException(source + ":" + line + ": the row has " + rec.size() + " cells for "
                        + header.size() + " columns in the header");
            }
            for (int c = 0; c < names.size(); c++) {
                values[c][i] = number(source, line, names.get(c), cell(rec, c + 1), true);
            }
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            cols.put(names.get(c), values[c]);
        }
        return new ObservedData(source, times, cols);
    }

    private static ObservedData timeAcross(String source, List<CSVRecord> rows) {
        CSVRecord header = rows.get(0);
        int n = header.size() - 1;
        while (n > 0 && header.get(n).isBlank()) {
            n--;
        }
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = number(source, 1, "the time row", header.get(i + 1), false);
            if (i > 0 && !(times[i] > times[i - 1])) {
                throw new IllegalArgumentException(source + ":1: time " + header.get(i + 1) + " does not come after "
                        + format(times[i - 1]) + "; list times in increasing order, once each");
            }
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            CSVRecord rec = rows.get(r);
            long line = rec.getRecordNumber();
            String name = cell(rec, 0);
            if (name.isBlank()) {
                throw new IllegalArgumentException(source + ":" + line + ": the row has no variable name in its first"
                        + " cell");
            }
            if (cols.containsKey(name)) {
                throw new IllegalArgumentException(source + ":" + line + ": '" + name + "' has a second row; keep one");
            }
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = number(source, line, name, cell(rec, i + 1), true);
            }
            cols.put(name, v);
        }
        return new ObservedData(source, times, cols);
    }

    private static String cell(CSVRecord rec, int i) {
        return i < rec.size() ? rec.get(i) : "";
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double number(String source, long line, String column, String s, boolean missingAllowed) {
        String t = s.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (t.isEmpty() || lower.equals("na") || lower.equals(":na:") || lower.equals("nan")) {
            if (missingAllowed) {
                return Double.NaN;
            }
            throw new IllegalArgumentException(source + ":" + line + ": the time is missing; every row needs a time");
        }
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ":" + line + ": '" + s + "' in " + ("the time row".equals(column)
                    ? column : "column '" + column + "'") + " is not a number; write numbers with a '.' decimal point,"
                    + " or leave the cell empty when the value is missing");
        }
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
