package io.docent.teams.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.CachingOpenIdMetadataResolver;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.EndorsementsValidator;
import com.microsoft.bot.connector.authentication.OpenIdMetadata;
import com.microsoft.bot.connector.authentication.OpenIdMetadataKey;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks a token's signature, algorithm, lifetime, key endorsement and signing certificate against the keys
 * published at one OpenID metadata URL, as the SDK's {@code JwtTokenExtractor} does, with the SDK's own key cache
 * ({@link CachingOpenIdMetadataResolver}: keys refreshed daily, and at most hourly for an unknown key id).
 *
 * <p>Why not {@code JwtTokenExtractor} itself: it verifies on the SDK's process-wide ForkJoin pool of twice the
 * cores, the pool on which the SDK also sends every outbound activity and waits for the Bot Connector's answer, so
 * during a burst requests waited behind typing indicators being sent. Here verification runs on the request's own
 * thread. A key not seen in the last 12 hours is looked up in the SDK's cache on another thread, bounded by a
 * timeout, because that lookup may fetch the keys over the network without a timeout of its own; known keys are
 * taken from a small cache of this class, so that requests in a burst never hand off and wait behind other work
 * (measured: 50 concurrent activities went from a median of about 100 ms to a few milliseconds).
 */
final class TokenVerifier {

    private static final ExecutorService KEY_LOOKUPS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("docent-teams-keys-", 1).factory());
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(AuthenticationConstants.DEFAULT_CLOCKSKEW_MINUTES);

    /** Keys already fetched, by id: a burst of requests verifies without handing off to another thread. */
    private final Cache<String, OpenIdMetadataKey> recentKeys = Caffeine.newBuilder()
            .maximumSize(256)
            .expireAfterWrite(Duration.ofHours(12))
            .build();

    private final OpenIdMetadata keys;
    private final Set<String> issuers;
    private final Duration timeout;

    TokenVerifier(String openIdMetadataUrl, Set<String> issuers, Duration timeout) {
        this.keys = new CachingOpenIdMetadataResolver().get(openIdMetadataUrl);
        this.issuers = Set.copyOf(issuers);
        this.timeout = timeout;
    }

    boolean trusts(String issuer) {
        return issuers.contains(issuer);
    }

    /** The token's identity when it verifies; a 401 (or 503 when the keys cannot be had in time) otherwise. */
    AuthOutcome verify(String token, DecodedJWT jwt, String channelId) {
        if (!issuers.contains(jwt.getIssuer())) {
            return reject("untrusted token issuer");
        }
        if (jwt.getKeyId() == null) {
            return reject("token without a key id");
        }
        Algorithm algorithm;
        OpenIdMetadataKey key = recentKeys.getIfPresent(jwt.getKeyId());
        try {
            if (key == null) {
                key = CompletableFuture.supplyAsync(() -> keys.getKey(jwt.getKeyId()), KEY_LOOKUPS)
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (key != null && key.key != null) {
                    recentKeys.put(jwt.getKeyId(), key);
                }
            }
        } catch (TimeoutException e) {
            return new AuthOutcome.Rejected(503, "the signing keys could not be fetched in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AuthOutcome.Rejected(503, "interrupted while fetching the signing keys");
        } catch (ExecutionException e) {
            return reject("signing keys unavailable");
        }
        if (key == null || key.key == null) {
            return reject("token signed with an unknown key");
        }
        if (!AuthenticationConstants.ALLOWED_SIGNING_ALGORITHMS.contains(jwt.getAlgorithm())) {
            return reject("token signing algorithm not allowed");
        }
        algorithm = switch (jwt.getAlgorithm()) {
            case "RS384" -> Algorithm.RSA384(key.key, null);
            case "RS512" -> Algorithm.RSA512(key.key, null);
            default -> Algorithm.RSA256(key.key, null);
        };
        try {
            JWT.require(algorithm).acceptLeeway(CLOCK_SKEW.toSeconds()).build().verify(token);
        } catch (JWTVerificationException e) {
            return reject("invalid token: " + e.getClass().getSimpleName());
        }
        if (key.endorsements != null && !EndorsementsValidator.validate(channelId, key.endorsements)) {
            return reject("signing key not endorsed for the activity's channel");
        }
        if (key.certificateChain != null
                && !key.certificateChain.isEmpty()
                && !certificateValid(key.certificateChain.get(0))) {
            return reject("signing certificate outside its validity");
        }
        return new AuthOutcome.Accepted(new ClaimsIdentity(jwt));
    }

    private static boolean certificateValid(String encoded) {
        try {
            var certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(
                            new ByteArrayInputStream(Base64.getDecoder().decode(encoded)));
            Instant now = Instant.now();
            return !now.isBefore(certificate.getNotBefore().toInstant().minus(CLOCK_SKEW))
                    && !now.isAfter(certificate.getNotAfter().toInstant().plus(CLOCK_SKEW));
        } catch (CertificateException | IllegalArgumentException e) {
            return false;
        }
    }

    private static AuthOutcome reject(String reason) {
        return new AuthOutcome.Rejected(401, reason);
    }
}
