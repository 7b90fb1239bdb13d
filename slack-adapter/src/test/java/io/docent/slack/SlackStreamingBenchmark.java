package io.docent.slack;

import static io.docent.slack.testing.LocalSlackApi.BOT_USER;

import io.docent.core.Answer;
import io.docent.core.feedback.FeedbackRecorder;
import io.docent.slack.testing.CannedAnswerer;
import io.docent.slack.testing.EventsApiClient;
import io.docent.slack.testing.LocalSlackApi;
import io.docent.slack.testing.LocalSlackApi.Call;
import io.docent.slack.testing.SlackPayloads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Streamed answers in Slack, measured (not a test): the adapter over the Events API against the local Slack Web API,
 * with a core that writes like a language model streaming 20 tokens a second after a 1-second delay (a word a token,
 * {@value #WORDS} words: 1 s + 4.95 s). One question at a time, in three ways:
 *
 * <ul>
 *   <li><b>stream</b>: the workspace has Slack's streaming methods;
 *   <li><b>update</b>: it has not ({@code chat.startStream} answers {@code not_allowed_token_type}): one message,
 *       updated at most once a second;
 *   <li><b>whole</b>: the same answer, not streamed: the core returns it after the same 5.95 s.
 * </ul>
 *
 * For each answer: the time from the core's first words to the first Slack call that shows words (received by the
 * local Web API), the Slack calls that write the answer (start, appends, stop, posts, updates) and all Web API calls
 * for the question (with the 👀 and {@code conversations.replies}), the time from the event sent to the answer
 * complete in Slack, and from the core returning the answer to the answer complete in Slack (what showing it as it
 * was written adds at the end).
 *
 * <p>Usage: {@code SlackStreamingBenchmark [rounds]} (default 10 questions each way); see docs/benchmarks.md.
 */
public final class SlackStreamingBenchmark {

    static final int WORDS = 100;
    private static final Duration FIRST_TOKEN = Duration.ofSeconds(1);
    private static final Duration PER_TOKEN = Duration.ofMillis(50);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CHANNEL = "C0BENCH";
    private static final Set<String> WRITING_CALLS =
            Set.of("chat.startStream", "chat.appendStream", "chat.stopStream", "chat.postMessage", "chat.update");
    private static final Set<String> FIRST_WORDS = Set.of("chat.startStream", "chat.postMessage", "chat.update");

    private SlackStreamingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        System.out.println(
                "| way | first words: core to Slack p50 / max (ms) | event to first words p50 (ms) | event to"
                        + " complete p50 / max (ms) | core done to complete p50 / max (ms) | calls writing the answer | all Web"
                        + " API calls |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String way : List.of("stream", "update", "whole")) {
            run(way, rounds);
        }
    }

    private static void run(String way, int rounds) throws Exception {
        String text = text();
        Answer answer =
                new Answer(text, CannedAnswerer.HOLIDAYS.citations(), Answer.Status.ANSWERED, "q", List.of(), Map.of());
        CannedAnswerer core = new CannedAnswerer();
        core.answerWith(q -> answer);
        if (way.equals("whole")) {
            core.delay(FIRST_TOKEN.plus(PER_TOKEN.multipliedBy(WORDS - 1)));
        } else {
            core.writeGradually(FIRST_TOKEN, PER_TOKEN);
        }
        List<Double> coreToSlack = new ArrayList<>();
        List<Double> eventToWords = new ArrayList<>();
        List<Double> eventToComplete = new ArrayList<>();
        List<Double> coreDoneToComplete = new ArrayList<>();
        List<Integer> writing = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        try (LocalSlackApi api = new LocalSlackApi()) {
            api.conversation(SlackPayloads.channel(CHANNEL, "bench"), "U0PAT", BOT_USER);
            api.addUser(SlackPayloads.user("U0PAT", "Pat", "pat@example.com"));
            if (way.equals("update")) {
                api.failAlways("chat.startStream", "not_allowed_token_type");
            }
            var settings = SlackSettings.builder(LocalSlackApi.BOT_TOKEN)
                    .apiUrl(api.url())
                    .signingSecret(EventsApiClient.SIGNING_SECRET)
                    .build();
            try (SlackAdapter adapter = SlackAdapter.create(settings, core, FeedbackRecorder.discarding());
                    EventsApiClient http = new EventsApiClient(adapter.eventsHandler())) {
                for (int i = 0; i <= rounds; i++) { // round 0 warms up
                    int before = api.calls().size();
                    long sent = System.nanoTime();
                    http.post(SlackPayloads.appMention(
                            "Ev" + i, CHANNEL, "U0PAT", "<@" + BOT_USER + "> question " + i + "?", api.nextTs(), null));
                    api.await("reactions.remove", i + 1, WAIT);
                    List<Call> calls = api.calls().subList(before, api.calls().size());
                    List<Call> writes = calls.stream()
                            .filter(c -> WRITING_CALLS.contains(c.method()))
                            .toList();
                    Call first = writes.stream()
                            .filter(c -> FIRST_WORDS.contains(c.method()))
                            .findFirst()
                            .orElseThrow();
                    if (i == 0) {
                        continue;
                    }
                    if (!way.equals("whole")) {
                        coreToSlack.add(SlackAdapterBenchmark.ms(first.atNanos() - core.firstWrittenNanos()));
                    }
                    eventToWords.add(SlackAdapterBenchmark.ms(first.atNanos() - sent));
                    eventToComplete.add(
                            SlackAdapterBenchmark.ms(writes.getLast().atNanos() - sent));
                    coreDoneToComplete.add(
                            SlackAdapterBenchmark.ms(writes.getLast().atNanos() - core.answeredNanos()));
                    writing.add(writes.size());
                    all.add(calls.size());
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %.0f | %.0f / %.0f | %.1f / %.1f | %s | %s |%n",
                way,
                coreToSlack.isEmpty()
                        ? "-"
                        : String.format(
                                Locale.ROOT,
                                "%.1f / %.1f",
                                SlackAdapterBenchmark.percentile(coreToSlack, 50),
                                SlackAdapterBenchmark.percentile(coreToSlack, 100)),
                SlackAdapterBenchmark.percentile(eventToWords, 50),
                SlackAdapterBenchmark.percentile(eventToComplete, 50),
                SlackAdapterBenchmark.percentile(eventToComplete, 100),
                SlackAdapterBenchmark.percentile(coreDoneToComplete, 50),
                SlackAdapterBenchmark.percentile(coreDoneToComplete, 100),
                range(writing),
                range(all));
    }

    private static String range(List<Integer> counts) {
        int min = counts.stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
        return min == max ? String.valueOf(min) : min + "-" + max;
    }

    /** {@value #WORDS} words of an answer, every twentieth a citation marker. */
    private static String text() {
        StringBuilder sb = new StringBuilder();
        for (int word = 1; word <= WORDS; word++) {
            sb.append(word == 1 ? "" : " ").append(word % 20 == 0 ? "[1]." : "holiday");
        }
        return sb.toString();
    }
}
