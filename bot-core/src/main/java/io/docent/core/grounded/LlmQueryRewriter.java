package io.docent.core.grounded;

import io.docent.core.ChatMessage;
import io.docent.core.ChatModel;
import io.docent.core.Turn;
import io.docent.core.pipeline.HeuristicQueryRewriter;
import io.docent.core.pipeline.QueryRewriter;
import io.docent.core.pipeline.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follow-up rewriting with a language model: a short prompt with the recent conversation asks for the latest message
 * as a standalone search query. A first question is returned as it is, without a model call. Whenever the model
 * cannot help (an error, no answer within the timeout, a refusal, a reply cut short, an empty or rambling reply) the {@code fallback}
 * rewriter (by default the {@link HeuristicQueryRewriter}) answers instead: rewriting must never cost the user their
 * answer.
 */
public final class LlmQueryRewriter implements QueryRewriter {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(4);

    static final int MAX_QUERY_TOKENS = 64;
    static final int MAX_TURNS = 6;
    static final int MAX_TURN_TOKENS = 150;

    static final String SYSTEM = """
            You rewrite the user's latest message as a standalone search query for the company's documents.
            Use the conversation only to fill in what the latest message leaves out (what "it", "that" or "and for \
            contractors?" refers to). Keep the user's language. If the latest message already stands alone, repeat \
            it unchanged. Output only the query: no quotes, no explanation, no answer.""";

    private static final Logger log = LoggerFactory.getLogger(LlmQueryRewriter.class);

    private final ChatModel model;
    private final QueryRewriter fallback;
    private final Duration timeout;
    private final ExecutorService executor;

    public LlmQueryRewriter(ChatModel model, QueryRewriter fallback, Duration timeout, ExecutorService executor) {
        this.model = Objects.requireNonNull(model, "model");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** With the heuristic as fallback, {@link #DEFAULT_TIMEOUT}, and a virtual thread per call. */
    public LlmQueryRewriter(ChatModel model) {
        this(model, new HeuristicQueryRewriter(), DEFAULT_TIMEOUT, Executors.newVirtualThreadPerTaskExecutor());
    }

    @Override
    public String standalone(String question, List<Turn> history) {
        if (history.stream()
                .noneMatch(t -> t.role() == Turn.Role.USER && !t.text().isBlank())) {
            return question;
        }
        Future<ChatModel.Completion> call =
                executor.submit(() -> model.complete(prompt(question, history), MAX_QUERY_TOKENS));
        try {
            ChatModel.Completion completion = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // a rewrite cut short (the model stalled) is half a query: the fallback's is better
            String query = completion.refused() || completion.cutShort() ? null : clean(completion.text(), question);
            if (query != null) {
                return query;
            }
            log.debug("Query rewriting gave no usable query; using the fallback");
        } catch (TimeoutException e) {
            call.cancel(true);
            log.warn("Query rewriting took longer than {}; using the fallback", timeout);
        } catch (ExecutionException e) {
            log.warn(
                    "Query rewriting failed ({}); using the fallback",
                    e.getCause().toString());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
        }
        return fallback.standalone(question, history);
    }

    static List<ChatMessage> prompt(String question, List<Turn> history) {
        StringBuilder conversation = new StringBuilder("Conversation:\n");
        List<Turn> recent = history.subList(Math.max(0, history.size() - MAX_TURNS), history.size());
        for (Turn turn : recent) {
            String text = Tokens.truncate(turn.text().strip().replaceAll("\\s+", " "), MAX_TURN_TOKENS);
            conversation
                    .append(turn.role() == Turn.Role.USER ? "User: " : "Assistant: ")
                    .append(text)
                    .append('\n');
        }
        conversation.append("\nLatest message: ").append(question).append("\n\nStandalone query:");
        return List.of(
                new ChatMessage(ChatMessage.Role.SYSTEM, SYSTEM),
                new ChatMessage(ChatMessage.Role.USER, conversation.toString()));
    }

    /** The query in a reply: its first line, without quotes or a label; null if there is none or it rambles. */
    static String clean(String reply, String question) {
        String line = reply.strip().lines().findFirst().orElse("").strip();
        line = line.replaceFirst("(?i)^(standalone\\s+)?(search\\s+)?query\\s*:\\s*", "");
        line = line.replaceAll("^[\"'“”‘’`]+|[\"'“”‘’`]+$", "").strip();
        if (line.isEmpty() || line.length() > Math.max(300, question.length() * 3)) {
            return null;
        }
        return line;
    }
}
