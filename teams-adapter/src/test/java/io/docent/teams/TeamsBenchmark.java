package io.docent.teams;

import static io.docent.teams.testing.Fixtures.APP_ID;
import static io.docent.teams.testing.Fixtures.TENANT;

import com.sun.net.httpserver.HttpServer;
import io.docent.core.memory.CaffeineConversationStore;
import io.docent.teams.testing.CannedAnswerer;
import io.docent.teams.testing.FakeBotConnector;
import io.docent.teams.testing.FakeBotConnector.Received;
import io.docent.teams.testing.FixedTokenCredentials;
import io.docent.teams.testing.Fixtures;
import io.docent.teams.testing.LocalOpenIdServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Bursts of concurrent Teams activities against {@code /api/messages}: every request carries a signed token checked
 * against locally served keys (the full authentication path), the answerer takes {@code bench.answerMillis} per
 * question (a slow language model), and replies go to a local fake Bot Connector. Measures the response time of
 * {@code /api/messages} and checks that every question is answered exactly once, redeliveries included. Not a test:
 * run it by hand, as docs/benchmarks.md shows.
 *
 * <p>System properties: {@code bench.rounds} (5), {@code bench.activities} (50 per round), {@code bench.redeliveries}
 * (25 per round: the same activities posted again, concurrently), {@code bench.answerMillis} (1000). Every answer
 * runs on a virtual thread of its own (the service's admission control, not modelled here, is what limits them).
 */
public final class TeamsBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int ACTIVITIES = Integer.getInteger("bench.activities", 50);
    private static final int REDELIVERIES = Integer.getInteger("bench.redeliveries", 25);
    private static final int ANSWER_MILLIS = Integer.getInteger("bench.answerMillis", 1000);

    private record Posted(String activityId, int status, long nanos) {}

    /** Time inside the handler (read body, authenticate, run the turn, write the response), per request. */
    private static final List<Long> SERVER_NANOS = java.util.Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) throws Exception {
        try (LocalOpenIdServer keys = LocalOpenIdServer.start();
                FakeBotConnector connector = FakeBotConnector.start()) {
            var answerer = new CannedAnswerer().taking(Duration.ofMillis(ANSWER_MILLIS));
            TeamsAdapter adapter = TeamsAdapter.builder(
                            TeamsSettings.singleTenant(APP_ID, "secret", TENANT),
                            answerer,
                            new CaffeineConversationStore())
                    .authEndpoints(keys.endpoints())
                    .credentials(new FixedTokenCredentials(APP_ID))
                    .build();
            // as DocentServer runs it: the JDK server, a virtual thread per request
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            var handler = adapter.httpHandler();
            server.createContext("/api/messages", exchange -> {
                long start = System.nanoTime();
                handler.handle(exchange);
                SERVER_NANOS.add(System.nanoTime() - start);
            });
            server.start();
            URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/messages");
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            System.out.printf(
                    Locale.ROOT,
                    "Docent Teams benchmark: %d rounds of %d activities + %d redeliveries, answers take %d ms,"
                            + " each on a virtual thread; %d cores, max heap %d MB%n",
                    ROUNDS,
                    ACTIVITIES,
                    REDELIVERIES,
                    ANSWER_MILLIS,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);

            // warm-up: a burst of the same shape, so that the JIT has compiled the path and the client holds as many
            // kept-alive connections as a round needs (Bot Service keeps its connections open, too)
            int expectedAnswers = ACTIVITIES;
            burst(http, endpoint, keys, connector, "warm", ACTIVITIES, REDELIVERIES);
            awaitAnswers(connector, expectedAnswers);

            List<Long> all = new ArrayList<>();
            SERVER_NANOS.clear();
            boolean exactlyOnce = true;
            for (int round = 1; round <= ROUNDS; round++) {
                long started = System.nanoTime();
                List<Posted> posted = burst(http, endpoint, keys, connector, "r" + round, ACTIVITIES, REDELIVERIES);
                expectedAnswers += ACTIVITIES;
                long answeredAfter = awaitAnswers(connector, expectedAnswers) - started;
                String tag = "-r" + round + "-";
                Map<String, Long> answersPerConversation = connector.all().stream()
                        .filter(r -> r.type().equals("message"))
                        .map(r -> r.body().path("conversation").path("id").asText())
                        .filter(id -> id.contains(tag))
                        .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
                boolean once = answersPerConversation.size() == ACTIVITIES
                        && answersPerConversation.values().stream().allMatch(n -> n == 1);
                exactlyOnce &= once;
                long accepted = posted.stream().filter(p -> p.status() == 202).count();
                long redelivered =
                        posted.stream().filter(p -> p.status() == 200).count();
                long other = posted.size() - accepted - redelivered;
                List<Long> times = posted.stream().map(Posted::nanos).sorted().toList();
                all.addAll(times);
                System.out.printf(
                        Locale.ROOT,
                        "round %d: %d requests (%d accepted, %d redeliveries, %d other), response ms p50 %.1f"
                                + " p99 %.1f max %.1f; %d conversations answered, exactly once: %s; all answered"
                                + " after %.1f s%n",
                        round,
                        posted.size(),
                        accepted,
                        redelivered,
                        other,
                        millis(percentile(times, 0.50)),
                        millis(percentile(times, 0.99)),
                        millis(times.get(times.size() - 1)),
                        answersPerConversation.size(),
                        once,
                        answeredAfter / 1e9);
            }
            Collections.sort(all);
            List<Long> inHandler = new ArrayList<>(SERVER_NANOS);
            Collections.sort(inHandler);
            System.out.printf(
                    Locale.ROOT,
                    "in the handler: p50 %.1f p99 %.1f max %.1f ms%n",
                    millis(percentile(inHandler, 0.50)),
                    millis(percentile(inHandler, 0.99)),
                    millis(inHandler.get(inHandler.size() - 1)));
            System.out.printf(
                    Locale.ROOT,
                    "all rounds: %d requests, response ms p50 %.1f p95 %.1f p99 %.1f max %.1f; questions asked %d"
                            + " (expected %d); every question answered exactly once: %s%n",
                    all.size(),
                    millis(percentile(all, 0.50)),
                    millis(percentile(all, 0.95)),
                    millis(percentile(all, 0.99)),
                    millis(all.get(all.size() - 1)),
                    answerer.questions().size(),
                    expectedAnswers,
                    exactlyOnce && answerer.questions().size() == expectedAnswers);
            server.stop(0);
            adapter.stop();
        }
    }

    /** Posts {@code count} new activities and {@code redeliveries} copies of the first ones, all at once. */
    private static List<Posted> burst(
            HttpClient http,
            URI endpoint,
            LocalOpenIdServer keys,
            FakeBotConnector connector,
            String tag,
            int count,
            int redeliveries)
            throws Exception {
        List<Fixtures> activities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            activities.add(Fixtures.activity("personal-message")
                    .with("serviceUrl", connector.serviceUrl())
                    .with("chat", "bench-" + tag + "-" + i));
        }
        List<Fixtures> requests = new ArrayList<>(activities);
        requests.addAll(activities.subList(0, Math.min(redeliveries, count)));
        Collections.shuffle(requests, new java.util.Random(42));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Posted>> futures = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Fixtures activity : requests) {
                String token = keys.sign(keys.channelToken(APP_ID, connector.serviceUrl()));
                HttpRequest request = HttpRequest.newBuilder(endpoint)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(activity.bytes()))
                        .build();
                futures.add(clients.submit(() -> {
                    go.await();
                    long start = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    return new Posted(activity.id(), response.statusCode(), System.nanoTime() - start);
                }));
            }
            go.countDown();
        }
        List<Posted> posted = new ArrayList<>();
        for (Future<Posted> future : futures) {
            posted.add(future.get());
        }
        return posted;
    }

    /** Waits until the connector has received {@code answers} answer messages; returns when (nanoTime). */
    private static long awaitAnswers(FakeBotConnector connector, int answers) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            long count = connector.all().stream()
                    .map(Received::type)
                    .filter("message"::equals)
                    .count();
            if (count >= answers) {
                Thread.sleep(Math.max(ANSWER_MILLIS, 500)); // a duplicate answer would arrive by now
                return System.nanoTime() - Math.max(ANSWER_MILLIS, 500) * 1_000_000L;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("not all questions were answered within 5 minutes");
    }

    private static long percentile(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
