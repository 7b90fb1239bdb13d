/**
 * Logging of the {@code docent} command: logback configured in code, plain text on stderr by default, JSON lines
 * with {@code DOCENT_LOG_FORMAT=json} (for a log collector), quiet (warnings and errors) unless {@code
 * DOCENT_LOG_LEVEL} says otherwise.
 */
package io.docent.app.logging;
