package io.docent.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final StringWriter written = new StringWriter();
    private final PrintWriter err = new PrintWriter(written);

    @Test
    void away_from_a_terminal_a_long_run_gets_a_plain_line_per_tenth() {
        var progress = new ProgressBar(err, "documents", false, 0);

        for (int done = 1; done <= 1_000; done++) {
            progress.update(done, 1_000);
        }
        progress.done();

        // one line as it starts, then one per tenth
        assertThat(written.toString())
                .doesNotContain("\r")
                .startsWith("progress: 1/")
                .contains(" documents (10%)" + System.lineSeparator())
                .endsWith(" documents (100%)" + System.lineSeparator());
        assertThat(linesIn(written.toString())).isEqualTo(11);
    }

    @Test
    void away_from_a_terminal_a_short_run_writes_nothing() {
        var progress = new ProgressBar(err, "questions", false, 0);

        for (int done = 1; done <= 40; done++) {
            progress.update(done, 40);
        }
        progress.done();

        assertThat(written.toString()).isEmpty();
    }

    @Test
    void on_a_terminal_the_bar_is_redrawn_in_place_and_its_line_ended() {
        var progress = new ProgressBar(err, "documents", true, 80);

        progress.update(3, 4);
        progress.update(4, 4);
        progress.done();

        String out = written.toString();
        assertThat(out).startsWith("\r").contains("4/4 documents").endsWith(System.lineSeparator());
        assertThat(linesIn(out)).isEqualTo(1);
    }

    @Test
    void one_bar_serves_several_runs() {
        var progress = new ProgressBar(err, "documents", true, 80);

        progress.update(2, 2);
        progress.done();
        progress.update(5, 5);
        progress.done();

        assertThat(written.toString()).contains("2/2 documents").contains("5/5 documents");
        assertThat(linesIn(written.toString())).isEqualTo(2);
    }

    /** Ended lines: a redraw ({@code \r}) is not a new line. */
    private static long linesIn(String s) {
        return s.split(System.lineSeparator(), -1).length - 1;
    }

    @Test
    void tests_do_not_run_on_a_terminal() {
        // surefire redirects the streams: what a CI log or a journal sees
        assertThat(ProgressBar.onTerminal()).isFalse();
    }
}
