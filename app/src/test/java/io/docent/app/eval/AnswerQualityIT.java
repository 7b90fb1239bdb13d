package io.docent.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.app.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The question sets of {@code eval/} asked end to end through {@code docent eval --answers FILE [--corpus DIR]}: the
 * real model, index, relevance gate and extractive answerer. Pins issue 12's targets on our own sets, so a change
 * that costs citations, facts or honest refusals shows here and not only in docs/benchmarks.md: the right document
 * cited (>= 0.90) and cited first (>= 0.80), the expected fact (>= 0.80), honest refusals (>= 0.80, the target being
 * 0.85: one question of slack for a borderline decision on another CPU) with wrongly not found <= 0.05, and the
 * booklet's PDF citations at the right page (>= 0.55). The gate is fitted on these sets, so this is a floor against
 * regressions, not a measure of how Docent does on documents it has not seen.
 */
class AnswerQualityIT {

    @TempDir
    Path home;

    private static Path repo(String path) {
        return Path.of("").toAbsolutePath().getParent().resolve(path);
    }

    private JsonNode eval(String questions, Path corpus) throws Exception {
        List<String> args =
                new ArrayList<>(List.of("eval", "--answers", repo(questions).toString(), "--json"));
        if (corpus != null) {
            args.addAll(List.of("--corpus", corpus.toString()));
        }
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = Main.run(
                args.toArray(String[]::new),
                Map.of("DOCENT_HOME", home.resolve("home").toString()),
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(exit).as(err.toString()).isZero();
        System.out.println(questions + " answer metrics: " + out);
        return new ObjectMapper().readTree(out.toString()).path("shares");
    }

    private static void meetsTheTargets(JsonNode shares) {
        assertThat(share(shares, "cited")).as("cited").isGreaterThanOrEqualTo(0.90);
        assertThat(share(shares, "cited_first")).as("cited first").isGreaterThanOrEqualTo(0.80);
        assertThat(share(shares, "fact")).as("fact").isGreaterThanOrEqualTo(0.80);
        assertThat(share(shares, "honest_refusals")).as("honest refusals").isGreaterThanOrEqualTo(0.80);
        assertThat(share(shares, "wrongly_not_found")).as("wrongly not found").isLessThanOrEqualTo(0.05);
        assertThat(share(shares, "raw_markup")).as("raw markup").isZero();
    }

    @Test
    void the_sample_handbook_meets_the_targets() throws Exception {
        meetsTheTargets(eval("eval/handbook/questions.jsonl", null));
    }

    @Test
    void the_static_site_handbook_meets_the_targets() throws Exception {
        meetsTheTargets(eval("eval/site-handbook/questions.jsonl", repo("eval/site-handbook/docs")));
    }

    @Test
    void the_booklet_meets_the_targets_and_cites_the_pdf_at_the_right_page() throws Exception {
        Path corpus = home.resolve("booklet");
        BookletCorpus.write(corpus);

        JsonNode shares = eval("eval/booklet/questions.jsonl", corpus);

        meetsTheTargets(shares);
        assertThat(share(shares, "right_page")).as("right page").isGreaterThanOrEqualTo(0.55);
    }

    private static double share(JsonNode shares, String name) {
        JsonNode s = shares.path(name);
        assertThat(s.path("n").asInt()).as(name + " was measured").isPositive();
        return (double) s.path("hits").asInt() / s.path("n").asInt();
    }
}
