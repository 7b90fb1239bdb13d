package io.docent.teams.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.schema.Error;
import com.microsoft.bot.schema.ErrorResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

class ConnectorErrorTest {

    /** The exception the SDK throws for a refused call, as it arrives wrapped in a future's completion. */
    private static RuntimeException refused(int status, String retryAfter, String code, String message) {
        okhttp3.Response.Builder raw = new okhttp3.Response.Builder()
                .code(status)
                .message("refused")
                .protocol(Protocol.HTTP_1_1)
                .request(new Request.Builder()
                        .url("http://127.0.0.1/v3/conversations/a/activities")
                        .build());
        if (retryAfter != null) {
            raw.header("Retry-After", retryAfter);
        }
        Response<ResponseBody> response =
                Response.error(ResponseBody.create(MediaType.parse("application/json"), "{}"), raw.build());
        Error error = new Error();
        error.setCode(code);
        error.setMessage(message);
        return new CompletionException(
                new ErrorResponseException("Status code " + status, response, new ErrorResponse(error)));
    }

    @Test
    void reads_the_status_code_and_message_of_a_refusal_through_the_futures_wrapping() {
        ConnectorError error =
                ConnectorError.of(refused(403, null, "ContentStreamNotAllowed", "Content stream is not allowed."));

        assertThat(error.status()).isEqualTo(403);
        assertThat(error.code()).isEqualTo("ContentStreamNotAllowed");
        assertThat(error.throttled()).isFalse();
        assertThat(error.cancelledByUser()).isFalse();
        assertThat(error).hasToString("403 ContentStreamNotAllowed: Content stream is not allowed.");
    }

    @Test
    void a_stop_pressed_by_the_person_is_told_apart_from_other_refusals() {
        assertThat(ConnectorError.of(
                                refused(403, null, "ContentStreamNotAllowed", "Content stream was cancelled by user."))
                        .cancelledByUser())
                .isTrue();
        assertThat(ConnectorError.of(refused(
                                403,
                                null,
                                "ContentStreamNotAllowed",
                                "Content stream finished due to exceeded streaming time."))
                        .cancelledByUser())
                .isFalse();
    }

    @Test
    void a_429_backs_off_for_retry_after_capped_and_one_second_without_it() {
        assertThat(ConnectorError.of(refused(429, "2.5", "", "")).backOff()).isEqualTo(Duration.ofMillis(2_500));
        assertThat(ConnectorError.of(refused(429, "3600", "", "")).backOff()).isEqualTo(ConnectorError.MAX_RETRY_AFTER);
        assertThat(ConnectorError.of(refused(429, null, "", "")).backOff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(ConnectorError.of(refused(429, "Wed, 21 Oct 2026 07:28:00 GMT", "", ""))
                        .backOff())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(ConnectorError.of(refused(429, "1", "", "")).throttled()).isTrue();
    }

    @Test
    void a_failure_without_a_response_has_status_0_and_the_root_cause() {
        ConnectorError error = ConnectorError.of(new CompletionException(new IOException("connection refused")));

        assertThat(error.status()).isZero();
        assertThat(error.throttled()).isFalse();
        assertThat(error.toString()).isEqualTo("IOException: connection refused");
    }
}
