package io.docent.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.embedding.CachingEmbedder;
import io.docent.core.lucene.FusionMethod;
import io.docent.core.lucene.LuceneSearchIndexBuilder;
import io.docent.core.pipeline.QuestionNormalizer;
import io.docent.core.pipeline.Retriever;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetrievalConfigTest {

    @Test
    void nothing_set_means_the_defaults_convex_fusion_and_the_fitted_gate() {
        RetrievalConfig config = RetrievalConfig.read(Settings.of(Map.of()));

        assertThat(config.candidates()).isEqualTo(Retriever.DEFAULT_CANDIDATES);
        assertThat(config.maxSources()).isEqualTo(Retriever.DEFAULT_MAX_SOURCES);
        assertThat(config.maxQuestionChars()).isEqualTo(QuestionNormalizer.DEFAULT_MAX_CHARS);
        assertThat(config.queryCacheSize()).isEqualTo((int) CachingEmbedder.DEFAULT_MAXIMUM_SIZE);
        assertThat(config.fusion()).isEqualTo(FusionMethod.CONVEX);
        assertThat(config.vectorWeight()).isEqualTo(LuceneSearchIndexBuilder.DEFAULT_VECTOR_WEIGHT);
        assertThat(config.minSimilarity()).isEmpty();
        assertThat(RetrievalConfig.defaults()).isEqualTo(config);
    }

    @Test
    void reads_every_setting() {
        RetrievalConfig config = RetrievalConfig.read(Settings.of(Map.of(
                "DOCENT_CANDIDATES", "40",
                "DOCENT_MAX_SOURCES", "3",
                "DOCENT_MAX_QUESTION_CHARS", "500",
                "DOCENT_QUERY_CACHE_SIZE", "0",
                "DOCENT_MIN_SIMILARITY", "0.6")));

        assertThat(config.candidates()).isEqualTo(40);
        assertThat(config.maxSources()).isEqualTo(3);
        assertThat(config.maxQuestionChars()).isEqualTo(500);
        assertThat(config.queryCacheSize()).isZero();
        assertThat(config.minSimilarity()).isEqualTo(Optional.of(0.6));
    }

    @Test
    void rrf_is_chosen_by_name_in_any_case_with_its_own_default_weight() {
        RetrievalConfig config = RetrievalConfig.read(Settings.of(Map.of("DOCENT_FUSION", " RRF ")));

        assertThat(config.fusion()).isEqualTo(FusionMethod.RRF);
        assertThat(config.vectorWeight()).isEqualTo(LuceneSearchIndexBuilder.defaultVectorWeight(FusionMethod.RRF));
    }

    @Test
    void an_explicit_weight_applies_to_either_fusion() {
        assertThat(RetrievalConfig.read(Settings.of(Map.of("DOCENT_VECTOR_WEIGHT", "3.5")))
                        .vectorWeight())
                .isEqualTo(3.5);
        assertThat(RetrievalConfig.read(Settings.of(Map.of("DOCENT_FUSION", "rrf", "DOCENT_VECTOR_WEIGHT", "1")))
                        .vectorWeight())
                .isEqualTo(1.0);
    }

    @Test
    void names_every_wrong_setting_at_once() {
        var settings = Settings.of(Map.of(
                "DOCENT_FUSION", "linear",
                "DOCENT_CANDIDATES", "0",
                "DOCENT_MAX_SOURCES", "many",
                "DOCENT_MIN_SIMILARITY", "2"));

        assertThatThrownBy(() -> RetrievalConfig.read(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("4 settings are wrong")
                .hasMessageContaining("DOCENT_FUSION must be convex or rrf")
                .hasMessageContaining("DOCENT_CANDIDATES must be between 1 and 1000")
                .hasMessageContaining("DOCENT_MAX_SOURCES must be a whole number")
                .hasMessageContaining("DOCENT_MIN_SIMILARITY must be a number between -1.0 and 1.0");
    }
}
