package io.docent.app.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of {@code docent serve}. Each request runs on its own virtual thread; handlers must answer
 * quickly (platforms time out in seconds) and hand slow work to an executor of their own. A handler that throws
 * gets a 500 with no details, and the exception is logged with the path.
 */
public final class DocentServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DocentServer.class);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private DocentServer(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        route("/healthz", exchange -> respond(exchange, 200, "text/plain; charset=utf-8", "ok\n"));
    }

    /** A server bound to {@code host:port} (port 0 picks a free one), not yet started. */
    public static DocentServer bind(String host, int port) {
        try {
            return new DocentServer(HttpServer.create(new InetSocketAddress(host, port), 256));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Serves {@code path} (and below it) with {@code handler}. */
    public DocentServer route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try {
                handler.handle(exchange);
            } catch (RuntimeException | IOException e) {
                log.error("Request to {} failed", exchange.getRequestURI().getPath(), e);
                try {
                    respond(exchange, 500, "text/plain; charset=utf-8", "internal error\n");
                } catch (IOException | RuntimeException ignored) {
                    // the response was already started; the client sees a broken connection
                }
            } finally {
                exchange.close(); // only after the 500 above, which needs the exchange open
            }
        });
        return this;
    }

    public DocentServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** Stops taking requests and waits up to {@code grace} for those in flight. */
    public void stop(Duration grace) {
        server.stop((int) Math.max(0, grace.toSeconds()));
        executor.shutdown();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }
}
