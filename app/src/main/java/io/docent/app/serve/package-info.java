/**
 * {@code docent serve}: one HTTP server (the JDK's, on virtual threads) hosting the platform endpoints that are
 * configured (Slack Events API, Teams {@code /api/messages}) and {@code /healthz}.
 */
package io.docent.app.serve;
