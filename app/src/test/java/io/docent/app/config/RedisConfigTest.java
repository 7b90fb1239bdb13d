package io.docent.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisConfigTest {

    private static Optional<RedisConfig> read(Map<String, String> values) {
        Problems problems = new Problems();
        Optional<RedisConfig> config = RedisConfig.read(Settings.of(values), problems);
        problems.throwIfAny();
        return config;
    }

    @Test
    void without_a_url_the_state_stays_in_this_process() {
        assertThat(read(Map.of())).isEmpty();
    }

    @Test
    void reads_host_port_tls_database_and_a_password_from_the_url_or_its_own_setting() {
        RedisConfig plain = read(Map.of("DOCENT_REDIS_URL", "redis://cache.internal:6379/2"))
                .orElseThrow();
        assertThat(plain.uri().getHost()).isEqualTo("cache.internal");
        assertThat(plain.uri().getDatabase()).isEqualTo(2);
        assertThat(plain.uri().isSsl()).isFalse();
        assertThat(plain.timeout()).isEqualTo(Duration.ofMillis(RedisConfig.DEFAULT_TIMEOUT_MS));

        RedisConfig tls = read(Map.of(
                        "DOCENT_REDIS_URL", "rediss://docent.westeurope.redis.azure.net:10000",
                        "DOCENT_REDIS_PASSWORD", "pw-from-key-vault",
                        "DOCENT_REDIS_TIMEOUT_MS", "500"))
                .orElseThrow();
        assertThat(tls.uri().isSsl()).isTrue();
        assertThat(new String(tls.uri()
                        .getCredentialsProvider()
                        .resolveCredentials()
                        .block()
                        .getPassword()))
                .isEqualTo("pw-from-key-vault");
        assertThat(tls.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(tls.location()).isEqualTo("rediss://docent.westeurope.redis.azure.net:10000");
    }

    @Test
    void never_prints_the_password() {
        RedisConfig config = read(Map.of("DOCENT_REDIS_URL", "redis://:s3cret-pw@cache:6379"))
                .orElseThrow();

        assertThat(config.toString()).doesNotContain("s3cret-pw").contains("redis://cache:6379");
        assertThat(config.location()).doesNotContain("s3cret-pw");
    }

    @Test
    void every_wrong_setting_is_named_without_its_value() {
        assertThatThrownBy(() -> read(Map.of(
                        "DOCENT_REDIS_URL", "http://user:s3cret-pw@cache:6379",
                        "DOCENT_REDIS_TIMEOUT_MS", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("2 settings are wrong")
                .hasMessageContaining("DOCENT_REDIS_URL must be a redis:// or rediss:// URL")
                .hasMessageContaining("DOCENT_REDIS_TIMEOUT_MS must be between")
                .message()
                .doesNotContain("s3cret-pw");
        assertThatThrownBy(() -> read(Map.of("DOCENT_REDIS_URL", "redis://:s3cret-pw@")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DOCENT_REDIS_URL")
                .message()
                .doesNotContain("s3cret-pw");
    }
}
