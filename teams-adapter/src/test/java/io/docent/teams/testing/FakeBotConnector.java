package io.docent.teams.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Bot Connector on 127.0.0.1. It accepts what the bot sends to {@code v3/conversations/...} and records it,
 * answering with a resource id as the real service does ({@code {"id": "..."}}); {@code PUT} replaces an activity.
 * Activities with a {@code streaminfo} entity are checked as Teams checks streaming (see {@link #streamCall}), with
 * its documented errors, and the test can make it refuse streaming, throttle, or stop a stream as a person or the
 * two-minute limit would. It answers the member lookups of the documented Bot Connector API from rosters the test
 * sets ({@link #roster}):
 *
 * <ul>
 *   <li>{@code GET v3/conversations/{id}/members/{userId}}: one {@code TeamsChannelAccount} (by Teams id or Entra
 *       object id), or 404 with {@code {"error":{"code":"MemberNotFoundInConversation",...}}};
 *   <li>{@code GET v3/conversations/{id}/members}: all of them, as an array;
 *   <li>{@code GET v3/conversations/{id}/pagedmembers?pageSize=&continuationToken=}: {@code {"continuationToken":
 *       ..., "members": [...]}}, in pages of at most {@link #pageSize(int)};
 * </ul>
 *
 * an unknown conversation answers 404 ({@code ConversationNotFound}). Lookups are kept apart from what was sent
 * ({@link #lookups()}), so tests of replies count replies only.
 */
public final class FakeBotConnector implements AutoCloseable {

    /**
     * One call the bot made and what it got: the status and, when accepted, the activity's id ({@code ""} else).
     * {@code path} is decoded, {@code rawPath} as sent; {@code atNanos} is when it arrived ({@link System#nanoTime()}).
     */
    public record Received(
            String method,
            String rawPath,
            String path,
            String authorization,
            JsonNode body,
            int status,
            String id,
            long atNanos) {
        public String type() {
            return body.path("type").asText();
        }

        /** The {@code streaminfo} entity's {@code streamType}, or {@code ""} for an activity that is not streaming. */
        public String streamType() {
            return streamInfo().path("streamType").asText();
        }

        /** Whether this is a stream's final message. */
        public boolean isFinal() {
            return "final".equals(streamType());
        }

        public int streamSequence() {
            return streamInfo().path("streamSequence").asInt();
        }

        public String streamId() {
            return streamInfo().path("streamId").asText();
        }

        public String text() {
            return body.path("text").asText();
        }

        JsonNode streamInfo() {
            for (JsonNode entity : body.path("entities")) {
                if ("streaminfo".equals(entity.path("type").asText())) {
                    return entity;
                }
            }
            return JSON.missingNode();
        }
    }

    /** One stream, as Teams keeps it: whose, how far it got, and whether it still takes updates. */
    private static final class Stream {
        final String conversation;
        final long startedNanos = System.nanoTime();
        long lastCallNanos = System.nanoTime();
        int sequence = 1;
        int updates;
        String text = "";
        String endedBecause = ""; // "" while open

        Stream(String conversation) {
            this.conversation = conversation;
        }
    }

    /** A member of a conversation, as {@code TeamsChannelAccount} describes one. */
    public record Member(
            String id, String name, String aadObjectId, String email, String upn, String tenantId, String userRole) {

        ObjectNode json() {
            ObjectNode node = JSON.createObjectNode()
                    .put("id", id)
                    .put("name", name)
                    .put("aadObjectId", aadObjectId)
                    .put("givenName", name.split(" ")[0])
                    .put("userPrincipalName", upn)
                    .put("tenantId", tenantId)
                    .put("userRole", userRole);
            if (email != null) {
                node.put("email", email);
            }
            return node;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final BlockingQueue<Received> queue = new LinkedBlockingQueue<>();
    private final List<Received> all = new CopyOnWriteArrayList<>();
    private final List<Received> lookups = new CopyOnWriteArrayList<>();
    private final Map<String, List<Member>> rosters = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile int pageSize = 500;
    private volatile int failingLookups;
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private volatile boolean streamingAllowed = true;
    private volatile int throttledUpdates;
    private volatile String retryAfter = "1";
    private volatile int cancelAfterUpdates = -1;
    private volatile Duration maxStreamTime = Duration.ofMinutes(2);
    private volatile Duration minStreamInterval = Duration.ofMillis(800);

    private FakeBotConnector(HttpServer server) {
        this.server = server;
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                JsonNode json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
                var received = new Received(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        json,
                        0,
                        "",
                        System.nanoTime());
                if ("GET".equals(received.method())) {
                    lookups.add(received);
                    lookUp(exchange, received.path());
                    return;
                }
                int[] status = {200};
                String answer = send(received, status);
                received = new Received(
                        received.method(),
                        received.rawPath(),
                        received.path(),
                        received.authorization(),
                        received.body(),
                        status[0],
                        status[0] == 200 ? JSON.readTree(answer).path("id").asText() : "",
                        received.atNanos());
                all.add(received);
                queue.add(received);
                if (status[0] == 429) {
                    exchange.getResponseHeaders().set("Retry-After", retryAfter);
                }
                respond(exchange, status[0], answer);
            }
        });
        server.start();
    }

    public static FakeBotConnector start() {
        try {
            return new FakeBotConnector(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets who is in a conversation (a channel's id, or a chat's conversation id). */
    public FakeBotConnector roster(String conversationId, Member... members) {
        rosters.put(conversationId, List.of(members));
        return this;
    }

    /** The largest page {@code pagedmembers} returns, whatever the bot asks for. */
    public FakeBotConnector pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    /** The next {@code count} lookups fail with 503, as the service does when overloaded. */
    public FakeBotConnector failLookups(int count) {
        this.failingLookups = count;
        return this;
    }

    /** Every streaming call is refused as by a client or tenant without streaming (403 ContentStreamNotAllowed). */
    public FakeBotConnector refuseStreaming() {
        this.streamingAllowed = false;
        return this;
    }

    /** The next {@code count} streaming updates get 429 with {@code Retry-After: seconds}. */
    public FakeBotConnector throttleStreamingUpdates(int count, String seconds) {
        this.retryAfter = seconds;
        this.throttledUpdates = count;
        return this;
    }

    /** After {@code updates} accepted streaming updates, the person presses Stop: the stream takes nothing more. */
    public FakeBotConnector cancelStreamsAfter(int updates) {
        this.cancelAfterUpdates = updates;
        return this;
    }

    /** How long a stream may last (Teams: two minutes); later calls into it are refused. */
    public FakeBotConnector maxStreamTime(Duration limit) {
        this.maxStreamTime = limit;
        return this;
    }

    /**
     * The least time between two streaming calls of one stream (Teams allows one a second; the default, 800 ms,
     * leaves room for network jitter); closer calls get 429.
     */
    public FakeBotConnector minStreamInterval(Duration interval) {
        this.minStreamInterval = interval;
        return this;
    }

    /** The service URL to put in activities: where replies must go. */
    public String serviceUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The next call, waiting up to {@code timeout}; fails when none arrives. */
    public Received next(Duration timeout) {
        try {
            Received received = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (received == null) {
                throw new AssertionError("the bot sent nothing to the connector within " + timeout);
            }
            return received;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until {@code count} calls have arrived in total (or the timeout passed), then returns them all. */
    public List<Received> awaitCount(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (all.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new ArrayList<>(all);
    }

    /** What the bot sent (not its lookups). */
    public List<Received> all() {
        return new ArrayList<>(all);
    }

    /** The member lookups the bot made. */
    public List<Received> lookups() {
        return new ArrayList<>(lookups);
    }

    /** What a POST or PUT of an activity gets: {@code {"id":..}}, or an error as the real service sends it. */
    private String send(Received received, int[] status) {
        String id = "sent-" + ids.incrementAndGet();
        if ("PUT".equals(received.method())) {
            return "{\"id\":\"" + received.path().substring(received.path().lastIndexOf('/') + 1) + "\"}";
        }
        if (received.streamType().isEmpty()) {
            return "{\"id\":\"" + id + "\"}";
        }
        synchronized (streams) {
            return streamCall(received, id, status);
        }
    }

    /**
     * A streaming call, checked as Microsoft documents Teams streaming: only in 1:1 chats, one stream per chat at a
     * time; the informative update (or first streaming update) without a stream id opens a stream, whose id is the
     * answer's {@code id}; each later update names the stream, has a higher {@code streamSequence} and contains the
     * text streamed before; at most one call a second (else 429 with {@code Retry-After}); a stream lasts at most
     * two minutes; the final message ends it, after which nothing more is taken. Errors: 403 {@code
     * ContentStreamNotAllowed} (streaming not allowed, stream completed, cancelled by the person, or timed out), 412
     * {@code ContentStreamSequenceOrderPreConditionFailed}, 400 {@code BadRequest} (content that drops what was
     * streamed, an unknown stream).
     */
    private String streamCall(Received received, String id, int[] status) {
        JsonNode conversation = received.body().path("conversation");
        String chat = conversation.path("id").asText();
        if (!streamingAllowed
                || !"personal".equals(conversation.path("conversationType").asText("personal"))) {
            return fail(status, 403, "ContentStreamNotAllowed", "Content stream is not allowed.");
        }
        if (received.streamId().isEmpty()) {
            boolean busy =
                    streams.values().stream().anyMatch(s -> s.conversation.equals(chat) && s.endedBecause.isEmpty());
            if (busy) {
                return fail(status, 403, "ContentStreamNotAllowed", "Content stream is not allowed.");
            }
            if (received.streamSequence() != 1) {
                return fail(
                        status,
                        412,
                        "ContentStreamSequenceOrderPreConditionFailed",
                        "PreCondition failed: Stream sequence order is not maintained.");
            }
            Stream stream = new Stream(chat);
            if ("streaming".equals(received.streamType())) {
                stream.text = received.text();
            }
            streams.put(id, stream);
            return "{\"id\":\"" + id + "\"}";
        }
        Stream stream = streams.get(received.streamId());
        if (stream == null || !stream.conversation.equals(chat)) {
            return fail(status, 400, "BadRequest", "Unknown stream.");
        }
        if (stream.endedBecause.isEmpty() && System.nanoTime() - stream.startedNanos > maxStreamTime.toNanos()) {
            stream.endedBecause = "Content stream finished due to exceeded streaming time.";
        }
        if (!stream.endedBecause.isEmpty()) {
            return fail(status, 403, "ContentStreamNotAllowed", stream.endedBecause);
        }
        if ("final".equals(received.streamType())) {
            if (!"message".equals(received.type())) {
                return fail(status, 400, "BadRequest", "Only a message activity can end a stream.");
            }
            stream.endedBecause = "Content stream is not allowed on a already completed streamed message.";
            return "{\"id\":\"" + received.streamId() + "\"}";
        }
        long now = System.nanoTime();
        if (now - stream.lastCallNanos < minStreamInterval.toNanos()) {
            return fail(status, 429, "Throttled", "Too many requests.");
        }
        if (throttledUpdates > 0) {
            throttledUpdates--;
            return fail(status, 429, "Throttled", "Too many requests.");
        }
        if (received.streamSequence() <= stream.sequence) {
            return fail(
                    status,
                    412,
                    "ContentStreamSequenceOrderPreConditionFailed",
                    "PreCondition failed: Stream sequence order is not maintained.");
        }
        if (!received.text().startsWith(stream.text)) {
            return fail(
                    status,
                    400,
                    "BadRequest",
                    "Request streamed content should contain the previously streamed content.");
        }
        stream.sequence = received.streamSequence();
        stream.text = received.text();
        stream.lastCallNanos = now;
        stream.updates++;
        if (cancelAfterUpdates >= 0 && stream.updates >= cancelAfterUpdates) {
            stream.endedBecause = "Content stream was cancelled by user.";
        }
        return "{\"id\":\"" + received.streamId() + "\"}";
    }

    private static String fail(int[] status, int code, String errorCode, String message) {
        status[0] = code;
        return error(errorCode, message);
    }

    private void lookUp(HttpExchange exchange, String path) throws IOException {
        if (failingLookups > 0) {
            failingLookups--;
            respond(exchange, 503, error("ServiceUnavailable", "Try again later"));
            return;
        }
        String[] parts = path.split("/");
        // "", "v3", "conversations", id, "members" | "pagedmembers" [, userId]
        if (parts.length < 5 || !"v3".equals(parts[1]) || !"conversations".equals(parts[2])) {
            respond(exchange, 404, error("NotFound", "Unknown path"));
            return;
        }
        List<Member> roster = rosters.get(parts[3]);
        if (roster == null) {
            respond(exchange, 404, error("ConversationNotFound", "Conversation not found."));
            return;
        }
        if ("members".equals(parts[4]) && parts.length == 6) {
            roster.stream()
                    .filter(m -> m.id().equals(parts[5]) || m.aadObjectId().equals(parts[5]))
                    .findFirst()
                    .ifPresentOrElse(
                            m -> respond(exchange, 200, m.json().toString()),
                            () -> respond(
                                    exchange, 404, error("MemberNotFoundInConversation", "The member was not found.")));
        } else if ("members".equals(parts[4])) {
            ArrayNode array = JSON.createArrayNode();
            roster.forEach(m -> array.add(m.json()));
            respond(exchange, 200, array.toString());
        } else if ("pagedmembers".equals(parts[4])) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            int asked = Integer.parseInt(query.getOrDefault("pageSize", "200"));
            int from = Integer.parseInt(query.getOrDefault("continuationToken", "0"));
            int to = Math.min(roster.size(), from + Math.min(asked, pageSize));
            ObjectNode page = JSON.createObjectNode();
            ArrayNode members = page.putArray("members");
            roster.subList(from, to).forEach(m -> members.add(m.json()));
            if (to < roster.size()) {
                page.put("continuationToken", Integer.toString(to));
            }
            respond(exchange, 200, page.toString());
        } else {
            respond(exchange, 404, error("NotFound", "Unknown path"));
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static String error(String code, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("code", code).put("message", message);
        return root.toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
