package io.docent.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import com.slack.api.bolt.middleware.builtin.SingleTeamAuthorization;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.sun.net.httpserver.HttpHandler;
import io.docent.core.Answerer;
import io.docent.core.DocentException;
import io.docent.core.KeyValueStore;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.slack.access.Askers;
import io.docent.slack.access.ChannelAudiences;
import io.docent.slack.access.Identities;
import io.docent.slack.event.BotIdentity;
import io.docent.slack.event.Deduplicator;
import io.docent.slack.event.ThreadMemory;
import io.docent.slack.event.Triage;
import io.docent.slack.feedback.FeedbackClicks;
import io.docent.slack.http.EventsEndpoint;
import io.docent.slack.reply.Replier;
import io.docent.slack.reply.ThreadHistory;
import io.docent.slack.reply.Workers;
import io.docent.slack.scope.ChannelScopes;
import io.docent.slack.web.RateLimitRetry;
import io.docent.slack.web.SlackWeb;
import io.docent.slack.web.UserDirectory;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Docent in Slack: answers mentions and direct messages in threads, with the thread's history, citations and
 * feedback buttons, through an {@link Answerer}; an answer the answerer writes gradually is shown as it is written. Each question says who asks and who will see the answer
 * ({@link io.docent.slack.access.Askers}); the answerer's access policy does the rest.
 *
 * <p>{@link #create} checks the bot token with {@code auth.test} and stops with a message naming
 * {@code SLACK_BOT_TOKEN} if Slack refuses it. Then either {@link #startSocketMode()} (with an app token: no public
 * URL needed), or mount {@link #eventsHandler()} at {@code /slack/events} on an HTTP server (with the signing
 * secret). {@link #close()} stops taking events and lets answers in progress finish.
 */
public final class SlackAdapter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);
    private static final long DRAIN_SECONDS = 20;

    private final SlackSettings settings;
    private final Slack slack;
    private final App app;
    private final BotIdentity bot;
    private final SlackMetrics metrics;
    private final Workers workers;
    private SocketMode socketMode;

    private SlackAdapter(Builder b) {
        this.settings = b.settings;
        this.slack = b.slack;
        this.app = b.app;
        this.bot = b.bot;
        this.metrics = b.metrics;
        this.workers = b.workers;
    }

    /**
     * Connects to Slack's Web API and checks the bot token; events are not received until a mode is started. Answer
     * messages are remembered in, and votes recorded by, the service's {@code feedback} (shared with other surfaces).
     */
    public static SlackAdapter create(SlackSettings settings, Answerer answerer, FeedbackRecorder feedback) {
        return create(settings, answerer, Hooks.system(), feedback);
    }

    /**
     * As {@link #create(SlackSettings, Answerer, FeedbackRecorder)}, with the events already claimed and the threads
     * Docent answered in kept in {@code state}, shared with the service's other replicas (Redis), so that each
     * question is answered once whichever replica Slack delivers it to.
     */
    public static SlackAdapter create(
            SlackSettings settings, Answerer answerer, FeedbackRecorder feedback, KeyValueStore state) {
        return create(settings, answerer, Hooks.system(), feedback, java.util.Objects.requireNonNull(state, "state"));
    }

    /** As {@link #create(SlackSettings, Answerer, FeedbackRecorder)}, keeping no votes (tests, tools). */
    public static SlackAdapter create(SlackSettings settings, Answerer answerer, Hooks hooks) {
        return create(settings, answerer, hooks, FeedbackRecorder.discarding());
    }

    /** With time, sleeps and ids from {@code hooks} (tests). */
    public static SlackAdapter create(
            SlackSettings settings, Answerer answerer, Hooks hooks, FeedbackRecorder feedback) {
        return create(settings, answerer, hooks, feedback, null);
    }

    /** With {@code state} shared between replicas, or {@code null} for this process's memory. */
    static SlackAdapter create(
            SlackSettings settings, Answerer answerer, Hooks hooks, FeedbackRecorder feedback, KeyValueStore state) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl().toString());
        config.setStatsEnabled(false);
        Slack slack = Slack.getInstance(config);
        try {
            return new Builder(settings, answerer, hooks, slack, feedback, state).build();
        } catch (RuntimeException e) {
            closeQuietly(slack);
            throw e;
        }
    }

    /** Who Docent is in the workspace, as {@code auth.test} said. */
    public BotIdentity bot() {
        return bot;
    }

    public SlackMetrics metrics() {
        return metrics;
    }

    /** Connects over Socket Mode ({@code SLACK_APP_TOKEN} required) and returns once connected or retrying. */
    public synchronized void startSocketMode() {
        if (settings.appToken() == null) {
            throw new IllegalStateException("Socket Mode needs an app token (SLACK_APP_TOKEN)");
        }
        if (socketMode == null) {
            socketMode = SocketMode.start(slack, app, settings.appToken());
        }
    }

    /** The Events API endpoint, to mount at {@code /slack/events}; needs the signing secret. */
    public HttpHandler eventsHandler() {
        if (settings.signingSecret() == null) {
            throw new IllegalStateException("the Events API needs the signing secret (SLACK_SIGNING_SECRET)");
        }
        return new EventsEndpoint(app);
    }

    @Override
    public synchronized void close() {
        if (socketMode != null) {
            socketMode.close();
            socketMode = null;
        }
        app.stop();
        workers.close(DRAIN_SECONDS);
        closeQuietly(slack);
    }

    private static void closeQuietly(Slack slack) {
        try {
            slack.close();
        } catch (Exception e) {
            log.debug("Closing the Slack client failed", e);
        }
    }

    /** Assembles the parts; kept apart so that the adapter itself reads as its few operations. */
    private static final class Builder {
        private final SlackSettings settings;
        private final Slack slack;
        private final SlackMetrics metrics = new SlackMetrics();
        private App app;
        private BotIdentity bot;
        private Workers workers;
        private final FeedbackRecorder feedback;
        private final Answerer answerer;
        private final Hooks hooks;
        private final KeyValueStore state; // null: in memory

        Builder(
                SlackSettings settings,
                Answerer answerer,
                Hooks hooks,
                Slack slack,
                FeedbackRecorder feedback,
                KeyValueStore state) {
            this.settings = settings;
            this.state = state;
            this.feedback = java.util.Objects.requireNonNull(feedback, "feedback");
            this.answerer = answerer;
            this.hooks = hooks;
            this.slack = slack;
        }

        SlackAdapter build() {
            SlackWeb web = new SlackWeb(slack.methods(settings.botToken()), new RateLimitRetry(hooks.sleeper()));
            AuthTestResponse auth = authenticate(web);
            bot = new BotIdentity(auth.getUserId(), auth.getBotId(), auth.getTeamId(), auth.getEnterpriseId());
            ChannelScopes scopes = ChannelScopes.load(settings.scopeFile());
            var dedup = state == null
                    ? new Deduplicator(settings.dedupeTtl(), hooks.ticker())
                    : new Deduplicator(state, settings.dedupeTtl());
            var threads = state == null ? new ThreadMemory(hooks.ticker()) : new ThreadMemory(state);
            var users = new UserDirectory(web::userInfo, hooks.ticker());
            var audiences = new ChannelAudiences(
                    web, users, bot, settings.maxMembersChecked(), ChannelAudiences.DEFAULT_TTL, hooks.ticker());
            var askers = new Askers(new Identities(users, bot), audiences, scopes);
            var history = new ThreadHistory(bot);
            workers = new Workers("docent-slack");
            var replier = new Replier(
                    web, answerer, bot, history, users, scopes, askers, threads, dedup, feedback, metrics, hooks);
            var triage = new Triage(bot, settings.followUps(), settings.ignoreBots());
            var router = new EventRouter(triage, dedup, threads, replier, workers, metrics);
            var clicks = new FeedbackClicks(feedback, web, metrics);
            AppConfig config = appConfig();
            app = new App(config, slack, middleware(config, auth));
            BoltHandlers.register(app, router, clicks, workers, audiences);
            log.info("Slack: connected as {} (bot {}) in team {}", bot.userId(), bot.botId(), bot.teamId());
            return new SlackAdapter(this);
        }

        private AuthTestResponse authenticate(SlackWeb web) {
            AuthTestResponse auth;
            try {
                auth = web.authTest();
            } catch (DocentException e) {
                throw new DocentException(
                        "cannot reach Slack's Web API at " + settings.apiUrl()
                                + " (SLACK_API_URL) to check SLACK_BOT_TOKEN: " + e.getMessage(),
                        e);
            }
            if (!auth.isOk()) {
                throw new DocentException.AuthenticationFailed(
                        "Slack refused SLACK_BOT_TOKEN (auth.test: " + auth.getError()
                                + "); set it to the app's Bot User OAuth Token (xoxb-...)",
                        null);
            }
            return auth;
        }

        private AppConfig appConfig() {
            return AppConfig.builder()
                    .slack(slack)
                    .singleTeamBotToken(settings.botToken())
                    .signingSecret(settings.signingSecret())
                    .authTestCacheExpirationMillis(-1) // checked at start-up; no auth.test on the ack path
                    .ignoringSelfEventsEnabled(false) // Triage does it without bots.info calls
                    .allEventsApiAutoAckEnabled(true) // ack events nobody listens to, so Slack does not retry them
                    .sslCheckEnabled(false)
                    .threadPoolSize(1)
                    .build();
        }

        private List<Middleware> middleware(AppConfig config, AuthTestResponse auth) {
            List<Middleware> list = new ArrayList<>();
            if (settings.signingSecret() != null) {
                // Skips Socket Mode requests by itself; rejects unsigned, badly signed and stale HTTP requests (401).
                list.add(new RequestVerification(
                        new SlackSignature.Verifier(new SlackSignature.Generator(settings.signingSecret()))));
            }
            list.add(new SingleTeamAuthorization(config, auth, null));
            return list;
        }
    }
}
