package io.docent.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class DocentServerTest {

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(DocentServer server, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void health_endpoint_answers_ok() throws Exception {
        try (DocentServer server = DocentServer.bind("127.0.0.1", 0).start()) {
            HttpResponse<String> response = get(server, "/healthz");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("ok\n");
        }
    }

    @Test
    void a_failing_handler_gets_a_500_without_details() throws Exception {
        try (DocentServer server = DocentServer.bind("127.0.0.1", 0)
                .route("/boom", exchange -> {
                    throw new IllegalStateException("secret internals");
                })
                .start()) {
            HttpResponse<String> response = get(server, "/boom");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).doesNotContain("secret");
        }
    }
}
