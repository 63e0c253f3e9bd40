package org.clusterdynamics.scenario;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.clusterdynamics.files.AtomicFiles;

/**
 * A small table of results (comparisons, sweeps, percentiles): named columns and rows whose cells
 * are numbers (Double, NaN when missing) or text (String).
 */
public record Table(List<String> columns, List<List<Object>> rows) {

    public Table {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("a table row has " + r.size() + " cells for " + columns.size()
                        + " columns");
            }
            for (Object c : r) {
                if (!(c instanceof String) && !(c instanceof Double)) {
                    throw new IllegalArgumentException("table cells must be text or numbers, not " + c);
                }
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(r)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    public int size() {
        return rows.size();
    }

    /** The index of a column by name (exact, then ignoring case); throws listing the columns. */
    public int columnIndex(String name) {
        int i = columns.indexOf(name);
        if (i >= 0) {
            return i;
        }
        for (int j = 0; j < columns.size(); j++) {
            if (columns.get(j).equalsIgnoreCase(name.strip())) {
                return j;
            }
        }
        throw new IllegalArgumentException("the table has no column '" + name + "'; its columns are "
                + String.join(", ", columns));
    }

    public List<Object> column(String name) {
        int i = columnIndex(name);
        List<Object> out = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            out.add(r.get(i));
        }
        return out;
    }

    /** A numeric cell; throws when the cell is text. */
    public double number(int row, String column) {
        Object o = rows.get(row).get(columnIndex(column));
        if (o instanceof Double d) {
            return d;
        }
        throw new IllegalArgumentException("the cell in row " + (row + 1) + ", column '" + column + "' is text ('"
                + o + "'), not a number");
    }

    /** Writes CSV (or TSV for .tsv) through a temporary file, so a failure leaves no partial file. */
    public void writeCsv(Path file) throws IOException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        CSVFormat format = (n.endsWith(".tsv") || n.endsWith(".tab") ? CSVFormat.TDF : CSVFormat.DEFAULT).builder()
                .setRecordSeparator('\n').build();
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter p = new CSVPrinter(w, format);
            p.printRecord(columns);
            for (List<Object> r : rows) {
                List<String> cells = new ArrayList<>(r.size());
                for (Object c : r) {
                    cells.add(c instanceof Double d ? csvNumber(d) : (String) c);
                }
                p.printRecord(cells);
            }
            p.flush();
        });
    }

    /** Full precision, integers without ".0", missing values as empty cells. */
    static String csvNumber(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** The table as aligned text with numbers to 4 significant digits, for printing from scripts. */
    public String format() {
        List<String[]> cells = new ArrayList<>();
        cells.add(columns.toArray(new String[0]));
        for (List<Object> r : rows) {
            String[] line = new String[r.size()];
            for (int i = 0; i < line.length; i++) {
                Object c = r.get(i);
                line[i] = c instanceof Double d ? shortNumber(d) : (String) c;
            }
            cells.add(line);
        }
        int[] width = new int[columns.size()];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < cells.size(); k++) {
            String[] line = cells.get(k);
            for (int i = 0; i < line.length; i++) {
                boolean numeric = k > 0 && rows.get(k - 1).get(i) instanceof Double;
                String pad = " ".repeat(width[i] - line[i].length());
                sb.append(i == 0 ? "" : "  ").append(numeric ? pad + line[i] : line[i] + (i == line.length - 1 ? "" : pad));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String shortNumber(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e12 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        if (a >= 1000) {
            // years and counts: whole digits matter (1977.5 must not read 1978)
            String s = String.format(Locale.ROOT, "%.1f", v);
            return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
