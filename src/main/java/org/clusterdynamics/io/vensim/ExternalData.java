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
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.io.files.DataFileAccess;

/**
 * Reads the spreadsheets and text tables behind Vensim's GET XLS / GET DIRECT functions at read
 * time: cells addressed A1-style or by named range, on a sheet of an .xls/.xlsx workbook or in a
 * delimited .csv/.tab file.
 */
final class ExternalData implements AutoCloseable {

    /** A problem with a data file, reported as a diagnostic at the variable that asked. */
    static final class DataException extends Exception {
        DataException(String message) {
            super(message);
        }
    }

    /** A rectangular block of cells, 0-based, inclusive. */
    record Area(int firstRow, int firstCol, int lastRow, int lastCol) {
        int rows() {
            return lastRow - firstRow + 1;
        }

        int cols() {
            return lastCol - firstCol + 1;
        }
    }

    /** One sheet (or text table): cell values as Double, String or null when empty. */
    interface Grid {
        Object cell(int row, int col);

        /** The area a workbook name refers to on this sheet, or null when there is no such name. */
        Area named(String name);

        int lastRow();

        int lastCol(int row);
    }

    private final Path folder;
    private final Map<Path, Workbook> workbooks = new HashMap<>();
    private final Map<Path, XlsxWorkbook> xlsxBooks = new HashMap<>();
    private final Map<String, Grid> texts = new HashMap<>();

    /** The folders data files may lie in (real paths); a model cannot read the rest of the host. */
    private final List<Path> roots = new ArrayList<>();

    /** Files are read only inside {@code allowed}. */
    ExternalData(Path folder, List<Path> allowed) {
        this.folder = folder;
        for (Path r : allowed) {
            try {
                roots.add(r.toRealPath());
            } catch (IOException e) {
                roots.add(r.toAbsolutePath().normalize()); // grants nothing that exists
            }
        }
    }

    /** The file, when it lies inside one of the allowed folders (links resolved); refused otherwise. */
    private Path allowed(Path p, String fileName) throws DataException {
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            real = p.toAbsolutePath().normalize();
        }
        for (Path r : roots) {
            if (real.startsWith(r)) {
                return p;
            }
        }
        throw new DataException("the data file '" + fileName + "' lies outside the folders a model may read ("
                + String.join(", ", roots.stream().map(Path::toString).toList()) + "): copy it next to the model, or"
                + " allow its folder with --data-root DIR");
    }

    /** The sheet {@code tab} of {@code fileName} (for text files {@code tab} is the delimiter). */
    Grid grid(String fileName, String tab) throws DataException {
        Path p = resolve(fileName);
        String lower = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (isWorkbookName(lower) && isOoxml(p)) {
            XlsxWorkbook wb = xlsx(p);
            Grid g;
            try {
                g = wb.sheet(tab);
            } catch (IOException e) {
                throw new DataException("cannot read sheet '" + tab + "' of the workbook '" + p.getFileName() + "': "
                        + org.clusterdynamics.diag.Texts.reason(e) + "; save it again as .xlsx or .xls");
            }
            if (g == null) {
                throw new DataException("'" + fileName + "' has no sheet '" + tab + "' (its sheets: "
                        + String.join(", ", wb.sheetNames()) + "): fix the sheet name in the GET call");
            }
            return g;
        }
        if (lower.endsWith(".xls") || lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
            Workbook wb = workbook(p);
            Sheet sheet = wb.getSheet(tab);
            if (sheet == null) {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                    names.add(wb.getSheetName(i));
                }
                throw new DataException("'" + fileName + "' has no sheet '" + tab + "' (its sheets: "
                        + String.join(", ", names) + "): fix the sheet name in the GET call");
            }
            return new SheetGrid(wb, sheet);
        }
        String delimiter = tab.equals("\\t") || tab.isEmpty() && lower.endsWith(".tab") ? "\t" : tab;
        String key = p + "\u0000" + delimiter;
        Grid g = texts.get(key);
        if (g == null) {
            g = textGrid(p, delimiter);
            texts.put(key, g);
        }
        return g;
    }

    /** Files found so far by the name a GET call gives (a large model names the same few thousands of times). */
    private final Map<String, Path> resolved = new ConcurrentHashMap<>();
    private final Map<Path, Boolean> ooxml = new ConcurrentHashMap<>();

    private Path resolve(String fileName) throws DataException {
        Path p = resolved.get(fileName);
        if (p == null) {
            p = fileName.startsWith("?") ? indirect(fileName) : locate(fileName);
            resolved.put(fileName, p);
        }
        return p;
    }

    private static boolean isWorkbookName(String lower) {
        return lower.endsWith(".xls") || lower.endsWith(".xlsx") || lower.endsWith(".xlsm");
    }

    /** GET calls as written in model text: function, file and sheet (quoted), for {@link #prefetch}. */
    private static final Pattern GET_CALL = Pattern.compile(
            "GET\\s+(?:XLS|DIRECT)\\s+(CONSTANTS|LOOKUPS|DATA|SUBSCRIPT)\\s*\\(\\s*'([^']*)'\\s*,\\s*'([^']*)'",
            Pattern.CASE_INSENSITIVE);

    /** The distinct (file, sheet) pairs of the GET calls in model text: subscript ranges first, as they are read. */
    private static java.util.Set<List<String>> sheetsNamed(String modelText) {
        java.util.Set<List<String>> subscriptSheets = new java.util.LinkedHashSet<>();
        java.util.Set<List<String>> sheets = new java.util.LinkedHashSet<>();
        Matcher m = GET_CALL.matcher(modelText);
        while (m.find()) {
            List<String> fileAndTab = List.of(m.group(2).strip(), m.group(3).strip());
            (m.group(1).equalsIgnoreCase("SUBSCRIPT") ? subscriptSheets : sheets).add(fileAndTab);
        }
        subscriptSheets.addAll(sheets);
        return subscriptSheets;
    }

    private Thread prefetcher;
    private volatile boolean closed;

    /**
     * Starts reading, on a second thread, the .xlsx sheets that the GET calls in the model text name,
     * while the model's equations are parsed: a large model (pymedeas_w) spends as long reading its
     * workbooks as parsing. Only a head start: the reader asks for each sheet as before and waits at
     * most for the one being read; any problem is left for the reader to meet and report. Not while
     * {@link DataFileAccess} records or redirects this thread's files, which another thread would miss.
     */
    void prefetch(String modelText) {
        if (DataFileAccess.active()) {
            // files recorded or redirected for the Spark runner are seen per thread: no head start then
            return;
        }
        prefetcher = new Thread(() -> {
            // the model text is scanned here too: a regular expression over 1.4 MB takes a while
            for (List<String> fileAndTab : sheetsNamed(modelText)) {
                if (closed) {
                    return;
                }
                try {
                    Path p = resolve(fileAndTab.get(0));
                    if (isWorkbookName(p.getFileName().toString().toLowerCase(Locale.ROOT)) && isOoxml(p)) {
                        xlsx(p).sheet(fileAndTab.get(1));
                    }
                } catch (DataException | IOException | RuntimeException e) {
                    // the reader meets the same problem and reports it where the model asks
                }
            }
        }, "cdyn-workbook-prefetch");
        prefetcher.setDaemon(true);
        prefetcher.start();
    }

    private Path locate(String fileName) throws DataException {
        Path p;
        try {
            p = DataFileAccess.path(folder.resolve(fileName).normalize());
        } catch (java.nio.file.InvalidPathException e) {
            throw new DataException("'" + org.clusterdynamics.diag.Texts.name(fileName) + "' is not a valid file name:"
                    + " fix the file name in the GET call");
        }
        if (Files.isRegularFile(p)) {
            return allowed(p, fileName);
        }
        // Vensim on Windows opens either Excel format whatever the extension says; models in the
        // wild name .xls where the file is .xlsx and the other way round
        String s = p.toString();
        String lower = s.toLowerCase(Locale.ROOT);
        Path alt = DataFileAccess.path(lower.endsWith(".xls") ? Path.of(s + "x")
                : lower.endsWith(".xlsx") ? Path.of(s.substring(0, s.length() - 1)) : null);
        if (alt != null && Files.isRegularFile(alt)) {
            return allowed(alt, fileName);
        }
        allowed(p, fileName); // a missing file outside the allowed folders is refused without saying whether it exists
        throw new DataException("the data file '" + fileName + "' does not exist (looked for " + p
                + "): put it next to the model or fix the file name in the GET call");
    }

    /**
     * POI logs through Log4j's API; without Log4j's implementation on the class path Log4j prints a
     * warning about itself to the console. Its simple logger, switched off, keeps the console for
     * this program's own messages (a user who configures Log4j keeps that configuration).
     */
    static void quietPoiLogging() {
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
            System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        }
    }

    /** The run's --data files, which resolve the indirect references '?name' (see {@link #indirect}). */
    private List<Path> indirectFiles = List.of();

    void indirectFiles(List<Path> files) {
        indirectFiles = List.copyOf(files);
    }

    /**
     * Vensim's '?name' is an indirect reference: the name is looked up in the list of files given
     * for the run rather than read as a path. Here that list is the run's --data files (matched by
     * file name, with or without extension); a name not listed there is the file of that name
     * relative to the model's folder, which is where Vensim's list points when a model is shipped
     * with its inputs beside it.
     */
    private Path indirect(String fileName) throws DataException {
        String name = fileName.substring(1).strip();
        Path named = Path.of(name).getFileName();
        String wanted = named == null ? name : named.toString();
        for (Path d : indirectFiles) {
            String given = d.getFileName() == null ? "" : d.getFileName().toString();
            if (given.equalsIgnoreCase(wanted) || stem(given).equalsIgnoreCase(stem(wanted))) {
                return DataFileAccess.path(d);
            }
        }
        try {
            return locate(name);
        } catch (DataException e) {
            throw new DataException("the indirect file reference '" + fileName + "' names no --data file and no"
                    + " file '" + name + "' beside the model (" + e.getMessage() + "): pass the file with --data "
                    + wanted + " or put it at that place");
        }
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** Whether the file is an Office Open XML package (.xlsx, .xlsm), whatever its extension says. */
    private boolean isOoxml(Path p) {
        return ooxml.computeIfAbsent(p, ExternalData::hasOoxmlMagic);
    }

    private static boolean hasOoxmlMagic(Path p) {
        quietPoiLogging();
        try (java.io.InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(p))) {
            return FileMagic.valueOf(in) == FileMagic.OOXML;
        } catch (IOException e) {
            return false; // the object model reports what is wrong with the file
        }
    }

    /** An .xlsx/.xlsm workbook, read with the streaming reader (many times faster than the object model). */
    private synchronized XlsxWorkbook xlsx(Path p) throws DataException {
        XlsxWorkbook wb = xlsxBooks.get(p);
        if (wb == null) {
            quietPoiLogging();
            try {
                wb = new XlsxWorkbook(p);
            } catch (IOException | RuntimeException e) {
                throw new DataException("cannot open the workbook '" + p.getFileName() + "': "
                        + org.clusterdynamics.diag.Texts.reason(e) + "; save it again as .xlsx or .xls");
            }
            xlsxBooks.put(p, wb);
        }
        return wb;
    }

    private Workbook workbook(Path p) throws DataException {
        Workbook wb = workbooks.get(p);
        if (wb == null) {
            quietPoiLogging();
            try {
                wb = WorkbookFactory.create(p.toFile(), null, true);
            } catch (IOException | RuntimeException e) {
                throw new DataException("cannot open the workbook '" + p.getFileName() + "': " + org.clusterdynamics.diag.Texts.reason(e)
                        + "; save it again as .xlsx or .xls");
            }
            workbooks.put(p, wb);
        }
        return wb;
    }

    private static Grid textGrid(Path p, String delimiter) throws DataException {
        List<List<String>> rows = new ArrayList<>();
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).build();
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : fmt.parse(r)) {
                List<String> row = new ArrayList<>();
                rec.forEach(row::add);
                rows.add(row);
            }
        } catch (IOException | RuntimeException e) {
            throw new DataException("cannot read the table '" + p.getFileName() + "' with delimiter '"
                    + delimiter + "': " + org.clusterdynamics.diag.Texts.reason(e));
        }
        return new Grid() {
            @Override
            public Object cell(int row, int col) {
                if (row < 0 || row >= rows.size() || col < 0 || col >= rows.get(row).size()) {
                    return null;
                }
                String v = rows.get(row).get(col).strip();
                if (v.isEmpty()) {
                    return null;
                }
                try {
                    return Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    return v;
                }
            }

            @Override
            public Area named(String name) {
                return null;
            }

            @Override
            public int lastRow() {
                return rows.size() - 1;
            }

            @Override
            public int lastCol(int row) {
                return row < 0 || row >= rows.size() ? -1 : rows.get(row).size() - 1;
            }
        };
    }

    /** A workbook sheet; named ranges may be global or local to this sheet. */
    record SheetGrid(Workbook wb, Sheet sheet) implements Grid {
        @Override
        public Object cell(int row, int col) {
            Row r = row < 0 ? null : sheet.getRow(row);
            Cell c = r == null || col < 0 ? null : r.getCell(col);
            if (c == null) {
                return null;
            }
            CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
            return switch (t) {
                case NUMERIC -> c.getNumericCellValue();
                case BOOLEAN -> c.getBooleanCellValue() ? 1.0 : 0.0;
                case STRING -> {
                    String s = c.getStringCellValue().strip();
                    if (s.isEmpty()) {
                        yield null;
                    }
                    try {
                        yield Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        yield s;
                    }
                }
                default -> null;
            };
        }

        @Override
        public Area named(String name) {
            int sheetIndex = wb.getSheetIndex(sheet);
            Name global = null;
            for (Name n : wb.getNames(name)) {
                if (n.getSheetIndex() == sheetIndex) {
                    return area(n);
                }
                if (n.getSheetIndex() < 0) {
                    global = n;
                }
            }
            return global == null ? null : area(global);
        }

        private Area area(Name n) {
            AreaReference ref = new AreaReference(n.getRefersToFormula(), wb.getSpreadsheetVersion());
            CellReference a = ref.getFirstCell();
            CellReference b = ref.getLastCell();
            return new Area(a.getRow(), a.getCol(), b.getRow(), b.getCol());
        }

        @Override
        public int lastRow() {
            return sheet.getLastRowNum();
        }

        @Override
        public int lastCol(int row) {
            Row r = sheet.getRow(row);
            return r == null ? -1 : r.getLastCellNum() - 1;
        }
    }

    /** Text of a cell for subscript names: numbers without a trailing ".0". */
    static String cellText(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : new DataFormatter().formatRawCellContents(d, 0, "General");
        }
        return v == null ? "" : v.toString();
    }

    @Override
    public void close() {
        closed = true;
        if (prefetcher != null) {
            try {
                prefetcher.join(); // it stops after the sheet it is reading
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Workbook wb : workbooks.values()) {
            try {
                wb.close();
            } catch (IOException e) {
                // read-only workbooks hold nothing to flush; a failed close loses nothing
            }
        }
        workbooks.clear();
        synchronized (this) {
            xlsxBooks.values().forEach(XlsxWorkbook::close);
            xlsxBooks.clear();
        }
    }

    /** Reports a data problem at the variable that asked for the data. */
    static void report(Diagnostics diags, String file, String variable, int line, DataException e) {
        diags.error("VENSIM_DATA", Where.of(file, variable, line), e.getMessage());
    }
}
