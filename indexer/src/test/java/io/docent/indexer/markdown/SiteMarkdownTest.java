package io.docent.indexer.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteMarkdownTest {

    @Test
    void front_matter_gives_title_and_description_and_is_not_content() {
        var page = SiteMarkdown.read("""
                ---
                title: "Travel and subsistence"
                description: Booking travel, mileage rates and hotels.
                permalink: /money/travel/
                tags: [money, travel]
                ---

                Book rail travel through the travel portal.
                """);

        assertThat(page.title()).isEqualTo("Travel and subsistence");
        assertThat(page.description()).isEqualTo("Booking travel, mileage rates and hotels.");
        assertThat(page.text()).isEqualTo("Book rail travel through the travel portal.");
        assertThat(page.warnings()).isEmpty();
    }

    @Test
    void hugo_toml_front_matter_is_read_too() {
        var page = SiteMarkdown.read("+++\ntitle = \"On-call\"\ndraft = false\n+++\nThe rota changes on Mondays.\n");

        assertThat(page.title()).isEqualTo("On-call");
        assertThat(page.text()).isEqualTo("The rota changes on Mondays.");
    }

    @Test
    void malformed_front_matter_leaves_the_page_as_plain_text_with_a_warning() {
        String text = "---\ntitle: [unclosed\n  - : :\n---\nThe office opens at 8.\n";
        var page = SiteMarkdown.read(text);

        assertThat(page.title()).isNull();
        assertThat(page.text()).isEqualTo(text);
        assertThat(page.warnings()).singleElement().asString().contains("not valid YAML");

        var unclosed = SiteMarkdown.read("---\ntitle: Leave\nThe office opens at 8.\n");
        assertThat(unclosed.warnings()).singleElement().asString().contains("not closed");
        assertThat(unclosed.text()).contains("The office opens at 8.");
    }

    @Test
    void liquid_tags_are_reduced_to_what_the_built_page_shows() {
        var page = SiteMarkdown.read("""
                ---
                title: Welcome
                ---
                # {{ page.title }} to {{ site.title }}

                {% include toc.html %}
                See [travel]({% page "/money/travel" %}) and {% page "/people/booking-a-trip" %}.
                Ask in {% slack_channel "it-help" %} or read {% link people/sickness.md %}.
                {% comment %} The old paper process was removed in 2024 {% endcomment %}
                {% if site.show_flexi %}Flexitime is recorded in MyHR.{% endif %}
                {% raw %}{{ flexi_calculator }}{% endraw %}
                """);

        assertThat(page.text())
                .startsWith("# Welcome to")
                .contains("[travel](travel)")
                .contains("booking a trip")
                .contains("Ask in #it-help or read people/sickness.md.")
                .contains("Flexitime is recorded in MyHR.")
                .doesNotContain("{%")
                .doesNotContain("{{")
                .doesNotContain("paper process")
                .doesNotContain("flexi_calculator")
                .doesNotContain("toc.html");
    }

    @Test
    void hugo_shortcodes_mdx_components_and_admonitions_keep_only_their_text() {
        var page = SiteMarkdown.read("""
                import Callout from '@site/src/components/Callout';

                {{< note >}}
                Part-time staff get leave pro rata in hours.
                {{< /note >}}
                {{% notice info %}}Hotels are booked by Business Support.{{% /notice %}}
                See {{< ref "/people/leave" >}}.

                <Callout type="info">
                The learning budget is **£750** per person.
                </Callout>

                !!! warning "Self-certification"
                    For absences of up to 7 calendar days you fill in a form.
                    From the 8th calendar day you need a fit note.

                After the admonition.
                """);

        assertThat(page.text())
                .contains("Part-time staff get leave pro rata in hours.")
                .contains("Hotels are booked by Business Support.")
                .contains("See /people/leave.")
                .contains("The learning budget is **£750** per person.")
                .contains("**Self-certification:**\nFor absences of up to 7 calendar days you fill in a form.\n"
                        + "From the 8th calendar day you need a fit note.")
                .contains("After the admonition.")
                .doesNotContain("import Callout")
                .doesNotContain("<Callout")
                .doesNotContain("{{<")
                .doesNotContain("{{%")
                .doesNotContain("!!!");
    }

    @Test
    void html_tables_and_inline_tags_become_markdown() {
        var page = SiteMarkdown.read("""
                Mileage rates:

                <table class="rates">
                <tr><th class="col-key">Vehicle</th><th>Rate per mile</th></tr>
                <tr><td class="col-key">Car or van</td><td>45p</td></tr>
                <tr><td class="col-key">Bicycle</td><td>20p</td></tr>
                </table>

                Courses are <span class="yes">covered</span>, up to <strong>£750</strong>.
                <!-- reviewed 2025 -->
                """);

        assertThat(page.text())
                .contains("| Vehicle | Rate per mile |")
                .contains("| Bicycle | 20p |")
                .contains("Courses are covered, up to **£750**.")
                .doesNotContain("<td")
                .doesNotContain("class=")
                .doesNotContain("reviewed 2025");
    }

    @Test
    void code_keeps_template_syntax_verbatim() {
        var page = SiteMarkdown.read("""
                Link a page like this:

                ```liquid
                {% page "/travel/booking" %} and {{ site.title }}
                ```

                Done.
                """);

        assertThat(page.text()).contains("```liquid\n{% page \"/travel/booking\" %} and {{ site.title }}\n```");
    }
}
