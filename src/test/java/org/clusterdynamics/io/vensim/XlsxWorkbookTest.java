package org.clusterdynamics.io.vensim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The streaming .xlsx reader gives every cell, named range and extent exactly as POI's object model
 * (the reader it replaced) on every workbook of the conformance suite, and of the real models with
 * -Dcdyn.realModels.slow=true (their workbooks take half a minute in the object model).
 */
class XlsxWorkbookTest {

    private static List<Path> workbooks() throws IOException {
        List<Path> out = new ArrayList<>();
        List<String> keys = Boolean.getBoolean("cdyn.realModels.slow") ? List.of("cdyn.testModels", "cdyn.realModels")
                : List.of("cdyn.testModels");
        for (String key : keys) {
            String p = System.getProperty(key);
            if (p == null || !Files.isDirectory(Path.of(p))) {
                continue;
            }
            try (Stream<Path> s = Files.walk(Path.of(p))) {
                s.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".xlsx")).sorted().forEach(out::add);
            }
        }
        Assumptions.assumeFalse(out.isEmpty(), "no .xlsx workbooks: the conformance suite and real models are missing");
        return out;
    }

    @TestFactory
    Stream<DynamicTest> sameCellsAsTheObjectModel() throws IOException {
        return workbooks().stream().map(f -> DynamicTest.dynamicTest(f.getParent().getFileName() + "/" + f.getFileName(),
                () -> compare(f)));
    }

    private static void compare(Path file) throws IOException {
        ExternalData.quietPoiLogging();
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true);
             XlsxWorkbook fast = new XlsxWorkbook(file)) {
            List<String> names = new ArrayList<>();
            for (Name n : wb.getAllNames()) {
                names.add(n.getNameName());
            }
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                Sheet sheet = wb.getSheetAt(i);
                ExternalData.Grid slow = new ExternalData.SheetGrid(wb, sheet);
                ExternalData.Grid streamed = fast.sheet(sheet.getSheetName());
                assertNotNull(streamed, sheet.getSheetName());
                String where = file.getFileName() + " sheet " + sheet.getSheetName();
                assertEquals(slow.lastRow(), streamed.lastRow(), where + ": last row");
                for (int r = -1; r <= slow.lastRow() + 1; r++) {
                    assertEquals(slow.lastCol(r), streamed.lastCol(r), where + ": last column of row " + r);
                    for (int c = -1; c <= Math.max(slow.lastCol(r), 0) + 1; c++) {
                        assertEquals(slow.cell(r, c), streamed.cell(r, c), where + ": cell " + r + "," + c);
                    }
                }
                for (String n : names) {
                    assertEquals(areaOrError(slow, n), areaOrError(streamed, n), where + ": name " + n);
                }
            }
        }
    }

    /** The named area, or the kind of failure for names that are no areas (both readers must agree). */
    private static Object areaOrError(ExternalData.Grid g, String name) {
        try {
            return g.named(name);
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
