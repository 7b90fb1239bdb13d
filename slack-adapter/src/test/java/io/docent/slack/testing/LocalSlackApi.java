package io.docent.slack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Slack Web API on 127.0.0.1 that speaks the methods Docent calls, with responses shaped like Slack's documented
 * ones, and records every call. Threads are kept: what Docent posts appears in {@code conversations.replies}, paged
 * {@link #pageSize} messages at a time with cursors. People ({@code users.info}) and conversations
 * ({@code conversations.info}, {@code conversations.members}, paged the same way) are what the test adds; Docent's own
 * bot user is there from the start. An unknown user is {@code user_not_found}, an unknown channel
 * {@code channel_not_found}, as in Slack. A method can be scripted to answer once with any status (a 429 with
 * {@code Retry-After}, an {@code ok:false}).
 *
 * <p>Streaming ({@code chat.startStream}, {@code chat.appendStream}, {@code chat.stopStream}) as Slack documents it:
 * a stream is a reply in a thread ({@code thread_ts} required), started for a recipient ({@code recipient_user_id}
 * and {@code recipient_team_id}, required outside direct messages: {@code missing_recipient_user_id},
 * {@code missing_recipient_team_id}), each call's {@code markdown_text} at most 12,000 characters; appends and the
 * stop name the stream by its {@code ts} ({@code message_not_found} for another, {@code
 * message_not_in_streaming_state} once stopped); the stop adds its {@code blocks} under the text and answers with the
 * message. The streamed text is the message's {@code text} (how Slack lays the streamed Markdown out in blocks is
 * not documented); {@link #streamedText} gives it.
 */
public final class LocalSlackApi implements AutoCloseable {

    public static final String BOT_TOKEN = "xoxb-local-test-token";
    public static final String APP_TOKEN = "xapp-local-test-token";
    public static final String BOT_USER = "U0DOCENT";
    public static final String BOT_ID = "B0DOCENT";
    public static final String TEAM = "T0TEAM";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call as received: the method, its form parameters, when it arrived. */
    public record Call(String method, Map<String, String> params, long atNanos) {
        public String param(String name) {
            return params.get(name);
        }

        /** The {@code blocks} parameter, parsed; an empty array when absent. */
        public JsonNode blocks() {
            try {
                String blocks = params.get("blocks");
                return blocks == null ? JSON.createArrayNode() : JSON.readTree(blocks);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private record Scripted(int status, String body, Map<String, String> headers) {}

    /** A streamed message: its text so far, and whether it still streams. */
    private static final class Stream {
        final ObjectNode message;
        final StringBuilder text = new StringBuilder();
        volatile boolean streaming = true;

        Stream(ObjectNode message) {
            this.message = message;
        }
    }

    /** Slack's limit on {@code markdown_text} in each streaming call. */
    public static final int MAX_MARKDOWN_CHARS = 12_000;

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Scripted>> scripted = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> threads = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
    private final Map<String, String> invisible = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> conversations = new ConcurrentHashMap<>();
    private final Map<String, List<String>> members = new ConcurrentHashMap<>();
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private volatile String newestStream;
    private final AtomicLong seconds = new AtomicLong(1_700_000_000L);
    private volatile String socketModeUrl = "ws://127.0.0.1:1/unset";
    private volatile int pageSize = 2;

    public LocalSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/", this::handle);
        server.start();
        addUser(SlackPayloads.user(BOT_USER, "Docent", null).put("is_bot", true));
    }

    /** The Web API base URL, for {@code SLACK_API_URL}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
    }

    public void socketModeUrl(String url) {
        this.socketModeUrl = url;
    }

    public void pageSize(int size) {
        this.pageSize = size;
    }

    /** A full member of the workspace's team, without an email (what Slack gives without users:read.email). */
    public void user(String id, String displayName) {
        addUser(SlackPayloads.user(id, displayName, null));
    }

    /** A user object as {@code users.info} returns it (see {@link SlackPayloads#user}). */
    public void addUser(ObjectNode user) {
        users.put(user.path("id").asText(), user);
    }

    /** {@code users.info} for {@code id} answers {@code error} ({@code user_not_visible}, {@code user_not_found}). */
    public void invisibleUser(String id, String error) {
        invisible.put(id, error);
    }

    /** A conversation as {@code conversations.info} returns it (see {@link SlackPayloads#channel}), and its members. */
    public void conversation(ObjectNode channel, String... memberIds) {
        String id = channel.path("id").asText();
        conversations.put(id, channel);
        members.put(id, new CopyOnWriteArrayList<>(List.of(memberIds)));
    }

    /** {@code user} joins {@code channel} (a conversation added before). */
    public void join(String channel, String user) {
        members.get(channel).add(user);
    }

    /** A new, increasing Slack timestamp. */
    public String nextTs() {
        return seconds.incrementAndGet() + ".000100";
    }

    /** Adds a person's message to the thread {@code threadTs} (the parent when {@code ts} equals it). */
    public void personSays(String channel, String threadTs, String ts, String user, String text) {
        ObjectNode m = JSON.createObjectNode()
                .put("type", "message")
                .put("user", user)
                .put("text", text)
                .put("ts", ts);
        m.put("thread_ts", threadTs);
        thread(channel, threadTs).add(m);
    }

    /** The next call of {@code method} gets this answer instead of the usual one. */
    public void respondOnce(String method, int status, String body, Map<String, String> headers) {
        scripted.computeIfAbsent(method, k -> new ConcurrentLinkedDeque<>()).add(new Scripted(status, body, headers));
    }

    /** Every call of {@code method} gets {@code {"ok":false,"error":error}} until {@link #clearScripts()}. */
    public void failAlways(String method, String error) {
        Deque<Scripted> q = scripted.computeIfAbsent(method, k -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < 10_000; i++) {
            q.add(new Scripted(200, "{\"ok\":false,\"error\":\"" + error + "\"}", Map.of()));
        }
    }

    public void clearScripts() {
        scripted.clear();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The timestamp of the newest stream started ({@code null} before any). */
    public String streamTs() {
        return newestStream;
    }

    /** The text streamed into the message {@code ts} so far (empty for no stream). */
    public String streamedText(String ts) {
        Stream stream = streams.get(ts);
        return stream == null ? "" : stream.text.toString();
    }

    /** Whether the message {@code ts} is a stream that has not been stopped. */
    public boolean streaming(String ts) {
        Stream stream = streams.get(ts);
        return stream != null && stream.streaming;
    }

    /** Waits until {@code method} was called at least {@code count} times; returns those calls. */
    public List<Call> await(String method, int count, Duration timeout) {
        Eventually.until(
                timeout,
                () -> calls(method).size() >= count,
                () -> method + " called " + calls(method).size() + " times, wanted " + count);
        return calls(method);
    }

    private List<ObjectNode> thread(String channel, String threadTs) {
        return threads.computeIfAbsent(channel + ":" + threadTs, k -> new CopyOnWriteArrayList<>());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            Map<String, String> params =
                    form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            params.putAll(form(exchange.getRequestURI().getRawQuery()));
            calls.add(new Call(method, Map.copyOf(params), System.nanoTime()));
            Deque<Scripted> script = scripted.get(method);
            Scripted once = script == null ? null : script.poll();
            if (once != null) {
                once.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                send(exchange, once.status(), once.body());
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : params.get("token");
            String expected = method.equals("apps.connections.open") ? APP_TOKEN : BOT_TOKEN;
            if (!expected.equals(token)) {
                send(exchange, 200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
                return;
            }
            send(exchange, 200, JSON.writeValueAsString(respond(method, params)));
        }
    }

    private ObjectNode respond(String method, Map<String, String> p) throws IOException {
        ObjectNode r = JSON.createObjectNode().put("ok", true);
        switch (method) {
            case "auth.test" ->
                r.put("url", "https://docent-test.slack.com/")
                        .put("team", "Docent Test")
                        .put("user", "docent")
                        .put("team_id", TEAM)
                        .put("user_id", BOT_USER)
                        .put("bot_id", BOT_ID)
                        .put("is_enterprise_install", false);
            case "apps.connections.open" -> r.put("url", socketModeUrl);
            case "conversations.replies" -> replies(r, p);
            case "chat.postMessage" -> {
                String ts = nextTs();
                ObjectNode m = JSON.createObjectNode()
                        .put("type", "message")
                        .put("user", BOT_USER)
                        .put("bot_id", BOT_ID)
                        .put("text", p.getOrDefault("text", ""))
                        .put("ts", ts);
                String threadTs = p.get("thread_ts");
                m.put("thread_ts", threadTs == null ? ts : threadTs);
                if (p.get("blocks") != null) {
                    m.set("blocks", JSON.readTree(p.get("blocks")));
                }
                thread(p.get("channel"), threadTs == null ? ts : threadTs).add(m);
                r.put("channel", p.get("channel")).put("ts", ts).set("message", m);
            }
            case "chat.update" -> {
                threads.values().stream()
                        .flatMap(List::stream)
                        .filter(m -> m.path("ts").asText().equals(p.get("ts")))
                        .forEach(m -> {
                            m.put("text", p.getOrDefault("text", ""));
                            try {
                                if (p.get("blocks") != null) {
                                    m.set("blocks", JSON.readTree(p.get("blocks")));
                                }
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                r.put("channel", p.get("channel")).put("ts", p.get("ts")).put("text", p.get("text"));
            }
            case "chat.postEphemeral" -> r.put("message_ts", nextTs());
            case "chat.startStream", "chat.appendStream", "chat.stopStream" -> {
                String error = stream(method, p, r);
                if (error != null) {
                    return JSON.createObjectNode().put("ok", false).put("error", error);
                }
            }
            case "users.info" -> {
                String error = invisible.get(p.get("user"));
                ObjectNode user = users.get(p.get("user"));
                if (error != null || user == null) {
                    return JSON.createObjectNode()
                            .put("ok", false)
                            .put("error", error == null ? "user_not_found" : error);
                }
                r.set("user", user.deepCopy());
            }
            case "conversations.info" -> {
                ObjectNode channel = conversations.get(p.get("channel"));
                if (channel == null) {
                    return JSON.createObjectNode().put("ok", false).put("error", "channel_not_found");
                }
                ObjectNode copy = channel.deepCopy();
                if ("true".equals(p.get("include_num_members")) || "1".equals(p.get("include_num_members"))) {
                    copy.put("num_members", members.get(p.get("channel")).size());
                }
                r.set("channel", copy);
            }
            case "conversations.members" -> {
                List<String> ids = members.get(p.get("channel"));
                if (ids == null) {
                    return JSON.createObjectNode().put("ok", false).put("error", "channel_not_found");
                }
                page(
                        r,
                        "members",
                        List.copyOf(ids).stream()
                                .map(JSON.getNodeFactory()::textNode)
                                .toList(),
                        p);
            }
            case "conversations.open" -> {
                String user = p.getOrDefault("users", "");
                r.put("no_op", true).put("already_open", true);
                r.putObject("channel").put("id", "D" + user.replace(",", ""));
            }
            case "reactions.add", "reactions.remove", "assistant.threads.setStatus" -> {}
            default -> {
                return JSON.createObjectNode().put("ok", false).put("error", "unknown_method");
            }
        }
        return r;
    }

    /** A streaming method; Slack's error, or {@code null} with {@code r} filled in. */
    private String stream(String method, Map<String, String> p, ObjectNode r) throws IOException {
        String channel = p.get("channel");
        String markdown = p.get("markdown_text");
        if (channel == null || channel.isEmpty()) {
            return "channel_not_found";
        }
        if (markdown != null && markdown.length() > MAX_MARKDOWN_CHARS) {
            return "invalid_arguments";
        }
        if (method.equals("chat.startStream")) {
            String threadTs = p.get("thread_ts");
            if (threadTs == null || threadTs.isEmpty()) {
                return "invalid_arguments"; // streamed messages are always replies
            }
            boolean direct = channel.startsWith("D");
            if (!direct && p.get("recipient_user_id") == null) {
                return "missing_recipient_user_id";
            }
            if (!direct && p.get("recipient_team_id") == null) {
                return "missing_recipient_team_id";
            }
            String ts = nextTs();
            ObjectNode m = JSON.createObjectNode()
                    .put("type", "message")
                    .put("user", BOT_USER)
                    .put("bot_id", BOT_ID)
                    .put("text", markdown == null ? "" : markdown)
                    .put("ts", ts)
                    .put("thread_ts", threadTs);
            Stream stream = new Stream(m);
            stream.text.append(markdown == null ? "" : markdown);
            streams.put(ts, stream);
            newestStream = ts;
            thread(channel, threadTs).add(m);
            r.put("channel", channel).put("ts", ts);
            return null;
        }
        Stream stream = streams.get(p.get("ts"));
        if (stream == null) {
            return "message_not_found";
        }
        if (!stream.streaming) {
            return "message_not_in_streaming_state";
        }
        if (method.equals("chat.appendStream") && (markdown == null || markdown.isEmpty())) {
            return "invalid_arguments"; // markdown_text is required to append
        }
        synchronized (stream) {
            stream.text.append(markdown == null ? "" : markdown);
            stream.message.put("text", stream.text.toString());
            if (method.equals("chat.stopStream")) {
                stream.streaming = false;
                if (p.get("blocks") != null) {
                    stream.message.set("blocks", JSON.readTree(p.get("blocks")));
                }
                r.set("message", stream.message.deepCopy());
            }
        }
        r.put("channel", channel).put("ts", p.get("ts"));
        return null;
    }

    private void replies(ObjectNode r, Map<String, String> p) {
        List<ObjectNode> thread = threads.get(p.get("channel") + ":" + p.get("ts"));
        if (thread == null) {
            r.put("ok", false).put("error", "thread_not_found");
            return;
        }
        page(r, "messages", new ArrayList<JsonNode>(thread), p);
        r.put(
                "has_more",
                r.path("response_metadata").path("next_cursor").asText().length() > 0);
    }

    /** One page of {@code all} under {@code field}, {@link #pageSize} at most, with Slack's cursor. */
    private void page(ObjectNode r, String field, List<? extends JsonNode> all, Map<String, String> p) {
        int from = p.get("cursor") == null || p.get("cursor").isEmpty()
                ? 0
                : Integer.parseInt(p.get("cursor").substring("page-".length()));
        int limit = Math.min(pageSize, p.get("limit") == null ? 1000 : Integer.parseInt(p.get("limit")));
        int to = Math.min(all.size(), from + limit);
        ArrayNode items = r.putArray(field);
        all.subList(from, to).forEach(items::add);
        r.putObject("response_metadata").put("next_cursor", to < all.size() ? "page-" + to : "");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new HashMap<>();
        if (body == null || body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
