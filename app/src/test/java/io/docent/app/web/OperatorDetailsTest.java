package io.docent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.app.config.Settings;
import io.docent.app.serve.DocentServer;
import io.docent.app.serve.Readiness;
import io.docent.app.serve.ServiceMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} and the problems {@code /readyz} names are the operator's: on a real server on 127.0.0.1 with
 * "this client is local" injected, a client that is not local, without the secret or an Easy Auth sign-in, gets the
 * readiness status code alone and no metrics.
 */
class OperatorDetailsTest {

    static final String SECRET = "correct-horse-battery-staple-42";
    static final String PROBLEM = "index: the directory /srv/docent/index is gone";

    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicBoolean local = new AtomicBoolean(false);
    private DocentServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(Map<String, String> settings) {
        WebChat web = WebChat.from(Settings.of(settings), a -> local.get(), Clock.systemUTC());
        var readiness = new Readiness(List.of(() -> Optional.of(PROBLEM)), Duration.ofSeconds(5));
        server = DocentServer.bind("127.0.0.1", 0)
                .route("/readyz", readiness.handler(web::mayReadOperatorDetails))
                .route("/metrics", new ServiceMetrics().handler(web::mayReadMetrics))
                .start();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void another_machine_without_credentials_gets_the_status_code_alone_and_no_metrics() throws Exception {
        start(Map.of("DOCENT_WEB_SECRET", SECRET));

        var ready = get("/readyz");
        var metrics = get("/metrics");
        var wrongKey = get("/metrics", "Authorization", "Bearer not-the-secret");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).isEqualTo("not ready\n");
        assertThat(metrics.statusCode()).isEqualTo(403);
        assertThat(metrics.body()).contains("DOCENT_METRICS_PUBLIC").doesNotContain("jvm_");
        assertThat(wrongKey.statusCode()).isEqualTo(403);
    }

    @Test
    void the_secret_as_a_bearer_token_opens_both() throws Exception {
        start(Map.of("DOCENT_WEB_SECRET", SECRET));

        var ready = get("/readyz", "Authorization", "Bearer " + SECRET);
        var metrics = get("/metrics", "Authorization", "Bearer " + SECRET);

        assertThat(ready.body()).contains(PROBLEM);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_");
    }

    @Test
    void this_machine_sees_the_details_and_metrics_public_opens_metrics_to_all() throws Exception {
        local.set(true);
        start(Map.of());
        assertThat(get("/readyz").body()).contains(PROBLEM);
        assertThat(get("/metrics").statusCode()).isEqualTo(200);
        server.close();

        local.set(false);
        start(Map.of("DOCENT_METRICS_PUBLIC", "true"));
        assertThat(get("/metrics").statusCode()).isEqualTo(200);
        assertThat(get("/readyz").body()).as("only the metrics are made public").isEqualTo("not ready\n");
    }

    @Test
    void an_easy_auth_sign_in_sees_the_details_when_easy_auth_is_trusted() throws Exception {
        start(Map.of("DOCENT_WEB_TRUST_EASY_AUTH", "true", "DOCENT_WEB_TENANT_ID", "t"));

        assertThat(get("/metrics", EasyAuthPrincipal.PRINCIPAL_NAME, "alice@example.com")
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/metrics").statusCode()).isEqualTo(403);
    }
}
