package io.docent.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.indexer.confluence.ConfluenceXmlReader;
import io.docent.indexer.export.ExportOptions;
import io.docent.indexer.files.FolderReader;
import io.docent.indexer.sharepoint.SharePointReader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every reader's builder takes and refuses the same settings in the same words. */
class ReaderSettingsTest {

    private static final Path ROOT = Path.of("export");

    @Test
    void a_relative_base_url_is_refused_by_every_reader() {
        String bad = "wiki.example.com/display";

        assertThatThrownBy(() -> FolderReader.builder(ROOT).baseUrl(bad).build())
                .hasMessage("baseUrl must be an absolute URL such as https://wiki.example.com/, was " + bad);
        assertThatThrownBy(() -> ConfluenceXmlReader.builder(ROOT).baseUrl(bad).build())
                .hasMessage("baseUrl must be an absolute URL such as https://wiki.example.com/, was " + bad);
        assertThatThrownBy(() -> SharePointReader.builder(ROOT).baseUrl(bad).build())
                .hasMessage("baseUrl must be an absolute URL such as https://wiki.example.com/, was " + bad);
        assertThatThrownBy(() -> ExportOptions.builder().baseUrl(bad).build())
                .hasMessage("baseUrl must be an absolute URL such as https://wiki.example.com/, was " + bad);
    }

    @Test
    void a_blank_base_url_means_none_and_a_given_one_is_stripped() {
        assertThat(ReaderSettings.baseUrl("  ")).isNull();
        assertThat(ReaderSettings.baseUrl(null)).isNull();
        assertThat(ReaderSettings.baseUrl(" https://wiki.example.com/ ")).isEqualTo("https://wiki.example.com/");
        FolderReader.builder(ROOT).baseUrl(" ").build();
    }

    @Test
    void sizes_below_one_byte_are_refused_by_every_reader() {
        assertThatThrownBy(() -> FolderReader.builder(ROOT).maxFileBytes(0))
                .hasMessage("maxFileBytes must be >= 1, was 0");
        assertThatThrownBy(() -> ConfluenceXmlReader.builder(ROOT).maxFileBytes(-1))
                .hasMessage("maxFileBytes must be >= 1, was -1");
        assertThatThrownBy(() -> SharePointReader.builder(ROOT).maxFileBytes(0))
                .hasMessage("maxFileBytes must be >= 1, was 0");
        assertThatThrownBy(() -> ExportOptions.builder().maxZipBytes(0)).hasMessage("maxZipBytes must be >= 1, was 0");
    }

    @Test
    void a_parse_timeout_must_be_positive_for_every_reader() {
        assertThatThrownBy(() -> FolderReader.builder(ROOT).parseTimeout(Duration.ZERO))
                .hasMessage("parseTimeout must be positive, was PT0S");
        assertThatThrownBy(() -> ConfluenceXmlReader.builder(ROOT).parseTimeout(Duration.ofSeconds(-1)))
                .hasMessage("parseTimeout must be positive, was PT-1S");
        assertThatThrownBy(() -> SharePointReader.builder(ROOT).parseTimeout(null))
                .hasMessage("parseTimeout must be positive, was null");
        assertThatThrownBy(() -> ExportOptions.builder().parseTimeout(Duration.ZERO))
                .hasMessage("parseTimeout must be positive, was PT0S");
    }
}
