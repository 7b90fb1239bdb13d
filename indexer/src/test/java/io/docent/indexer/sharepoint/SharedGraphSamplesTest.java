package io.docent.indexer.sharepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.indexer.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Microsoft Graph documentation samples in {@code shared/data/exports/sharepoint/graph}. Skipped, with a
 * message, where that data is not present.
 */
class SharedGraphSamplesTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    private static JsonNode sample(String name) throws IOException {
        Optional<Path> found = SharedData.find("exports/sharepoint/graph/" + name);
        assumeTrue(found.isPresent(), "shared/data/exports/sharepoint/graph/" + name + " is not present; skipped");
        return new ObjectMapper().readTree(found.get().toFile());
    }

    @Test
    void the_documented_site_page_with_canvas_layout_is_read_and_seen_to_be_a_draft() throws IOException {
        SitePage page =
                SitePage.of(sample("sitePage_get_expand_canvasLayout__graph-docs_sitepage-get_example3.json"), NOW);

        assertThat(page.title()).isEqualTo("autotest Electronic Convertible");
        assertThat(page.html()).contains("<h1>sample content</h1>");
        assertThat(page.html().split("sample content", -1)).hasSize(4); // three columns, one text web part each
        assertThat(page.lastModified()).isEqualTo(Instant.parse("2023-04-16T10:01:41Z"));
        assertThat(page.createdBy()).isEqualTo("Rahul Mittal");
        assertThat(page.everPublished()).isFalse(); // publishingState 0.4
    }

    @Test
    void the_documented_site_page_without_layout_is_a_published_page_with_no_text() throws IOException {
        SitePage page = SitePage.of(sample("sitePage_get__graph-docs_sitepage-get_example1.json"), NOW);

        assertThat(page.title()).isEqualTo("Organization Home");
        assertThat(page.html()).isEmpty();
        assertThat(page.description()).isEqualTo("Here's the page description");
        assertThat(page.everPublished()).isTrue(); // 1.0
    }

    @Test
    void the_documented_drive_item_listing_gives_names() throws IOException {
        JsonNode value = sample("driveItem_list_children__graph-docs_driveitem-list-children.json")
                .path("value");

        DriveItem sheet = DriveItem.of(value.get(3), NOW);

        assertThat(sheet.name()).isEqualTo("my sheet(1).xlsx");
        // the listing carries no permissions: nothing is granted, and nothing claims otherwise
        assertThat(sheet.access().groups()).isEmpty();
        assertThat(sheet.access().declared()).isFalse();
    }
}
