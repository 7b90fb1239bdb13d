package io.docent.app.web;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The web chat's shared secret ({@code DOCENT_WEB_SECRET}) and the sessions it signs. Comparisons are constant-time
 * whatever the lengths (both sides are hashed first). A session cookie holds its expiry and an HMAC of it under the
 * secret, never the secret itself, so changing the secret ends every session; the secret never leaves this class.
 */
final class SharedSecret {

    static final String COOKIE = "docent_web";
    static final Duration SESSION = Duration.ofHours(12);

    private final byte[] secret;
    private final Clock clock;

    SharedSecret(String secret, Clock clock) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether {@code candidate} is the secret. */
    boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(sha256(candidate.getBytes(StandardCharsets.UTF_8)), sha256(secret));
    }

    /** The session cookie's value when {@code exchange} carries a genuine, unexpired one, or empty. */
    Optional<String> session(HttpExchange exchange) {
        return cookie(exchange).filter(this::validSession);
    }

    /** The {@code Set-Cookie} value for a new session; {@code Secure} when the client reached us over HTTPS. */
    String sessionCookie(HttpExchange exchange) {
        String proto = exchange.getRequestHeaders().getFirst("X-Forwarded-Proto");
        boolean https = proto != null && proto.strip().toLowerCase(Locale.ROOT).equals("https");
        return COOKIE + "=" + newSession() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + SESSION.toSeconds()
                + (https ? "; Secure" : "");
    }

    /** A session cookie value: its expiry (epoch seconds) and an HMAC of it under the secret. */
    private String newSession() {
        long expires = clock.instant().plus(SESSION).getEpochSecond();
        return expires + "." + mac(Long.toString(expires));
    }

    private boolean validSession(String value) {
        int dot = value.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        String expires = value.substring(0, dot);
        boolean genuine = MessageDigest.isEqual(
                mac(expires).getBytes(StandardCharsets.US_ASCII),
                value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        try {
            return genuine && Long.parseLong(expires) > clock.instant().getEpochSecond();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Optional<String> cookie(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(COOKIE + "=")) {
                    return Optional.of(p.substring(COOKIE.length() + 1));
                }
            }
        }
        return Optional.empty();
    }

    private String mac(String data) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(hmac.doFinal(data.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
