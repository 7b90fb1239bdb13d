package io.docent.app.serve;

import io.docent.app.DocentStack;
import io.docent.app.config.BackendConfig;
import io.docent.app.config.DocentConfig;
import io.docent.app.config.Settings;
import io.docent.app.web.WebChat;
import io.docent.core.Answer;
import io.docent.core.Answerer;
import io.docent.core.DocentException;
import io.docent.core.SearchIndex;
import io.docent.core.UserTexts;
import io.docent.core.azure.AzureDoctor;
import io.docent.core.doctor.Doctor;
import io.docent.core.doctor.Finding;
import io.docent.core.doctor.HealthCheck;
import io.docent.core.feedback.AnsweredMessages;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.core.feedback.FeedbackSink;
import io.docent.core.feedback.JsonLinesFeedbackLog;
import io.docent.core.lucene.LuceneSearchIndex;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code docent serve} assembled: the HTTP server with {@code /healthz}, {@code /readyz}, {@code /metrics} and the
 * configured platforms, all answering through one {@link AdmissionControl}. The details of {@code /readyz} and all of
 * {@code /metrics} are for the operator only ({@link WebChat#mayReadOperatorDetails}).
 *
 * <p>Start-up order: the server listens first (alive, not ready), then the index is opened (on first use the
 * sample handbook is indexed, which takes a while). When the index cannot be opened (locked by a writer, damaged,
 * built with another model) the service stays up: {@code /readyz} says why, answers say the index is unavailable,
 * and opening is tried again every {@link #REOPEN_INTERVAL} until it works.
 *
 * <p>Shutdown ({@link #close}): new questions are told the service is busy and {@code /readyz} fails at once, the
 * answers in flight get {@link ServeConfig#shutdownGrace()} to finish, then the platforms stop, the server stops and
 * the index is closed.
 */
public final class DocentService implements AutoCloseable {

    static final Duration REOPEN_INTERVAL = Duration.ofSeconds(10);
    /** How long a remote backend's check is reused: the model's check is a (tiny) completion. */
    static final Duration BACKEND_CHECK_TTL = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(DocentService.class);

    private final Settings settings;
    private final ServeConfig config;
    private final Function<DocentConfig, DocentStack> opener;
    private final ServiceMetrics metrics = new ServiceMetrics();
    private final SharedState shared;
    private final AdmissionControl answers;
    private final Readiness readiness;
    private final CountDownLatch opened = new CountDownLatch(1);
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile DocentStack stack;
    private volatile String indexProblem = "the index is being opened";
    private DocentServer server;
    private SlackWiring slack;
    private TeamsWiring teams;
    private JsonLinesFeedbackLog feedbackLog; // one log for every surface; null without Slack and Teams
    private Thread openerThread; // kept for debugging: a daemon that ends when the index opens or the service closes

    private DocentService(Settings settings, ServeConfig config, Function<DocentConfig, DocentStack> opener) {
        this.settings = settings;
        this.config = config;
        this.opener = opener;
        this.shared = SharedState.open(config.redis(), metrics::redisFallback);
        this.answers = new AdmissionControl(
                this::pipeline,
                new AdmissionControl.Limits(
                        config.maxConcurrentAnswers(),
                        config.maxWaitingQuestions(),
                        AdmissionControl.DEFAULT_MAX_WAIT,
                        config.maxAnswersPerPerson()),
                shared.perPersonLimit());
        List<Readiness.Check> checks = new ArrayList<>();
        checks.add(() -> answers.accepting() ? Optional.empty() : Optional.of("shutting down"));
        checks.add(this::indexProblem);
        checks.addAll(backendChecks(config.docent().backends()));
        this.readiness = new Readiness(checks, List.of(shared::problem), Readiness.DEFAULT_TTL);
    }

    /**
     * Checks the settings, listens on {@code DOCENT_BIND:DOCENT_PORT}, mounts the configured platforms and starts
     * opening the index with {@code opener} in the background, given the configuration read here (so that it is not
     * read again).
     *
     * @throws io.docent.app.config.ConfigException naming every wrong setting
     */
    public static DocentService start(Settings settings, Function<DocentConfig, DocentStack> opener, PrintWriter err) {
        ServeConfig config = ServeConfig.read(settings);
        var service = new DocentService(settings, config, opener);
        try {
            service.startServer(err);
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    /**
     * The votes of every surface, in one JSON-lines file ({@code DOCENT_FEEDBACK_LOG}, default {@code
     * DOCENT_HOME/feedback.jsonl}) opened once, and counted in {@code docent_feedback}; no file when no surface that
     * takes votes (Slack, Teams, the web chat) is on. With shared state, on the Redis stream, the file only while
     * Redis fails.
     */
    private FeedbackSink feedbackSink(WebChat web) {
        if (settings.get("SLACK_BOT_TOKEN").isEmpty() && !teams.enabled() && !web.enabled()) {
            return FeedbackSink.NONE;
        }
        Path file = settings.get("DOCENT_FEEDBACK_LOG")
                .map(Path::of)
                .orElse(DocentStack.home(settings).resolve("feedback.jsonl"));
        feedbackLog = JsonLinesFeedbackLog.open(file);
        return FeedbackSink.observed(shared.feedback(feedbackLog), metrics::feedback);
    }

    private void startServer(PrintWriter err) {
        teams = TeamsWiring.from(settings);
        String host = teams.bindHost(config.bind());
        server = DocentServer.bind(host, config.port());
        WebChat web = WebChat.from(settings);
        server.route("/readyz", readiness.handler(web::mayReadOperatorDetails));
        server.route("/metrics", metrics.handler(web::mayReadMetrics));
        metrics.bind(answers);
        metrics.bindIndex(() -> Optional.ofNullable(stack).map(DocentStack::index));
        metrics.bindDirectory(() -> Optional.ofNullable(stack).map(DocentStack::directory));
        var answered = new AnsweredMessages(shared.keyValues("answered", AnsweredMessages.DEFAULT_MAXIMUM_SIZE));
        var feedback = new FeedbackRecorder(answered, feedbackSink(web), Clock.systemUTC());
        slack = SlackWiring.start(settings, answerer("slack"), server, feedback, shared, err);
        slack.metrics().ifPresent(metrics::bindSlack);
        teams.mount(server, answerer("teams"), feedback, shared);
        web.mount(server, answerer("web"), feedback);
        server.start();
        err.println("docent: serving on http://" + host + ":" + server.port()
                + " (health: /healthz, readiness: /readyz, metrics: /metrics)");
        err.flush();
        openerThread = Thread.ofPlatform().name("docent-index-opener").daemon().start(this::openIndex);
    }

    /** The answerer for {@code platform}: bounded, traced and counted. */
    public Answerer answerer(String platform) {
        return metrics.metered(platform, answers.forPlatform(platform));
    }

    private Answerer pipeline() {
        DocentStack s = stack;
        if (s != null) {
            return s.pipeline();
        }
        return question -> {
            String reference = UserTexts.newReference();
            log.warn(
                    "Question not answered (reference {}): the index is not open yet; see the index opener's log",
                    reference);
            return Answer.failed(UserTexts.indexUnavailable(reference));
        };
    }

    private void openIndex() {
        while (!closed.get()) {
            try {
                DocentStack s = opener.apply(config.docent());
                synchronized (this) {
                    if (closed.get()) {
                        s.close();
                        return;
                    }
                    stack = s;
                }
                metrics.bindTokens(s.tokens());
                indexProblem = null;
                readiness.invalidate();
                opened.countDown();
                log.info("The index is open: {}", s.index());
                return;
            } catch (DocentException e) {
                indexProblem = "index: " + e.getMessage();
                readiness.invalidate();
                log.error(
                        "The index could not be opened (trying again in {} s): {}",
                        REOPEN_INTERVAL.toSeconds(),
                        e.getMessage());
            } catch (RuntimeException e) {
                indexProblem = "index: could not be opened (" + e.getClass().getSimpleName() + ", see the log)";
                readiness.invalidate();
                log.error("The index could not be opened (trying again in {} s)", REOPEN_INTERVAL.toSeconds(), e);
            }
            try {
                if (closing.await(REOPEN_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Optional<String> indexProblem() {
        String problem = indexProblem;
        if (problem != null) {
            return Optional.of(problem);
        }
        DocentStack s = stack;
        SearchIndex index = s.index();
        if (index instanceof LuceneSearchIndex lucene && !Files.isDirectory(lucene.path())) {
            return Optional.of("index: the directory " + lucene.path() + " is gone");
        }
        try {
            index.chunkCount();
            return Optional.empty();
        } catch (DocentException e) {
            return Optional.of("index: " + e.getMessage());
        }
    }

    /** The configured remote backends' doctor checks; problems (not warnings) make the service not ready. */
    private static List<Readiness.Check> backendChecks(BackendConfig backends) {
        List<Readiness.Check> checks = new ArrayList<>();
        for (HealthCheck check : AzureDoctor.checks(backends.openAi(), backends.azureSearch(), null, 0)) {
            checks.add(Readiness.cached(
                    () -> {
                        List<Finding> problems = new Doctor(List.of(check))
                                .examine().stream()
                                        .filter(f -> f.severity() == Finding.Severity.PROBLEM)
                                        .toList();
                        return problems.isEmpty()
                                ? Optional.empty()
                                : Optional.of(problems.get(0).backend() + ", "
                                        + problems.get(0).check() + ": "
                                        + problems.get(0).message());
                    },
                    BACKEND_CHECK_TTL));
        }
        return checks;
    }

    /** Waits until the index is open; false if it is not within {@code timeout}. */
    public boolean awaitIndex(Duration timeout) throws InterruptedException {
        return opened.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int port() {
        return server.port();
    }

    public Readiness readiness() {
        return readiness;
    }

    public ServiceMetrics metrics() {
        return metrics;
    }

    public AdmissionControl answers() {
        return answers;
    }

    /** Stops taking questions, lets those in flight finish within the grace, stops the platforms and the server, closes the index. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing.countDown();
        readiness.invalidate();
        boolean finished = answers.shutdown(config.shutdownGrace());
        log.info("Shutting down: answers in flight {}", finished ? "finished" : "cut short");
        if (slack != null) {
            slack.close();
        }
        if (teams != null) {
            teams.close();
        }
        if (feedbackLog != null) {
            feedbackLog.close();
        }
        if (server != null) {
            server.stop(Duration.ofSeconds(1));
        }
        shared.close();
        synchronized (this) {
            if (stack != null) {
                stack.close();
            }
        }
    }
}
