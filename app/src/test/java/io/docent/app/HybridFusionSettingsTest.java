package io.docent.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.app.config.ConfigException;
import io.docent.app.config.Settings;
import io.docent.core.lucene.FusionMethod;
import io.docent.core.lucene.LuceneSearchIndexBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HybridFusionSettingsTest {

    @Test
    void nothing_set_means_convex_fusion_at_its_default_weight() {
        Settings settings = Settings.of(Map.of());

        assertThat(DocentStack.fusion(settings)).isEqualTo(FusionMethod.CONVEX);
        assertThat(DocentStack.vectorWeight(settings)).isEqualTo(LuceneSearchIndexBuilder.DEFAULT_VECTOR_WEIGHT);
    }

    @Test
    void rrf_is_chosen_by_name_in_any_case_with_its_own_default_weight() {
        Settings settings = Settings.of(Map.of("DOCENT_FUSION", " RRF "));

        assertThat(DocentStack.fusion(settings)).isEqualTo(FusionMethod.RRF);
        assertThat(DocentStack.vectorWeight(settings))
                .isEqualTo(LuceneSearchIndexBuilder.defaultVectorWeight(FusionMethod.RRF));
    }

    @Test
    void an_explicit_weight_applies_to_either_fusion() {
        assertThat(DocentStack.vectorWeight(Settings.of(Map.of("DOCENT_VECTOR_WEIGHT", "3.5"))))
                .isEqualTo(3.5);
        assertThat(DocentStack.vectorWeight(Settings.of(Map.of("DOCENT_FUSION", "rrf", "DOCENT_VECTOR_WEIGHT", "1"))))
                .isEqualTo(1.0);
    }

    @Test
    void an_unknown_fusion_is_a_configuration_error_naming_the_setting() {
        assertThatThrownBy(() -> DocentStack.fusion(Settings.of(Map.of("DOCENT_FUSION", "linear"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("DOCENT_FUSION must be convex or rrf");
    }
}
