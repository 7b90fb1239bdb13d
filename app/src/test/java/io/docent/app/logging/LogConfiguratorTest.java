package io.docent.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
            Logger log = context.getLogger("io.docent.app.serve.AnswerService");
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
        assertThat(first.get("logger").asText()).isEqualTo("io.docent.app.serve.AnswerService");
        assertThat(second.get("exception").asText()).contains("IllegalStateException: boom");
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
}
