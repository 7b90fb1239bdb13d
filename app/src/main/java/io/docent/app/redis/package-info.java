/**
 * The state several replicas of {@code docent serve} share, on Redis ({@code DOCENT_REDIS_URL}): claimed events and
 * deliveries, the threads Docent answered in, Teams conversation history, answer messages awaiting votes, the
 * per-person limit and the feedback stream. {@link io.docent.app.redis.RedisState} holds the one connection; each
 * store implements a bot-core port; the {@code Fallback*} decorators keep answering from this process's memory while
 * Redis cannot be reached.
 */
package io.docent.app.redis;
