package org.clusterdynamics.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Written numbers read back as the same doubles, and are as short as Java 19's Double.toString. */
class ResultsCsvTest {

    @Test
    void numbersReadBackBitIdentical() throws IOException {
        Random random = new Random(18);
        int rows = 200;
        double[] times = new double[rows];
        List<String> names = new ArrayList<>();
        double[][] cols = new double[40][rows];
        for (int j = 0; j < cols.length; j++) {
            names.add("v" + j);
        }
        for (int i = 0; i < rows; i++) {
            times[i] = i * 0.125;
            for (int j = 0; j < cols.length; j++) {
                // every bit pattern family: huge and tiny exponents, whole numbers, plain decimals
                cols[j][i] = switch (j % 4) {
                    case 0 -> Double.longBitsToDouble(random.nextLong());
                    case 1 -> Math.round(random.nextGaussian() * 1e6);
                    case 2 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
                    default -> random.nextDouble();
                };
            }
        }
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            Double.MAX_VALUE, -0.0, 1e15, 1e-3, 1e7, 2.1684043449710089E-19, 0.1 + 0.2};
        System.arraycopy(special, 0, cols[0], 0, special.length);
        Results r = new Results(times, names, cols, null);
        StringWriter out = new StringWriter();
        ResultsCsv.write(r, out, CSVFormat.DEFAULT);
        Results back = ResultsCsv.read(new StringReader(out.toString()), CSVFormat.DEFAULT, "test");
        for (int j = 0; j < cols.length; j++) {
            double[] got = back.column("v" + j);
            for (int i = 0; i < rows; i++) {
                double want = cols[j][i] == 0 ? 0 : cols[j][i]; // -0 is written as 0
                assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got[i]), "v" + j + " row " + i);
            }
        }
        // Java 17's Double.toString wrote 2.1684043449710089E-19: a digit more than needed
        assertEquals("1.125,2.168404344971009E-19,", out.toString().split("\n")[10].substring(0, 28));
    }

    /** Rows streamed during a run give the bytes of the whole-results writer; an abort leaves no file. */
    @Test
    void streamedRowsWriteTheSameFile(@TempDir Path dir) throws IOException {
        List<String> names = List.of("a", "b[x,y]", "c \"quoted\"");
        double[] times = {0, 0.5, 1};
        double[][] cols = {{1, 2.5, -3e-9}, {Double.MIN_VALUE, 4, 5}, {0.1 + 0.2, 1e300, 7}};
        Path whole = dir.resolve("whole.csv");
        ResultsCsv.write(new Results(times, names, cols, null), whole);
        Path streamed = dir.resolve("streamed.csv");
        CsvRowStream stream = CsvRowStream.start(streamed, names);
        double[] rowMajor = new double[times.length * names.size()];
        for (int r = 0; r < times.length; r++) {
            for (int j = 0; j < names.size(); j++) {
                rowMajor[r * names.size() + j] = cols[j][r];
            }
            stream.row(times[r], rowMajor, r * names.size(), names.size());
        }
        stream.finish();
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(streamed));

        Path aborted = dir.resolve("aborted.csv");
        CsvRowStream stopped = CsvRowStream.start(aborted, names);
        stopped.row(0, rowMajor, 0, names.size());
        stopped.abort();
        assertFalse(Files.exists(aborted));
        try (var left = Files.list(dir)) {
            assertEquals(2, left.count()); // no temporary file left behind
        }
    }
}
