package io.docent.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * One log event as one JSON object on one line: {@code timestamp} (ISO-8601, UTC), {@code level}, {@code logger},
 * {@code thread}, {@code message}, {@code correlationId} and {@code platform} when a question is being answered,
 * any other MDC entries under {@code mdc}, and {@code exception} (the stack trace as text) when there is one. Jackson
 * escapes line breaks, so a multi-line message or stack trace stays on its line.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] NOTHING = new byte[0];

    @Override
    public byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        node.put("level", event.getLevel().toString());
        node.put("logger", event.getLoggerName());
        node.put("thread", event.getThreadName());
        node.put("message", event.getFormattedMessage());
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null && !mdc.isEmpty()) {
            ObjectNode other = null;
            for (Map.Entry<String, String> e : mdc.entrySet()) {
                if (e.getKey().equals("correlationId") || e.getKey().equals("platform")) {
                    node.put(e.getKey(), e.getValue());
                } else {
                    if (other == null) {
                        other = JSON.createObjectNode();
                    }
                    other.put(e.getKey(), e.getValue());
                }
            }
            if (other != null) {
                node.set("mdc", other);
            }
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            node.put("exception", ThrowableProxyUtil.asString(thrown));
        }
        try {
            return (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return ("{\"level\":\"ERROR\",\"message\":\"a log event could not be written as JSON\"}\n")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public byte[] footerBytes() {
        return NOTHING;
    }
}
