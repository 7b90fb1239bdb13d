package io.docent.core.azure;

import io.docent.core.DocentException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * Reads settings from a map of environment-style keys. A value that is present but wrong is refused with a message
 * that names the key and never echoes the value (some are secrets).
 */
final class Config {

    private final Map<String, String> values;

    Config(Map<String, String> values) {
        this.values = values;
    }

    String get(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    String get(String key, String defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : value;
    }

    String require(String key, String why) {
        String value = get(key);
        if (value == null) {
            throw invalid(key + " is not set: " + why);
        }
        return value;
    }

    boolean flag(String key, boolean defaultValue) {
        String value = get(key);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw invalid(key + " must be true or false");
        };
    }

    Integer integer(String key, int min, int max) {
        String value = get(key);
        if (value == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw invalid(key + " must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(key + " must be a whole number");
        }
    }

    /** An absolute http(s) URL without a trailing slash; {@code httpsOnly} refuses plain http. */
    String url(String key, boolean httpsOnly) {
        String value = get(key);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean http = scheme.equals("http");
            if (uri.getHost() == null || !(scheme.equals("https") || http)) {
                throw invalid(key + " must be an absolute URL such as https://name.example.com");
            }
            if (http && httpsOnly) {
                throw invalid(key + " must be an https:// URL: Azure sends credentials only over https");
            }
        } catch (URISyntaxException e) {
            throw invalid(key + " is not a valid URL");
        }
        return value.replaceAll("/+$", "");
    }

    static DocentException.InvalidInput invalid(String message) {
        return new DocentException.InvalidInput(message);
    }
}
