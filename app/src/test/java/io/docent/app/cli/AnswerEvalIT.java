package io.docent.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.app.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docent eval --answers} end to end: a folder synced into its own index, the real model and pipeline. */
class AnswerEvalIT {

    @TempDir
    static Path home;

    static Path corpus;

    record Run(int exit, String out, String err) {}

    static Run docent(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = Main.run(
                args,
                Map.of("DOCENT_HOME", home.resolve("home").toString()),
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void corpus() throws Exception {
        corpus = Files.createDirectories(home.resolve("docs"));
        Files.writeString(corpus.resolve("leave.md"), """
                # Annual leave

                Everyone gets 27 days of paid annual leave a year, plus public holidays. You can carry over up to
                4 days of unused leave into the next year; they must be taken by the end of March.
                """);
        Files.writeString(corpus.resolve("travel.md"), """
                # Travel

                Book trains through the travel portal. Standard class is the rule; first class only when it is
                cheaper. The mileage rate for a private car is 45p per mile.
                """);
    }

    private static Path questions(String name, String... lines) throws Exception {
        Path dir = Files.createDirectories(home.resolve(name));
        return Files.writeString(dir.resolve("questions.jsonl"), String.join("\n", lines) + "\n");
    }

    @Test
    void scores_citations_facts_and_refusals_from_the_actual_answers() throws Exception {
        Path file = questions("set-a", """
                {"id":"a1","question":"How many days of leave can I carry over?","kind":"answerable",\
                "expect_docs":["leave.md"],"expect_facts":["4 days"]}""", """
                {"id":"a2","question":"What is the mileage rate for my car?","kind":"answerable",\
                "expect_docs":["leave.md"],"expect_facts":["45p"]}""", """
                {"id":"u1","question":"Can I bring my dog to the office?","kind":"unanswerable"}""");

        Run run = docent("eval", "--answers", file.toString(), "--corpus", corpus.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode shares = new ObjectMapper().readTree(run.out()).path("shares");
        // a1 cites leave.md and states 4 days; a2 is answered from travel.md, so the expected leave.md is not cited,
        // though the fact is there; the dog question is refused.
        assertThat(shares.path("cited").path("hits").asInt()).isEqualTo(1);
        assertThat(shares.path("cited").path("n").asInt()).isEqualTo(2);
        assertThat(shares.path("fact").path("hits").asInt()).isEqualTo(2);
        assertThat(shares.path("honest_refusals").path("hits").asInt()).isEqualTo(1);
        assertThat(shares.path("wrongly_not_found").path("hits").asInt()).isZero();
        assertThat(shares.path("cited").path("ci95").get(0).asDouble()).isBetween(0.0, 0.5);
        assertThat(run.err()).contains("as administrator");
    }

    @Test
    void a_malformed_question_file_is_refused_naming_the_line() throws Exception {
        Path file = questions("set-bad", """
                {"id":"a1","question":"How many days of leave?","kind":"answerable","expect_facts":["27"]}""", "{not json");

        Run run = docent("eval", "--answers", file.toString(), "--corpus", corpus.toString());

        assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("line 2").contains("not a JSON object");
        Path badRegex = questions("set-regex", """
                {"id":"r1","question":"How many days?","kind":"answerable","expect_facts":["(unclosed"]}""");
        assertThat(docent("eval", "--answers", badRegex.toString()).err())
                .contains("r1")
                .contains("invalid regular expression");
    }

    @Test
    void gate_features_of_two_sets_fit_a_rule_cross_validated_set_by_set() throws Exception {
        Path first = questions("set-one", """
                {"id":"a1","question":"How many days of annual leave do I get?","kind":"answerable",\
                "expect_docs":["leave.md"]}""", """
                {"id":"u1","question":"Is there a company football team?","kind":"unanswerable"}""");
        Path second = questions("set-two", """
                {"id":"a1","question":"Can I travel first class?","kind":"answerable","expect_docs":["travel.md"]}""", """
                {"id":"u1","question":"Who is the chief executive?","kind":"unanswerable"}""");
        Path f1 = home.resolve("f1.jsonl");
        Path f2 = home.resolve("f2.jsonl");
        assertThat(docent(
                                "eval",
                                "--answers",
                                first.toString(),
                                "--corpus",
                                corpus.toString(),
                                "--gate-features",
                                f1.toString())
                        .exit())
                .isZero();
        assertThat(docent(
                                "eval",
                                "--answers",
                                second.toString(),
                                "--corpus",
                                corpus.toString(),
                                "--gate-features",
                                f2.toString())
                        .exit())
                .isZero();
        JsonNode line = new ObjectMapper().readTree(Files.readAllLines(f1).getFirst());
        assertThat(line.path("set").asText()).isEqualTo("set-one");
        assertThat(line.path("passages").get(0).has("coverage")).isTrue();

        Run fit = docent("eval", "--fit-gate", f1.toString(), f2.toString());

        assertThat(fit.exit()).as(fit.err()).isZero();
        assertThat(fit.out())
                .contains("set-one")
                .contains("set-two")
                .contains("bias=")
                .contains("coverage=");
    }

    @Test
    void one_task_at_a_time() {
        Run run = docent("eval");
        assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("--dataset DIR, --answers FILE or --fit-gate");
    }
}
