package io.docent.indexer.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.indexer.html.HtmlToMarkdown;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ConfluenceHtmlPageTest {

    private static Document fixture(String path) throws IOException {
        try (InputStream in = ConfluenceHtmlPageTest.class.getResourceAsStream("/exports/" + path)) {
            return Jsoup.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void reads_title_space_breadcrumb_authors_date_and_page_id_of_an_export_page() throws IOException {
        Document doc = fixture("confluence-html/Deploying-to-Production_1002.html");

        ConfluenceHtmlPage page = ConfluenceHtmlPage.parse(doc, "Deploying-to-Production_1002.html")
                .orElseThrow();

        assertThat(page.title()).isEqualTo("Deploying to Production");
        assertThat(page.space()).isEqualTo("Globex Handbook");
        assertThat(page.breadcrumb()).containsExactly("Engineering");
        assertThat(page.author()).isEqualTo("Ana Lima");
        assertThat(page.lastModifiedBy()).isEqualTo("Raj Patel");
        assertThat(page.lastModified()).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
        assertThat(page.pageId()).isEqualTo("1002");
    }

    @Test
    void a_page_never_modified_takes_its_creation_date() throws IOException {
        ConfluenceHtmlPage page = ConfluenceHtmlPage.parse(
                        fixture("confluence-html/Office-Wi-Fi_1003.html"), "Office-Wi-Fi_1003.html")
                .orElseThrow();

        assertThat(page.lastModified()).isEqualTo(Instant.parse("2023-01-16T00:00:00Z"));
        assertThat(page.lastModifiedBy()).isEmpty();
        assertThat(page.breadcrumb()).isEmpty();
    }

    @Test
    void the_body_leaves_out_the_metadata_toc_attachments_and_footer() throws IOException {
        ConfluenceHtmlPage page = ConfluenceHtmlPage.parse(
                        fixture("confluence-html/Deploying-to-Production_1002.html"), "x.html")
                .orElseThrow();

        String text = HtmlToMarkdown.convert(page.body());

        assertThat(text)
                .startsWith("Services are deployed with Argo CD.")
                .contains("## Environments\n\n| Environment | Cluster | Deployed |\n| --- | --- | --- |\n"
                        + "| Staging | staging-euw2 | Automatically on every merge |\n"
                        + "| Production | prod-euw2 | Manual promotion \\| after staging |")
                .contains("- Production deploys are allowed Monday to Thursday, 09:00 to 16:00.")
                .contains("1. Merge your pull request.\n2. Check the change on staging.\n3. Promote it with `gxctl`:")
                .contains(
                        "```bash\ngxctl deploy billing-api --env production --version sha-4f2c9e1\n\n# then watch it\n")
                .contains("Warning: Never deploy with `kubectl apply`.")
                .doesNotContain("Created by", "Attachments", "rollout.png", "Document generated", "rbtoc", "CDATA");
    }

    @Test
    void the_space_index_is_recognised_as_navigation_not_a_page() throws IOException {
        Document index = fixture("confluence-html/index.html");

        assertThat(ConfluenceHtmlPage.isExport(index)).isTrue();
        assertThat(ConfluenceHtmlPage.isSpaceIndex(index)).isTrue();
        assertThat(ConfluenceHtmlPage.parse(index, "index.html")).isEmpty();
    }

    @Test
    void a_single_page_export_named_index_html_is_a_page() throws IOException {
        Document doc = fixture("confluence-single-page/index.html");

        ConfluenceHtmlPage page = ConfluenceHtmlPage.parse(doc, "index.html").orElseThrow();

        assertThat(ConfluenceHtmlPage.isSpaceIndex(doc)).isFalse();
        assertThat(page.title()).isEqualTo("Release Checklist");
        assertThat(page.space()).isEqualTo("Team Notes");
        assertThat(page.breadcrumb()).isEmpty();
        assertThat(page.lastModified()).isEqualTo(Instant.parse("2018-01-11T00:00:00Z"));
        assertThat(page.pageId()).isEmpty();
    }

    @Test
    void ordinary_html_is_not_a_confluence_page() {
        Document doc = Jsoup.parse("<html><head><title>A : B</title></head><body><p>Hi</p></body></html>");

        assertThat(ConfluenceHtmlPage.isExport(doc)).isFalse();
        assertThat(ConfluenceHtmlPage.parse(doc, "a.html")).isEmpty();
    }

    @Test
    void a_title_without_a_space_prefix_is_taken_whole() {
        Document doc = Jsoup.parse("<html><body><span id='title-text'>Plain Title</span>"
                + "<div id='main-content' class='wiki-content'><p>x</p></div></body></html>");

        ConfluenceHtmlPage page = ConfluenceHtmlPage.parse(doc, "Plain_7.html").orElseThrow();

        assertThat(page.title()).isEqualTo("Plain Title");
        assertThat(page.space()).isEmpty();
        assertThat(page.lastModified()).isNull();
        assertThat(page.pageId()).isEqualTo("7");
    }
}
