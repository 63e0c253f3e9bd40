package org.clusterdynamics.scenario;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Shows the progress of long batches on a terminal (stderr): one line rewritten in place on a
 * console, or a line per tenth elsewhere (logs). Batches that end within {@code quietMillis} print
 * nothing, so short scripts stay quiet.
 */
public final class TerminalProgress implements Progress {
    private final PrintStream out;
    private final boolean interactive;
    private final long quietMillis;
    private final LongSupplier clock;
    private String label;
    private long started;
    private long lastPrint;
    private int lastTenth;
    private boolean printed;
    private boolean lineOpen;

    public TerminalProgress(PrintStream out, boolean interactive, long quietMillis, LongSupplier clockMillis) {
        this.out = out;
        this.interactive = interactive;
        this.quietMillis = quietMillis;
        this.clock = clockMillis;
    }

    /** Progress on stderr, in place when a console is attached, after one second of work. */
    public static TerminalProgress stderr() {
        return new TerminalProgress(System.err, System.console() != null, 1000, System::currentTimeMillis);
    }

    @Override
    public void update(String batch, int done, int total) {
        long now = clock.getAsLong();
        if (!batch.equals(label)) {
            label = batch;
            started = now;
            lastPrint = 0;
            lastTenth = 0;
            printed = false;
        }
        long elapsed = now - started;
        if (elapsed < quietMillis && done < total) {
            return;
        }
        if (elapsed < quietMillis && !printed) {
            return; // finished quickly: say nothing
        }
        int tenth = total == 0 ? 10 : (int) (10L * done / total);
        boolean due = interactive ? now - lastPrint >= 250 || done == total : tenth > lastTenth || !printed;
        if (!due) {
            return;
        }
        lastPrint = now;
        lastTenth = tenth;
        String line = line(batch, done, total, elapsed);
        if (interactive) {
            out.print("\r" + line + "   ");
            lineOpen = true;
            if (done == total) {
                out.println();
                lineOpen = false;
            }
        } else {
            out.println(line);
        }
        out.flush();
        printed = true;
    }

    @Override
    public void end(String batch) {
        if (lineOpen) {
            out.println();
            out.flush();
            lineOpen = false;
        }
        label = null;
        printed = false;
    }

    static String line(String batch, int done, int total, long elapsedMillis) {
        StringBuilder sb = new StringBuilder(batch).append(": ").append(done).append('/').append(total)
                .append(" runs (").append(total == 0 ? 100 : 100L * done / total).append("%), ")
                .append(seconds(elapsedMillis));
        if (done > 0 && done < total) {
            long left = elapsedMillis * (total - done) / done;
            sb.append(", about ").append(seconds(left)).append(" left");
        }
        return sb.toString();
    }

    private static String seconds(long millis) {
        long s = Math.round(millis / 1000.0);
        return s >= 120 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
