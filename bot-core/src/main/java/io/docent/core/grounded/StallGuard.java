package io.docent.core.grounded;

import io.docent.core.ChatMessage;
import io.docent.core.ChatModel;
import io.docent.core.DocentException;
import io.docent.core.pipeline.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A {@link ChatModel} that stops waiting for a model that stops writing mid-answer: once the first token has arrived,
 * if no further token comes for {@code stall} (or the stream breaks), the completion ends there, with what had
 * arrived and {@link ChatModel.Completion#cutShort()} set, instead of an error that would throw away words the person
 * has already seen. Before the first token the model's own timeout applies (a model may take long to start).
 *
 * <p>Why a thread: the model's client blocks its caller while it reads the stream, so nothing on that thread can
 * notice that nothing arrives. The model is called on a virtual thread of its own that hands each token over a queue;
 * the caller's thread waits on the queue (at most {@code stall} once the answer has started), so {@code onToken} is
 * still called on the caller's thread, in order. On a stall that thread is interrupted, which cancels the HTTP stream.
 * The logging context (correlation id) is copied to it, so the model's log lines keep their question's id.
 */
public final class StallGuard implements ChatModel {

    public static final Duration DEFAULT_STALL = Duration.ofSeconds(20);
    /** The setting, read by app's {@code BackendConfig}. */
    public static final String STALL_SECONDS_SETTING = "DOCENT_MODEL_STALL_SECONDS";

    private static final Logger log = LoggerFactory.getLogger(StallGuard.class);

    private final ChatModel model;
    private final long stallNanos;

    private sealed interface Event {}

    private record Token(String text) implements Event {}

    private record Done(Completion completion) implements Event {}

    private record Failed(RuntimeException failure) implements Event {}

    public StallGuard(ChatModel model, Duration stall) {
        this.model = Objects.requireNonNull(model, "model");
        if (stall.isNegative() || stall.isZero()) {
            throw new IllegalArgumentException("stall must be positive, was " + stall);
        }
        this.stallNanos = stall.toNanos();
    }

    @Override
    public Completion complete(List<ChatMessage> messages, int maxTokens, Consumer<String> onToken) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Map<String, String> context = MDC.getCopyOfContextMap();
        Thread worker = Thread.ofVirtual().name("docent-model-stream").start(() -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                events.add(new Done(model.complete(messages, maxTokens, token -> events.add(new Token(token)))));
            } catch (RuntimeException e) {
                events.add(new Failed(e));
            }
        });
        StringBuilder text = new StringBuilder();
        try {
            while (true) {
                Event event = text.isEmpty() ? events.take() : events.poll(stallNanos, TimeUnit.NANOSECONDS);
                switch (event) {
                    case null -> {
                        worker.interrupt();
                        log.warn(
                                "The language model sent no token for {} ms after {} characters: the answer ends"
                                        + " there",
                                TimeUnit.NANOSECONDS.toMillis(stallNanos),
                                text.length());
                        return cutShort(messages, text);
                    }
                    case Token token -> {
                        text.append(token.text());
                        onToken.accept(token.text());
                    }
                    case Done done -> {
                        return done.completion();
                    }
                    case Failed failed -> {
                        if (text.isEmpty()) {
                            throw failed.failure();
                        }
                        log.warn(
                                "The language model's stream broke after {} characters: {}",
                                text.length(),
                                failed.failure().getMessage());
                        return cutShort(messages, text);
                    }
                }
            }
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new DocentException.TimedOut("Interrupted while waiting for the language model", e);
        }
    }

    private static Completion cutShort(List<ChatMessage> messages, StringBuilder text) {
        String written = text.toString();
        return new Completion(written, false, Tokens.prompt(messages), Tokens.count(written), true);
    }

    @Override
    public String toString() {
        return "StallGuard[" + model + ", " + Duration.ofNanos(stallNanos) + "]";
    }
}
