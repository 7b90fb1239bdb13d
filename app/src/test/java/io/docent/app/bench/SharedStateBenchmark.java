package io.docent.app.bench;

import io.docent.app.cli.StackOptions;
import io.docent.app.config.DocentConfig;
import io.docent.app.config.RedisConfig;
import io.docent.app.config.Settings;
import io.docent.app.redis.LocalRedis;
import io.docent.app.serve.DocentService;
import io.docent.app.serve.SharedState;
import io.docent.core.ConversationStore;
import io.docent.core.PerPersonLimit;
import io.docent.core.Turn;
import io.docent.core.feedback.AnsweredMessage;
import io.docent.core.feedback.AnsweredMessages;
import io.docent.core.memory.CaffeineConversationStore;
import io.docent.slack.event.Deduplicator;
import io.docent.slack.event.ThreadMemory;
import io.docent.slack.testing.EventsApiClient;
import io.docent.slack.testing.LocalSlackApi;
import io.docent.slack.testing.SlackPayloads;
import io.lettuce.core.RedisURI;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What sharing the replicas' state on Redis costs and whether it holds. Not a test: run by hand (docs/benchmarks.md).
 *
 * <p>{@code latency [questions]}: the shared-state calls one question makes, on Slack (claim the event and the
 * message, take a per-person permit, remember the thread and the answer message, give the permit back) and on Teams
 * (claim the delivery, read the history, take a permit, append two turns, remember the answer message, give the permit
 * back), through the same decorated stores {@code docent serve} wires, against a local {@code redis-server} and
 * against memory; p50, p99 and max of the time added per question, with 1 and 8 threads asking at once.
 *
 * <p>{@code replicas [mentions]}: two {@code docent serve} services in this JVM (each its own HTTP server, Slack
 * adapter and Redis connection) on one Redis, Slack's Web API served locally; every mention is posted, signed, to one
 * replica and its retry to the other, at once; counts the answers ({@code chat.postMessage} in each question's
 * thread) and the deliveries dropped as duplicates. {@code -Dbench.redis=false}: the same without Redis, each
 * replica on its own memory (what several replicas did before).
 */
public final class SharedStateBenchmark {

    private static final String ANSWER = "Request VPN access in Service Desk > Access > VPN [1]. ".repeat(8);

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "latency";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : (mode.equals("latency") ? 20_000 : 200);
        try (LocalRedis redis = LocalRedis.start()) {
            if (mode.equals("latency")) {
                latency(redis, n);
            } else {
                replicas(redis, n);
            }
        }
        System.exit(0);
    }

    // --- latency ---------------------------------------------------------------------------------------------

    private static void latency(LocalRedis redis, int questions) throws Exception {
        RedisConfig config = new RedisConfig(RedisURI.create(redis.url()), Duration.ofMillis(250));
        System.out.println("| state | surface | threads | questions | p50 µs | p99 µs | max µs | fallbacks |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String state : List.of("memory", "redis")) {
            for (String surface : List.of("slack", "teams")) {
                for (int threads : new int[] {1, 8}) {
                    var fallbacks = new java.util.concurrent.atomic.AtomicLong();
                    try (SharedState shared = state.equals("redis")
                            ? SharedState.open(Optional.of(config), s -> fallbacks.incrementAndGet())
                            : SharedState.local()) {
                        Question q = surface.equals("slack") ? slack(shared) : teams(shared);
                        measure(q, threads, questions / 4, null); // warm-up
                        measure(q, threads, questions, state + " | " + surface + " | " + threads);
                        System.out.println(" " + fallbacks.get() + " |");
                    }
                }
            }
        }
    }

    /** The shared-state calls of one question numbered {@code i}. */
    @FunctionalInterface
    private interface Question {
        void ask(long i);
    }

    private static Question slack(SharedState shared) {
        var store = shared.keyValues("slack", 300_000);
        var dedup = new Deduplicator(store, Duration.ofMinutes(15));
        var threads = new ThreadMemory(store);
        var answered = new AnsweredMessages(shared.keyValues("answered", 20_000));
        PerPersonLimit limit = shared.perPersonLimit();
        String run = Long.toString(System.nanoTime(), 36);
        return i -> {
            String ts = run + "." + i;
            dedup.firstEvent("Ev" + ts);
            dedup.firstMessage("C0GENERAL", ts);
            var permit = limit.tryAcquire("slack\0T1\0U" + (i % 500), 2);
            threads.state("C0GENERAL:" + ts);
            threads.rememberAnswered("C0GENERAL:" + ts);
            answered.remember(
                    "r-" + ts,
                    new AnsweredMessage(
                            "How do I get VPN access?",
                            ANSWER,
                            List.of("https://wiki.example.com/vpn"),
                            "C0GENERAL",
                            ""));
            permit.ifPresent(PerPersonLimit.Permit::release);
        };
    }

    private static Question teams(SharedState shared) {
        var deliveries = shared.keyValues("teams", 200_000);
        ConversationStore history = shared.conversations(CaffeineConversationStore::new);
        var answered = new AnsweredMessages(shared.keyValues("answered", 20_000));
        PerPersonLimit limit = shared.perPersonLimit();
        String run = Long.toString(System.nanoTime(), 36);
        return i -> {
            String conversation = "a:" + run + "-" + (i % 2_000); // follow-ups: up to 40 turns of history
            deliveries.putIfAbsent("teams:delivery:msteams\n" + conversation + "\n" + i, "1", Duration.ofMinutes(15));
            history.history(conversation);
            var permit = limit.tryAcquire("teams\0T1\0U" + (i % 500), 2);
            history.append(conversation, List.of(Turn.user("How do I get VPN access?"), Turn.assistant(ANSWER)));
            answered.remember(
                    "r-" + run + i,
                    new AnsweredMessage(
                            "How do I get VPN access?",
                            ANSWER,
                            List.of("https://wiki.example.com/vpn"),
                            conversation,
                            ""));
            permit.ifPresent(PerPersonLimit.Permit::release);
        };
    }

    private static void measure(Question question, int threads, int questions, String label) throws Exception {
        long[] nanos = new long[questions];
        var next = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            runs.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < questions; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    question.ask(i);
                    nanos[i] = System.nanoTime() - t0;
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        if (label != null) {
            Arrays.sort(nanos);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %.0f | %.0f | %.0f |",
                    label,
                    questions,
                    nanos[questions / 2] / 1e3,
                    nanos[(int) (questions * 0.99)] / 1e3,
                    nanos[questions - 1] / 1e3);
        }
    }

    // --- replicas --------------------------------------------------------------------------------------------

    private static void replicas(LocalRedis redis, int mentions) throws Exception {
        Path home = Files.createTempDirectory("docent-replicas-bench");
        Settings indexing = Settings.of(Map.of("DOCENT_HOME", home.toString()));
        new StackOptions()
                .openForQuestions(indexing, DocentConfig.read(indexing), new PrintWriter(new StringWriter()))
                .close();
        try (var slackApi = new LocalSlackApi()) {
            for (int i = 0; i < mentions; i++) {
                slackApi.user("U" + i, "Person " + i); // one person each: the per-person limit stays out of it
            }
            Map<String, String> env = new HashMap<>();
            env.put("DOCENT_HOME", home.toString());
            env.put("DOCENT_PORT", "0");
            env.put("DOCENT_BIND", "127.0.0.1");
            boolean shared = Boolean.parseBoolean(System.getProperty("bench.redis", "true"));
            if (shared) {
                env.put("DOCENT_REDIS_URL", redis.url());
            }
            env.put("SLACK_BOT_TOKEN", LocalSlackApi.BOT_TOKEN);
            env.put("SLACK_SIGNING_SECRET", EventsApiClient.SIGNING_SECRET);
            env.put("SLACK_API_URL", slackApi.url().toString());
            Settings settings = Settings.of(env);
            try (DocentService a = start(settings);
                    DocentService b = start(settings)) {
                a.awaitIndex(Duration.ofSeconds(120));
                b.awaitIndex(Duration.ofSeconds(120));
                HttpClient http = HttpClient.newHttpClient();
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
                List<String> threads = new ArrayList<>();
                List<Future<Integer>> posts = new ArrayList<>();
                long start = System.nanoTime();
                for (int i = 0; i < mentions; i++) {
                    String ts = "1700000300." + String.format(Locale.ROOT, "%06d", i);
                    threads.add(ts);
                    String body = SlackPayloads.appMention(
                            "EvBench" + i, "C0GENERAL", "U" + i, "<@U0DOCENT> How do I get VPN access?", ts, null);
                    DocentService first = i % 2 == 0 ? a : b;
                    DocentService other = i % 2 == 0 ? b : a;
                    posts.add(pool.submit(() -> post(http, first.port(), body, null)));
                    posts.add(pool.submit(() -> post(http, other.port(), body, 1)));
                }
                int notOk = 0;
                for (Future<Integer> post : posts) {
                    notOk += post.get(60, TimeUnit.SECONDS) == 200 ? 0 : 1;
                }
                // done when every delivery is accounted for: answered, or dropped as a duplicate
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
                Map<String, Integer> answers;
                do {
                    Thread.sleep(100);
                    answers = answersByThread(slackApi, threads);
                } while (answers.values().stream().mapToInt(Integer::intValue).sum()
                                        + metric(a, "docent_slack_duplicates_dropped_total")
                                        + metric(b, "docent_slack_duplicates_dropped_total")
                                < posts.size()
                        && System.nanoTime() < deadline);
                double seconds = (System.nanoTime() - start) / 1e9;
                long twice = answers.values().stream().filter(c -> c > 1).count();
                int total =
                        answers.values().stream().mapToInt(Integer::intValue).sum();
                System.out.printf(
                        Locale.ROOT,
                        "%d mentions, each posted to one replica and retried to the other (%d deliveries, %d not 200):"
                                + " %d answers in %d threads, %d threads answered more than once; duplicates dropped:"
                                + " A %.0f, B %.0f; answered by A %.0f, B %.0f; all answered in %.1f s%n",
                        mentions,
                        posts.size(),
                        notOk,
                        total,
                        answers.size(),
                        twice,
                        metric(a, "docent_slack_duplicates_dropped_total"),
                        metric(b, "docent_slack_duplicates_dropped_total"),
                        metric(a, "docent_slack_answers_answered_total"),
                        metric(b, "docent_slack_answers_answered_total"),
                        seconds);
                pool.shutdown();
            }
        }
    }

    private static DocentService start(Settings settings) {
        return DocentService.start(
                settings,
                config -> new StackOptions().openForQuestions(settings, config, new PrintWriter(new StringWriter())),
                new PrintWriter(new StringWriter()));
    }

    private static int post(HttpClient http, int port, String body, Integer retryNum) throws Exception {
        long ts = Instant.now().getEpochSecond();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", Long.toString(ts))
                .header("X-Slack-Signature", EventsApiClient.sign(EventsApiClient.SIGNING_SECRET, ts, body));
        if (retryNum != null) {
            request.header("X-Slack-Retry-Num", retryNum.toString()).header("X-Slack-Retry-Reason", "http_timeout");
        }
        return http.send(
                        request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static Map<String, Integer> answersByThread(LocalSlackApi api, List<String> threads) {
        var wanted = new java.util.HashSet<>(threads);
        Map<String, Integer> answers = new HashMap<>();
        for (LocalSlackApi.Call call : api.calls("chat.postMessage")) {
            String thread = call.param("thread_ts");
            if (thread != null && wanted.contains(thread)) {
                answers.merge(thread, 1, Integer::sum);
            }
        }
        return answers;
    }

    private static double metric(DocentService service, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$")
                .matcher(service.metrics().scrape());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
