package io.docent.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeMarkdownTest {

    @Test
    void a_link_labelled_with_another_url_shows_its_target() {
        assertThat(SafeMarkdown.neutralise("Reset it at [https://intranet.example/reset](https://evil.example/x) [1]."))
                .isEqualTo("Reset it at [https://evil.example/x](https://evil.example/x) [1].");
        assertThat(SafeMarkdown.neutralise("See [intranet.example/reset](https://evil.example)."))
                .isEqualTo("See [https://evil.example](https://evil.example).");
        assertThat(SafeMarkdown.neutralise("[www.bank.example](http://phish.example)"))
                .isEqualTo("[http://phish.example](http://phish.example)");
    }

    @Test
    void honest_links_are_kept() {
        String text =
                "Open [the VPN guide](https://wiki.example/vpn) or [https://wiki.example/vpn/](https://WIKI.example/vpn)"
                        + " or [mail IT](mailto:it@example.com).";

        assertThat(SafeMarkdown.neutralise(text)).isEqualTo(text);
    }

    @Test
    void images_become_links_and_are_never_rendered() {
        assertThat(SafeMarkdown.neutralise("Logo: ![Company logo](https://tracker.example/p.png \"t\") done"))
                .isEqualTo("Logo: [image: Company logo](https://tracker.example/p.png) done");
        assertThat(SafeMarkdown.neutralise("![](https://tracker.example/p.png)"))
                .isEqualTo("[image](https://tracker.example/p.png)");
    }
}
