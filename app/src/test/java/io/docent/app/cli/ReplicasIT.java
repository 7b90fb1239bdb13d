package io.docent.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.app.config.Settings;
import io.docent.app.redis.LocalRedis;
import io.docent.slack.testing.EventsApiClient;
import io.docent.slack.testing.LocalSlackApi;
import io.docent.slack.testing.SlackPayloads;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of {@code docent serve}, each its own process (the built {@code docent.jar}), sharing one real {@code
 * redis-server} through {@code DOCENT_REDIS_URL}, with Slack's Web API and Teams' Bot Connector served locally: one
 * answer per question whichever replica gets it, a Teams follow-up answered on one replica with the history the other
 * recorded, and questions still answered while Redis is down. Skipped without {@code redis-server}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    @TempDir
    static Path dir;

    private static LocalRedis redis;
    private static LocalSlackApi slackApi;
    private static LocalBotConnector connector;
    private static Replica a;
    private static Replica b;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoReplicasOnOneRedis() throws Exception {
        redis = LocalRedis.start();
        slackApi = new LocalSlackApi();
        slackApi.user("U0MEGAN", "Megan");
        connector = new LocalBotConnector();
        Path home = dir.resolve("home");
        // the sample handbook indexed once, then each replica gets its own copy, as each would have its own disk
        new StackOptions()
                .openForQuestions(
                        Settings.of(Map.of("DOCENT_HOME", home.toString())), new PrintWriter(new StringWriter()))
                .close();
        a = Replica.start("a", copy(home, dir.resolve("home-a")));
        b = Replica.start("b", copy(home, dir.resolve("home-b")));
        a.awaitReady();
        b.awaitReady();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {a, b, connector, slackApi, redis}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    @Order(1)
    void one_slack_event_delivered_to_both_replicas_and_retried_to_each_gets_exactly_one_answer() throws Exception {
        String ts = "1700000100.000001";
        String event = SlackPayloads.appMention(
                "EvReplicas1", "C0GENERAL", "U0MEGAN", "<@U0DOCENT> How do I get VPN access?", ts, null);

        // both at once, as Slack's retry of a late ack can race the first delivery, then a retry to each
        var toA = CompletableFuture.supplyAsync(() -> postSlack(a, event, null));
        var toB = CompletableFuture.supplyAsync(() -> postSlack(b, event, null));
        assertThat(toA.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(toB.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(postSlack(b, event, 1)).isEqualTo(200);
        assertThat(postSlack(a, event, 2)).isEqualTo(200);

        // every delivery is accounted for: three dropped as duplicates, one answered (bounded, for a failing run)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (duplicatesDropped() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<LocalSlackApi.Call> answers = awaitPosts(ts, 1);
        assertThat(duplicatesDropped()).isEqualTo(3);
        assertThat(a.metric("docent_slack_events_total") + b.metric("docent_slack_events_total"))
                .isEqualTo(4);
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).param("text")).containsIgnoringCase("vpn");
    }

    /** The first of an answer's Teams citations (schema.org Claim entities) is the VPN page. */
    private static final String FIRST_SOURCE_IS_VPN_PAGE =
            "\"position\":1,\"appearance\":{\"@type\":\"DigitalDocument\",\"name\":\"VPN Access\"";

    @Test
    @Order(2)
    void a_teams_follow_up_on_replica_b_is_answered_with_the_history_replica_a_recorded() throws Exception {
        String conversation = "replicas-chat-1";
        assertThat(postTeams(a, conversation, "How do I get VPN access?", 1)).isIn(200, 202);
        assertThat(connector.awaitMessages(conversation, 1)).hasSize(1);

        assertThat(postTeams(b, conversation, "and for contractors?", 2)).isIn(200, 202);
        List<String> replies = connector.awaitMessages(conversation, 2);

        assertThat(replies).hasSize(2);
        // with the first question in its history, "and for contractors?" searches for VPN access for contractors:
        // its first source is the VPN page; asked without that history (a new conversation) it is not
        assertThat(replies.get(1)).contains(FIRST_SOURCE_IS_VPN_PAGE);
        assertThat(postTeams(b, "replicas-chat-control", "and for contractors?", 4))
                .isIn(200, 202);
        assertThat(connector.awaitMessages("replicas-chat-control", 1).get(0)).doesNotContain(FIRST_SOURCE_IS_VPN_PAGE);
        // and the history both replicas wrote is on Redis, four turns
        try (var probe = io.docent.app.redis.RedisState.open(redis.config())) {
            long turns = probe.call(c -> c.llen("docent:history:" + conversation));
            assertThat(turns).isEqualTo(4);
        }
    }

    @Test
    @Order(3)
    void with_redis_stopped_both_replicas_still_answer_and_say_why_they_are_degraded() throws Exception {
        redis.stop();
        try {
            String ts = "1700000200.000001";
            String event = SlackPayloads.appMention(
                    "EvReplicas2", "C0GENERAL", "U0MEGAN", "<@U0DOCENT> How do I submit an expense claim?", ts, null);
            assertThat(postSlack(a, event, null)).isEqualTo(200);
            assertThat(postTeams(b, "replicas-chat-2", "How many days of annual leave do I get?", 3))
                    .isIn(200, 202);

            assertThat(awaitPosts(ts, 1)).hasSize(1);
            assertThat(connector.awaitMessages("replicas-chat-2", 1)).hasSize(1);
            for (Replica replica : List.of(a, b)) {
                HttpResponse<String> ready = replica.get("/readyz");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!ready.body().contains("degraded") && System.nanoTime() < deadline) { // re-checked every 5 s
                    Thread.sleep(200);
                    ready = replica.get("/readyz");
                }
                assertThat(ready.statusCode())
                        .as("a rare duplicate beats silence: still ready")
                        .isEqualTo(200);
                assertThat(ready.body()).contains("degraded: redis: Redis at redis://127.0.0.1:" + redis.port());
            }
            assertThat(a.metric("docent_redis_fallbacks_total{store=\"slack\"}"))
                    .isPositive();
            assertThat(b.metric("docent_redis_fallbacks_total{store=\"teams\"}"))
                    .isPositive();
        } finally {
            redis.restart();
        }
    }

    private static double duplicatesDropped() throws IOException, InterruptedException {
        return a.metric("docent_slack_duplicates_dropped_total") + b.metric("docent_slack_duplicates_dropped_total");
    }

    private static int postSlack(Replica replica, String body, Integer retryNum) {
        long ts = Instant.now().getEpochSecond();
        var request = HttpRequest.newBuilder(URI.create(replica.url() + "/slack/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", Long.toString(ts))
                .header("X-Slack-Signature", EventsApiClient.sign(EventsApiClient.SIGNING_SECRET, ts, body));
        if (retryNum != null) {
            request.header("X-Slack-Retry-Num", retryNum.toString()).header("X-Slack-Retry-Reason", "http_timeout");
        }
        try {
            return http.send(
                            request.POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int postTeams(Replica replica, String conversation, String text, int i) throws Exception {
        String body = """
                {"type":"message","id":"replicas-%d","timestamp":"2026-12-04T09:15:30Z","serviceUrl":"%s",
                 "channelId":"msteams","from":{"id":"29:user-megan","name":"Megan"},
                 "conversation":{"conversationType":"personal","id":"%s"},
                 "recipient":{"id":"28:bot","name":"Docent"},"text":"%s"}
                """.formatted(i, connector.url(), conversation, text);
        return http.send(
                        HttpRequest.newBuilder(URI.create(replica.url() + "/api/messages"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** The {@code chat.postMessage} calls in the thread {@code ts}, waiting until there are at least {@code n}. */
    private static List<LocalSlackApi.Call> awaitPosts(String ts, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        List<LocalSlackApi.Call> posts;
        do {
            posts = slackApi.calls("chat.postMessage").stream()
                    .filter(c -> ts.equals(c.param("thread_ts")))
                    .toList();
            if (posts.size() >= n) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return posts;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().equals("write.lock")) {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    /** One {@code docent serve} process. */
    private record Replica(String name, Process process, int port, Path log) implements AutoCloseable {

        static Replica start(String name, Path home) throws IOException {
            Path jar = Path.of("target/docent.jar").toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("ReplicasIT runs the built jar: run it with mvn verify (" + jar + ")");
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = dir.resolve("serve-" + name + ".log");
            var builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx512m",
                            "--enable-native-access=ALL-UNNAMED",
                            "-jar",
                            jar.toString(),
                            "serve")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("DOCENT_") || k.startsWith("SLACK_") || k.startsWith("AZURE_"));
            env.put("DOCENT_HOME", home.toString());
            env.put("DOCENT_PORT", Integer.toString(port));
            env.put("DOCENT_BIND", "127.0.0.1");
            env.put("DOCENT_REDIS_URL", redis.url());
            env.put("SLACK_BOT_TOKEN", LocalSlackApi.BOT_TOKEN);
            env.put("SLACK_SIGNING_SECRET", EventsApiClient.SIGNING_SECRET);
            env.put("SLACK_API_URL", slackApi.url().toString());
            env.put("DOCENT_TEAMS_INSECURE_LOCAL", "true");
            return new Replica(name, builder.start(), port, log);
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        void awaitReady() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("replica " + name + " exited:\n" + Files.readString(log));
                }
                try {
                    if (get("/readyz").statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("replica " + name + " not ready:\n" + Files.readString(log));
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url() + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** The value of one line of {@code /metrics} ({@code name} with its labels), 0 when absent. */
        double metric(String name) throws IOException, InterruptedException {
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$")
                    .matcher(get("/metrics").body());
            return m.find() ? Double.parseDouble(m.group(1)) : 0;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy(); // SIGTERM: docent serve shuts down gracefully
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
