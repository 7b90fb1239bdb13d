package io.docent.core.grounded;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.ChatModel.Completion;
import io.docent.core.DocentException;
import io.docent.core.Turn;
import io.docent.core.pipeline.HeuristicQueryRewriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class LlmQueryRewriterTest {

    static final List<Turn> HISTORY =
            List.of(Turn.user("How do I get VPN access?"), Turn.assistant("Open a request in the IT portal [1]."));

    final ScriptedChatModel model = new ScriptedChatModel();
    final String heuristic = new HeuristicQueryRewriter().standalone("and for contractors?", HISTORY);

    @Test
    void a_first_question_is_not_sent_to_the_model() {
        assertThat(rewriter(Duration.ofSeconds(1)).standalone("How do I get VPN access?", List.of()))
                .isEqualTo("How do I get VPN access?");
        assertThat(model.calls).isEmpty();
    }

    @Test
    void a_follow_up_is_rewritten_by_the_model_with_a_short_prompt() {
        model.answers("VPN access for contractors");

        String query = rewriter(Duration.ofSeconds(1)).standalone("and for contractors?", HISTORY);

        assertThat(query).isEqualTo("VPN access for contractors");
        ScriptedChatModel.Call call = model.calls.getFirst();
        assertThat(call.maxTokens()).isEqualTo(LlmQueryRewriter.MAX_QUERY_TOKENS);
        assertThat(call.last())
                .contains("User: How do I get VPN access?")
                .contains("Assistant: Open a request")
                .contains("Latest message: and for contractors?");
        assertThat(call.system()).contains("Keep the user's language");
    }

    @Test
    void labels_and_quotes_around_the_query_are_removed() {
        model.answers("Standalone query: \"VPN access for contractors\"\nThis query asks about...");

        assertThat(rewriter(Duration.ofSeconds(1)).standalone("and for contractors?", HISTORY))
                .isEqualTo("VPN access for contractors");
    }

    @Test
    void a_failing_model_falls_back_to_the_heuristic() {
        model.does(() -> {
            throw new DocentException.RateLimited("busy", 1_000, null);
        });

        assertThat(rewriter(Duration.ofSeconds(1)).standalone("and for contractors?", HISTORY))
                .isEqualTo(heuristic);
    }

    @Test
    void a_refusal_an_empty_or_rambling_reply_or_one_cut_short_falls_back_to_the_heuristic() {
        model.refuses()
                .answers("  ")
                .answers("word ".repeat(200))
                .does(() -> new Completion("VPN access for", false, 30, 3, true));
        var rewriter = rewriter(Duration.ofSeconds(1));

        for (int i = 0; i < 4; i++) {
            assertThat(rewriter.standalone("and for contractors?", HISTORY)).isEqualTo(heuristic);
        }
    }

    @Test
    void a_slow_model_is_abandoned_at_the_timeout() {
        CountDownLatch never = new CountDownLatch(1);
        model.does(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Completion("too late", false, 0, 0);
        });
        long start = System.nanoTime();

        String query = rewriter(Duration.ofMillis(100)).standalone("and for contractors?", HISTORY);

        assertThat(query).isEqualTo(heuristic);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    private LlmQueryRewriter rewriter(Duration timeout) {
        return new LlmQueryRewriter(
                model, new HeuristicQueryRewriter(), timeout, Executors.newVirtualThreadPerTaskExecutor());
    }
}
