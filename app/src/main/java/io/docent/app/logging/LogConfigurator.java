package io.docent.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Configures logback when it starts (found through {@code META-INF/services}), from the environment, since logging
 * starts before the settings are read: {@code DOCENT_LOG_FORMAT} ({@code plain}, the default, or {@code json}: one
 * JSON object a line, see {@link JsonLineEncoder}) and {@code DOCENT_LOG_LEVEL} (default {@code warn}, so the
 * command line stays quiet; the system property {@code docent.log.level} wins, for benchmarks). Logs go to stderr;
 * stdout is the commands' output. A {@code logback.xml} or {@code -Dlogback.configurationFile} still overrides this.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    /** Plain lines: time, level, thread, logger, the question's correlation id when there is one, message. */
    static final String PLAIN_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36}%replace( [%X{correlationId}]){' \\[\\]', ''} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String format = System.getenv().getOrDefault("DOCENT_LOG_FORMAT", "plain");
        String level = System.getProperty("docent.log.level", System.getenv().getOrDefault("DOCENT_LOG_LEVEL", "warn"));
        configure(context, "json".equalsIgnoreCase(format.strip()), Level.toLevel(level.strip(), Level.WARN));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sends every log event at {@code level} or above to stderr, as JSON lines or plain text. */
    public static void configure(LoggerContext context, boolean json, Level level) {
        context.reset();
        Encoder<ILoggingEvent> encoder;
        if (json) {
            var jsonEncoder = new JsonLineEncoder();
            jsonEncoder.setContext(context);
            encoder = jsonEncoder;
        } else {
            var pattern = new PatternLayoutEncoder();
            pattern.setContext(context);
            pattern.setPattern(PLAIN_PATTERN);
            encoder = pattern;
        }
        encoder.start();
        var appender = new ConsoleAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setName("stderr");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level);
        root.addAppender(appender);
        // DJL (the tokenizer's native loader) warns about GPUs and defaults that do not concern a CPU-only embedder.
        context.getLogger("ai.djl").setLevel(level.isGreaterOrEqual(Level.ERROR) ? level : Level.ERROR);
    }
}
