package io.docent.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.app.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The booklet question set ({@code eval/booklet/questions.jsonl}) asked of the generated booklet corpus through
 * {@code docent eval --answers FILE --corpus DIR}: real PDF, Word and slide files, the real model and pipeline. Pins
 * what the PDF reader is for: the answer cites the right document, and for the PDF the right page.
 */
class BookletAnswersIT {

    @TempDir
    Path home;

    @Test
    void booklet_answers_cite_the_right_document_and_page() throws Exception {
        Path corpus = home.resolve("booklet");
        BookletCorpus.write(corpus);
        Path questions = Path.of("").toAbsolutePath().getParent().resolve("eval/booklet/questions.jsonl");
        assertThat(questions).exists();

        var out = new StringWriter();
        var err = new StringWriter();
        int exit = Main.run(
                new String[] {"eval", "--answers", questions.toString(), "--corpus", corpus.toString(), "--json"},
                Map.of("DOCENT_HOME", home.resolve("home").toString()),
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true),
                new PrintWriter(err, true));

        assertThat(exit).as(err.toString()).isZero();
        System.out.println("booklet answer metrics: " + out);
        JsonNode shares = new ObjectMapper().readTree(out.toString()).path("shares");
        assertThat(share(shares, "right_page")).isGreaterThanOrEqualTo(0.55);
        assertThat(share(shares, "cited")).isGreaterThanOrEqualTo(0.80);
        System.out.println(err);
    }

    private static double share(JsonNode shares, String name) {
        JsonNode s = shares.path(name);
        return (double) s.path("hits").asInt() / Math.max(1, s.path("n").asInt());
    }
}
