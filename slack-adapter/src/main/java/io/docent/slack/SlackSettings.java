package io.docent.slack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the Slack adapter connects and behaves. Secrets are held here but never shown: {@link #toString()} masks them.
 *
 * @param botToken the bot token ({@code xoxb-...}, {@code SLACK_BOT_TOKEN}); required
 * @param appToken the app-level token ({@code xapp-...}, {@code SLACK_APP_TOKEN}) for Socket Mode, or {@code null}
 *     for the Events API over HTTP
 * @param signingSecret the signing secret ({@code SLACK_SIGNING_SECRET}) that Events API requests are verified with;
 *     required for the Events API, unused in Socket Mode
 * @param apiUrl the Web API base URL, ending in {@code /} (default {@value #DEFAULT_API_URL})
 * @param followUps answer replies in a thread where Docent already answered, without a new mention
 * @param ignoreBots ignore messages from other bots (Docent always ignores its own)
 * @param scopeFile the JSON file that maps channel IDs to what they may search, or {@code null} for no restriction
 * @param dedupeTtl how long event ids and message timestamps are remembered to drop duplicate deliveries
 * @param maxMembersChecked channels with more members than this are not checked for guests (one {@code users.info}
 *     per member) and count as having guests: public documents and their grants only (default
 *     {@value #DEFAULT_MAX_MEMBERS_CHECKED}; 0 checks none)
 */
public record SlackSettings(
        String botToken,
        String appToken,
        String signingSecret,
        URI apiUrl,
        boolean followUps,
        boolean ignoreBots,
        Path scopeFile,
        Duration dedupeTtl,
        int maxMembersChecked) {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";
    public static final Duration DEFAULT_DEDUPE_TTL = Duration.ofMinutes(15);
    /** Slack retries an event for up to about 5 minutes; duplicates must be remembered longer than that. */
    public static final Duration MIN_DEDUPE_TTL = Duration.ofMinutes(10);

    public static final int DEFAULT_MAX_MEMBERS_CHECKED = 200;
    public static final int MAX_MEMBERS_CHECKED = 10_000;

    public SlackSettings {
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException("botToken (SLACK_BOT_TOKEN) is required");
        }
        appToken = appToken == null || appToken.isBlank() ? null : appToken.strip();
        signingSecret = signingSecret == null || signingSecret.isBlank() ? null : signingSecret.strip();
        apiUrl = withTrailingSlash(apiUrl == null ? URI.create(DEFAULT_API_URL) : apiUrl);
        Objects.requireNonNull(dedupeTtl, "dedupeTtl");
        if (dedupeTtl.compareTo(MIN_DEDUPE_TTL) < 0) {
            throw new IllegalArgumentException("dedupeTtl must be at least 10 minutes, was " + dedupeTtl);
        }
        if (maxMembersChecked < 0 || maxMembersChecked > MAX_MEMBERS_CHECKED) {
            throw new IllegalArgumentException(
                    "maxMembersChecked must be between 0 and " + MAX_MEMBERS_CHECKED + ", was " + maxMembersChecked);
        }
    }

    /** Settings with every default and this bot token. */
    public static Builder builder(String botToken) {
        return new Builder(botToken);
    }

    /** Whether Socket Mode is used (an app token is set) rather than the Events API over HTTP. */
    public boolean socketMode() {
        return appToken != null;
    }

    private static URI withTrailingSlash(URI uri) {
        String s = uri.toString();
        if (!s.startsWith("http://") && !s.startsWith("https://")) {
            throw new IllegalArgumentException("apiUrl must be an http(s) URL, was " + s);
        }
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    @Override
    public String toString() {
        return "SlackSettings[botToken=***, appToken=" + (appToken == null ? "none" : "***") + ", signingSecret="
                + (signingSecret == null ? "none" : "***") + ", apiUrl=" + apiUrl + ", followUps=" + followUps
                + ", ignoreBots=" + ignoreBots
                + ", scopeFile=" + scopeFile + ", dedupeTtl=" + dedupeTtl
                + ", maxMembersChecked=" + maxMembersChecked + "]";
    }

    /** Builds {@link SlackSettings}; every setting but the bot token has a default. */
    public static final class Builder {
        private final String botToken;
        private String appToken;
        private String signingSecret;
        private URI apiUrl = URI.create(DEFAULT_API_URL);
        private boolean followUps = true;
        private boolean ignoreBots = true;
        private Path scopeFile;
        private Duration dedupeTtl = DEFAULT_DEDUPE_TTL;
        private int maxMembersChecked = DEFAULT_MAX_MEMBERS_CHECKED;

        private Builder(String botToken) {
            this.botToken = botToken;
        }

        public Builder appToken(String appToken) {
            this.appToken = appToken;
            return this;
        }

        public Builder signingSecret(String signingSecret) {
            this.signingSecret = signingSecret;
            return this;
        }

        public Builder apiUrl(URI apiUrl) {
            this.apiUrl = apiUrl;
            return this;
        }

        public Builder followUps(boolean followUps) {
            this.followUps = followUps;
            return this;
        }

        public Builder ignoreBots(boolean ignoreBots) {
            this.ignoreBots = ignoreBots;
            return this;
        }

        public Builder scopeFile(Path scopeFile) {
            this.scopeFile = scopeFile;
            return this;
        }

        public Builder dedupeTtl(Duration dedupeTtl) {
            this.dedupeTtl = dedupeTtl;
            return this;
        }

        public Builder maxMembersChecked(int maxMembersChecked) {
            this.maxMembersChecked = maxMembersChecked;
            return this;
        }

        public SlackSettings build() {
            return new SlackSettings(
                    botToken,
                    appToken,
                    signingSecret,
                    apiUrl,
                    followUps,
                    ignoreBots,
                    scopeFile,
                    dedupeTtl,
                    maxMembersChecked);
        }
    }
}
