package org.clusterdynamics.io.vensim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An .xlsx/.xlsm workbook read with POI's streaming (SAX) API instead of its object model, which
 * builds an XML object per cell and took most of a large model's start (pymedeas_w: two workbooks,
 * 4 MB of sheet XML). Cell values follow POI's object model exactly (see {@link #value}), so that a
 * model reads the same numbers and texts either way; .xls files still go through the object model.
 * Sheets are read when first asked for.
 */
final class XlsxWorkbook implements AutoCloseable {
    private final OPCPackage pkg;
    private final XSSFReader reader;
    private ReadOnlySharedStringsTable strings;
    /** Sheet names in workbook order, with the part of each. */
    private final List<String> sheetNames = new ArrayList<>();
    private final byte[][] sheetXml;
    private final Map<Integer, FutureTask<ExternalData.Grid>> sheets = new ConcurrentHashMap<>();
    /** Defined names by lower-case name: each with its sheet index (-1 global) and formula. */
    private final Map<String, List<DefinedName>> names = new HashMap<>();

    private record DefinedName(int sheetIndex, String formula) {}

    XlsxWorkbook(Path file) throws IOException {
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
        try {
            reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<byte[]> xml = new ArrayList<>();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    sheetNames.add(it.getSheetName());
                    xml.add(in.readAllBytes());
                }
            }
            sheetXml = xml.toArray(new byte[0][]);
            try (InputStream in = reader.getWorkbookData()) {
                parse(in, new NamesHandler());
            }
        } catch (OpenXML4JException | SAXException | RuntimeException e) {
            pkg.revert();
            throw new IOException(e.getMessage(), e);
        } catch (IOException e) {
            pkg.revert();
            throw e;
        }
    }

    List<String> sheetNames() {
        return List.copyOf(sheetNames);
    }

    /**
     * The sheet of that name (case ignored, as POI's getSheet), or null. Thread-safe: a second
     * thread may read sheets ahead of the model's reader (see ExternalData#prefetch); each sheet is
     * read once, by whichever thread asks first, and two threads may read two sheets at once.
     */
    ExternalData.Grid sheet(String name) throws IOException {
        for (int i = 0; i < sheetNames.size(); i++) {
            if (sheetNames.get(i).equalsIgnoreCase(name)) {
                int index = i;
                FutureTask<ExternalData.Grid> read = new FutureTask<>(() -> readSheet(index));
                FutureTask<ExternalData.Grid> first = sheets.putIfAbsent(i, read);
                if (first == null) {
                    read.run();
                    first = read;
                }
                try {
                    return first.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IOException(e.getCause().getMessage(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while reading sheet '" + name + "'", e);
                }
            }
        }
        return null;
    }

    private synchronized ReadOnlySharedStringsTable strings() throws IOException, SAXException {
        if (strings == null) {
            strings = new ReadOnlySharedStringsTable(pkg, false);
        }
        return strings;
    }

    private ExternalData.Grid readSheet(int index) throws IOException {
        try {
            strings();
            SheetHandler h = new SheetHandler();
            parse(new java.io.ByteArrayInputStream(sheetXml[index]), h);
            sheetXml[index] = null;
            return h.grid(index);
        } catch (SAXException | RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void parse(InputStream in, DefaultHandler handler) throws IOException, SAXException {
        try {
            XMLReader xr = SAXHelper.newXMLReader();
            xr.setContentHandler(handler);
            xr.parse(new InputSource(in));
        } catch (ParserConfigurationException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Reads workbook.xml's defined names (named ranges). */
    private final class NamesHandler extends DefaultHandler {
        private StringBuilder text;
        private String name;
        private int sheet;

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) {
            if (local.equals("definedName")) {
                name = a.getValue("name");
                String id = a.getValue("localSheetId");
                sheet = id == null ? -1 : Integer.parseInt(id.strip());
                text = new StringBuilder();
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (text != null) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (local.equals("definedName") && text != null) {
                if (name != null) {
                    names.computeIfAbsent(name.toLowerCase(Locale.ENGLISH), k -> new ArrayList<>())
                            .add(new DefinedName(sheet, text.toString()));
                }
                text = null;
            }
        }
    }

    /** One cell as met in the sheet XML, before its value is worked out. */
    private static final class RawCell {
        int row;
        int col;
        String type;
        boolean formula;
        boolean hasValue;
        StringBuilder v = new StringBuilder();
        StringBuilder inline;
    }

    /** Reads a sheet's rows and cells into arrays (row by row; values as Double, String or null). */
    private final class SheetHandler extends DefaultHandler {
        private final List<Object[]> rows = new ArrayList<>();
        /** Per row: the last column with a cell element (-1 none); rows without a row element are null in rows. */
        private final List<Integer> lastCols = new ArrayList<>();
        /** Cells of array formulas, blank in the XML but formula cells to POI: {firstRow, firstCol, lastRow, lastCol}. */
        private final List<int[]> arrayRanges = new ArrayList<>();
        private final List<int[]> blankNumeric = new ArrayList<>();
        private int row = -1;
        private int nextCol;
        private RawCell cell;
        private StringBuilder target;
        private boolean inInline;
        private boolean inPhonetic;

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) {
            switch (local) {
                case "row" -> {
                    String r = a.getValue("r");
                    row = r == null ? row + 1 : Integer.parseInt(r.strip()) - 1;
                    nextCol = 0;
                    ensureRow(row);
                }
                case "c" -> {
                    cell = new RawCell();
                    String r = a.getValue("r");
                    if (r != null) {
                        CellReference ref = new CellReference(r);
                        cell.row = ref.getRow() < 0 ? row : ref.getRow();
                        cell.col = ref.getCol();
                    } else {
                        cell.row = row;
                        cell.col = nextCol;
                    }
                    nextCol = cell.col + 1;
                    String t = a.getValue("t");
                    cell.type = t == null ? "n" : t;
                }
                case "f" -> {
                    if (cell != null) {
                        String t = a.getValue("t");
                        // POI does not count a data-table formula as a formula cell
                        cell.formula = !"dataTable".equals(t);
                        String ref = a.getValue("ref");
                        if ("array".equals(t) && ref != null) {
                            AreaReference area = new AreaReference(ref, SpreadsheetVersion.EXCEL2007);
                            arrayRanges.add(new int[] {area.getFirstCell().getRow(), area.getFirstCell().getCol(),
                                    area.getLastCell().getRow(), area.getLastCell().getCol()});
                        }
                    }
                }
                case "v" -> {
                    if (cell != null) {
                        cell.hasValue = true;
                        target = cell.v;
                    }
                }
                case "is" -> {
                    if (cell != null) {
                        inInline = true;
                        cell.inline = new StringBuilder();
                    }
                }
                case "rPh" -> inPhonetic = true;
                case "t" -> {
                    if (inInline && !inPhonetic) {
                        target = cell.inline;
                    }
                }
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (target != null) {
                target.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "v", "t" -> target = null;
                case "is" -> inInline = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> {
                    if (cell != null) {
                        store(cell);
                        cell = null;
                    }
                }
                default -> { }
            }
        }

        private void ensureRow(int r) {
            while (rows.size() <= r) {
                rows.add(null);
                lastCols.add(-1);
            }
            if (rows.get(r) == null) {
                rows.set(r, new Object[0]);
            }
        }

        private void store(RawCell c) {
            ensureRow(c.row);
            Object[] cells = rows.get(c.row);
            if (c.col >= cells.length) {
                cells = java.util.Arrays.copyOf(cells, Math.max(c.col + 1, cells.length * 2));
                rows.set(c.row, cells);
            }
            cells[c.col] = value(c);
            lastCols.set(c.row, Math.max(lastCols.get(c.row), c.col));
            if (!c.formula && c.type.equals("n") && !c.hasValue) {
                blankNumeric.add(new int[] {c.row, c.col});
            }
        }

        /**
         * The value POI's object model gives (ExternalData.SheetGrid): the cached result of a
         * formula cell, numbers parsed as Double.parseDouble, booleans as 1 or 0, texts stripped
         * and read as numbers where they are numbers, blanks and errors null.
         */
        private Object value(RawCell c) {
            switch (c.type) {
                case "b":
                    return c.hasValue && c.v.toString().equals("1") ? 1.0 : 0.0;
                case "n": {
                    if (!c.hasValue) {
                        return c.formula ? 0.0 : null; // a blank cell; a formula without a cached value reads 0
                    }
                    String v = c.v.toString();
                    return v.isEmpty() ? 0.0 : Double.parseDouble(v);
                }
                case "s": {
                    if (c.formula) {
                        return text(decoded(c.hasValue ? c.v.toString() : ""));
                    }
                    String v = c.v.toString().strip();
                    if (v.isEmpty()) {
                        return null;
                    }
                    return text(strings.getItemAt(Integer.parseInt(v)).getString());
                }
                case "inlineStr":
                    if (c.formula || c.hasValue) {
                        return text(decoded(c.hasValue ? c.v.toString() : ""));
                    }
                    return text(decoded(c.inline == null ? "" : c.inline.toString()));
                case "str":
                    return text(decoded(c.hasValue ? c.v.toString() : ""));
                default:
                    return null; // errors
            }
        }

        /** Excel's escapes (_x000D_) decoded as POI's rich text does; most texts have none. */
        private static String decoded(String raw) {
            return raw.contains("_x") ? new XSSFRichTextString(raw).getString() : raw;
        }

        private Object text(String decodedText) {
            String s = decodedText.strip();
            if (s.isEmpty()) {
                return null;
            }
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return s;
            }
        }

        ExternalData.Grid grid(int sheetIndex) {
            // cells inside an array formula's range are formula cells to POI: blank ones read 0
            for (int[] b : blankNumeric) {
                for (int[] r : arrayRanges) {
                    if (b[0] >= r[0] && b[0] <= r[2] && b[1] >= r[1] && b[1] <= r[3]) {
                        rows.get(b[0])[b[1]] = 0.0;
                    }
                }
            }
            Object[][] table = rows.toArray(new Object[0][]);
            int[] last = lastCols.stream().mapToInt(Integer::intValue).toArray();
            return new ExternalData.Grid() {
                @Override
                public Object cell(int r, int col) {
                    if (r < 0 || r >= table.length || table[r] == null || col < 0 || col >= table[r].length) {
                        return null;
                    }
                    return table[r][col];
                }

                @Override
                public ExternalData.Area named(String name) {
                    DefinedName global = null;
                    for (DefinedName n : names.getOrDefault(name.toLowerCase(Locale.ENGLISH), List.of())) {
                        if (n.sheetIndex() == sheetIndex) {
                            return area(n);
                        }
                        if (n.sheetIndex() < 0) {
                            global = n;
                        }
                    }
                    return global == null ? null : area(global);
                }

                @Override
                public int lastRow() {
                    for (int r = table.length - 1; r >= 0; r--) {
                        if (table[r] != null) {
                            return r;
                        }
                    }
                    return -1;
                }

                @Override
                public int lastCol(int r) {
                    // as POI's getLastCellNum() - 1: -2 for a row without cells
                    return r < 0 || r >= last.length || table[r] == null ? -1 : last[r] < 0 ? -2 : last[r];
                }
            };
        }
    }

    private static ExternalData.Area area(DefinedName n) {
        AreaReference ref = new AreaReference(n.formula(), SpreadsheetVersion.EXCEL2007);
        CellReference a = ref.getFirstCell();
        CellReference b = ref.getLastCell();
        return new ExternalData.Area(a.getRow(), a.getCol(), b.getRow(), b.getCol());
    }

    @Override
    public synchronized void close() {
        pkg.revert(); // opened read-only: nothing to save
    }
}
