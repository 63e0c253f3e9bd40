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
    /** When the first run of the batch finished, and how many had then: the rate is measured from there. */
    private long firstAt = -1;
    private int firstDone;
    /** The last time-left estimate shown (millis) and when; negative when none yet. */
    private long estimate = -1;
    private long estimatedAt;

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
            firstAt = -1;
            estimate = -1;
        }
        if (firstAt < 0 && done > 0) {
            firstAt = now;
            firstDone = done;
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
        String line = line(batch, done, total, elapsed, timeLeft(now, done, total));
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

    /**
     * The time left, or -1 while it cannot be told. The first runs of a batch are slow (compiling,
     * warming up), so the rate is measured only from the first finished run on, once a few runs
     * and a second have passed since; each new estimate is averaged with the previous one (counted
     * down by the time since) so that the figure does not jump about.
     */
    private long timeLeft(long now, int done, int total) {
        if (firstAt < 0 || done >= total) {
            return -1;
        }
        int since = done - firstDone;
        long span = now - firstAt;
        if (since < Math.max(3, total / 50) || span < 1000) {
            return -1;
        }
        long raw = Math.round(span * (double) (total - done) / since);
        if (estimate >= 0) {
            raw = (Math.max(0, estimate - (now - estimatedAt)) + raw) / 2;
        }
        estimate = raw;
        estimatedAt = now;
        return raw;
    }

    /** "sweep: 50/100 runs (50%), 3 s, about 3 s left"; without the estimate when {@code leftMillis} is negative. */
    static String line(String batch, int done, int total, long elapsedMillis, long leftMillis) {
        StringBuilder sb = new StringBuilder(batch).append(": ").append(done).append('/').append(total)
                .append(" runs (").append(total == 0 ? 100 : 100L * done / total).append("%), ")
                .append(seconds(elapsedMillis));
        if (leftMillis >= 0 && done < total) {
            sb.append(", about ").append(seconds(leftMillis)).append(" left");
        }
        return sb.toString();
    }

    private static String seconds(long millis) {
        long s = Math.round(millis / 1000.0);
        return s >= 120 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
