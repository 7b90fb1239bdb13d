/**
 * {@code docent serve}: one HTTP server (the JDK's, on virtual threads) hosting the platform endpoints that are
 * configured (Slack Events API, Teams {@code /api/messages}), {@code /healthz}, {@code /readyz} and {@code /metrics}.
 * {@link io.docent.app.serve.DocentService} assembles it; every platform answers through the {@link
 * io.docent.app.serve.AdmissionControl} (bounded concurrency, correlation ids, catch-all) wrapped by the {@link
 * io.docent.app.serve.ServiceMetrics} decorator. {@link io.docent.app.serve.SharedState} hands out the stores the
 * replicas share: on Redis with {@code DOCENT_REDIS_URL}, else in this process's memory.
 */
package io.docent.app.serve;
