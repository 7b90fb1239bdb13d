package io.docent.core.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import org.junit.jupiter.api.Test;

class AzureSearchSettingsTest {

    @Test
    void defaults_fill_in_and_a_bad_index_name_is_refused_by_setting() {
        var settings = new AzureSearchSettings("https://acme", null, null, false, null, false);

        assertThat(settings.indexName()).isEqualTo(AzureSearchSettings.DEFAULT_INDEX);
        assertThat(settings.analyzer()).isEqualTo(AzureSearchSettings.DEFAULT_ANALYZER);
        assertThatThrownBy(() -> settings.withIndexName("Docent Index"))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("AZURE_SEARCH_INDEX");
    }

    @Test
    void the_key_never_shows_in_to_string() {
        var settings = new AzureSearchSettings("https://acme", "docent", "sekret-key", false, null, false);

        assertThat(settings.toString()).doesNotContain("sekret-key").contains("api-key ***");
    }
}
