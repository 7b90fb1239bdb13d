package io.docent.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.indexer.export.ExportOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code docent index}'s options, parsed as picocli parses them, without opening an index. */
class IndexCommandTest {

    private static IndexCommand parse(String... args) {
        IndexCommand command = new IndexCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void public_declares_the_source_public() {
        ExportOptions options =
                parse("--public", "--source", "handbook", "docs").exportOptions();

        assertThat(options.publicSource()).isTrue();
    }

    @Test
    void without_public_a_source_is_not_declared_public() {
        ExportOptions options = parse("--source", "wiki", "--base-url", "https://wiki.example.com/", "export.zip")
                .exportOptions();

        assertThat(options.publicSource()).isFalse();
        assertThat(options.baseUrl()).isEqualTo("https://wiki.example.com/");
    }

    @Test
    void the_help_says_what_public_does_and_what_happens_without_it() {
        StringWriter help = new StringWriter();
        new CommandLine(new IndexCommand()).usage(new PrintWriter(help), CommandLine.Help.Ansi.OFF);

        assertThat(help.toString().replaceAll("\\s+", " "))
                .contains("--public")
                .contains("restricted page stays restricted")
                .contains("for administrators only");
    }
}
