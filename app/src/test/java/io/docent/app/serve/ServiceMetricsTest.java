package io.docent.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.app.TokenCounts;
import io.docent.core.Answer;
import io.docent.core.AnswerProgress;
import io.docent.core.Answerer;
import io.docent.core.Directory;
import io.docent.core.DocentException;
import io.docent.core.Identity;
import io.docent.core.Question;
import io.docent.core.SearchIndex;
import io.docent.core.access.CachingDirectory;
import io.docent.core.feedback.FeedbackRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ServiceMetricsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ServiceMetrics metrics = new ServiceMetrics(nanos::get);

    @Test
    void counts_questions_by_platform_and_status_and_times_the_stages() {
        Map<String, Duration> timings = new LinkedHashMap<>();
        timings.put("retrieve", Duration.ofMillis(12));
        timings.put("generate", Duration.ofMillis(30));
        Answerer answered = q -> {
            nanos.addAndGet(Duration.ofMillis(50).toNanos());
            return new Answer("a [1]", List.of(), Answer.Status.ANSWERED, "q", List.of(), timings);
        };
        metrics.metered("slack", answered).answer(Question.of("q"));
        metrics.metered("slack", answered).answer(Question.of("q"));
        metrics.metered("web", q -> Answer.busy()).answer(Question.of("q"));
        metrics.metered("web", q -> Answer.failed("sorry")).answer(Question.of("q"));

        String text = metrics.scrape();
        assertThat(text)
                .contains("docent_questions_total{platform=\"slack\",status=\"answered\"} 2.0")
                .contains("docent_questions_total{platform=\"web\",status=\"busy\"} 1.0")
                .contains("docent_questions_total{platform=\"web\",status=\"failed\"} 1.0")
                .contains("docent_busy_total{platform=\"web\"} 1.0")
                .contains("docent_errors_total{platform=\"web\"} 1.0")
                .contains("docent_errors_total{platform=\"slack\"} 0.0")
                .contains("docent_answer_seconds_count{platform=\"slack\",status=\"answered\"} 2")
                .contains("docent_answer_seconds_sum{platform=\"slack\",status=\"answered\"} 0.1")
                .contains("docent_stage_seconds_count{stage=\"retrieve\"} 2")
                .contains("docent_stage_seconds_bucket{stage=\"generate\",le=")
                .contains("docent_retrieval_hits_count 2")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void an_answer_in_progress_reaches_the_caller_through_admission_control_and_metrics_as_served() {
        Answerer writing = new Answerer() {
            @Override
            public Answer answer(Question question) {
                return answer(question, AnswerProgress.NONE);
            }

            @Override
            public Answer answer(Question question, AnswerProgress progress) {
                progress.written("To get");
                progress.written("To get VPN access [1]");
                return new Answer("To get VPN access [1].", List.of(), Answer.Status.ANSWERED, "q", List.of(), null);
            }
        };
        var admission = new AdmissionControl(() -> writing, 2, Duration.ofSeconds(1));
        List<String> shown = new ArrayList<>();

        // as DocentService.answerer(platform) composes them
        Answer answer = metrics.metered("web", admission.forPlatform("web")).answer(Question.of("q"), shown::add);

        assertThat(shown).containsExactly("To get", "To get VPN access [1]");
        assertThat(answer.text()).isEqualTo("To get VPN access [1].");
        assertThat(metrics.scrape()).contains("docent_questions_total{platform=\"web\",status=\"answered\"} 1.0");
        assertThat(admission.inFlight()).isZero();
    }

    @Test
    void index_counts_are_cached_and_unknown_while_the_index_is_not_open() {
        var calls = new AtomicLong();
        metrics.bindIndex(() -> {
            calls.incrementAndGet();
            return Optional.empty();
        });
        assertThat(metrics.scrape()).contains("docent_index_chunks NaN");
        long after = calls.get();
        metrics.scrape();
        assertThat(calls.get()).isEqualTo(after); // cached
        nanos.addAndGet(ServiceMetrics.INDEX_COUNTS_TTL.toNanos());
        metrics.scrape();
        assertThat(calls.get()).isGreaterThan(after);
    }

    @Test
    void index_counts_survive_garbage_collection() {
        metrics.bindIndex(() -> Optional.of(new SearchIndex() {
            @Override
            public void replaceDocument(String documentId, java.util.List<io.docent.core.Chunk> chunks) {}

            @Override
            public void deleteDocument(String documentId) {}

            @Override
            public java.util.List<io.docent.core.IndexedDocument> listDocuments(String source) {
                return java.util.List.of();
            }

            @Override
            public java.util.List<io.docent.core.SearchHit> search(io.docent.core.SearchRequest request) {
                return java.util.List.of();
            }

            @Override
            public long chunkCount() {
                return 42;
            }

            @Override
            public long documentCount() {
                return 7;
            }

            @Override
            public void close() {}
        }));
        for (int i = 0; i < 3; i++) {
            System.gc(); // the gauges' state must not be only weakly reachable
        }
        nanos.addAndGet(ServiceMetrics.INDEX_COUNTS_TTL.toNanos());

        assertThat(metrics.scrape()).contains("docent_index_chunks 42.0").contains("docent_index_documents 7.0");
    }

    @Test
    void serves_the_slack_adapters_own_counters() {
        var slack = new io.docent.slack.SlackMetrics();
        slack.reply(Answer.Status.ANSWERED);
        slack.reply(Answer.Status.BUSY);
        slack.vote(FeedbackRecord.Vote.UP);
        metrics.bindSlack(slack);
        slack.vote(FeedbackRecord.Vote.UP);

        assertThat(metrics.scrape())
                .contains("docent_slack_answers_answered_total 1.0")
                .contains("docent_slack_busy_replies_total 1.0")
                .contains("docent_slack_feedback_up_total 2.0");
    }

    @Test
    void reports_tokens_feedback_and_in_flight() {
        var tokens = new TokenCounts();
        tokens.counting((messages, maxTokens, onToken) -> new io.docent.core.ChatModel.Completion("x", false, 120, 30))
                .complete(List.of(), 100);
        metrics.bindTokens(tokens);
        metrics.feedback(new FeedbackRecord(
                Instant.EPOCH, "teams", FeedbackRecord.Vote.DOWN, "u", "c", "t", "q", "a", List.of()));
        metrics.bind(new AdmissionControl(() -> q -> Answer.busy(), 7, Duration.ZERO));
        assertThat(metrics.scrape())
                .contains("docent_model_tokens_total{kind=\"prompt\"} 120.0")
                .contains("docent_model_tokens_total{kind=\"completion\"} 30.0")
                .contains("docent_feedback_total{platform=\"teams\",vote=\"down\"} 1.0")
                .contains("docent_answers_in_flight 0.0")
                .contains("docent_answers_max_concurrent 7.0");
    }

    @Test
    void directory_failures_are_counted_from_the_open_stacks_cache_and_zero_before() {
        Directory down = new Directory() {
            @Override
            public Optional<Set<String>> groupsOf(Identity person) {
                throw new DocentException("Graph is throttling");
            }

            @Override
            public Set<String> everyone() {
                return Set.of();
            }
        };
        var open = new AtomicReference<Directory>();
        metrics.bindDirectory(() -> Optional.ofNullable(open.get()));
        assertThat(metrics.scrape()).contains("docent_directory_failures_total 0.0");

        var cached = new CachingDirectory(down);
        open.set(cached);
        cached.groupsOf(Identity.member("web", "oid-1", "t", "alice@example.com"));
        cached.groupsOf(Identity.member("web", "oid-2", "t", "bob@example.com"));

        assertThat(metrics.scrape())
                .contains("docent_directory_failures_total 2.0")
                .doesNotContain("alice@example.com");
    }
}
