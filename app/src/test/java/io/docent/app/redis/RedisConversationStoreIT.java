package io.docent.app.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.ConversationStore;
import io.docent.core.ConversationStoreContract;
import io.docent.core.Turn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RedisConversationStore} against a real {@code redis-server}. */
class RedisConversationStoreIT extends ConversationStoreContract {

    @RegisterExtension
    static final TwoReplicasOnRedis redis = new TwoReplicasOnRedis();

    @Override
    protected ConversationStore store() {
        return new RedisConversationStore(redis.a(), MAX_TURNS, Duration.ofHours(24));
    }

    @Test
    void a_follow_up_on_replica_b_reads_what_replica_a_recorded_and_the_history_expires_when_idle() {
        var a = new RedisConversationStore(redis.a(), MAX_TURNS, Duration.ofHours(24));
        var b = new RedisConversationStore(redis.b(), MAX_TURNS, Duration.ofHours(24));

        a.append("19:chat", List.of(Turn.user("How do I get VPN access?"), Turn.assistant("Ask IT [1].")));

        assertThat(b.history("19:chat"))
                .extracting(Turn::text)
                .containsExactly("How do I get VPN access?", "Ask IT [1].");
        long ttl = redis.a().call(c -> c.pttl(RedisConversationStore.PREFIX + "19:chat"));
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofHours(24).toMillis());
    }

    @Test
    void a_turn_that_cannot_be_read_is_skipped_not_fatal() {
        var store = store();
        store.append("c", List.of(Turn.user("q1")));
        redis.a().call(c -> c.rpush(RedisConversationStore.PREFIX + "c", "{not json"));
        store.append("c", List.of(Turn.assistant("a1")));

        assertThat(store.history("c")).containsExactly(Turn.user("q1"), Turn.assistant("a1"));
    }
}
