package org.clusterdynamics.io.vensim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.expr.ExprParser;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET XLS / GET DIRECT data read at read time from files written by the test. */
class VensimDataTest {

    @TempDir
    Path dir;

    /** Writes rows of cells (Double, String or null) to sheet "S" of book.xlsx, with named ranges. */
    private void workbook(Object[][] rows, String... names) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(dir.resolve("book.xlsx"))) {
            Sheet s = wb.createSheet("S");
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else if (v instanceof String t) {
                        row.createCell(c).setCellValue(t);
                    }
                }
            }
            for (int i = 0; i < names.length; i += 2) {
                Name n = wb.createName();
                n.setNameName(names[i]);
                n.setRefersToFormula(names[i + 1]);
            }
            wb.write(out);
        }
    }

    private Model read(String equations) throws IOException {
        Path mdl = dir.resolve("m.mdl");
        Files.writeString(mdl, equations + "\n" + VensimReaderTest.CONTROL);
        return VensimReader.read(mdl);
    }

    @Test
    void dataAcrossFromCsvInterpolatesOverTime() throws IOException {
        Files.writeString(dir.resolve("d.csv"), "time,0,10,20\nv,1,3,\nw,2,4,8\n");
        Model m = read("x[r] := GET DIRECT DATA('d.csv', ',', '1', 'B2') ~~|\nr: a, b ~~|");
        Aux x = VensimReaderTest.aux(m, "x");
        List<ElementDefinition> els = x.definition().elements();
        assertEquals(2, els.size());
        assertEquals("TIME", els.get(0).equation().text());
        GraphicalFunction a = els.get(0).graphicalFunction();
        assertArrayEquals(new double[] {0, 10}, a.xs(), "the empty cell drops the point at 20");
        assertEquals(2.0, a.lookup(5), 1e-12);
        assertEquals(6.0, els.get(1).graphicalFunction().lookup(15), 1e-12);
    }

    @Test
    void holdBackwardAndLookForwardReadBetweenPointsLikeVensim() throws IOException {
        Files.writeString(dir.resolve("d.csv"), "0,1\n10,2\n20,3\n");
        Model m = read("""
                back:HOLD BACKWARD::= GET DIRECT DATA('d.csv', ',', 'A', 'B1') ~~|
                fwd:LOOK FORWARD::= GET DIRECT DATA('d.csv', ',', 'A', 'B1') ~~|
                """);
        GraphicalFunction back = VensimReaderTest.aux(m, "back").definition().graphicalFunction();
        GraphicalFunction fwd = VensimReaderTest.aux(m, "fwd").definition().graphicalFunction();
        double[] times = {0, 5, 10, 15, 20, 25};
        for (double t : times) {
            GraphicalFunction plain = new GraphicalFunction(new double[] {0, 10, 20}, new double[] {1, 2, 3},
                    GraphicalFunction.Kind.CONTINUOUS);
            assertEquals(plain.lookupBackward(t), back.lookup(t), 1e-12, "backward at " + t);
            assertEquals(plain.lookupForward(t), fwd.lookup(t), 1e-12, "forward at " + t);
        }
    }

    @Test
    void rawDataIsNotAvailableAwayFromItsPoints() throws IOException {
        Files.writeString(dir.resolve("d.csv"), "0.1,1\n0.3,2\n0.4,3\n");
        Model m = read("""
                raw:RAW::= GET DIRECT DATA('d.csv', ',', 'A', 'B1') ~~|
                """);
        GraphicalFunction raw = VensimReaderTest.aux(m, "raw").definition().graphicalFunction();
        assertEquals(1, raw.lookup(0.1));
        assertEquals(2, raw.lookup(0.1 * 3), "0.30000000000000004 is the data point at 0.3");
        assertEquals(3, raw.lookup(0.4));
        for (double t : new double[] {0, 0.0999, 0.2, 0.35, 0.41, 5}) {
            assertEquals(ExprParser.VENSIM_NA, raw.lookup(t), "between or outside the points, at " + t);
        }
    }

    @Test
    void constantsFromWorkbookAcrossDownAndByName() throws IOException {
        workbook(new Object[][] {
                {"h", 1.0, 2.0, 3.0},
                {"k", 4.0, 5.0, 6.0},
                {"z", 7.0, null, null}},
                "col", "S!$B$1:$B$3");
        Model m = read("""
                across[r] = GET XLS CONSTANTS('book.xlsx', 'S', 'B1') ~~|
                down[r] = GET XLS CONSTANTS('book.xlsx', 'S', 'B1*') ~~|
                named[r] = GET DIRECT CONSTANTS('book.xlsx', 'S', 'col*') ~~|
                two[q, r] = GET XLS CONSTANTS('book.xlsx', 'S', 'B1') ~~|
                one = GET XLS CONSTANTS('book.xlsx', 'S', 'C2') ~~|
                r: a, b, c ~~|
                q: x, y ~~|
                """);
        assertEquals(List.of("1", "2", "3"), texts(VensimReaderTest.aux(m, "across")));
        assertEquals(List.of("1", "4", "7"), texts(VensimReaderTest.aux(m, "down")));
        assertEquals(List.of("1", "4", "7"), texts(VensimReaderTest.aux(m, "named")));
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), texts(VensimReaderTest.aux(m, "two")));
        assertEquals(List.of("x", "c"), VensimReaderTest.aux(m, "two").definition().elements().get(2).subscripts());
        assertEquals("5", VensimReaderTest.aux(m, "one").definition().equation().text());
    }

    private static List<String> texts(Aux a) {
        return a.definition().elements().stream().map(e -> e.equation().text()).toList();
    }

    @Test
    void lookupsFromWorkbookBecomeTables() throws IOException {
        workbook(new Object[][] {{"x", 0.0, 1.0, 2.0}, {"y", 5.0, 6.0, 8.0}});
        Model m = read("tab = GET XLS LOOKUPS('book.xlsx', 'S', '1', 'B2') ~~|\n"
                + "tab2(GET XLS LOOKUPS('book.xlsx', 'S', '1', 'B2')) ~~|");
        for (String n : List.of("tab", "tab2")) {
            Aux t = VensimReaderTest.aux(m, n);
            assertNull(t.definition().equation(), n);
            assertEquals(7.0, t.definition().graphicalFunction().lookup(1.5), 1e-12, n);
        }
    }

    @Test
    void subscriptElementsFromWorkbook() throws IOException {
        workbook(new Object[][] {{1.0, 2.0, 3.0}});
        Model m = read("x[r] = 1 ~~|\nr: GET DIRECT SUBSCRIPT('book.xlsx', 'S', 'A1', 'C1', 'e') ~~|");
        assertEquals(List.of("e1", "e2", "e3"), m.dimension("r").orElseThrow().elements());
    }

    @Test
    void missingFileSheetAndCellAreDiagnosed() throws IOException {
        workbook(new Object[][] {{1.0}});
        ModelException noFile = assertThrows(ModelException.class,
                () -> read("c = GET XLS CONSTANTS('nothere.xlsx', 'S', 'A1') ~~|"));
        assertTrue(noFile.getMessage().contains("nothere.xlsx"), noFile.getMessage());
        assertEquals("c", noFile.diagnostics().errors().get(0).where().variable());
        ModelException noSheet = assertThrows(ModelException.class,
                () -> read("c = GET XLS CONSTANTS('book.xlsx', 'Other', 'A1') ~~|"));
        assertTrue(noSheet.getMessage().contains("sheets: S"), noSheet.getMessage());
        ModelException emptyCell = assertThrows(ModelException.class,
                () -> read("c = GET XLS CONSTANTS('book.xlsx', 'S', 'D9') ~~|"));
        assertTrue(emptyCell.getMessage().contains("D9") && emptyCell.getMessage().contains("empty"),
                emptyCell.getMessage());
    }

    @Test
    void dataVariablesWithoutEquationReadDataFiles() throws IOException {
        Path tab = dir.resolve("data.tab");
        Files.writeString(tab, "Time\tscalar\t\"arr\"[a]\tarr[b]\n0\t1\t10\t20\n2\t3\t\t22\n4\t5\t14\t24\n");
        Path mdl = dir.resolve("m.mdl");
        Files.writeString(mdl, "scalar:INTERPOLATE: ~~|\narr[r]:HOLD BACKWARD: ~~|\nr: a, b ~~|\n" + VensimReaderTest.CONTROL);
        Model m = VensimReader.read(mdl, List.of(tab));
        Aux scalar = VensimReaderTest.aux(m, "scalar");
        assertEquals("TIME", scalar.definition().equation().text());
        assertEquals(2.0, scalar.definition().graphicalFunction().lookup(1), 1e-12);
        List<ElementDefinition> arr = VensimReaderTest.aux(m, "arr").definition().elements();
        assertArrayEquals(new double[] {0, 4}, arr.get(0).graphicalFunction().xs(), "the empty cell is no point");
        assertEquals(22.0, arr.get(1).graphicalFunction().lookup(3), 1e-12, "held from t=2");
    }

    @Test
    void wrongArgumentCountIsDiagnosed() {
        ModelException e = assertThrows(ModelException.class,
                () -> read("c = GET XLS CONSTANTS('book.xlsx', 'S') ~~|"));
        assertTrue(e.getMessage().contains("3 arguments"), e.getMessage());
        assertInstanceOf(ModelException.class, e);
    }
}
