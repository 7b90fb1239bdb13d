package io.docent.slack.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MrkdwnTest {

    @Test
    void turns_double_asterisk_bold_into_slack_bold() {
        assertThat(Mrkdwn.fromMarkdown("You get **25 days** and __more__.")).isEqualTo("You get *25 days* and *more*.");
    }

    @Test
    void turns_single_asterisk_italics_into_underscores() {
        assertThat(Mrkdwn.fromMarkdown("This is *important* and **bold**")).isEqualTo("This is _important_ and *bold*");
    }

    @Test
    void turns_markdown_links_into_slack_links() {
        assertThat(Mrkdwn.fromMarkdown("See [the policy](https://wiki/x?a=1&b=2)."))
                .isEqualTo("See <https://wiki/x?a=1&amp;b=2|the policy>.");
    }

    @Test
    void keeps_only_the_label_of_a_link_that_is_not_a_url() {
        assertThat(Mrkdwn.fromMarkdown("See [notes](docs/notes.md)")).isEqualTo("See notes");
    }

    @Test
    void turns_headings_into_bold_lines_and_bullets_into_dots() {
        assertThat(Mrkdwn.fromMarkdown("## How to **apply**\n- first\n* second"))
                .isEqualTo("*How to apply*\n• first\n• second");
    }

    @Test
    void escapes_ampersands_and_angle_brackets() {
        assertThat(Mrkdwn.fromMarkdown("R&D <team> uses a > b")).isEqualTo("R&amp;D &lt;team&gt; uses a &gt; b");
    }

    @Test
    void leaves_code_as_it_is_except_for_escaping() {
        assertThat(Mrkdwn.fromMarkdown("Run `a **b** <c>` now\n```\nx = **y** & z\n```"))
                .isEqualTo("Run `a **b** &lt;c&gt;` now\n```\nx = **y** &amp; z\n```");
    }

    @Test
    void turns_double_tildes_into_slack_strikethrough() {
        assertThat(Mrkdwn.fromMarkdown("~~old~~ new")).isEqualTo("~old~ new");
    }

    @Test
    void keeps_citation_markers() {
        assertThat(Mrkdwn.fromMarkdown("25 days [1][2].")).isEqualTo("25 days [1][2].");
    }

    @Test
    void a_link_whose_label_is_another_url_shows_its_target() {
        assertThat(Mrkdwn.fromMarkdown("Reset it at [https://intranet.example/reset](https://evil.example/x)."))
                .isEqualTo("Reset it at <https://evil.example/x>.");
        assertThat(Mrkdwn.fromMarkdown("[www.bank.example](http://phish.example)"))
                .isEqualTo("<http://phish.example>");
        assertThat(Mrkdwn.fromMarkdown("[HTTPS://Wiki.example/a/](https://wiki.example/a)"))
                .isEqualTo("<https://wiki.example/a|HTTPS://Wiki.example/a/>");
    }

    @Test
    void never_shows_an_image_only_a_link_to_it() {
        assertThat(Mrkdwn.fromMarkdown("Logo: ![Company logo](https://tracker.example/p.png \"t\") done"))
                .isEqualTo("Logo: <https://tracker.example/p.png|image: Company logo> done");
        assertThat(Mrkdwn.fromMarkdown("![](media/p.png)")).isEqualTo("image");
    }

    @Test
    void keeps_the_layout_of_blocks_numbers_and_quotes() {
        assertThat(Mrkdwn.fromMarkdown("Steps:\n\n1. open\n2. *click*\n\n> quoted & said\n\nEnd"))
                .isEqualTo("Steps:\n\n1. open\n2. _click_\n\n&gt; quoted &amp; said\n\nEnd");
        assertThat(Mrkdwn.fromMarkdown("- a\n  - b\n- c")).isEqualTo("• a\n  • b\n• c");
    }

    @Test
    void html_is_shown_as_text_and_a_label_cannot_close_a_slack_link() {
        assertThat(Mrkdwn.fromMarkdown("<script>x</script> and <b>bold</b>"))
                .isEqualTo("&lt;script&gt;x&lt;/script&gt; and &lt;b&gt;bold&lt;/b&gt;");
        assertThat(Mrkdwn.fromMarkdown("[a|b>c](https://x.example/?q=1|2)"))
                .isEqualTo("<https://x.example/?q=1%7C2|a¦b&gt;c>");
    }
}
