package io.docent.app.serve;

import io.docent.app.config.ConfigException;
import io.docent.app.config.Settings;
import io.docent.core.Answerer;
import io.docent.core.ConversationStore;
import io.docent.core.DocentException;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.core.file.FileConversationStore;
import io.docent.core.memory.CaffeineConversationStore;
import io.docent.teams.TeamsAdapter;
import io.docent.teams.TeamsSettings;
import io.docent.teams.scope.TeamsScopes;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teams in {@code docent serve}: reads the Teams settings (so that a wrong one stops start-up before the index
 * opens), decides where the server may listen, and mounts {@code POST /api/messages}. Teams is on when
 * {@code MicrosoftAppId} is set, or {@code DOCENT_TEAMS_INSECURE_LOCAL=true} (no authentication: localhost only).
 *
 * <p>Settings: {@code MicrosoftAppId}, {@code MicrosoftAppPassword}, {@code MicrosoftAppType} (SingleTenant or
 * MultiTenant; default SingleTenant when {@code MicrosoftAppTenantId} is set), {@code MicrosoftAppTenantId},
 * {@code DOCENT_TEAMS_ALLOWED_TENANTS} (comma-separated), {@code DOCENT_TEAMS_TRUSTED_CALLERS} (comma-separated app
 * ids that may call with a token of the bot's own tenant, besides the bot itself), {@code DOCENT_TEAMS_INSECURE_LOCAL},
 * {@code DOCENT_TEAMS_HISTORY_DIR} (durable history
 * in files; default in memory; with {@code DOCENT_REDIS_URL}, on Redis and these only while Redis fails), {@code DOCENT_SCOPE_FILE}, {@code DOCENT_FEEDBACK_LOG} (default
 * {@code DOCENT_HOME/feedback.jsonl}).
 *
 * <p>Who may read what is not decided here: the Teams adapter tells the answerer who asks (from the Bot Connector's
 * member lists, with {@code MicrosoftAppTenantId} as the home tenant) and where, the scope file's {@code accessGroups}
 * become a channel's grants, and the answerer's access policy ({@code DOCENT_DIRECTORY_FILE}) does the rest.
 */
public final class TeamsWiring implements AutoCloseable {

    public static final String PATH = "/api/messages";
    private static final Logger log = LoggerFactory.getLogger(TeamsWiring.class);
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private final Settings settings;
    private final TeamsSettings teams;
    /** The scope file as read once at {@link #from}, or empty (no file: public only, no grants). */
    private final Optional<TeamsScopes> scopes;

    private TeamsAdapter adapter;

    private TeamsWiring(Settings settings, TeamsSettings teams, Optional<TeamsScopes> scopes) {
        this.settings = settings;
        this.teams = teams;
        this.scopes = scopes;
    }

    /** Reads and checks the Teams settings; Teams is off when neither an app id nor insecure-local is set. */
    public static TeamsWiring from(Settings settings) {
        Optional<String> appId = settings.get("MicrosoftAppId");
        boolean insecureLocal = settings.getBoolean("DOCENT_TEAMS_INSECURE_LOCAL", false);
        if (appId.isEmpty() && !insecureLocal) {
            return new TeamsWiring(settings, null, Optional.empty());
        }
        try {
            var teams = new TeamsSettings(
                    appId.orElse(""),
                    settings.get("MicrosoftAppPassword", ""),
                    settings.get("MicrosoftAppType")
                            .map(TeamsSettings.AppType::parse)
                            .orElse(null),
                    settings.get("MicrosoftAppTenantId", ""),
                    list(settings, "DOCENT_TEAMS_ALLOWED_TENANTS"),
                    insecureLocal,
                    list(settings, "DOCENT_TEAMS_TRUSTED_CALLERS"));
            Optional<TeamsScopes> scopes =
                    settings.get("DOCENT_SCOPE_FILE").map(Path::of).map(TeamsScopes::load);
            return new TeamsWiring(settings, teams, scopes);
        } catch (DocentException.InvalidInput e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static Set<String> list(Settings settings, String name) {
        return Arrays.stream(settings.get(name, "").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    /** The Teams settings as read, or {@code null} when Teams is off. */
    TeamsSettings settings() {
        return teams;
    }

    public boolean enabled() {
        return teams != null;
    }

    /**
     * Where the server may listen: as asked, except that Teams without authentication allows loopback only
     * ({@code 127.0.0.1} when {@code DOCENT_BIND} is not set).
     *
     * @throws ConfigException when {@code DOCENT_BIND} asks for more than loopback in that case
     */
    public String bindHost(String requested) {
        if (teams == null || teams.authenticationEnabled()) {
            return requested;
        }
        Optional<String> explicit = settings.get("DOCENT_BIND");
        if (explicit.isEmpty()) {
            return "127.0.0.1";
        }
        if (!LOOPBACK.contains(explicit.get())) {
            throw new ConfigException("DOCENT_TEAMS_INSECURE_LOCAL=true serves Teams without authentication, so"
                    + " docent serve listens on localhost only: unset DOCENT_BIND or set it to 127.0.0.1,"
                    + " or configure MicrosoftAppId and MicrosoftAppPassword");
        }
        return explicit.get();
    }

    /** Delivered activity ids this process's memory keeps at most. */
    static final int LOCAL_DELIVERIES = 200_000;

    /**
     * Builds the adapter on {@code answerer} and mounts it at {@value #PATH}, answer messages remembered and votes
     * recorded by the service's {@code feedback}, history and delivered activities kept in {@code shared} (so that
     * any replica answers a follow-up with its history, and a redelivery once); nothing when Teams is off.
     */
    public void mount(DocentServer server, Answerer answerer, FeedbackRecorder feedback, SharedState shared) {
        if (teams == null) {
            return;
        }
        TeamsAdapter.Builder builder = TeamsAdapter.builder(
                        teams, answerer, shared.conversations(this::conversationStore))
                .feedback(feedback)
                .deliveries(shared.keyValues("teams", LOCAL_DELIVERIES));
        scopes.ifPresent(builder::scopes); // read once, at from()
        adapter = builder.build();
        server.route(PATH, adapter.httpHandler());
        log.info(
                "Teams: POST {} ({}, {}){}",
                PATH,
                teams.authenticationEnabled() ? "app " + teams.appId() : "no authentication",
                teams.appType(),
                teams.effectiveAllowedTenants().isEmpty() ? "" : ", tenants " + teams.effectiveAllowedTenants());
    }

    private ConversationStore conversationStore() {
        return settings.get("DOCENT_TEAMS_HISTORY_DIR")
                .<ConversationStore>map(dir -> new FileConversationStore(Path.of(dir)))
                .orElseGet(CaffeineConversationStore::new);
    }

    /** Finishes the answers in flight. */
    @Override
    public void close() {
        if (adapter != null) {
            adapter.stop();
        }
    }
}
