package io.docent.teams;

import java.util.Objects;

/**
 * What {@code /api/messages} answers: an HTTP status and a JSON body (empty except for invoke responses). Errors
 * carry no details; the log has them.
 */
public record TeamsResponse(int status, String body) {

    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    public TeamsResponse {
        Objects.requireNonNull(body, "body");
    }

    public static TeamsResponse status(int status) {
        return new TeamsResponse(status, "");
    }
}
