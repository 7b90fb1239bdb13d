package io.docent.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.app.Main;
import io.docent.core.azure.BenchmarkOpenAiServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docent ask} with a language model on a local OpenAI-compatible server that streams its completion over real
 * HTTP, paced like a model: the words reach the terminal while the model is still writing, and the final output is
 * the answer's text with its sources, as without streaming.
 */
class AskStreamingIT {

    static final List<String> TOKENS = List.of(
            "To get VPN access", ", open a request", " in the IT portal", " [1]", " and install the client", ".");

    @TempDir
    static Path home;

    static BenchmarkOpenAiServer model;

    @BeforeAll
    static void startModel() {
        model = new BenchmarkOpenAiServer(false, TOKENS).paced(Duration.ofMillis(200), Duration.ofMillis(150));
    }

    @AfterAll
    static void stopModel() {
        model.close();
    }

    /** A terminal that remembers what it showed at each flush. */
    static final class Terminal extends StringWriter {
        final List<String> flushed = new CopyOnWriteArrayList<>();

        @Override
        public void flush() {
            flushed.add(toString());
        }
    }

    @Test
    void the_answer_appears_while_the_model_writes_it() {
        var out = new Terminal();
        var err = new StringWriter();
        Map<String, String> env = Map.of(
                "DOCENT_HOME", home.toString(), "OPENAI_BASE_URL", model.url() + "/v1", "OPENAI_MODEL", "local-model");

        int exit = Main.run(
                new String[] {"ask", "How do I get VPN access?"},
                env,
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true),
                new PrintWriter(err, true));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .startsWith("To get VPN access, open a request in the IT portal [1] and install the client.")
                .contains("Sources:")
                .containsPattern("\\[1] VPN Access - file:");
        // the first words were on the terminal before the last ones were written
        assertThat(out.flushed)
                .anySatisfy(shown ->
                        assertThat(shown).startsWith("To get VPN access").doesNotContain("install"));
    }
}
