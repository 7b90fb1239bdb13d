package io.docent.slack;

import static io.docent.slack.testing.LocalSlackApi.BOT_USER;

import io.docent.core.feedback.FeedbackRecorder;
import io.docent.slack.testing.CannedAnswerer;
import io.docent.slack.testing.EventsApiClient;
import io.docent.slack.testing.LocalSlackApi;
import io.docent.slack.testing.LocalSocketModeServer;
import io.docent.slack.testing.SlackPayloads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Slack adapter's benchmark (not a test), over the Events API (HTTP) and Socket Mode, against the local Slack
 * Web API and Socket Mode servers, with a core that answers after a fixed delay:
 *
 * <ol>
 *   <li>50 concurrent mentions: event to ack (HTTP: the request's round trip; Socket Mode: envelope sent to ack
 *       received; HTTP over plain sockets, so no client library's time is counted), the time inside the HTTP
 *       handler, and the adapter's own overhead per question ({@link SlackMetrics#overheadSamples()}: a worker
 *       taking the question up to the answer posted, less the core's time), a virtual thread per question.
 *   <li>a burst of 200 mentions, every fourth one redelivered as a Slack retry and every fifth also delivered as a
 *       {@code message} event, a virtual thread per question: counts the answers.
 * </ol>
 *
 * Usage: {@code SlackAdapterBenchmark [http|socket|both] [rounds]}; see docs/benchmarks.md.
 */
public final class SlackAdapterBenchmark {

    private static final Duration CORE_TIME = Duration.ofMillis(100);
    private static final Duration BURST_CORE_TIME = Duration.ofMillis(20);
    private static final String CHANNEL = "C0BENCH";
    /** Mentions sent at once in the latency phase ({@code -Dbench.concurrent}, default 50). */
    private static final int CONCURRENT = Integer.getInteger("bench.concurrent", 50);

    private final boolean socketMode;
    private LocalSlackApi api;
    private LocalSocketModeServer socket;
    private SlackAdapter adapter;
    private EventsApiClient http;
    private final CannedAnswerer core = new CannedAnswerer();
    /** HTTP only: time inside the adapter's handler, without the HTTP client and server around it. */
    private final List<Double> handlerMs = Collections.synchronizedList(new ArrayList<>());

    private long[] lastOverheads = new long[0];

    private SlackAdapterBenchmark(boolean socketMode) {
        this.socketMode = socketMode;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "both";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.println("| transport | event to ack p50 (ms) | p99 | inside the HTTP handler p50 / p99 | adapter"
                + " overhead p50 (ms) | p99 | event to answer posted p50 / p99 | burst: answers /"
                + " mentions | duplicate deliveries | busy replies |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (String transport : mode.equals("both") ? List.of("http", "socket") : List.of(mode)) {
            new SlackAdapterBenchmark(transport.equals("socket")).run(rounds);
        }
    }

    private void run(int rounds) throws Exception {
        List<Double> acks = new ArrayList<>();
        List<Double> endToEnd = new ArrayList<>();
        start();
        try {
            core.delay(CORE_TIME);
            for (int warmUp = 0; warmUp < 3; warmUp++) {
                concurrentMentions(CONCURRENT, acks, endToEnd); // not counted
            }
            acks.clear();
            endToEnd.clear();
            handlerMs.clear();
            for (int round = 0; round < rounds; round++) {
                concurrentMentions(CONCURRENT, acks, endToEnd);
            }
        } finally {
            stop();
        }
        List<Double> handler = new ArrayList<>(handlerMs);
        List<Double> adapterOverhead = new ArrayList<>();
        long[] samples = lastOverheads;
        for (int i = Math.max(0, samples.length - rounds * CONCURRENT); i < samples.length; i++) {
            adapterOverhead.add(ms(samples[i]));
        }
        start();
        int[] burst;
        try {
            core.delay(BURST_CORE_TIME);
            burst = burst(200);
        } finally {
            stop();
        }
        System.out.printf(
                "| %s | %.1f | %.1f | %s | %.1f | %.1f | %.0f / %.0f | %d / 200 | %d | %d |%n",
                socketMode ? "Socket Mode" : "Events API (HTTP)",
                percentile(acks, 50),
                percentile(acks, 99),
                handler.isEmpty()
                        ? "-"
                        : String.format(
                                java.util.Locale.ROOT, "%.1f / %.1f", percentile(handler, 50), percentile(handler, 99)),
                percentile(adapterOverhead, 50),
                percentile(adapterOverhead, 99),
                percentile(endToEnd, 50),
                percentile(endToEnd, 99),
                burst[0],
                burst[1],
                burst[2]);
    }

    private void start() throws Exception {
        api = new LocalSlackApi();
        var settings = SlackSettings.builder(LocalSlackApi.BOT_TOKEN).apiUrl(api.url());
        if (socketMode) {
            socket = new LocalSocketModeServer().open();
            api.socketModeUrl(socket.url());
            adapter = SlackAdapter.create(
                    settings.appToken(LocalSlackApi.APP_TOKEN).build(), core, FeedbackRecorder.discarding());
            adapter.startSocketMode();
            socket.awaitConnections(1, Duration.ofSeconds(10));
        } else {
            adapter = SlackAdapter.create(
                    settings.signingSecret(EventsApiClient.SIGNING_SECRET).build(),
                    core,
                    FeedbackRecorder.discarding());
            var handler = adapter.eventsHandler();
            http = new EventsApiClient(exchange -> {
                long t0 = System.nanoTime();
                handler.handle(exchange);
                handlerMs.add(ms(System.nanoTime() - t0));
            });
        }
    }

    private void stop() {
        lastOverheads = adapter.metrics().overheadSamples();
        if (http != null) {
            http.close();
            http = null;
        }
        adapter.close();
        if (socket != null) {
            socket.close();
            socket = null;
        }
        api.close();
    }

    private void concurrentMentions(int count, List<Double> acks, List<Double> endToEnd) throws Exception {
        int before = api.calls("chat.postMessage").size();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Double> roundAcks = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                String ts = api.nextTs();
                String question = "question " + ts + " about holidays?";
                String event = SlackPayloads.appMention(
                        "Ev" + ts, CHANNEL, "U0PAT", "<@" + BOT_USER + "> " + question, ts, null);
                senders.execute(() -> {
                    await(go);
                    long[] times = ack(event, 0);
                    sentAt.put(ts, times[0]);
                    roundAcks.add(ms(times[1] - times[0]));
                });
            }
            go.countDown();
        }
        api.await("chat.postMessage", before + count, Duration.ofSeconds(60));
        acks.addAll(roundAcks);
        for (var post : api.calls("chat.postMessage").subList(before, before + count)) {
            String ts = post.param("thread_ts");
            endToEnd.add(ms(post.atNanos() - sentAt.get(ts)));
        }
    }

    /** Sends one event; returns when it was sent and when its ack arrived ({@link System#nanoTime()}). */
    private long[] ack(String event, int retry) {
        try {
            if (socketMode) {
                String envelope = socket.sendEvent(event, retry);
                socket.awaitAck(envelope, Duration.ofSeconds(30));
                return new long[] {socket.sentAt(envelope), socket.ackedAt(envelope)};
            }
            long[] r = http.rawPost(event, retry == 0 ? null : retry);
            if (r[2] != 200) {
                throw new IllegalStateException("HTTP " + r[2]);
            }
            return r;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns {answers, duplicate deliveries sent, busy replies}. */
    private int[] burst(int count) throws Exception {
        int duplicates = 0;
        List<Runnable> sends = new ArrayList<>();
        List<String> tss = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String ts = api.nextTs();
            tss.add(ts);
            String text = "<@" + BOT_USER + "> burst question " + i + "?";
            String event = SlackPayloads.appMention("Ev" + ts, CHANNEL, "U0PAT", text, ts, null);
            sends.add(() -> ack(event, 0));
            if (i % 4 == 0) {
                sends.add(() -> ack(event, 1));
                duplicates++;
            }
            if (i % 5 == 0) {
                String message = SlackPayloads.message("Ev" + ts + "m", CHANNEL, "channel", "U0PAT", text, ts, null);
                sends.add(() -> ack(message, 0));
                duplicates++;
            }
        }
        try (ExecutorService senders = Executors.newFixedThreadPool(16)) {
            sends.forEach(senders::execute);
        }
        api.await("chat.postMessage", count, Duration.ofSeconds(120));
        TimeUnit.SECONDS.sleep(2); // anything extra would show up now
        var posts = api.calls("chat.postMessage");
        Set<String> threads = new HashSet<>();
        int busy = 0;
        for (var post : posts) {
            if (post.param("text").contains("can't take yours")) {
                busy++;
            } else {
                threads.add(post.param("thread_ts"));
            }
        }
        int answers = posts.size() - busy;
        if (answers != count || !threads.containsAll(tss)) {
            System.out.println(
                    "burst: " + answers + " answers in " + threads.size() + " threads for " + count + " mentions");
        }
        return new int[] {answers, duplicates, busy};
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
