package org.clusterdynamics.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {
    @TempDir
    Path dir;

    private final Table t = new Table(List.of("name", "value"),
            List.of(List.of("a, b", 1.0), List.of("c", 0.125), List.of("d", Double.NaN)));

    @Test
    void writesCsvWithQuotingFullPrecisionAndEmptyMissingValues() throws Exception {
        Path f = dir.resolve("sub/t.csv");
        t.writeCsv(f);
        assertEquals("name,value\n\"a, b\",1\nc,0.125\nd,\n", Files.readString(f));
        try (var s = Files.list(f.getParent())) {
            assertEquals(1, s.count(), "no temporary file is left behind");
        }
        t.writeCsv(dir.resolve("t.tsv"));
        assertTrue(Files.readString(dir.resolve("t.tsv")).startsWith("name\tvalue\n"));
    }

    @Test
    void formatsAlignedText() {
        String s = t.format();
        assertTrue(s.startsWith("name  value\n"), s);
        assertTrue(s.contains("c     0.125"), s);
        assertTrue(s.contains("d         -"), s);
    }

    @Test
    void looksUpColumnsAndRefusesBadCells() {
        assertEquals(0.125, t.number(1, "VALUE"));
        assertThrows(IllegalArgumentException.class, () -> t.number(0, "name"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.column("nope"));
        assertTrue(e.getMessage().contains("name, value"));
        assertThrows(IllegalArgumentException.class, () -> new Table(List.of("a"), List.of(List.of(1))));
    }
}
