package io.docent.app.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.docent.app.config.Problems;
import io.docent.app.config.RedisConfig;
import io.docent.app.config.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Entra ID sign-in against a real {@code redis-server} whose ACL user stands for the managed identity (as Azure's
 * access policies make the object id a Redis user) and whose passwords stand for the tokens Entra ID issues.
 */
class EntraIdCredentialsIT {

    private static final String OBJECT_ID = "5b7e2c1a-0000-4000-8000-00000000d0c5";

    @Test
    void signs_in_as_the_identity_with_its_token_and_after_a_reconnect_with_the_next_token() throws Exception {
        var token = new AtomicReference<>("token-1");
        List<String> scopes = new CopyOnWriteArrayList<>();
        TokenCredential credential = request -> {
            scopes.addAll(request.getScopes());
            return Mono.just(new AccessToken(token.get(), OffsetDateTime.now().plusHours(1)));
        };
        try (LocalRedis server = LocalRedis.start();
                RedisState admin = RedisState.open(server.config())) {
            admin.call(c -> c.aclSetuser(
                    OBJECT_ID,
                    io.lettuce.core.AclSetuserArgs.Builder.on()
                            .addPassword("token-1")
                            .allKeys()
                            .allCommands()));
            admin.call(c ->
                    c.aclSetuser("default", io.lettuce.core.AclSetuserArgs.Builder.off())); // nobody without a token
            Problems problems = new Problems();
            RedisConfig config = RedisConfig.read(
                            Settings.of(Map.of(
                                    "DOCENT_REDIS_URL",
                                    server.url(),
                                    "DOCENT_REDIS_AUTH",
                                    "entra",
                                    "DOCENT_REDIS_USER",
                                    OBJECT_ID)),
                            problems)
                    .orElseThrow();
            problems.throwIfAny();

            try (RedisState docent = RedisState.open(config, credential)) {
                assertThat(whoami(docent)).isEqualTo(OBJECT_ID);
                assertThat(scopes).contains(EntraIdCredentials.SCOPE);

                // the next token: Redis accepts only it, and Docent's connection is dropped
                token.set("token-2");
                admin.call(c -> c.aclSetuser(
                        OBJECT_ID,
                        io.lettuce.core.AclSetuserArgs.Builder.resetpass().addPassword("token-2")));
                admin.call(c -> c.clientKill(io.lettuce.core.KillArgs.Builder.user(OBJECT_ID)));

                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                while (docent.problem().isPresent() && System.nanoTime() < deadline) {
                    Thread.sleep(50); // Lettuce reconnects, asking for the current token
                }
                assertThat(docent.problem()).isEmpty();
                assertThat(whoami(docent)).isEqualTo(OBJECT_ID);
            }
        }
    }

    @Test
    void refreshes_a_token_five_minutes_before_it_expires() {
        var credentials = new EntraIdCredentials(
                request -> Mono.empty(),
                OBJECT_ID,
                Clock.fixed(java.time.Instant.parse("2026-12-04T09:00:00Z"), java.time.ZoneOffset.UTC));

        assertThat(credentials.refreshDelay(new AccessToken("t", OffsetDateTime.parse("2026-12-04T10:00:00Z"))))
                .isEqualTo(Duration.ofMinutes(55));
        assertThat(credentials.refreshDelay(new AccessToken("t", OffsetDateTime.parse("2026-12-04T09:02:00Z"))))
                .as("already within the margin: at once")
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void entra_needs_the_identity_and_no_password() {
        Problems missingUser = new Problems();
        RedisConfig.read(
                Settings.of(Map.of("DOCENT_REDIS_URL", "rediss://cache:6380", "DOCENT_REDIS_AUTH", "entra")),
                missingUser);
        assertThat(missingUser.isEmpty()).isFalse();

        Problems withPassword = new Problems();
        RedisConfig.read(
                Settings.of(Map.of(
                        "DOCENT_REDIS_URL", "rediss://:key@cache:6380",
                        "DOCENT_REDIS_AUTH", "entra",
                        "DOCENT_REDIS_USER", OBJECT_ID)),
                withPassword);
        assertThat(withPassword.isEmpty()).isFalse();
    }

    private static String whoami(RedisState redis) {
        String user = redis.call(c -> c.aclWhoami());
        return user;
    }
}
