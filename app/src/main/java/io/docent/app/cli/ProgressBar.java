package io.docent.app.cli;

import java.io.PrintWriter;

/**
 * Progress on stderr: a bar redrawn in place on a terminal, plain lines (at most one per 10%, for long runs only) otherwise, so logs
 * of scheduled runs stay readable.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;
    /** Below this many items a log gets no progress lines at all: the summary says enough. */
    private static final int PLAIN_LINES_FROM = 500;

    private final PrintWriter err;
    private final String unit;
    private final boolean terminal;
    private int total = -1;
    private int lastDecile = -1;
    private boolean drawn;

    public ProgressBar(PrintWriter err, String unit) {
        this.err = err;
        this.unit = unit;
        this.terminal = System.console() != null;
    }

    /** Sets the expected total, if known. */
    public void total(int total) {
        this.total = total;
    }

    public synchronized void update(int done) {
        update(done, total);
    }

    public synchronized void update(int done, int total) {
        this.total = total;
        if (terminal) {
            if (total > 0) {
                int filled = (int) ((long) WIDTH * Math.min(done, total) / total);
                err.printf(
                        "\r[%s%s] %3d%% %,d/%,d %s",
                        "#".repeat(filled), " ".repeat(WIDTH - filled), 100L * done / total, done, total, unit);
            } else {
                err.printf("\r%,d %s", done, unit);
            }
            drawn = true;
            err.flush();
        } else if (total >= PLAIN_LINES_FROM) {
            int decile = (int) (10L * done / total);
            if (decile != lastDecile) {
                lastDecile = decile;
                err.printf("progress: %,d/%,d %s (%d%%)%n", done, total, unit, 100L * done / total);
                err.flush();
            }
        }
    }

    public synchronized void done() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}
