package org.clusterdynamics.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Data files with time running down or across, missing cells, and the mistakes people make in them. */
class DataReaderTest {
    @Test
    void csvWithTimeDownAndMissingCells() throws Exception {
        ObservedData d = DataReader.parse("d.csv", "Time,Infected,Stock[north]\n0,1.5,\n2,,4\n3.5,NA,5\n");
        assertArrayEquals(new double[] {0, 2, 3.5}, d.times());
        assertEquals(List.of("Infected", "Stock[north]"), d.names());
        assertEquals(1.5, d.column("Infected")[0]);
        assertTrue(Double.isNaN(d.column("Infected")[1]) && Double.isNaN(d.column("Infected")[2]));
        assertTrue(Double.isNaN(d.column("Stock[north]")[0]));
    }

    @Test
    void vensimTabExportWithTimeAcross() throws Exception {
        ObservedData d = DataReader.parse("run.tab", "Time\t0\t1\t2\nPopulation\t10\t11\t12.5\nBirths\t1\t:NA:\t2\n");
        assertArrayEquals(new double[] {0, 1, 2}, d.times());
        assertArrayEquals(new double[] {10, 11, 12.5}, d.column("Population"));
        assertTrue(Double.isNaN(d.column("Births")[1]));
    }

    @Test
    void mistakesNameTheFileLineAndColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataReader.parse("d.csv", "Time,X\n0,1\n1,abc\n"));
        assertTrue(e.getMessage().startsWith("d.csv:3: 'abc' in column 'X' is not a number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DataReader.parse("d.csv", "Time,X\n2,1\n1,2\n"));
        assertTrue(e.getMessage().contains("d.csv:3: time 1 does not come after 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DataReader.parse("d.csv", "Time,X\n"));
        assertTrue(e.getMessage().contains("at least one row"), e.getMessage());
    }
}
