package io.docent.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.app.DocentStack;
import io.docent.app.Main;
import io.docent.app.config.Settings;
import io.docent.core.Answer;
import io.docent.core.Question;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.onnx.OnnxEmbedder;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code docent} command end to end on the embedded default: the real index, model and sample handbook. The
 * first test pays for indexing the handbook; the others reuse the index in the same DOCENT_HOME.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocentCliIT {

    @TempDir
    static Path home;

    static Map<String, String> env;

    @BeforeAll
    static void setUp() {
        env = Map.of("DOCENT_HOME", home.toString());
    }

    record Run(int exit, String out, String err) {}

    static Run docentWithInput(String stdin, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int exit = Main.run(args, env, in, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    static Run docent(String... args) {
        return docentWithInput("", args);
    }

    @Test
    @Order(1)
    void first_question_indexes_the_sample_handbook_and_answers_with_citations() {
        Run run = docent("ask", "How do I get VPN access?");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("indexing the sample knowledge base");
        assertThat(run.out())
                .contains("[1]")
                .contains("Service Desk > Access > VPN")
                .contains("Sources:");
        assertThat(run.out()).containsPattern("\\[1] VPN Access - file:");
        assertThat(run.err()).contains("docent: answering as administrator: all documents, permissions not applied");
        assertThat(run.out()).doesNotContain("answering as administrator");
    }

    @Test
    @Order(2)
    void json_output_has_status_answer_citations_and_timings() throws Exception {
        Run run = docent("ask", "--json", "How many days of annual leave do employees get?");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("indexing the sample knowledge base");
        assertThat(run.err()).contains(AnswerPrinter.AS_ADMINISTRATOR);
        JsonNode json = new ObjectMapper().readTree(run.out()); // stdout is the JSON alone
        assertThat(json.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(json.path("text").asText()).contains("25").contains("[1]");
        JsonNode first = json.path("citations").get(0);
        assertThat(first.path("n").asInt()).isEqualTo(1);
        assertThat(first.path("title").asText()).isEqualTo("Annual Leave Policy");
        assertThat(first.path("url").asText()).startsWith("file:");
        assertThat(first.path("snippet").asText()).isNotBlank();
        assertThat(json.path("timings").path("retrieve").isNumber()).isTrue();
    }

    @Test
    @Order(3)
    void explain_shows_the_retrieved_passages_with_scores_and_the_gates_view() {
        Run run = docent("ask", "--explain", "What is the minimum password length?");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Retrieved passages")
                .contains("similarity=")
                .contains("Password and MFA Policy")
                .containsPattern("gate: relevant \\(rule \\+\\d");
    }

    @Test
    @Order(3)
    void explain_says_which_words_of_a_question_no_passage_holds() {
        Run run = docent("ask", "--explain", "Can I bring my dog to the office?");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("couldn't find this")
                .contains("Nothing I found mentions “dog”.")
                .containsPattern("gate: not relevant .*; lacks [^\\n]*dog");
    }

    @Test
    @Order(4)
    void unrelated_question_is_answered_honestly_as_not_found() {
        Run run = docent("ask", "--json", "What is the boiling point of tungsten in kelvin?");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("\"status\":\"NOT_FOUND\"").contains("couldn't find this");
    }

    @Test
    @Order(5)
    void chat_carries_history_so_follow_ups_work() {
        Run run = docentWithInput("How do I get VPN access?\nand for contractors?\nexit\n", "chat");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).containsOnlyOnce(AnswerPrinter.AS_ADMINISTRATOR);
        String followUp = run.out().substring(run.out().lastIndexOf("Sources:") - 600);
        assertThat(followUp).containsIgnoringCase("contractor");
        assertThat(run.out()).containsIgnoringCase("sponsor");
    }

    @Test
    @Order(6)
    void empty_question_prints_usage_and_exits_2() {
        Run run = docent("ask", "   ");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("the question is empty").contains("Usage:");
    }

    @Test
    @Order(7)
    void huge_question_is_cut_with_a_warning_and_answered() {
        Run run = docent("ask", "How do I get VPN access? " + "please ".repeat(14_000));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning").contains("characters");
        assertThat(run.out()).isNotBlank();
    }

    @Test
    @Order(8)
    void index_command_adds_a_folder_then_answers_from_it() throws Exception {
        Path docs = Files.createDirectories(home.resolve("docs"));
        Files.writeString(docs.resolve("parking.md"), """
                # Parking Policy

                The Zephyr garage has 40 spaces for staff. Request a parking permit from facilities by email to
                parking@northwind.example; permits cost 30 EUR per month and renew every January.
                """);

        Run index =
                docent("index", "--source", "facilities", "--base-url", "https://wiki.example/fac/", docs.toString());
        Run ask = docent("ask", "How do I get a parking permit for the Zephyr garage?");

        assertThat(index.exit()).as(index.err()).isZero();
        assertThat(index.out()).contains("1 added");
        assertThat(ask.out()).contains("parking@northwind.example").contains("https://wiki.example/fac/parking.md");
    }

    @Test
    @Order(9)
    void index_refuses_a_missing_folder_and_bad_source_name() {
        assertThat(docent("index", "--source", "x", home.resolve("nope").toString())
                        .exit())
                .isEqualTo(2);
        assertThat(docent("index", "--source", "../evil", home.toString()).exit())
                .isEqualTo(2);
    }

    @Test
    @Order(10)
    void questions_are_answered_while_another_process_writes_the_index_and_a_second_writer_is_refused() {
        var embedder = new OnnxEmbedder();
        Path indexDir = home.resolve("index");
        try (var held = LuceneSearchIndex.open(indexDir, embedder.modelName(), embedder.dimension())) {
            Run ask = docent("ask", "How do I get VPN access?");
            Run index = docent(
                    "index", "--source", "facilities", home.resolve("docs").toString());

            assertThat(ask.exit()).as(ask.err()).isZero();
            assertThat(ask.out()).contains("Service Desk > Access > VPN");
            assertThat(index.exit()).isEqualTo(3);
            assertThat(index.err()).contains(indexDir.toString()).doesNotContain("\tat ");
        }
    }

    @Test
    @Order(11)
    void eval_scores_a_small_beir_dataset() throws Exception {
        Path dataset = Files.createDirectories(home.resolve("tiny-beir/qrels"));
        Files.writeString(home.resolve("tiny-beir/corpus.jsonl"), """
                {"_id":"d1","title":"Cats","text":"Cats are small domesticated felines that purr."}
                {"_id":"d2","title":"Rockets","text":"Rockets burn propellant to produce thrust in space."}
                {"_id":"d3","title":"Bread","text":"Bread is baked from flour, water and yeast."}
                """);
        Files.writeString(home.resolve("tiny-beir/queries.jsonl"), """
                {"_id":"q1","text":"Which pets purr?"}
                {"_id":"q2","text":"how does a rocket engine create thrust"}
                """);
        Files.writeString(dataset.resolve("test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n");

        Run run = docent("eval", "--dataset", home.resolve("tiny-beir").toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("hybrid").path("ndcg@10").asDouble()).isEqualTo(1.0);
        assertThat(json.path("vector").path("recall@100").asDouble()).isEqualTo(1.0);
        assertThat(json.path("bm25").path("latency_ms").path("p50").isNumber()).isTrue();
    }

    @Test
    @Order(11)
    void eval_with_chunk_tokens_cuts_documents_and_ranks_each_by_its_best_chunk() throws Exception {
        Path dataset = Files.createDirectories(home.resolve("long-beir/qrels"));
        String cats = "Cats are small domesticated felines. ".repeat(3)
                + "A kitten sleeps for most of the day and plays at dusk. ".repeat(4)
                + "Cats purr when they are content, and sometimes when they are hurt. "
                + "Their whiskers sense the width of a gap before they try to pass it. ".repeat(3);
        Files.writeString(home.resolve("long-beir/corpus.jsonl"), """
                {"_id":"d1","title":"Cats","text":"%s"}
                {"_id":"d2","title":"Rockets","text":"Rockets burn propellant to produce thrust in space."}
                {"_id":"d3","title":"Bread","text":"Bread is baked from flour, water and yeast."}
                """.formatted(cats));
        Files.writeString(home.resolve("long-beir/queries.jsonl"), """
                {"_id":"q1","text":"Which pets purr?"}
                {"_id":"q2","text":"how does a rocket engine create thrust"}
                """);
        Files.writeString(dataset.resolve("test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n");

        Run run = docent("eval", "--dataset", home.resolve("long-beir").toString(), "--chunk-tokens", "40", "--json");
        Run tooSmall =
                docent("eval", "--dataset", home.resolve("long-beir").toString(), "--chunk-tokens", "10", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("hybrid").path("ndcg@10").asDouble()).isEqualTo(1.0);
        assertThat(json.path("bm25").path("recall@100").asDouble()).isEqualTo(1.0);
        Path indexDir;
        try (var dirs = Files.list(home.resolve("eval"))) {
            indexDir = dirs.filter(d -> d.getFileName().toString().startsWith("long-beir-c40-"))
                    .findFirst()
                    .orElseThrow();
        }
        var embedder = new OnnxEmbedder();
        try (var index = LuceneSearchIndex.open(indexDir, embedder.modelName(), embedder.dimension())) {
            assertThat(index.chunkCount())
                    .as("the cat page is cut into several chunks")
                    .isGreaterThan(4);
        }
        assertThat(tooSmall.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(tooSmall.err()).contains("--chunk-tokens 10").contains("maxTokens must be >= 32");
    }

    @Test
    @Order(12)
    void doctor_without_cloud_settings_reports_the_embedded_defaults() {
        Run run = docent("doctor");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("embedded defaults");
    }

    @Test
    @Order(13)
    void a_stack_open_for_questions_sees_what_a_later_index_run_commits() throws Exception {
        Path docs = Files.createDirectories(home.resolve("canteen"));
        Files.writeString(docs.resolve("canteen.md"), """
                # Quokka Canteen

                The Quokka canteen on the third floor serves ramen on Thursdays and closes at 3 pm on Fridays.
                """);
        String question = "What does the Quokka canteen serve on Thursdays?";
        try (DocentStack serving = DocentStack.open(Settings.of(env), null, DocentStack.IndexAccess.READ)) {
            assertThat(serving.pipeline()
                            .answer(Question.fromAdministrator(question))
                            .text())
                    .doesNotContain("ramen");

            Run index = docent("index", "--source", "canteen", docs.toString());
            assertThat(index.exit()).as(index.err()).isZero();

            // the read-only index looks for a newer commit at most once a second
            Answer answer = serving.pipeline().answer(Question.fromAdministrator(question));
            for (long deadline = System.nanoTime() + 10_000_000_000L;
                    !answer.text().contains("ramen") && System.nanoTime() < deadline; ) {
                Thread.sleep(200);
                answer = serving.pipeline().answer(Question.fromAdministrator(question));
            }
            assertThat(answer.status()).isEqualTo(Answer.Status.ANSWERED);
            assertThat(answer.text()).contains("ramen");
        }
    }

    @Test
    @Order(14)
    void a_missing_or_malformed_directory_file_stops_ask_and_serve_with_exit_2_naming_it() throws Exception {
        Path malformed = Files.writeString(home.resolve("people.json"), "{\"people\": [{\"email\": \"nobody\"}]}");
        Map<String, String> broken =
                Map.of("DOCENT_HOME", home.toString(), "DOCENT_DIRECTORY_FILE", malformed.toString());
        Map<String, String> missing = Map.of(
                "DOCENT_HOME", home.toString(),
                "DOCENT_DIRECTORY_FILE", home.resolve("absent.json").toString());

        for (Map<String, String> settings : List.of(broken, missing)) {
            for (String[] args : List.of(new String[] {"ask", "How do I get VPN access?"}, new String[] {"serve"})) {
                var out = new StringWriter();
                var err = new StringWriter();
                int exit = Assertions.assertTimeoutPreemptively(
                        Duration.ofSeconds(60),
                        () -> Main.run(
                                args,
                                settings,
                                new ByteArrayInputStream(new byte[0]),
                                new PrintWriter(out, true),
                                new PrintWriter(err, true)));

                assertThat(exit).as(args[0] + ": " + err).isEqualTo(Main.EXIT_USAGE);
                assertThat(err.toString())
                        .contains("DOCENT_DIRECTORY_FILE")
                        .contains(settings.get("DOCENT_DIRECTORY_FILE"));
            }
        }
    }

    @Test
    @Order(15)
    void doctor_reports_the_directory_file_and_no_directory() throws Exception {
        Path file = Files.writeString(home.resolve("directory.json"), """
                {"people": [{"email": "alice@example.com", "groups": ["group:hr"]},
                            {"email": "bob@example.com", "groups": []}],
                 "everyone": ["confluence-users"]}""");
        var out = new StringWriter();
        int exit = Main.run(
                new String[] {"doctor"},
                Map.of("DOCENT_HOME", home.toString(), "DOCENT_DIRECTORY_FILE", file.toString()),
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Directory, directory file: " + file + ": 2 people, 1 group");
        assertThat(docent("doctor").out())
                .contains("no directory: everyone but administrators sees public documents only");
    }
}
