package io.docent.app.cli;

import io.docent.app.config.Problems;
import io.docent.app.config.RedisConfig;
import io.docent.app.config.Settings;
import io.docent.app.redis.RedisState;
import io.docent.core.doctor.Finding;
import io.docent.core.doctor.HealthCheck;
import java.util.List;
import java.util.Optional;

/**
 * {@code docent doctor}'s look at the state replicas share: without {@code DOCENT_REDIS_URL}, a note that each
 * process keeps its own (right for one replica); with it, whether Redis answers {@code PING} with the configured
 * credentials. Reads nothing and changes nothing on Redis.
 */
final class RedisCheck implements HealthCheck {

    static final String BACKEND = "Redis";

    private final Settings settings;

    RedisCheck(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public List<Finding> run() {
        Problems problems = new Problems();
        Optional<RedisConfig> config = RedisConfig.read(settings, problems);
        try {
            problems.throwIfAny();
        } catch (io.docent.app.config.ConfigException e) {
            return List.of(Finding.problem(
                    BACKEND, "settings", e.getMessage(), "Fix the Redis settings (README, Configuration)."));
        }
        if (config.isEmpty()) {
            return List.of(Finding.ok(
                    BACKEND,
                    "shared state",
                    "not configured: each docent serve keeps its own state, right for one replica only"));
        }
        try (RedisState redis = RedisState.open(config.get())) {
            return List.of(redis.problem()
                    .map(problem -> Finding.problem(
                            BACKEND,
                            "reachable",
                            problem,
                            "Check DOCENT_REDIS_URL (host, port, redis:// or rediss://) and its password or"
                                    + " DOCENT_REDIS_AUTH; docent serve answers from each replica's memory meanwhile."))
                    .orElseGet(() -> Finding.ok(
                            BACKEND, "reachable", config.get().location() + " answers; replicas share their state")));
        }
    }
}
