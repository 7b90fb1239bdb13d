package io.docent.app.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.ConversationStore;
import io.docent.core.Turn;
import io.docent.core.memory.CaffeineConversationStore;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ConversationStore} on Redis, so that a Teams follow-up reaching any replica is answered with the history
 * another replica recorded. A conversation is a list of turns (each one JSON object) under {@value #PREFIX} and the
 * conversation id; an append pushes the turns, trims the list to the newest {@code maxTurns} and sets the list to
 * expire after {@code idleExpiry}, in one Lua script, so that appends from several replicas never interleave within
 * one call and the bounds hold. The defaults are those of the in-memory store.
 */
public final class RedisConversationStore implements ConversationStore {

    static final String PREFIX = "docent:history:";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(RedisConversationStore.class);
    private static final String APPEND = """
            redis.call('RPUSH', KEYS[1], unpack(ARGV, 3))
            redis.call('LTRIM', KEYS[1], -tonumber(ARGV[1]), -1)
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """;

    private final RedisState redis;
    private final int maxTurns;
    private final Duration idleExpiry;

    public RedisConversationStore(RedisState redis, int maxTurns, Duration idleExpiry) {
        if (maxTurns < 1) {
            throw new IllegalArgumentException("maxTurns must be >= 1, was " + maxTurns);
        }
        this.redis = Objects.requireNonNull(redis, "redis");
        this.maxTurns = maxTurns;
        this.idleExpiry = Objects.requireNonNull(idleExpiry, "idleExpiry");
    }

    public RedisConversationStore(RedisState redis) {
        this(redis, CaffeineConversationStore.DEFAULT_MAX_TURNS, CaffeineConversationStore.DEFAULT_IDLE_EXPIRY);
    }

    @Override
    public List<Turn> history(String conversationId) {
        List<String> lines = redis.call(c -> c.lrange(PREFIX + conversationId, 0, -1));
        List<Turn> turns = new ArrayList<>(lines.size());
        for (String line : lines) {
            try {
                turns.add(JSON.readValue(line, Turn.class));
            } catch (JsonProcessingException e) {
                log.warn(
                        "A turn of a conversation's history on Redis could not be read ({}); skipped",
                        e.getOriginalMessage());
            }
        }
        return List.copyOf(turns);
    }

    @Override
    public void append(String conversationId, List<Turn> turns) {
        if (turns.isEmpty()) {
            return;
        }
        String[] args = new String[turns.size() + 2];
        args[0] = Integer.toString(maxTurns);
        args[1] = Long.toString(RedisKeyValueStore.millis(idleExpiry));
        for (int i = 0; i < turns.size(); i++) {
            args[i + 2] = json(turns.get(i));
        }
        String[] keys = {PREFIX + conversationId};
        redis.call(c -> c.<Long>eval(APPEND, ScriptOutputType.INTEGER, keys, args));
    }

    private static String json(Turn turn) {
        try {
            return JSON.writeValueAsString(turn);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a turn is always writable as JSON", e);
        }
    }
}
