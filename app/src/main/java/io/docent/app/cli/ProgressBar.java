package io.docent.app.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.function.Consumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr: on a terminal, a bar redrawn in place, drawn by the progressbar library (me.tongfei); otherwise
 * plain lines, at most one per 10% and for long runs only, so logs of scheduled runs stay readable.
 *
 * <p>The plain lines are written here because the library has no such mode: away from a terminal it still redraws
 * its line with a carriage return every second, which a CI log or a journal keeps as one line per redraw. The bar is
 * drawn on the writer the command was given (picocli's {@code err}), not on {@code System.err}, so that output stays
 * where the caller sends it. One {@code ProgressBar} may be used for several runs: {@link #done()} ends one, the
 * next {@link #update} starts another.
 */
public final class ProgressBar {

    /** Below this many items a log gets no progress lines at all: the summary says enough. */
    private static final int PLAIN_LINES_FROM = 500;

    private final PrintWriter err;
    private final String unit;
    private final boolean terminal;
    private final int width;
    private int total = -1;
    private int lastDecile = -1;
    private me.tongfei.progressbar.ProgressBar bar;

    public ProgressBar(PrintWriter err, String unit) {
        this(err, unit, onTerminal(), 0);
    }

    /**
     * @param terminal whether {@code err} is a terminal, where a bar is redrawn in place
     * @param width the bar's line length in characters, or 0 to ask the terminal
     */
    ProgressBar(PrintWriter err, String unit, boolean terminal, int width) {
        this.err = err;
        this.unit = unit;
        this.terminal = terminal;
        this.width = width;
    }

    /** Sets the expected total, if known. */
    public synchronized void total(int total) {
        this.total = total;
    }

    public synchronized void update(int done) {
        update(done, total);
    }

    public synchronized void update(int done, int total) {
        this.total = total;
        if (terminal) {
            if (bar == null) {
                bar = newBar();
            }
            bar.maxHint(total > 0 ? total : -1);
            bar.stepTo(done);
        } else if (total >= PLAIN_LINES_FROM) {
            int decile = (int) (10L * done / total);
            if (decile != lastDecile) {
                lastDecile = decile;
                err.printf("progress: %,d/%,d %s (%d%%)%n", done, total, unit, 100L * done / total);
                err.flush();
            }
        }
    }

    /** Ends this run's progress: the bar is drawn a last time and the line ended. */
    public synchronized void done() {
        if (bar != null) {
            bar.close();
            bar = null;
            err.println();
            err.flush();
        }
        lastDecile = -1;
    }

    /**
     * Whether the command runs on a terminal. Since Java 22 {@code System.console()} is not null when the streams are
     * redirected too, and {@code Console.isTerminal()} (Java 22, looked up so that Java 21 runs this) tells.
     */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: there is a console only on a terminal
        }
    }

    private me.tongfei.progressbar.ProgressBar newBar() {
        Consumer<String> redraw = line -> {
            synchronized (err) {
                err.print('\r');
                err.print(line);
                err.flush();
            }
        };
        ProgressBarConsumer consumer = width > 0
                ? new DelegatingProgressBarConsumer(redraw, width)
                : new DelegatingProgressBarConsumer(redraw);
        return new ProgressBarBuilder()
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" " + unit, 1)
                .setConsumer(consumer)
                .build();
    }
}
