package org.clusterdynamics.sim;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.commons.csv.CSVFormat;
import org.clusterdynamics.files.AtomicFiles;

/**
 * Writes a run's results file while the run goes on: rows handed over from the simulator are
 * formatted and written on a second thread (for a wide model, formatting numbers takes about as
 * long as the run). The same bytes as {@link ResultsCsv#write(Results, Path)}, and as atomic: the
 * file appears only when {@link #finish} succeeds; after {@link #abort} nothing is written.
 */
public final class CsvRowStream implements Simulator.RowListener {
    /** A row's values, or the end of the rows (values null), or an abort (time NaN, values null). */
    private record Row(double time, double[] values) {}

    private static final Row END = new Row(0, null);
    private static final Row ABORT = new Row(Double.NaN, null);

    private final BlockingQueue<Row> queue = new ArrayBlockingQueue<>(64);
    private final Thread writer;
    private volatile IOException failure;
    private volatile boolean writerDone;

    private CsvRowStream(Path file, List<String> names) {
        CSVFormat format = ResultsCsv.formatFor(file);
        String delimiter = format.getDelimiterString();
        writer = new Thread(() -> {
            try {
                AtomicFiles.write(file, out -> {
                    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    ResultsCsv.header(w, format, names);
                    while (true) {
                        Row r = take();
                        if (r == END) {
                            break;
                        }
                        if (r == ABORT) {
                            throw new IOException("the run stopped; no results written");
                        }
                        w.append(ResultsCsv.line(r.time(), r.values(), 0, r.values().length, delimiter));
                    }
                    w.flush();
                });
            } catch (IOException e) {
                failure = e;
            } finally {
                writerDone = true;
                queue.clear(); // a waiting producer goes on (it finds the writer done)
            }
        }, "cdyn-results-writer");
        writer.setDaemon(true);
    }

    /** Starts writing {@code file} with the header of these variables (Time first). */
    public static CsvRowStream start(Path file, List<String> names) {
        CsvRowStream s = new CsvRowStream(file, names);
        s.writer.start();
        return s;
    }

    private Row take() throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing results", e);
        }
    }

    @Override
    public void row(double time, double[] values, int offset, int width) {
        put(new Row(time, java.util.Arrays.copyOfRange(values, offset, offset + width)));
    }

    private void put(Row r) {
        try {
            while (!writerDone && !queue.offer(r, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                // the writer is behind: wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the last row to be written and the file to take its place. */
    public void finish() throws IOException {
        put(END);
        join();
        if (failure != null) {
            throw failure;
        }
    }

    /** Stops writing and leaves no file (an existing one stays as it was). */
    public void abort() {
        put(ABORT);
        join();
    }

    private void join() {
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
