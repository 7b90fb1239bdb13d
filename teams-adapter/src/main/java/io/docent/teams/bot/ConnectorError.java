package io.docent.teams.bot;

import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.schema.ErrorResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Why the Bot Connector refused an activity, read from the SDK's exception: the HTTP status, the error's {@code code}
 * and {@code message} from the body ({@code {"error": {"code": .., "message": ..}}}), and {@code Retry-After} on a
 * 429. A failure without an HTTP response (the network, a timeout) has status 0.
 */
record ConnectorError(int status, String code, String message, Optional<Duration> retryAfter) {

    /** The longest back-off Docent honours; a longer {@code Retry-After} is treated as this. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);

    static ConnectorError of(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof ErrorResponseException)) {
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        if (!(cause instanceof ErrorResponseException error) || error.response() == null) {
            return new ConnectorError(0, "", AnswerDispatcher.rootMessage(failure), Optional.empty());
        }
        ErrorResponse body = error.body();
        String code = body == null || body.getError() == null
                ? ""
                : nullToEmpty(body.getError().getCode());
        String message = body == null || body.getError() == null
                ? nullToEmpty(error.getMessage())
                : nullToEmpty(body.getError().getMessage());
        return new ConnectorError(
                error.response().code(),
                code,
                message,
                retryAfter(error.response().headers().get("Retry-After")));
    }

    boolean throttled() {
        return status == 429;
    }

    /** The person stopped the stream in Teams (its Stop button): nothing more should be sent into it. */
    boolean cancelledByUser() {
        return status == 403 && message.toLowerCase(Locale.ROOT).contains("cancel");
    }

    /** How long to wait before the next call after a 429: {@code Retry-After}, else one second, at most 10 s. */
    Duration backOff() {
        Duration wait = retryAfter.orElse(Duration.ofSeconds(1));
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    @Override
    public String toString() {
        return status == 0 ? message : status + (code.isEmpty() ? "" : " " + code) + ": " + message;
    }

    private static Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(header.strip());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP date: rare from the connector; the default back-off applies
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
