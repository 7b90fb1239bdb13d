package io.docent.app.config;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the state that several replicas of {@code docent serve} share is kept: a Redis server, when {@value #URL} is
 * set. Without it each process keeps that state in memory, which is right for one process and nothing else to run.
 *
 * <ul>
 *   <li>{@value #URL}: {@code redis://host:6379} or {@code rediss://host:6380} (TLS), with an optional user,
 *       password and database number ({@code rediss://:PASSWORD@host:6380/0}); a secret, never printed
 *   <li>{@value #PASSWORD}: the password, when it is not in the URL (for a secret store that holds it apart)
 *   <li>{@value #AUTH}: {@code password} (default: the password of the URL or {@value #PASSWORD}, or none) or {@code
 *       entra}: Microsoft Entra ID on Azure Cache for Redis or Azure Managed Redis, a token of {@code
 *       DefaultAzureCredential} (the managed identity; {@code AZURE_CLIENT_ID} for a user-assigned one) as the
 *       password and {@value #USER}, the identity's object id, as the user
 *   <li>{@value #TIMEOUT}: how long one Redis command may take, in milliseconds (default {@value
 *       #DEFAULT_TIMEOUT_MS}): past it the call falls back to this process's memory, so a slow Redis cannot hold up
 *       an answer
 * </ul>
 *
 * @param uri the server, with its credentials (Lettuce's {@link RedisURI#toString} leaves the password out)
 * @param timeout the command timeout
 * @param entraObjectId with Entra ID authentication, the identity's object id; else {@code null}
 */
public record RedisConfig(RedisURI uri, Duration timeout, String entraObjectId) {

    public static final String URL = "DOCENT_REDIS_URL";
    public static final String PASSWORD = "DOCENT_REDIS_PASSWORD";
    public static final String TIMEOUT = "DOCENT_REDIS_TIMEOUT_MS";
    public static final String AUTH = "DOCENT_REDIS_AUTH";
    public static final String USER = "DOCENT_REDIS_USER";
    public static final int DEFAULT_TIMEOUT_MS = 250;

    /** The Redis settings, or empty when {@value #URL} is not set; each wrong setting is noted in {@code problems}. */
    public static Optional<RedisConfig> read(Settings settings, Problems problems) {
        int timeoutMs = problems.check(() -> settings.getInt(TIMEOUT, DEFAULT_TIMEOUT_MS, 10, 60_000), 0);
        Optional<String> url = settings.get(URL);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        RedisURI uri = problems.check(() -> parse(url.get(), settings.get(PASSWORD)), null);
        String entraObjectId = problems.check(() -> entraObjectId(settings, uri), null);
        return uri == null
                ? Optional.empty()
                : Optional.of(new RedisConfig(uri, Duration.ofMillis(timeoutMs), entraObjectId));
    }

    /** A config with a password (or none) in the URL. */
    public RedisConfig(RedisURI uri, Duration timeout) {
        this(uri, timeout, null);
    }

    /** Whether Docent signs in with Entra ID rather than a password. */
    public boolean entraId() {
        return entraObjectId != null;
    }

    private static String entraObjectId(Settings settings, RedisURI uri) {
        String auth = settings.get(AUTH, "password").toLowerCase(Locale.ROOT);
        switch (auth) {
            case "password" -> {
                return null;
            }
            case "entra" -> {
                String user = settings.get(USER)
                        .orElseThrow(() -> new ConfigException(AUTH + "=entra needs " + USER
                                + ": the object (principal) id of the identity Redis's access policy names"));
                if (settings.get(PASSWORD).isPresent()
                        || (uri != null && uri.getCredentialsProvider() != null && hasPassword(uri))) {
                    throw new ConfigException(AUTH + "=entra signs in with a token: remove the password from " + URL
                            + " and " + PASSWORD);
                }
                return user;
            }
            default -> throw new ConfigException(AUTH + " must be password or entra");
        }
    }

    private static boolean hasPassword(RedisURI uri) {
        var credentials = uri.getCredentialsProvider().resolveCredentials().block();
        return credentials != null && credentials.hasPassword();
    }

    /** Where Redis is, for logs and {@code /readyz}: scheme, host and port, never a credential. */
    public String location() {
        return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort();
    }

    @Override
    public String toString() {
        return "RedisConfig[" + location() + ", timeout " + timeout.toMillis() + " ms"
                + (entraId() ? ", Entra ID as " + entraObjectId : "") + "]";
    }

    private static RedisURI parse(String url, Optional<String> password) {
        String scheme =
                url.contains("://") ? url.substring(0, url.indexOf("://")).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new ConfigException(URL + " must be a redis:// or rediss:// URL like redis://localhost:6379");
        }
        RedisURI uri;
        try {
            uri = RedisURI.create(url);
        } catch (RuntimeException e) {
            // the message may quote the URL, which may hold the password: say what is wrong without it
            throw new ConfigException(URL + " is not a valid redis:// or rediss:// URL (expected"
                    + " redis[s]://[[user]:password@]host[:port][/database])");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ConfigException(URL + " must name a host, like redis://localhost:6379");
        }
        password.ifPresent(p -> uri.setPassword(p.toCharArray()));
        return uri;
    }
}
