package io.docent.core.azure;

import io.docent.core.DocentException;

/**
 * How the Azure backends refuse a setting that cannot work (reading the settings is the app's job): the message names
 * the setting and never echoes its value (some are secrets).
 */
final class Config {

    private Config() {}

    /** A setting's problem, named in {@code message}. */
    static DocentException.InvalidInput invalid(String message) {
        return new DocentException.InvalidInput(message);
    }
}
