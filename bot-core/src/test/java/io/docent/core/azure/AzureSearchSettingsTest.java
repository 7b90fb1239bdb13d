package io.docent.core.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureSearchSettingsTest {

    @Test
    void nothing_configured_means_no_azure_search() {
        assertThat(AzureSearchSettings.fromMap(Map.of())).isEmpty();
    }

    @Test
    void reads_every_setting_with_defaults() {
        var settings = AzureSearchSettings.fromMap(Map.of(
                        "AZURE_SEARCH_ENDPOINT", "https://acme.search.windows.net/",
                        "AZURE_SEARCH_SEMANTIC", "TRUE",
                        "AZURE_SEARCH_VECTOR_COMPRESSION", "scalar"))
                .orElseThrow();

        assertThat(settings.endpoint()).isEqualTo("https://acme.search.windows.net");
        assertThat(settings.indexName()).isEqualTo("docent");
        assertThat(settings.apiKey()).isNull();
        assertThat(settings.semantic()).isTrue();
        assertThat(settings.scalarQuantization()).isTrue();
        assertThat(settings.analyzer()).isEqualTo("en.lucene");
    }

    @Test
    void wrong_values_are_refused_naming_the_setting_but_not_the_value() {
        assertThatThrownBy(() -> AzureSearchSettings.fromMap(Map.of("AZURE_SEARCH_ENDPOINT", "http://acme")))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("AZURE_SEARCH_ENDPOINT")
                .hasMessageContaining("https");
        assertThatThrownBy(() -> AzureSearchSettings.fromMap(
                        Map.of("AZURE_SEARCH_ENDPOINT", "https://acme", "AZURE_SEARCH_INDEX", "Docent Index")))
                .hasMessageContaining("AZURE_SEARCH_INDEX");
        assertThatThrownBy(() -> AzureSearchSettings.fromMap(
                        Map.of("AZURE_SEARCH_ENDPOINT", "https://acme", "AZURE_SEARCH_SEMANTIC", "s3cr3t")))
                .hasMessageContaining("AZURE_SEARCH_SEMANTIC")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    }

    @Test
    void the_key_never_shows_in_to_string() {
        var settings = AzureSearchSettings.fromMap(
                        Map.of("AZURE_SEARCH_ENDPOINT", "https://acme", "AZURE_SEARCH_API_KEY", "sekret-key"))
                .orElseThrow();

        assertThat(settings.toString()).doesNotContain("sekret-key").contains("api-key ***");
    }
}
