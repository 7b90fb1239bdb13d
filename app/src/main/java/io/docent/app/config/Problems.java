package io.docent.app.config;

import io.docent.core.DocentException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The problems found while reading settings, collected rather than thrown one at a time, so that an operator sees
 * every present-but-wrong setting in one go rather than one per restart. Each message names the setting and what it
 * must be, never its value (some are secrets).
 */
public final class Problems {

    private final List<String> messages = new ArrayList<>();

    /** {@code read}'s value, or {@code fallback} after noting why it failed. */
    public <T> T check(Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (ConfigException | DocentException.InvalidInput e) {
            messages.add(e.getMessage());
        } catch (IllegalArgumentException e) {
            messages.add("invalid setting: " + e.getMessage());
        }
        return fallback;
    }

    /** Notes a problem found otherwise than by reading a value. */
    public void add(String message) {
        messages.add(message);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    /**
     * @throws ConfigException listing every problem noted, one a line, if there is any
     */
    public void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new ConfigException(
                    (messages.size() == 1 ? "a setting is wrong" : messages.size() + " settings are wrong")
                            + " (fix them and start again):\n  - " + String.join("\n  - ", messages));
        }
    }
}
