package io.docent.core.doctor;

import java.util.Objects;

/**
 * One result of a health check: what was checked, how it went, and, when something is wrong, how to fix it.
 *
 * @param backend the backend checked, for example {@code "Azure AI Search"}
 * @param check what was checked, for example {@code "credentials"} or {@code "index schema"}
 * @param severity how it went
 * @param message what was found, for a person (never contains a secret)
 * @param fix what to do about it, or {@code ""} when nothing is to be done
 */
public record Finding(String backend, String check, Severity severity, String message, String fix) {

    /** How a check went. */
    public enum Severity {
        /** Works. */
        OK,
        /** Works, but something deserves attention (it will be fixed automatically, or may cost later). */
        WARNING,
        /** Does not work: Docent will fail or answer badly until it is fixed. */
        PROBLEM
    }

    public Finding {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
    }

    public static Finding ok(String backend, String check, String message) {
        return new Finding(backend, check, Severity.OK, message, "");
    }

    public static Finding warning(String backend, String check, String message, String fix) {
        return new Finding(backend, check, Severity.WARNING, message, fix);
    }

    public static Finding problem(String backend, String check, String message, String fix) {
        return new Finding(backend, check, Severity.PROBLEM, message, fix);
    }

    /** One line (two with a fix), as {@code docent doctor} prints it. */
    public String format() {
        String line = String.format("[%-7s] %s, %s: %s", severity, backend, check, message);
        return fix.isEmpty() ? line : line + System.lineSeparator() + "          Fix: " + fix;
    }
}
