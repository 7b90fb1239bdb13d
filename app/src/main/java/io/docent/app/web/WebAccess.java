package io.docent.app.web;

import com.github.benmanes.caffeine.cache.Ticker;
import com.sun.net.httpserver.HttpExchange;
import io.docent.core.Asker;
import io.docent.core.Identity;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use the web chat, and as whom it answers, decided per request, because {@code docent serve} may listen on
 * every interface for Slack and Teams while the web chat must not be open to the network by default.
 *
 * <p>In order: (1) with {@code DOCENT_WEB_TRUST_EASY_AUTH=true}, a request carrying Easy Auth's principal headers
 * ({@code X-MS-CLIENT-PRINCIPAL}, {@code -ID}, {@code -NAME}) is signed in by Entra ID: Container Apps' authentication
 * in front sets them and removes them from what clients send, which is why they are trusted only when configured. It
 * answers as that person ({@link EasyAuthPrincipal}: a member, a guest or someone external, in a private
 * conversation), or as {@link Asker#ANONYMOUS} when the principal cannot be read. (2) The secret {@code
 * DOCENT_WEB_SECRET}, as {@code Authorization: Bearer} or as the session cookie the sign-in form hands out, never in a
 * URL (addresses end up in logs, proxies and browser history): a shared key says nothing of who types it, so it
 * answers as {@link Asker#ANONYMOUS}, public documents only. Wrong keys are limited per client address ({@link
 * SignInLimiter}). The cookie holds an expiry and an HMAC of it under the secret, never the secret itself, so changing
 * the secret ends every session. Comparisons are constant-time. (3) A client on a loopback address, when {@code Host}
 * names loopback too (a web page on another site whose name resolves to 127.0.0.1 — DNS rebinding — is refused, or
 * asked to sign in when a secret is configured): the operator on the service's own machine, who sees every document
 * ({@link Asker#ADMINISTRATOR}), and the page says so. {@code X-Forwarded-For} is never read: a reverse proxy on the
 * same host makes everyone local, so turn loopback off ({@code DOCENT_WEB_LOOPBACK=false}) there.
 */
final class WebAccess {

    static final String COOKIE = SharedSecret.COOKIE;
    static final int MIN_SECRET_LENGTH = 16;
    private static final Logger log = LoggerFactory.getLogger(WebAccess.class);
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    /** How a request was let in, or why not. */
    enum Kind {
        EASY_AUTH,
        LOOPBACK,
        BEARER,
        COOKIE,
        /** Not local, and no secret is configured: nothing the client can do. */
        FORBIDDEN,
        /** Not local, not signed in (or a wrong secret): sign in. */
        UNAUTHENTICATED,
        /** Too many wrong keys from this address: wait. */
        RATE_LIMITED,
        /** A loopback client, but the page's name is not a loopback one. */
        FOREIGN_HOST
    }

    /**
     * @param asker who the answers are for ({@link Asker#ANONYMOUS} when not allowed)
     * @param retryAfter for {@link Kind#RATE_LIMITED}, how long to wait; else zero
     * @param voter who this client is to the answers it is given, so that only it may vote on them ({@link
     *     WebFeedback}): {@code web:entra:TENANT/OBJECT-ID} for an Entra sign-in, {@code web:session:HASH} for a
     *     sign-in session (a hash of its cookie, never the cookie), {@code web:key} for the shared secret as a bearer
     *     token (a key says nothing of who holds it), {@code web:local} for the operator's own machine; {@code ""}
     *     when no one can be told apart (an unreadable Easy Auth principal, or not allowed): no votes then
     */
    record Decision(Kind kind, Asker asker, Duration retryAfter, String voter) {
        Decision {
            java.util.Objects.requireNonNull(kind, "kind");
            java.util.Objects.requireNonNull(asker, "asker");
            java.util.Objects.requireNonNull(retryAfter, "retryAfter");
            java.util.Objects.requireNonNull(voter, "voter");
        }

        Decision(Kind kind, Asker asker, String voter) {
            this(kind, asker, Duration.ZERO, voter);
        }

        Decision(Kind kind) {
            this(kind, Asker.ANONYMOUS, Duration.ZERO, "");
        }

        boolean allowed() {
            return switch (kind) {
                case EASY_AUTH, LOOPBACK, BEARER, COOKIE -> true;
                default -> false;
            };
        }

        /** Whether the browser sends the credentials on its own, so that the request must be same-origin. */
        boolean ambient() {
            return kind == Kind.EASY_AUTH || kind == Kind.COOKIE || kind == Kind.LOOPBACK;
        }
    }

    /** The outcome of typing a key into the sign-in form. */
    sealed interface SignIn {
        record Accepted() implements SignIn {}

        record Wrong() implements SignIn {}

        record Blocked(Duration retryAfter) implements SignIn {}
    }

    private final SharedSecret secret;
    private final boolean loopbackAllowed;
    private final String easyAuthTenant;
    private final Predicate<InetSocketAddress> isLocal;
    private final SignInLimiter limiter;

    /**
     * @param easyAuthTenant the Entra tenant whose people are members, when Easy Auth's headers are trusted; {@code
     *     null} when they are not
     */
    WebAccess(
            String secret,
            boolean loopbackAllowed,
            String easyAuthTenant,
            Predicate<InetSocketAddress> isLocal,
            Clock clock,
            Ticker ticker) {
        this.secret = secret == null || secret.isEmpty() ? null : new SharedSecret(secret, clock);
        this.loopbackAllowed = loopbackAllowed;
        this.easyAuthTenant = easyAuthTenant;
        this.isLocal = isLocal;
        this.limiter = new SignInLimiter(ticker);
    }

    static boolean isLoopback(InetSocketAddress address) {
        return address != null
                && address.getAddress() != null
                && address.getAddress().isLoopbackAddress();
    }

    boolean trustEasyAuthConfigured() {
        return easyAuthTenant != null;
    }

    boolean secretConfigured() {
        return secret != null;
    }

    Decision decide(HttpExchange exchange) {
        var headers = exchange.getRequestHeaders();
        if (easyAuthTenant != null) {
            String principal = headers.getFirst(EasyAuthPrincipal.PRINCIPAL);
            String id = headers.getFirst(EasyAuthPrincipal.PRINCIPAL_ID);
            String name = headers.getFirst(EasyAuthPrincipal.PRINCIPAL_NAME);
            try {
                Optional<Identity> person = EasyAuthPrincipal.read(principal, id, name, easyAuthTenant);
                if (person.isPresent()) {
                    Identity who = person.get();
                    return new Decision(
                            Kind.EASY_AUTH, Asker.privately(who), "web:entra:" + who.tenantId() + "/" + who.userId());
                }
            } catch (EasyAuthPrincipal.Unreadable e) {
                log.warn(
                        "Web chat: the Easy Auth principal from {} cannot be read ({}); answering from public"
                                + " documents only",
                        address(exchange),
                        e.getMessage());
                return new Decision(Kind.EASY_AUTH, Asker.ANONYMOUS, "");
            }
        }
        if (secret != null) {
            String authorization = headers.getFirst("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                String address = address(exchange);
                Optional<Duration> wait = limiter.blockedFor(address);
                if (wait.isPresent()) {
                    return new Decision(Kind.RATE_LIMITED, Asker.ANONYMOUS, wait.get(), "");
                }
                if (secret.matches(authorization.substring(7).strip())) {
                    return new Decision(Kind.BEARER, Asker.ANONYMOUS, "web:key");
                }
                limiter.failed(address);
                log.warn("Web chat: a wrong key in Authorization from {}", address);
            }
            Optional<String> session = secret.session(exchange);
            if (session.isPresent()) {
                return new Decision(Kind.COOKIE, Asker.ANONYMOUS, "web:session:" + hash(session.get()));
            }
        }
        if (loopbackAllowed && isLocal.test(exchange.getRemoteAddress())) {
            if (loopbackHost(headers.getFirst("Host"))) {
                return new Decision(Kind.LOOPBACK, Asker.ADMINISTRATOR, "web:local");
            }
            if (secret == null) {
                return new Decision(Kind.FOREIGN_HOST);
            }
            // a public name through a proxy on this host: sign in like any other client
        }
        return new Decision(secret == null ? Kind.FORBIDDEN : Kind.UNAUTHENTICATED);
    }

    /** The first 16 hex digits of the SHA-256 of {@code value}: names a session without being one. */
    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The sign-in form's key from {@code exchange}'s client: accepted, wrong, or refused for now (too many tries). */
    SignIn signIn(HttpExchange exchange, String key) {
        String address = address(exchange);
        Optional<Duration> wait = limiter.blockedFor(address);
        if (wait.isPresent()) {
            log.warn("Web chat: sign-in from {} refused for now: too many wrong keys", address);
            return new SignIn.Blocked(wait.get());
        }
        if (secret != null && secret.matches(key)) {
            return new SignIn.Accepted();
        }
        limiter.failed(address);
        log.warn("Web chat: a wrong key from {}", address);
        return new SignIn.Wrong();
    }

    /** The {@code Set-Cookie} value for a new session (the secret must be configured). */
    String sessionCookie(HttpExchange exchange) {
        return secret.sessionCookie(exchange);
    }

    /** The client's address (the TCP peer), for logs and the sign-in limit. */
    static String address(HttpExchange exchange) {
        InetSocketAddress remote = exchange.getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
    }

    /**
     * Whether a state-changing request comes from the page itself: its {@code Origin} names this server. Browsers
     * send {@code Origin} with every {@code fetch} POST; a client without one (curl) is accepted only when its
     * credentials are not ambient (a bearer token), or when it is local.
     */
    static boolean sameOrigin(HttpExchange exchange, Decision decision) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin == null) {
            return decision.kind() == Kind.BEARER || decision.kind() == Kind.LOOPBACK;
        }
        return originMatches(exchange, origin);
    }

    /** Whether the request carries no {@code Origin}, or one naming this server. */
    static boolean originAbsentOrSame(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        return origin == null || originMatches(exchange, origin);
    }

    private static boolean originMatches(HttpExchange exchange, String origin) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        try {
            URI uri = URI.create(origin);
            return host != null
                    && uri.getRawAuthority() != null
                    && uri.getRawAuthority().equalsIgnoreCase(host)
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > 0 && colon > name.lastIndexOf(']')) {
            name = name.substring(0, colon);
        }
        return LOOPBACK_HOSTS.contains(name);
    }
}
