package io.docent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The web page's HTML of an answer's Markdown: commonmark's output, with the surfaces' link rules. */
class AnswerHtmlTest {

    @Test
    void lists_tables_bold_and_code_render_as_html() {
        String html = AnswerHtml.render(
                "Steps [1]:\n\n- **Open** the portal\n- run `vpn up`\n\n| Plan | Days |\n|---|---|\n| Full | 25 |\n");

        assertThat(html)
                .contains("<p>Steps [1]:</p>")
                .contains("<li><strong>Open</strong> the portal</li>")
                .contains("<code>vpn up</code>")
                .contains("<table>")
                .contains("<td>Full</td>");
    }

    @Test
    void markup_in_the_text_is_escaped_and_only_web_and_mail_addresses_are_links() {
        String html = AnswerHtml.render("<script>alert(1)</script> <img src=x onerror=alert(2)>\n\n"
                + "[click](javascript:alert(3)) [data](data:text/html,hi) [ok](https://wiki.example/a)"
                + " [mail](mailto:it@example.com)");

        assertThat(html)
                .doesNotContain("<script", "<img", "javascript:", "data:")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("click")
                .containsPattern("<a [^>]*href=\"https://wiki.example/a\"[^>]*>ok</a>")
                .containsPattern("<a [^>]*rel=\"noopener noreferrer\"[^>]*>ok</a>")
                .containsPattern("<a [^>]*href=\"mailto:it@example.com\"[^>]*>mail</a>");
    }

    @Test
    void a_misleading_label_shows_its_target_and_an_image_is_a_link_never_fetched() {
        String html = AnswerHtml.render(
                "[https://intranet.example/pay](https://evil.example/phish) ![logo](https://t.example/p.png)");

        assertThat(html)
                .contains(">https://evil.example/phish</a>")
                .doesNotContain("intranet.example", "<img")
                .containsPattern("<a [^>]*href=\"https://t.example/p.png\"[^>]*>image: logo</a>");
    }

    @Test
    void a_reference_line_cannot_turn_citation_markers_into_links() {
        String html = AnswerHtml.render("Use the portal [1].\n\n[1]: https://evil.example/");

        assertThat(html).contains("Use the portal [1].").doesNotContain("evil.example", "<a");
    }

    @Test
    void a_snippet_is_shown_as_its_text_without_markup() {
        assertThat(AnswerHtml.plainText("**Note**: request it in the [portal](https://it.example) `now`"))
                .isEqualTo("Note: request it in the portal now");
    }
}
