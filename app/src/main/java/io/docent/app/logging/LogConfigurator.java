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
import io.docent.app.config.LogConfig;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;

/**
 * Configures logback: when it starts (found through {@code META-INF/services}) with {@link LogConfig#DEFAULT}, since
 * logging starts before the settings are read, then, once {@code Main} has read them, with the operator's {@link
 * LogConfig} ({@link #apply}). JSON is one object a line, see {@link #jsonEncoder}. Logs go to stderr; stdout is the
 * commands' output. A {@code logback.xml} or {@code -Dlogback.configurationFile} still overrides the start-up one.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    /** Plain lines: time, level, thread, logger, the question's correlation id when there is one, message. */
    static final String PLAIN_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36}%replace( [%X{correlationId}]){' \\[\\]', ''} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LogConfig start = LogConfig.DEFAULT;
        String property = System.getProperty(LogConfig.LEVEL_PROPERTY);
        configure(
                context, start.json(), Level.toLevel(property == null ? start.level() : property.strip(), Level.WARN));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Reconfigures the running logback context as {@code config} says, unless logback was configured otherwise (a
     * {@code logback.xml}, or another SLF4J binding), which then stays in charge.
     */
    public static void apply(LogConfig config) {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getObject(CONFIGURED_HERE) != null) {
            configure(context, config.json(), Level.toLevel(config.level(), Level.WARN));
        }
    }

    /** Marks a context this class configured (reset keeps no other trace of who did). */
    private static final String CONFIGURED_HERE = LogConfigurator.class.getName();

    /** Sends every log event at {@code level} or above to stderr, as JSON lines or plain text. */
    public static void configure(LoggerContext context, boolean json, Level level) {
        context.reset();
        context.putObject(CONFIGURED_HERE, Boolean.TRUE);
        Encoder<ILoggingEvent> encoder;
        if (json) {
            encoder = jsonEncoder();
            encoder.setContext(context);
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
        // Lettuce warns at every few failed reconnects while Redis is away; Docent's own warning (once a minute,
        // with how many calls used local memory) and /readyz already say so.
        context.getLogger("io.lettuce.core.protocol.ConnectionWatchdog")
                .setLevel(level.isGreaterOrEqual(Level.ERROR) ? level : Level.ERROR);
    }

    /**
     * One log event as one JSON object on one line, written by logstash-logback-encoder with the field names the
     * README promises: {@code timestamp} (ISO-8601, UTC), {@code level}, {@code logger}, {@code thread}, {@code
     * message}, the MDC entries ({@code correlationId} and {@code platform} when a question is being answered) as
     * fields of their own, and {@code exception} (the stack trace as text) when there is one. Logstash's {@code
     * @version} and {@code level_value} are left out, as they say nothing to a reader. Line breaks in a message or a
     * stack trace are escaped, so an event stays on its line.
     */
    static Encoder<ILoggingEvent> jsonEncoder() {
        var names = new LogstashFieldNames();
        names.setTimestamp("timestamp");
        names.setVersion(LogstashFieldNames.IGNORE_FIELD_INDICATOR);
        names.setLevel("level");
        names.setLevelValue(LogstashFieldNames.IGNORE_FIELD_INDICATOR);
        names.setLogger("logger");
        names.setThread("thread");
        names.setStackTrace("exception");
        var encoder = new LogstashEncoder();
        encoder.setFieldNames(names);
        encoder.setTimestampPattern("[ISO_INSTANT]");
        encoder.setIncludeContext(false);
        encoder.setLineSeparator("UNIX");
        return encoder;
    }
}
