package io.docent.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

class LogConfiguratorTest {

    /** Configures a fresh logback context with stderr captured, runs {@code logging}, returns what was written. */
    private static String capture(boolean json, Level level, java.util.function.Consumer<LoggerContext> logging) {
        PrintStream original = System.err;
        var captured = new ByteArrayOutputStream();
        var context = new LoggerContext();
        // the MDC that org.slf4j.MDC writes to is the running context's
        context.setMDCAdapter(((LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory()).getMDCAdapter());
        context.start();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            LogConfigurator.configure(context, json, level);
            logging.accept(context);
        } finally {
            context.stop();
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void json_format_writes_one_object_a_line_with_the_correlation_id() throws Exception {
        String out = capture(true, Level.INFO, context -> {
            Logger log = context.getLogger("io.docent.app.serve.AdmissionControl");
            MDC.put("correlationId", "c-42");
            try {
                log.info("Question {} from web: ANSWERED", "c-42");
                log.debug("not shown at info");
                log.error("Answering failed unexpectedly", new IllegalStateException("boom"));
            } finally {
                MDC.remove("correlationId");
            }
        });

        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertThat(first.get("level").asText()).isEqualTo("INFO");
        assertThat(first.get("correlationId").asText()).isEqualTo("c-42");
        assertThat(first.get("logger").asText()).isEqualTo("io.docent.app.serve.AdmissionControl");
        assertThat(second.get("exception").asText()).contains("IllegalStateException: boom");
    }

    @Test
    void json_lines_keep_a_multi_line_message_and_its_stack_trace_on_one_line_with_every_mdc_entry() throws Exception {
        var context = new LoggerContext();
        ch.qos.logback.classic.Logger logger = context.getLogger("io.docent.Test");
        var event = new LoggingEvent(
                Logger.class.getName(),
                logger,
                Level.WARN,
                "Question {} failed\nsecond line",
                new IllegalStateException("boom"),
                new Object[] {"q1"});
        event.setMDCPropertyMap(Map.of("correlationId", "abc-123", "platform", "web", "other", "x"));
        var encoder = LogConfigurator.jsonEncoder();
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
        assertThat(json.get("other").asText()).isEqualTo("x");
        assertThat(json.get("exception").asText()).contains("IllegalStateException: boom");
        assertThat(json.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(json.has("@version")).isFalse();
        assertThat(json.has("level_value")).isFalse();
    }

    @Test
    void plain_format_is_quiet_below_the_level_and_shows_the_correlation_id_when_there_is_one() {
        String out = capture(false, Level.WARN, context -> {
            Logger log = context.getLogger("io.docent.Test");
            log.info("quiet");
            log.warn("without a question");
            MDC.put("correlationId", "c-7");
            try {
                log.warn("with a question");
            } finally {
                MDC.remove("correlationId");
            }
        });

        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("WARN").contains("io.docent.Test - without a question");
        assertThat(lines.get(0)).doesNotContain("[]");
        assertThat(lines.get(1)).contains("io.docent.Test [c-7] - with a question");
    }

    @Test
    void the_operators_settings_replace_the_start_up_defaults_in_the_running_context() {
        var context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        try {
            LogConfigurator.apply(new io.docent.app.config.LogConfig(false, "debug"));
            assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
        } finally {
            LogConfigurator.apply(io.docent.app.config.LogConfig.DEFAULT);
        }
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
    }
}
