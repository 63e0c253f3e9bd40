package org.clusterdynamics.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Iman-Conover reordering: each parameter keeps its draws, the named ones get the asked correlation. */
class CorrelatedSamplesTest {

    private static Samples lhs(int n) {
        Map<String, Distribution> d = new LinkedHashMap<>();
        d.put("A", Distribution.Normal.of(10, 2));
        d.put("B", new Distribution.Uniform(0, 1));
        d.put("C", Distribution.Normal.of(-5, 1));
        return Samples.latinHypercube(d, n, 42);
    }

    private static double[] column(Samples s, int j) {
        double[] x = new double[s.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = s.value(i, j);
        }
        return x;
    }

    private static double pearson(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void namedParametersGetTheTargetCorrelationAndKeepTheirValues() {
        Samples plain = lhs(400);
        Samples c = plain.correlated(List.of("A", "C"), new double[][] {{1, -0.6}, {-0.6, 1}}, 7);
        assertEquals(-0.6, pearson(column(c, 0), column(c, 2)), 0.05, "A and C correlated as asked");
        assertEquals(0, pearson(column(c, 0), column(c, 1)), 0.12, "B stays independent");
        for (int j = 0; j < 3; j++) {
            double[] before = column(plain, j);
            double[] after = column(c, j);
            Arrays.sort(before);
            Arrays.sort(after);
            assertArrayEquals(before, after, "parameter " + j + " keeps exactly its Latin-hypercube draws");
        }
        assertArrayEquals(column(plain, 1), column(c, 1), "an unnamed parameter is not reordered");
        Samples again = plain.correlated(List.of("A", "C"), new double[][] {{1, -0.6}, {-0.6, 1}}, 7);
        assertArrayEquals(column(c, 2), column(again, 2), "the same seed gives the same pairing");
    }

    @Test
    void badMatricesAreRefusedWithTheReason() {
        Samples s = lhs(50);
        String m1 = assertThrows(IllegalArgumentException.class,
                () -> s.correlated(List.of("A", "D"), new double[][] {{1, 0}, {0, 1}}, 1)).getMessage();
        assertTrue(m1.contains("'D' is not among the parameters drawn"), m1);
        String m2 = assertThrows(IllegalArgumentException.class,
                () -> s.correlated(List.of("A", "B"), new double[][] {{1, 0.5}, {0.4, 1}}, 1)).getMessage();
        assertTrue(m2.contains("symmetric"), m2);
        String m3 = assertThrows(IllegalArgumentException.class, () -> s.correlated(List.of("A", "B", "C"),
                new double[][] {{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}}, 1)).getMessage();
        assertTrue(m3.contains("not positive definite"), m3);
        String m4 = assertThrows(IllegalArgumentException.class,
                () -> s.correlated(List.of("A", "B"), new double[][] {{1, 1.5}, {1.5, 1}}, 1)).getMessage();
        assertTrue(m4.contains("between -1 and 1"), m4);
    }
}
