package io.docent.app.config;

import io.docent.core.DocentException;

/** A setting is present but wrong, or required and missing. The message names the setting, never its value. */
public final class ConfigException extends DocentException {

    public ConfigException(String message) {
        super(message);
    }
}
