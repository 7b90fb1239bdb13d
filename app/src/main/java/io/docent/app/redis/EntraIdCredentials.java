package io.docent.app.redis;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Signs in to Azure Cache for Redis or Azure Managed Redis with Microsoft Entra ID: the user is the identity's object
 * id, the password an access token for {@value #SCOPE} from {@code credential} (the managed identity through {@code
 * DefaultAzureCredential} in Azure, {@code az login} on a laptop), so no access key exists to leak or rotate.
 *
 * <p>Why it streams: Redis closes a connection whose token has expired unless it is authenticated again. Lettuce
 * re-authenticates its open connection ({@code AUTH}) with each credential this provider emits ({@link
 * #credentials()}, with {@code ReauthenticateBehavior.ON_NEW_CREDENTIALS}), so a new token is fetched and emitted
 * {@link #REFRESH_BEFORE_EXPIRY} before the current one expires; a new connection asks for the current one ({@link
 * #resolveCredentials()}). A failed token request is retried with backoff; meanwhile the connection keeps the token it
 * has, and the stores fall back to local memory if Redis refuses it.
 */
public final class EntraIdCredentials implements RedisCredentialsProvider {

    public static final String SCOPE = "https://redis.azure.com/.default";
    static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final TokenCredential credential;
    private final String objectId;
    private final Clock clock;

    /**
     * @param objectId the object (principal) id of the identity, which Redis knows as the user of its access policy
     */
    public EntraIdCredentials(TokenCredential credential, String objectId, Clock clock) {
        this.credential = Objects.requireNonNull(credential, "credential");
        this.objectId = Objects.requireNonNull(objectId, "objectId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<RedisCredentials> resolveCredentials() {
        return token().map(this::credentials);
    }

    @Override
    public boolean supportsStreaming() {
        return true;
    }

    /** The current token's credentials, then each refreshed token's, shortly before the previous one expires. */
    @Override
    public Flux<RedisCredentials> credentials() {
        return token().expand(t -> Mono.delay(refreshDelay(t)).then(token())).map(this::credentials);
    }

    private Mono<AccessToken> token() {
        return Mono.defer(() -> credential.getToken(new TokenRequestContext().addScopes(SCOPE)))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(1)));
    }

    Duration refreshDelay(AccessToken token) {
        Duration left =
                Duration.between(Instant.now(clock), token.getExpiresAt().toInstant());
        Duration delay = left.minus(REFRESH_BEFORE_EXPIRY);
        return delay.isNegative() ? Duration.ofSeconds(1) : delay;
    }

    private RedisCredentials credentials(AccessToken token) {
        return RedisCredentials.just(objectId, token.getToken());
    }
}
