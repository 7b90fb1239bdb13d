package io.docent.teams;

import com.github.benmanes.caffeine.cache.Ticker;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.sun.net.httpserver.HttpHandler;
import io.docent.core.Answerer;
import io.docent.core.ConversationStore;
import io.docent.core.KeyValueStore;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.teams.access.AskerResolver;
import io.docent.teams.access.ConnectorRoster;
import io.docent.teams.access.RosterAskers;
import io.docent.teams.auth.AuthEndpoints;
import io.docent.teams.auth.RequestAuthenticator;
import io.docent.teams.bot.AnswerDispatcher;
import io.docent.teams.bot.ConnectorAdapter;
import io.docent.teams.bot.DocentTeamsBot;
import io.docent.teams.bot.Replies;
import io.docent.teams.http.DeliveryDedup;
import io.docent.teams.http.MessagesEndpoint;
import io.docent.teams.scope.TeamsScopes;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Docent's Teams endpoint. Mount {@link #httpHandler()} at {@code POST /api/messages}, or call
 * {@link #handle(String, byte[])} with the {@code Authorization} header and the body; {@link #stop()} finishes the
 * answers in flight.
 *
 * <p>A request returns as soon as the turn is decided (milliseconds): the answer is computed on Docent's own
 * executor and sent into the same conversation or channel thread through the Bot Connector, streamed as it is
 * written in a 1:1 chat, else after a typing indicator. With {@link #requiresLocalhostOnly()} the server must listen
 * on the loopback interface only (no app id: authentication is off).
 */
public final class TeamsAdapter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TeamsAdapter.class);

    private final TeamsSettings settings;
    private final MessagesEndpoint endpoint;
    private final AnswerDispatcher dispatcher;

    private TeamsAdapter(Builder b) {
        this.settings = b.settings;
        AppCredentials credentials = b.credentials != null ? b.credentials : credentialsFor(b.settings);
        var adapter = new ConnectorAdapter(credentials);
        this.dispatcher = AnswerDispatcher.virtualThreads();
        AskerResolver askers = b.askers != null
                ? b.askers
                : new RosterAskers(
                        new ConnectorRoster(credentials, ConnectorRoster.DEFAULT_TIMEOUT),
                        b.settings.tenantId(),
                        RosterAskers.DEFAULT_MEMBER_TTL,
                        RosterAskers.DEFAULT_AUDIENCE_TTL,
                        b.ticker);
        var bot = new DocentTeamsBot(
                b.answerer,
                b.store,
                b.scopes,
                b.feedback,
                new Replies(adapter, b.settings.appId()),
                askers,
                dispatcher);
        this.endpoint = new MessagesEndpoint(
                new RequestAuthenticator(b.settings, b.authEndpoints, RequestAuthenticator.DEFAULT_TIMEOUT),
                b.settings.authenticationEnabled(),
                b.settings.effectiveAllowedTenants(),
                b.deliveries == null
                        ? new DeliveryDedup(b.dedupTtl, b.ticker)
                        : new DeliveryDedup(b.deliveries, b.dedupTtl),
                adapter,
                bot);
        if (!b.settings.authenticationEnabled()) {
            log.warn("Teams: MicrosoftAppId is empty and DOCENT_TEAMS_INSECURE_LOCAL=true: requests are NOT"
                    + " authenticated; listening on localhost only");
        }
    }

    public static Builder builder(TeamsSettings settings, Answerer answerer, ConversationStore store) {
        return new Builder(settings, answerer, store);
    }

    /** The credentials Docent uses to call the Bot Connector: a single-tenant bot gets its token from its tenant. */
    static AppCredentials credentialsFor(TeamsSettings settings) {
        if (!settings.authenticationEnabled()) {
            return MicrosoftAppCredentials.empty();
        }
        String tenant = settings.appType() == TeamsSettings.AppType.SINGLE_TENANT ? settings.tenantId() : null;
        return new MicrosoftAppCredentials(settings.appId(), settings.appPassword(), tenant);
    }

    /** Handles one {@code POST /api/messages}. Never throws. */
    public TeamsResponse handle(String authorization, byte[] body) {
        return endpoint.handle(authorization, body);
    }

    /** The HTTP handler for {@code /api/messages} on a JDK {@code HttpServer}. */
    public HttpHandler httpHandler() {
        return new MessagesHttpHandler(this);
    }

    /** Whether the server must bind to localhost only: authentication is off (no app id). */
    public boolean requiresLocalhostOnly() {
        return !settings.authenticationEnabled();
    }

    public TeamsSettings settings() {
        return settings;
    }

    /** Stops taking answers and waits up to {@code grace} for those in flight. */
    public void stop(Duration grace) {
        dispatcher.close(grace);
    }

    public void stop() {
        stop(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        stop();
    }

    /** Optional parts; the defaults suit production. */
    public static final class Builder {
        private final TeamsSettings settings;
        private final Answerer answerer;
        private final ConversationStore store;
        private TeamsScopes scopes = TeamsScopes.PUBLIC_ONLY;
        private FeedbackRecorder feedback = FeedbackRecorder.discarding();
        private Duration dedupTtl = DeliveryDedup.DEFAULT_TTL;
        private AuthEndpoints authEndpoints = AuthEndpoints.MICROSOFT;
        private AppCredentials credentials;
        private AskerResolver askers;
        private Ticker ticker = Ticker.systemTicker();
        private KeyValueStore deliveries; // null: in memory

        private Builder(TeamsSettings settings, Answerer answerer, ConversationStore store) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.answerer = Objects.requireNonNull(answerer, "answerer");
            this.store = Objects.requireNonNull(store, "store");
        }

        /** What each conversation may search and what it is granted (default: everything, no grants). */
        public Builder scopes(TeamsScopes scopes) {
            this.scopes = Objects.requireNonNull(scopes, "scopes");
            return this;
        }

        /**
         * The service's recorder, which remembers answer messages and keeps votes (default: one that keeps none, each
         * vote is only logged).
         */
        public Builder feedback(FeedbackRecorder feedback) {
            this.feedback = Objects.requireNonNull(feedback, "feedback");
            return this;
        }

        /** How long a delivered activity id is remembered against redeliveries (default 15 minutes). */
        public Builder dedupTtl(Duration dedupTtl) {
            this.dedupTtl = Objects.requireNonNull(dedupTtl, "dedupTtl");
            return this;
        }

        /**
         * Where delivered activity ids are remembered (default: in memory); a store shared by the service's replicas
         * (Redis) recognises a redelivery that reaches another replica.
         */
        public Builder deliveries(KeyValueStore deliveries) {
            this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
            return this;
        }

        /** Where signing keys are published (tests serve their own). */
        public Builder authEndpoints(AuthEndpoints authEndpoints) {
            this.authEndpoints = Objects.requireNonNull(authEndpoints, "authEndpoints");
            return this;
        }

        /** The credentials for calling the Bot Connector (default: from the settings; tests bring a fixed token). */
        public Builder credentials(AppCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /**
         * Who asks and who sees the answer (default: the Bot Connector's member lists of each conversation, cached,
         * with {@code MicrosoftAppTenantId} as the home tenant).
         */
        public Builder askers(AskerResolver askers) {
            this.askers = Objects.requireNonNull(askers, "askers");
            return this;
        }

        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        public TeamsAdapter build() {
            return new TeamsAdapter(this);
        }
    }
}
