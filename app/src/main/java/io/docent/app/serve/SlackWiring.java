package io.docent.app.serve;

import io.docent.app.config.ConfigException;
import io.docent.app.config.Settings;
import io.docent.core.Answerer;
import io.docent.core.DocentException;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.slack.SlackAdapter;
import io.docent.slack.SlackSettings;
import io.docent.slack.event.Deduplicator;
import io.docent.slack.event.ThreadMemory;
import io.docent.slack.scope.ChannelScopes;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Slack in {@code docent serve}, when {@code SLACK_BOT_TOKEN} is set: Socket Mode with {@code SLACK_APP_TOKEN},
 * else the Events API at {@code /slack/events} (then {@code SLACK_SIGNING_SECRET} is required). Settings:
 *
 * <ul>
 *   <li>{@code SLACK_API_URL}: the Web API base URL (default {@value SlackSettings#DEFAULT_API_URL})
 *   <li>{@code DOCENT_SLACK_FOLLOW_UPS} (default true), {@code DOCENT_SLACK_IGNORE_BOTS} (default true)
 *   <li>{@code DOCENT_SLACK_MAX_MEMBERS_CHECKED} (default {@value SlackSettings#DEFAULT_MAX_MEMBERS_CHECKED}):
 *       larger channels are not checked for guests and answer as if one were present
 *   <li>{@code DOCENT_SCOPE_FILE}: the channel scope file (docs/slack.md), shared with Teams, read here so that a
 *       malformed one stops start-up; {@code DOCENT_FEEDBACK_LOG}: the feedback log (default
 *       {@code DOCENT_HOME/feedback.jsonl})
 * </ul>
 *
 * Who asks and who sees the answer come from Slack itself ({@code users.info}, {@code conversations.info},
 * {@code conversations.members}); what they may read is decided by the core's access policy, with the directory the
 * answerer was built with.
 */
public final class SlackWiring implements AutoCloseable {

    private final SlackAdapter adapter;

    private SlackWiring(SlackAdapter adapter) {
        this.adapter = adapter;
    }

    /** Entries the Slack adapter's claims and thread memory keep at most in this process's memory. */
    static final long LOCAL_STATE_SIZE = Deduplicator.MAXIMUM_SIZE + ThreadMemory.DEFAULT_MAXIMUM_SIZE;

    /**
     * Starts Slack on {@code server} if it is configured, with the events already claimed and the threads answered
     * in kept in {@code shared} (so that replicas answer each question once); a no-op holder otherwise. Call before
     * the server starts.
     */
    public static SlackWiring start(
            Settings settings,
            Answerer answerer,
            DocentServer server,
            FeedbackRecorder feedback,
            SharedState shared,
            PrintWriter err) {
        Optional<SlackSettings> slackSettings = settings(settings);
        if (slackSettings.isEmpty()) {
            return new SlackWiring(null);
        }
        SlackAdapter adapter = SlackAdapter.create(
                slackSettings.get(), answerer, feedback, shared.keyValues("slack", LOCAL_STATE_SIZE));
        try {
            if (slackSettings.get().socketMode()) {
                adapter.startSocketMode();
                err.println("docent: Slack connected over Socket Mode");
            } else {
                server.route("/slack/events", adapter.eventsHandler());
                err.println("docent: Slack Events API at /slack/events");
            }
        } catch (RuntimeException e) {
            adapter.close();
            throw e;
        }
        return new SlackWiring(adapter);
    }

    /** The adapter's settings from Docent's, or empty when {@code SLACK_BOT_TOKEN} is not set. */
    static Optional<SlackSettings> settings(Settings settings) {
        Optional<String> botToken = settings.get("SLACK_BOT_TOKEN");
        if (botToken.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> appToken = settings.get("SLACK_APP_TOKEN");
        Optional<String> signingSecret = settings.get("SLACK_SIGNING_SECRET");
        if (appToken.isEmpty() && signingSecret.isEmpty()) {
            throw new ConfigException("SLACK_SIGNING_SECRET is required for the Slack Events API at /slack/events"
                    + " (or set SLACK_APP_TOKEN to use Socket Mode instead)");
        }
        Path scopeFile = settings.get("DOCENT_SCOPE_FILE").map(Path::of).orElse(null);
        if (scopeFile != null && !Files.isRegularFile(scopeFile)) {
            throw new ConfigException("DOCENT_SCOPE_FILE points to " + scopeFile + ", which is not a readable file");
        }
        if (scopeFile != null) {
            try {
                ChannelScopes.load(scopeFile);
            } catch (DocentException.InvalidInput e) {
                throw new ConfigException(e.getMessage());
            }
        }
        try {
            return Optional.of(SlackSettings.builder(botToken.get())
                    .appToken(appToken.orElse(null))
                    .signingSecret(signingSecret.orElse(null))
                    .apiUrl(apiUrl(settings))
                    .followUps(settings.getBoolean("DOCENT_SLACK_FOLLOW_UPS", true))
                    .ignoreBots(settings.getBoolean("DOCENT_SLACK_IGNORE_BOTS", true))
                    .maxMembersChecked(settings.getInt(
                            "DOCENT_SLACK_MAX_MEMBERS_CHECKED",
                            SlackSettings.DEFAULT_MAX_MEMBERS_CHECKED,
                            0,
                            SlackSettings.MAX_MEMBERS_CHECKED))
                    .scopeFile(scopeFile)
                    .build());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Slack settings: " + e.getMessage());
        }
    }

    private static URI apiUrl(Settings settings) {
        String raw = settings.get("SLACK_API_URL", SlackSettings.DEFAULT_API_URL);
        try {
            URI uri = new URI(raw);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new URISyntaxException(raw, "not http(s)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException("SLACK_API_URL must be an http(s) URL like " + SlackSettings.DEFAULT_API_URL);
        }
    }

    /** The adapter's counters, when Slack is running. */
    public Optional<io.docent.slack.SlackMetrics> metrics() {
        return Optional.ofNullable(adapter).map(SlackAdapter::metrics);
    }

    /** Whether Slack is running. */
    public boolean active() {
        return adapter != null;
    }

    /** Stops taking Slack events and lets answers in progress finish (before the index closes). */
    @Override
    public void close() {
        if (adapter != null) {
            adapter.close();
        }
    }
}
