package io.docent.app.config;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How Docent logs: the one place {@value #FORMAT} and {@value #LEVEL} are read. Logs go to stderr whatever is set
 * (stdout is the commands' output).
 *
 * @param json {@value #FORMAT}: {@code json} (one JSON object a line) rather than {@code plain} (the default)
 * @param level {@value #LEVEL}: {@code trace}, {@code debug}, {@code info}, {@code warn} (the default, so the command
 *     line stays quiet), {@code error} or {@code off}; the system property {@value #LEVEL_PROPERTY} wins, for
 *     benchmarks
 */
public record LogConfig(boolean json, String level) {

    public static final String FORMAT = "DOCENT_LOG_FORMAT";
    public static final String LEVEL = "DOCENT_LOG_LEVEL";
    public static final String LEVEL_PROPERTY = "docent.log.level";

    // Before DEFAULT, which the constructor checks against them.
    private static final Set<String> FORMATS = Set.of("plain", "json");
    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");

    /** Plain lines at {@code warn}: what logging starts with, before the settings are read. */
    public static final LogConfig DEFAULT = new LogConfig(false, "warn");

    public LogConfig {
        level = level.strip().toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new ConfigException(
                    LEVEL + " must be one of " + LEVELS.stream().sorted().toList());
        }
    }

    /**
     * @throws ConfigException naming each logging setting that is present but wrong
     */
    public static LogConfig read(Settings settings) {
        Problems problems = new Problems();
        LogConfig config = read(settings, problems);
        problems.throwIfAny();
        return config;
    }

    /** Reads the logging settings, noting each wrong one in {@code problems} and using its default instead. */
    public static LogConfig read(Settings settings, Problems problems) {
        boolean json = problems.check(() -> oneOf(settings, FORMAT, FORMATS).equals("json"), false);
        String level = problems.check(
                () -> Optional.ofNullable(System.getProperty(LEVEL_PROPERTY))
                        .or(() -> Optional.of(oneOf(settings, LEVEL, LEVELS)))
                        .filter(l -> !l.isBlank())
                        .orElse(DEFAULT.level()),
                DEFAULT.level());
        return problems.check(() -> new LogConfig(json, level), DEFAULT);
    }

    /** The value of {@code key} in lower case, empty when unset. */
    private static String oneOf(Settings settings, String key, Set<String> allowed) {
        String value = settings.get(key, "").toLowerCase(Locale.ROOT);
        if (!value.isEmpty() && !allowed.contains(value)) {
            throw new ConfigException(
                    key + " must be one of " + allowed.stream().sorted().toList());
        }
        return value;
    }
}
