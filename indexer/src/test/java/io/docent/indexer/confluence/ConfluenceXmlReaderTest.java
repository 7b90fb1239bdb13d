package io.docent.indexer.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.SourceDocument;
import io.docent.indexer.testing.CollectingSink;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The fixture export in {@code src/test/resources/exports/confluence-xml}, modelled on a real Confluence export. */
class ConfluenceXmlReaderTest {

    private static Path fixture() {
        try {
            return Paths.get(ConfluenceXmlReaderTest.class
                    .getResource("/exports/confluence-xml")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CollectingSink read() {
        return CollectingSink.read(ConfluenceXmlReader.builder(fixture())
                .baseUrl("https://wiki.example.com/")
                .build());
    }

    @Test
    void reads_current_pages_and_blog_posts_only() {
        CollectingSink sink = read();

        assertThat(sink.byId()).containsOnlyKeys("1001", "1002", "1007", "1008", "1009");
        assertThat(sink.failures).isEmpty();
        assertThat(sink.expected).isEqualTo(5);
        assertThat(sink.documents)
                .extracting(SourceDocument::content)
                .noneMatch(c -> c.contains("OUTDATED") || c.contains("DRAFT") || c.contains("TRASHED"));
    }

    @Test
    void a_page_carries_its_space_breadcrumb_authors_date_labels_and_url() {
        SourceDocument doc = read().get("1002");

        assertThat(doc.title()).isEqualTo("Deploying to Production");
        assertThat(doc.space()).isEqualTo("ENG");
        assertThat(doc.breadcrumb()).containsExactly("Engineering Home");
        assertThat(doc.url()).isEqualTo("https://wiki.example.com/pages/viewpage.action?pageId=1002");
        assertThat(doc.lastModified()).isEqualTo(Instant.parse("2026-03-04T16:20:05.123Z"));
        assertThat(doc.metadata())
                .containsEntry("author", "Ana Lima")
                .containsEntry("lastModifiedBy", "Raj Patel")
                .containsEntry("labels", "deployment") // the personal label is left out
                .containsEntry("spaceName", "Engineering")
                .containsEntry("type", "page")
                .containsEntry("path", "entities.xml#1002");
    }

    @Test
    void storage_format_macros_become_text() {
        String content = read().get("1002").content();

        assertThat(content)
                .contains("Services are deployed with Argo CD. Ask @Ana Lima before a release; see the home page.")
                .contains("| Environment | Cluster |\n| --- | --- |\n| Staging | staging-euw2 |")
                .contains("| Production | prod-euw2 [LIVE] |")
                .contains("1. Merge your pull request.")
                .contains("```bash\ngxctl deploy billing-api --env production\n"
                        + "if [[ $x ]] ; then echo \"a < b && c\"; fi\n```")
                .contains("Warning: Careful")
                .contains("Never deploy with `kubectl apply`.")
                .contains("Info: Deploys are logged in #deploys.")
                .contains("Tip: Use the dry-run flag first.")
                .contains("Rollback steps")
                .contains("Run `gxctl rollback` and tell @Raj Patel.")
                .contains("How services reach production.")
                .contains("Note: Freeze starts on 15 December.")
                .doesNotContain("maxLevel", "OPS-1", "rollout.png", "smile", "ac:", "ri:");
        assertThat(content.indexOf("Freeze starts")).isEqualTo(content.lastIndexOf("Freeze starts"));
    }

    @Test
    void space_view_permissions_become_access_groups() {
        SourceDocument home = read().get("1001");

        assertThat(home.accessGroups()).containsExactlyInAnyOrder("engineering", "confluence-administrators");
    }

    @Test
    void a_view_restriction_narrows_the_page_and_its_children() {
        CollectingSink sink = read();

        // a user is named by user name and, where the export has it, by email: the key other platforms know
        assertThat(sink.get("1008").accessGroups())
                .containsExactlyInAnyOrder("hr", "user:ana", "user:ana.lima@example.com");
        assertThat(sink.get("1009").accessGroups())
                .containsExactlyInAnyOrder("hr", "user:ana", "user:ana.lima@example.com");
        assertThat(sink.get("1009").breadcrumb()).containsExactly("Engineering Home", "Salaries");
        // an edit restriction does not limit who may read
        assertThat(sink.get("1002").accessGroups())
                .containsExactlyInAnyOrder("engineering", "confluence-administrators");
    }

    @Test
    void a_blog_post_is_a_document_of_its_own() {
        SourceDocument post = read().get("1007");

        assertThat(post.title()).isEqualTo("Release 4.2 is out");
        assertThat(post.breadcrumb()).containsExactly("Blog");
        assertThat(post.metadata()).containsEntry("type", "blogpost").containsEntry("author", "Raj Patel");
        assertThat(post.content()).isEqualTo("Release 4.2 brings faster search.");
    }

    @Test
    void without_a_base_url_the_url_points_into_the_export() {
        SourceDocument doc =
                CollectingSink.read(ConfluenceXmlReader.of(fixture())).get("1001");

        assertThat(doc.url()).startsWith("file:").endsWith("/confluence-xml/entities.xml#pageId=1001");
    }

    @Test
    void the_same_export_reads_the_same_twice() {
        assertThat(read().documents)
                .extracting(SourceDocument::contentHash)
                .containsExactlyElementsOf(read().documents.stream()
                        .map(SourceDocument::contentHash)
                        .toList());
    }
}
