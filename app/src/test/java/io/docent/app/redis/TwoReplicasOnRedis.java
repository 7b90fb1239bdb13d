package io.docent.app.redis;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} ({@link LocalRedis}) for one test class, seen by two replicas' connections ({@link
 * #a()}, {@link #b()}) and emptied before each test. Register it on a static field with {@code @RegisterExtension};
 * the class is skipped, saying why, where {@code redis-server} is not installed.
 */
final class TwoReplicasOnRedis implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private LocalRedis server;
    private RedisState a;
    private RedisState b;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = LocalRedis.start();
        a = RedisState.open(server.config());
        b = RedisState.open(server.config());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (a != null) {
            a.close();
            b.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        a.call(c -> c.flushall());
    }

    /** Replica A's connection to the shared Redis. */
    RedisState a() {
        return a;
    }

    /** Replica B's connection to the same Redis. */
    RedisState b() {
        return b;
    }
}
