package io.docent.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLineEncoderTest {

    @Test
    void writes_one_json_object_a_line_with_the_correlation_id_and_the_exception() throws Exception {
        var context = new LoggerContext();
        Logger logger = context.getLogger("io.docent.Test");
        var event = new LoggingEvent(
                Logger.class.getName(),
                logger,
                Level.WARN,
                "Question {} failed\nsecond line",
                new IllegalStateException("boom"),
                new Object[] {"q1"});
        event.setMDCPropertyMap(Map.of("correlationId", "abc-123", "platform", "web", "other", "x"));
        var encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line).endsWith("\n");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("logger").asText()).isEqualTo("io.docent.Test");
        assertThat(json.get("message").asText()).isEqualTo("Question q1 failed\nsecond line");
        assertThat(json.get("correlationId").asText()).isEqualTo("abc-123");
        assertThat(json.get("platform").asText()).isEqualTo("web");
        assertThat(json.get("mdc").get("other").asText()).isEqualTo("x");
        assertThat(json.get("exception").asText()).contains("IllegalStateException: boom");
        assertThat(json.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }
}
