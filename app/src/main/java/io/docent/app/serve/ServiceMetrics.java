package io.docent.app.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.docent.app.TokenCounts;
import io.docent.core.Answer;
import io.docent.core.AnswerProgress;
import io.docent.core.Answerer;
import io.docent.core.Directory;
import io.docent.core.Question;
import io.docent.core.SearchIndex;
import io.docent.core.access.CachingDirectory;
import io.docent.core.feedback.FeedbackRecord;
import io.docent.slack.SlackMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The service's metrics, served at {@code /metrics} in Prometheus's text format. Questions are counted and timed by
 * a decorator around each platform's answerer ({@link #metered}); the index's size, the model's tokens, the Slack
 * adapter's counters and the feedback votes are read when scraped. Meter names (Prometheus adds {@code _total},
 * {@code _seconds}, {@code _bucket}): {@code docent_questions{platform,status}}, {@code
 * docent_answer_seconds{platform,status}}, {@code docent_stage_seconds{stage}}, {@code docent_retrieval_hits},
 * {@code docent_errors{platform}}, {@code docent_busy{platform}}, {@code docent_answers_in_flight}, {@code
 * docent_index_documents}, {@code docent_index_chunks}, {@code docent_model_tokens{kind}}, {@code
 * docent_feedback{platform,vote}}, {@code docent_directory_failures} (directory lookups that failed with nothing
 * cached, so the asker saw public documents only), {@code docent_slack_*}, and the JVM's. No label ever names a
 * person, a question or a document.
 *
 * <p>{@code /metrics} is not public: {@link #handler(Predicate)} refuses (403) a request its predicate does not let
 * in (see {@code WebChat#mayReadOperatorDetails}).
 */
public final class ServiceMetrics {

    /** How long the index counts are reused: counting documents walks the index. */
    static final Duration INDEX_COUNTS_TTL = Duration.ofSeconds(30);

    /** What a request that may not read the metrics is told. */
    static final String REFUSED = "metrics are not public: scrape them from this machine, with Authorization: Bearer"
            + " and the web chat's secret (DOCENT_WEB_SECRET), or set DOCENT_METRICS_PUBLIC=true\n";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final LongSupplier nanoClock;

    public ServiceMetrics() {
        this(System::nanoTime);
    }

    ServiceMetrics(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** {@code answerer}, counted and timed as {@code platform}'s. Wrap the {@link AdmissionControl}'s, so busy counts. */
    public Answerer metered(String platform, Answerer answerer) {
        Counter errors = Counter.builder("docent_errors")
                .description("Questions that ended in an error")
                .tag("platform", platform)
                .register(registry);
        Counter busy = Counter.builder("docent_busy")
                .description("Questions turned away because the service was at its limit or stopping")
                .tag("platform", platform)
                .register(registry);
        for (Answer.Status status : Answer.Status.values()) { // every series from zero, so rates start at once
            registry.counter(
                    "docent_questions",
                    "platform",
                    platform,
                    "status",
                    status.name().toLowerCase(Locale.ROOT));
        }
        return new Answerer() {
            @Override
            public Answer answer(Question question) {
                return answer(question, AnswerProgress.NONE);
            }

            @Override
            public Answer answer(Question question, AnswerProgress progress) {
                long start = nanoClock.getAsLong();
                Answer answer;
                try {
                    answer = answerer.answer(question, progress);
                } catch (RuntimeException e) {
                    errors.increment();
                    count(platform, "FAILED", start);
                    throw e;
                }
                count(platform, answer.status().name(), start);
                switch (answer.status()) {
                    case FAILED -> errors.increment();
                    case BUSY -> busy.increment();
                    default -> record(answer);
                }
                return answer;
            }
        };
    }

    private void count(String platform, String status, long start) {
        String tag = status.toLowerCase(Locale.ROOT);
        registry.counter("docent_questions", "platform", platform, "status", tag)
                .increment();
        Timer.builder("docent_answer")
                .description("Time to answer a question, as the platform's adapter waited for it")
                .tags("platform", platform, "status", tag)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry)
                .record(Duration.ofNanos(nanoClock.getAsLong() - start));
    }

    private void record(Answer answer) {
        for (Map.Entry<String, Duration> stage : answer.timings().entrySet()) {
            Timer.builder("docent_stage")
                    .description("Time spent in each stage of the answer pipeline")
                    .tag("stage", stage.getKey())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(10_000))
                    .maximumExpectedValue(Duration.ofSeconds(60))
                    .register(registry)
                    .record(stage.getValue());
        }
        DistributionSummary.builder("docent_retrieval_hits")
                .description("Passages retrieved for a question")
                .serviceLevelObjectives(1, 2, 5, 10, 20, 50)
                .register(registry)
                .record(answer.evidence().size());
    }

    /** Answers running now, and the limit. */
    public void bind(AdmissionControl service) {
        Gauge.builder("docent_answers_in_flight", service, AdmissionControl::inFlight)
                .description("Answers being worked on now")
                .register(registry);
        Gauge.builder("docent_answers_max_concurrent", service, AdmissionControl::maxConcurrent)
                .description("DOCENT_MAX_CONCURRENT_ANSWERS")
                .register(registry);
    }

    /**
     * The index's documents and chunks, counted at most every {@link #INDEX_COUNTS_TTL}; not reported (NaN) while
     * the index is not open or the count fails.
     */
    public void bindIndex(Supplier<Optional<SearchIndex>> index) {
        var documents = new Cached(() -> index.get().map(SearchIndex::documentCount));
        var chunks = new Cached(() -> index.get().map(SearchIndex::chunkCount));
        // Micrometer holds a gauge's object weakly: nothing else refers to these two, so hold them strongly.
        Gauge.builder("docent_index_documents", documents, Cached::value)
                .strongReference(true)
                .description("Documents in the index")
                .register(registry);
        Gauge.builder("docent_index_chunks", chunks, Cached::value)
                .strongReference(true)
                .description("Chunks (passages) in the index")
                .register(registry);
    }

    /** The language model's tokens ({@code kind} prompt or completion). */
    public void bindTokens(TokenCounts tokens) {
        FunctionCounter.builder("docent_model_tokens", tokens, TokenCounts::promptTokens)
                .description("Language model tokens used")
                .tag("kind", "prompt")
                .register(registry);
        FunctionCounter.builder("docent_model_tokens", tokens, TokenCounts::completionTokens)
                .description("Language model tokens used")
                .tag("kind", "completion")
                .register(registry);
    }

    /** The Slack adapter's own counters ({@code docent_slack_events}, ...). */
    public void bindSlack(SlackMetrics slack) {
        for (String name : slack.snapshot().keySet()) {
            FunctionCounter.builder("docent_" + name, slack, s -> s.snapshot().getOrDefault(name, 0L))
                    .description("The Slack adapter's " + name.replace('_', ' '))
                    .register(registry);
        }
    }

    /** Counts a vote kept by the service's feedback sink, whichever surface it came from. */
    public void feedback(FeedbackRecord record) {
        registry.counter(
                        "docent_feedback",
                        "platform",
                        record.platform(),
                        "vote",
                        record.vote().name().toLowerCase(Locale.ROOT))
                .increment();
    }

    /**
     * Counts a call to the shared state (Redis) that used this process's memory instead, {@code store} naming which
     * ({@code slack}, {@code teams}, {@code answered}, {@code history}, {@code per-person-limit}, {@code feedback}).
     */
    public void redisFallback(String store) {
        registry.counter("docent_redis_fallbacks", "store", store).increment();
    }

    /**
     * Directory lookups that failed with nothing cached (Graph down or throttled), read from the directory of the
     * stack that is open; 0 while none is, or when the directory has no cache (none configured).
     */
    public void bindDirectory(Supplier<Optional<Directory>> directory) {
        FunctionCounter.builder("docent_directory_failures", directory, d -> d.get()
                        .filter(CachingDirectory.class::isInstance)
                        .map(c -> (double) ((CachingDirectory) c).failures())
                        .orElse(0.0))
                .description("Directory lookups that failed with nothing cached: the asker saw public documents only")
                .register(registry);
    }

    /** The metrics in Prometheus's text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** {@code GET /metrics}, for requests {@code allowed} lets in; others get 403 and how to get in. */
    public HttpHandler handler(Predicate<HttpExchange> allowed) {
        return exchange -> {
            if (!allowed.test(exchange)) {
                DocentServer.respond(exchange, 403, "text/plain; charset=utf-8", REFUSED);
                return;
            }
            DocentServer.respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", scrape());
        };
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** A value computed at most once per {@link #INDEX_COUNTS_TTL}. */
    private final class Cached {
        private final Supplier<Optional<Long>> compute;
        private long computedAt;
        private double value = Double.NaN;
        private boolean computed;

        Cached(Supplier<Optional<Long>> compute) {
            this.compute = compute;
        }

        synchronized double value() {
            long now = nanoClock.getAsLong();
            if (!computed || now - computedAt >= INDEX_COUNTS_TTL.toNanos()) {
                try {
                    value = compute.get()
                            .filter(v -> v >= 0)
                            .map(Long::doubleValue)
                            .orElse(Double.NaN);
                } catch (RuntimeException e) {
                    value = Double.NaN;
                }
                computed = true;
                computedAt = now;
            }
            return value;
        }
    }
}
