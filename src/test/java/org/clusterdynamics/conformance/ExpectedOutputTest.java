package org.clusterdynamics.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.clusterdynamics.expr.ExprParser;
import org.junit.jupiter.api.Test;

class ExpectedOutputTest {

    @Test
    void readsTabsWithAnyLineEndingAndCarriesConstantsForward() throws IOException {
        String text = "Time\tStock A\tRate\r\n0\t1\t0.5\r1\t2\n2\t3\t\r\n";
        ExpectedOutput o = ExpectedOutput.parse(text, '\t', "output.tab");
        assertArrayEquals(new double[] {0, 1, 2}, o.times());
        assertEquals(List.of("stock a", "rate"), o.keys());
        assertArrayEquals(new double[] {1, 2, 3}, o.column("stock a"));
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, o.column("rate"), "a constant is written in the first row only");
    }

    @Test
    void emptyCellsOfAColumnWrittenRowByRowAreVensimsNotAvailable() throws IOException {
        String text = "Time\tx\n0\t1\n1\t\n2\t3\n";
        ExpectedOutput o = ExpectedOutput.parse(text, '\t', "output.tab");
        assertArrayEquals(new double[] {1, ExprParser.VENSIM_NA, 3}, o.column("x"));
    }

    @Test
    void readsCsvWithQuotedArrayNamesAndLowerCaseTime() throws IOException {
        String text = "time,\"sabs2[A, D]\",\"\"\"$ euro\"\"\"\n0,1,2\n0.5,,4\n";
        ExpectedOutput o = ExpectedOutput.parse(text, ',', "output.csv");
        assertEquals(List.of("sabs2[a,d]", "$ euro"), o.keys());
        assertEquals("sabs2[A, D]", o.written("sabs2[a,d]"));
        assertArrayEquals(new double[] {1, 1}, o.column("sabs2[a,d]"));
    }

    @Test
    void dropsVensimControlColumns() throws IOException {
        String text = "Time\tFINAL TIME\tINITIAL TIME\tSAVEPER\tTIME STEP\tx\n0\t10\t0\t1\t1\t5\n";
        assertEquals(List.of("x"), ExpectedOutput.parse(text, '\t', "o").keys());
    }

    @Test
    void namesAreNormalised() {
        assertEquals("stock with newline character", ExpectedOutput.normalise("Stock with \\n Newline Character"));
        assertEquals("stock with newline character", ExpectedOutput.normalise("Stock_with_\\n_Newline_Character"));
        assertEquals("inflow a[entry 1,column 2]", ExpectedOutput.normalise("\"Inflow A[Entry 1, Column 2]\""));
        assertEquals("inflow a[entry 1,column 2]", ExpectedOutput.normalise("inflow_a [entry_1 ,column_2]"));
        assertEquals("hares.births", ExpectedOutput.normalise("hares.births"));
    }

    @Test
    void readsEveryExpectedOutputOfTheSuite() throws Exception {
        Optional<Path> root = Suite.root();
        assumeTrue(root.isPresent(), Suite::missingMessage);
        Set<Path> outputs = new TreeSet<>();
        for (Suite.Case c : Suite.cases(root.get())) {
            c.expected().ifPresent(outputs::add);
        }
        assertTrue(outputs.size() > 50, "the suite has expected outputs: " + outputs.size());
        for (Path p : outputs) {
            ExpectedOutput o = ExpectedOutput.read(p);
            assertFalse(o.keys().isEmpty(), p + " has columns");
            double[] t = o.times();
            for (int i = 1; i < t.length; i++) {
                assertTrue(t[i] > t[i - 1], p + ": times increase at row " + i);
            }
        }
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThrows(IOException.class, () -> ExpectedOutput.parse("Year\tx\n0\t1\n", '\t', "o"));
        assertThrows(IOException.class, () -> ExpectedOutput.parse("Time\tx\n0\tabc\n", '\t', "o"));
        assertThrows(IOException.class, () -> ExpectedOutput.parse("Time\tx\n0\t\n", '\t', "o"));
        IOException e = assertThrows(IOException.class, () -> ExpectedOutput.parse("Time\tx\n0\t1\t2\n", '\t', "o"));
        assertTrue(e.getMessage().contains("3 fields"), e.getMessage());
    }
}
