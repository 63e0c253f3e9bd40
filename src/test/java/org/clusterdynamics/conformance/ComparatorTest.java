package org.clusterdynamics.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.clusterdynamics.sim.Results;
import org.junit.jupiter.api.Test;

class ComparatorTest {

    private static Results results(double[] times, List<String> names, double[]... cols) {
        return new Results(times, names, cols, null);
    }

    private static ExpectedOutput expected(String text) throws IOException {
        return ExpectedOutput.parse(text, '\t', "output.tab");
    }

    @Test
    void toleranceIsAbsolutePlusRelativeToActual() {
        assertTrue(Comparator.close(0, 1e-5));
        assertFalse(Comparator.close(0, 1.1e-5));
        assertTrue(Comparator.close(1e6 + 10, 1e6), "10 is within 1e-5 + 1e-5 * 1e6");
        assertFalse(Comparator.close(1e6 + 11, 1e6));
        assertTrue(Comparator.close(Double.NaN, Double.NaN));
        assertFalse(Comparator.close(Double.NaN, 0));
        assertTrue(Comparator.close(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertFalse(Comparator.close(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    @Test
    void matchesByNormalisedNameAndIgnoresExtraColumns() throws IOException {
        ExpectedOutput e = expected("Time\tStock A\n0\t1\n1\t2.000001\n");
        Results r = results(new double[] {0, 1}, List.of("stock_a", "other"), new double[] {1, 2}, new double[] {9, 9});
        assertEquals(Optional.empty(), Comparator.compare(e, r));
    }

    @Test
    void reportsTheFirstFailingCellWithBothValues() throws IOException {
        ExpectedOutput e = expected("Time\ta\tb\n0\t1\t1\n1\t2\t5\n2\t3\t7\n");
        Results r = results(new double[] {0, 1, 2}, List.of("a", "b"), new double[] {1, 2, 4}, new double[] {1, 6, 7});
        String msg = Comparator.compare(e, r).orElseThrow();
        assertTrue(msg.contains("'b', row 1 (time 1.0): expected 5.0, got 6.0"), msg);
    }

    @Test
    void reportsMissingColumnsAndRowCounts() throws IOException {
        ExpectedOutput e = expected("Time\ta\tb\n0\t1\t1\n1\t2\t2\n");
        String missing = Comparator.compare(e, results(new double[] {0, 1}, List.of("a"), new double[] {1, 2}))
                .orElseThrow();
        assertTrue(missing.contains("not produced: b"), missing);
        String rows = Comparator.compare(e, results(new double[] {0}, List.of("a", "b"), new double[] {1},
                new double[] {1})).orElseThrow();
        assertTrue(rows.contains("expected 2 saved rows from time 0.0, got 1"), rows);
    }

    @Test
    void rowsAlignByPositionButTimesMustAgree() throws IOException {
        ExpectedOutput e = expected("Time\ta\n0\t1\n99.8438\t2\n");
        assertEquals(Optional.empty(), Comparator.compare(e,
                results(new double[] {0, 99.84375}, List.of("a"), new double[] {1, 2})));
        String msg = Comparator.compare(e, results(new double[] {0, 98}, List.of("a"), new double[] {1, 2}))
                .orElseThrow();
        assertTrue(msg.contains("expected time 99.8438, got 98.0"), msg);
    }

    @Test
    void aFileWithFewerRowsIsAWindowOfConsecutiveSavedRows() throws IOException {
        ExpectedOutput e = expected("Time\ta\n1\t2\n2\t3\n");
        double[] times = {0, 1, 2, 3};
        assertEquals(Optional.empty(), Comparator.compare(e, results(times, List.of("a"), new double[] {1, 2, 3, 4})));
        String wrong = Comparator.compare(e, results(times, List.of("a"), new double[] {2, 3, 4, 5})).orElseThrow();
        assertTrue(wrong.contains("row 0 (time 1.0): expected 2.0, got 3.0"), wrong);
        String gap = Comparator.compare(expected("Time\ta\n1\t2\n3\t4\n"),
                results(times, List.of("a"), new double[] {1, 2, 3, 4})).orElseThrow();
        assertTrue(gap.contains("row 1: expected time 3.0, got 2.0"), "rows in between are not skipped: " + gap);
        String none = Comparator.compare(expected("Time\ta\n7\t2\n"), results(times, List.of("a"),
                new double[] {1, 2, 3, 4})).orElseThrow();
        assertTrue(none.contains("from time 7.0"), none);
    }
}
