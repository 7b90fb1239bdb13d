package io.docent.indexer.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docent.indexer.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The storage-format bodies of the xwiki-contrib Confluence parser's tests ({@code
 * shared/data/exports/confluence/storage-format/*.test}), converted: each keeps its text and leaves no Confluence
 * markup behind. Skipped, with a message, where that data is not present.
 */
class SharedStorageFormatSamplesTest {

    private static final UnaryOperator<String> NO_USERS = key -> "";

    /** The {@code .input|confluence+xhtml/1.0} part of a {@code .test} file. */
    private static String input(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> body = new ArrayList<>();
        boolean inInput = false;
        boolean started = false;
        for (String line : lines) {
            if (line.startsWith(".input|confluence+xhtml")) {
                inInput = true;
            } else if (inInput && line.startsWith(".") && started) {
                break;
            } else if (inInput && !line.startsWith(".")) {
                started = true;
                body.add(line);
            }
        }
        return String.join("\n", body);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "code_code2.test|code content",
                "macro_macro1.test|\"rich text here\"",
                "macro_macro1.test|code block text",
                "macro_macropanel.test|Note: This is a note (woaw) 😯",
                "macro_macropanel.test|Note: hello",
                "link_link1.test|label",
                "link_link1.test|file.png",
                "lists_lists.test|2. world",
                "lists_lists.test|1. Numbered list entry 1",
                "table_table1.test|th line 1",
                "misc_misc1.test|b",
                "image_image1.test|''",
            })
    void each_real_storage_format_sample_keeps_its_text(String sample, String expected) throws IOException {
        Optional<Path> file = SharedData.find("exports/confluence/storage-format/" + sample);
        assumeTrue(file.isPresent(), "shared/data/exports/confluence/storage-format is not present; skipped");

        String text = StorageFormat.toMarkdown(input(file.get()), NO_USERS);

        assertThat(text).contains(expected).doesNotContain("ac:", "ri:", "CDATA", "<");
    }
}
