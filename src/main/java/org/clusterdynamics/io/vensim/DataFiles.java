package org.clusterdynamics.io.vensim;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.io.files.DataFileAccess;
import org.clusterdynamics.model.VarName;

/**
 * Time series for Vensim data variables that have no equation ({@code x :INTERPOLATE:}): columns
 * of tab- or comma-separated files with time in the first column and one column per variable or
 * element ({@code x[a,b]}), as Vensim exports them. Empty cells are missing points.
 */
final class DataFiles {
    private final Map<String, double[][]> columns = new HashMap<>();

    private DataFiles() {}

    /** Reads the files; problems go to {@code diags}. Later files win for columns named twice. */
    static DataFiles read(List<Path> files, Diagnostics diags) {
        DataFiles d = new DataFiles();
        for (Path given : files) {
            Path f = DataFileAccess.path(given);
            String lower = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (lower.endsWith(".xls") || lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
                continue; // a workbook is given for the GET functions' indirect references ('?name')
            }
            char delimiter = lower.endsWith(".csv") ? ',' : '\t';
            List<CSVRecord> rows;
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                // tab exports write quoted names without CSV quoting rules ("name"[a]); only .csv quotes cells
                CSVFormat.Builder fmt = CSVFormat.DEFAULT.builder().setDelimiter(delimiter);
                if (delimiter == '\t') {
                    fmt.setQuote(null);
                }
                rows = fmt.build().parse(r).getRecords();
            } catch (IOException | RuntimeException e) {
                diags.error("VENSIM_DATA", Where.file(given.toString()), "cannot read the data file: " + org.clusterdynamics.diag.Texts.reason(e)
                        + "; give a tab- or comma-separated file with time in the first column");
                continue;
            }
            if (rows.isEmpty()) {
                diags.error("VENSIM_DATA", Where.file(given.toString()),
                        "the data file is empty: give a header row with Time and variable names");
                continue;
            }
            CSVRecord head = rows.get(0);
            for (int c = 1; c < head.size(); c++) {
                List<double[]> pts = new ArrayList<>();
                for (int i = 1; i < rows.size(); i++) {
                    CSVRecord row = rows.get(i);
                    Double t = number(row.size() > 0 ? row.get(0) : "");
                    Double v = number(c < row.size() ? row.get(c) : "");
                    if (t != null && v != null) {
                        pts.add(new double[] {t, v});
                    }
                }
                if (!pts.isEmpty()) {
                    d.columns.put(key(head.get(c)), pts.toArray(new double[0][]));
                }
            }
        }
        return d;
    }

    private static Double number(String s) {
        try {
            return s.isBlank() ? null : Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The points (time, value) of {@code name} or {@code name[e1,e2]}; null when no file has it. */
    double[][] series(String name, List<String> elements) {
        String n = elements.isEmpty() ? name : name + "[" + String.join(",", elements) + "]";
        return columns.get(key(n));
    }

    private static String key(String header) {
        return VarName.outputKey(VarName.cleanWritten(header.replace("\"", "")));
    }
}
