package io.docent.teams;

import static io.docent.teams.testing.Fixtures.APP_ID;
import static io.docent.teams.testing.Fixtures.TENANT;

import com.sun.net.httpserver.HttpServer;
import io.docent.core.Answer;
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
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Streamed Teams answers against the non-streamed path: an answerer that writes like a language model streaming
 * {@code bench.tokens} tokens at 20 a second after a 1-second delay, a Teams endpoint on a local JDK HTTP server
 * with the full authentication path, and the local Bot Connector that checks streaming as Teams does. Each answer is
 * a 1:1 question (streamed) or the same question in a group chat (one message after a typing indicator), one at a
 * time. Measures, per answer: the time from the answerer's first {@code written} call to the first streaming update
 * arriving at the connector (what streaming adds to the first visible words), connector calls, and the total time
 * from posting the question to the final message at the connector. Not a test: run it by hand, as
 * docs/benchmarks.md shows.
 *
 * <p>System properties: {@code bench.answers} (10 per path, after 2 of each as warm-up), {@code bench.tokens} (60),
 * {@code bench.firstTokenMillis} (1000: the model's delay before its first token).
 */
public final class TeamsStreamingBenchmark {

    private static final int ANSWERS = Integer.getInteger("bench.answers", 10);
    private static final int TOKENS = Integer.getInteger("bench.tokens", 60);
    private static final int WARM_UP = 2;
    private static final Duration FIRST_TOKEN = Duration.ofMillis(Integer.getInteger("bench.firstTokenMillis", 1000));
    private static final Duration PER_TOKEN = Duration.ofMillis(50);

    private record Run(long firstWordsNanos, int calls, long totalNanos) {}

    public static void main(String[] args) throws Exception {
        String text = "word ".repeat(TOKENS).strip() + " [1].";
        var answerer = new CannedAnswerer()
                .replying(q -> new Answer(
                        text,
                        List.of(CannedAnswerer.VPN),
                        Answer.Status.ANSWERED,
                        q.text(),
                        List.of(),
                        java.util.Map.of()))
                .writing(FIRST_TOKEN, TOKENS, PER_TOKEN);
        try (LocalOpenIdServer keys = LocalOpenIdServer.start();
                FakeBotConnector connector = FakeBotConnector.start();
                TeamsAdapter adapter = TeamsAdapter.builder(
                                TeamsSettings.singleTenant(APP_ID, "secret", TENANT),
                                answerer,
                                new CaffeineConversationStore())
                        .authEndpoints(keys.endpoints())
                        .credentials(new FixedTokenCredentials(APP_ID))
                        .build()) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/api/messages", adapter.httpHandler());
            server.start();
            URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/messages");
            HttpClient http = HttpClient.newHttpClient();
            System.out.printf(
                    Locale.ROOT,
                    "Docent Teams streaming benchmark: %d answers per path (+%d warm-up), %d tokens at 20/s after %d"
                            + " ms%n",
                    ANSWERS,
                    WARM_UP,
                    TOKENS,
                    FIRST_TOKEN.toMillis());
            List<Run> streamed = new ArrayList<>();
            List<Run> plain = new ArrayList<>();
            for (int i = 0; i < ANSWERS + WARM_UP; i++) {
                Run s = ask(
                        http,
                        endpoint,
                        keys,
                        connector,
                        answerer,
                        Fixtures.activity("personal-message").with("chat", "bench-" + i));
                Run p = ask(
                        http,
                        endpoint,
                        keys,
                        connector,
                        answerer,
                        Fixtures.activity("group-chat-message").with("chat", "bench-" + i));
                if (i >= WARM_UP) {
                    streamed.add(s);
                    plain.add(p);
                }
            }
            server.stop(0);
            report("streamed (1:1 chat)", streamed, true);
            report("one message (group chat)", plain, false);
        }
    }

    private static Run ask(
            HttpClient http,
            URI endpoint,
            LocalOpenIdServer keys,
            FakeBotConnector connector,
            CannedAnswerer answerer,
            Fixtures question)
            throws Exception {
        question.with("serviceUrl", connector.serviceUrl());
        int before = connector.all().size();
        int writtenBefore = answerer.writtenAtNanos().size();
        long posted = System.nanoTime();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", "application/json")
                        .header(
                                "Authorization",
                                "Bearer " + keys.sign(keys.channelToken(APP_ID, connector.serviceUrl())))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(question.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("the endpoint answered " + response.statusCode());
        }
        Predicate<Received> answered = r -> r.type().equals("message") && r.status() == 200;
        List<Received> calls;
        do {
            Thread.sleep(5);
            calls = connector.all().subList(before, connector.all().size());
        } while (calls.stream().noneMatch(answered));
        Received last = calls.stream().filter(answered).findFirst().orElseThrow();
        long firstWritten = answerer.writtenAtNanos().get(writtenBefore);
        long firstWords = calls.stream()
                .filter(r -> r.streamType().equals("streaming") && r.status() == 200)
                .mapToLong(r -> r.atNanos() - firstWritten)
                .findFirst()
                .orElse(-1);
        Thread.sleep(200); // nothing should follow the final message; counted if it did
        int count = connector.all().size() - before;
        return new Run(firstWords, count, last.atNanos() - posted);
    }

    private static void report(String path, List<Run> runs, boolean streamed) {
        List<Long> totals = new ArrayList<>(runs.stream().map(Run::totalNanos).toList());
        Collections.sort(totals);
        System.out.printf(
                Locale.ROOT,
                "%-26s total p50 %7.1f ms, max %7.1f ms; connector calls per answer %.1f (min %d, max %d)%n",
                path,
                millis(percentile(totals, 50)),
                millis(totals.getLast()),
                runs.stream().mapToInt(Run::calls).average().orElse(0),
                runs.stream().mapToInt(Run::calls).min().orElse(0),
                runs.stream().mapToInt(Run::calls).max().orElse(0));
        if (streamed) {
            List<Long> first =
                    new ArrayList<>(runs.stream().map(Run::firstWordsNanos).toList());
            Collections.sort(first);
            System.out.printf(
                    Locale.ROOT,
                    "%-26s first written -> first streaming update at the connector: p50 %.1f ms, p95 %.1f ms, max"
                            + " %.1f ms%n",
                    "",
                    millis(percentile(first, 50)),
                    millis(percentile(first, 95)),
                    millis(first.getLast()));
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
