package io.docent.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where settings come from: environment variables (twelve-factor), then an optional properties file with the same
 * keys ({@code DOCENT_CONFIG}, or {@code docent.properties} in {@code DOCENT_HOME}). Typed getters refuse a present
 * but malformed value with a message that names the setting; values are never echoed, since some are secrets.
 */
public final class Settings {

    private final Map<String, String> env;
    private final Properties file;

    private Settings(Map<String, String> env, Properties file) {
        this.env = Map.copyOf(env);
        this.file = file;
    }

    /** Settings from these environment variables, plus the properties file they point to, if any. */
    public static Settings load(Map<String, String> env) {
        Properties props = new Properties();
        String explicit = env.get("DOCENT_CONFIG");
        Path file = explicit != null && !explicit.isBlank()
                ? Path.of(explicit)
                : Path.of(env.getOrDefault("DOCENT_HOME", ".docent")).resolve("docent.properties");
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException("cannot read the configuration file " + file + ": " + e.getMessage());
            }
        } else if (explicit != null && !explicit.isBlank()) {
            throw new ConfigException("DOCENT_CONFIG points to " + file + ", which is not a readable file");
        }
        return new Settings(env, props);
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(values, new Properties());
    }

    /** Every setting, the properties file's overridden by the environment's (for backends that read a map). */
    public Map<String, String> snapshot() {
        Map<String, String> all = new java.util.HashMap<>();
        file.stringPropertyNames().forEach(k -> all.put(k, file.getProperty(k).strip()));
        env.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                all.put(k, v.strip());
            }
        });
        return all;
    }

    public Optional<String> get(String key) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            value = file.getProperty(key);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    public int getInt(String key, int defaultValue, int min, int max) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new ConfigException(key + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number");
        }
    }

    public double getDouble(String key, double defaultValue, double min, double max) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(raw.get());
            if (!(value >= min && value <= max)) {
                throw new ConfigException(key + " must be a number between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a number");
        }
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(key + " must be true or false");
        };
    }
}
