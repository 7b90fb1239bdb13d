package io.docent.app.web;

import com.github.benmanes.caffeine.cache.Ticker;
import com.sun.net.httpserver.HttpExchange;
import io.docent.app.config.ConfigException;
import io.docent.app.config.Settings;
import io.docent.app.serve.DocentServer;
import io.docent.core.Answerer;
import io.docent.core.feedback.FeedbackRecorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web chat in {@code docent serve}: the page at {@code /} with its script and style, the sign-in form at
 * {@code /login}, {@code POST /api/chat}, {@code POST /api/chat/stream} and {@code POST /api/feedback}. On unless {@code DOCENT_WEB=off}.
 *
 * <p>Settings: {@code DOCENT_WEB} (on/off), {@code DOCENT_WEB_SECRET} (at least {@value
 * WebAccess#MIN_SECRET_LENGTH} characters; lets clients that are not local in, public documents only), {@code
 * DOCENT_WEB_TRUST_EASY_AUTH} (true only behind Container Apps' authentication) with {@code DOCENT_WEB_TENANT_ID}
 * (or {@code MicrosoftAppTenantId}: the tenant whose people are members), {@code DOCENT_WEB_LOOPBACK} (default true:
 * loopback clients need no secret and see every document), {@code DOCENT_WEB_MAX_QUESTION_CHARS}, {@code
 * DOCENT_WEB_MAX_HISTORY_TURNS}. See {@link WebAccess} for how access is decided; the page and every answer say whom
 * Docent answers as.
 */
public final class WebChat {

    static final String LOCAL_ONLY_MESSAGE = "The web chat answers only on this machine (http://localhost). To open it"
            + " to other machines, set DOCENT_WEB_SECRET to a long random secret, or put Entra ID sign-in in front"
            + " (Azure Container Apps authentication) and set DOCENT_WEB_TRUST_EASY_AUTH=true.";
    static final String TENANT_NEEDED_MESSAGE = "DOCENT_WEB_TRUST_EASY_AUTH=true needs DOCENT_WEB_TENANT_ID (or"
            + " MicrosoftAppTenantId): the Entra tenant whose people are members; people from other tenants see public"
            + " documents only";
    static final String KEY_IN_URL_MESSAGE =
            "A key in the address is not accepted (addresses end up in logs and browser history): type it here.";
    static final String TOO_MANY_TRIES_MESSAGE = "Too many wrong keys from your address: wait a minute and try again.";
    static final String FOREIGN_HOST_MESSAGE =
            "Open the web chat as http://localhost (or 127.0.0.1) on this machine: other host names are refused.";
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_TURN_CHARS = 8_000;
    private static final Logger log = LoggerFactory.getLogger(WebChat.class);
    private static final String RESOURCES = "/io/docent/app/web/";
    private static final Map<String, String> ASSETS = Map.of(
            "/webchat.js", "application/javascript; charset=utf-8",
            "/webchat.css", "text/css; charset=utf-8");

    private final boolean enabled;
    private final WebAccess access;
    private final ChatJson.Limits limits;
    private final boolean metricsPublic;
    private final Ticker ticker;

    private WebChat(boolean enabled, WebAccess access, ChatJson.Limits limits, boolean metricsPublic, Ticker ticker) {
        this.ticker = ticker;
        this.enabled = enabled;
        this.access = access;
        this.limits = limits;
        this.metricsPublic = metricsPublic;
    }

    /** Reads and checks the web chat's settings (a wrong one stops start-up, named, its value never shown). */
    public static WebChat from(Settings settings) {
        return from(settings, WebAccess::isLoopback, Clock.systemUTC(), Ticker.systemTicker());
    }

    /** As {@link #from(Settings)}, with the decision whether a client is local and the clock injected (tests). */
    static WebChat from(Settings settings, Predicate<InetSocketAddress> isLocal, Clock clock) {
        return from(settings, isLocal, clock, Ticker.systemTicker());
    }

    /** As {@link #from(Settings)}, with the ticker of the sign-in limit and of the streamed events' pace injected. */
    static WebChat from(Settings settings, Predicate<InetSocketAddress> isLocal, Clock clock, Ticker ticker) {
        boolean enabled = settings.getBoolean("DOCENT_WEB", true);
        Optional<String> secret = settings.get("DOCENT_WEB_SECRET");
        if (secret.isPresent() && secret.get().length() < WebAccess.MIN_SECRET_LENGTH) {
            throw new ConfigException("DOCENT_WEB_SECRET must be at least " + WebAccess.MIN_SECRET_LENGTH
                    + " characters long (use a random one, e.g. openssl rand -base64 32)");
        }
        String tenant = null;
        if (settings.getBoolean("DOCENT_WEB_TRUST_EASY_AUTH", false)) {
            tenant = settings.get("DOCENT_WEB_TENANT_ID")
                    .or(() -> settings.get("MicrosoftAppTenantId"))
                    .orElseThrow(() -> new ConfigException(TENANT_NEEDED_MESSAGE));
        }
        var access = new WebAccess(
                secret.orElse(null), settings.getBoolean("DOCENT_WEB_LOOPBACK", true), tenant, isLocal, clock, ticker);
        var limits = new ChatJson.Limits(
                settings.getInt("DOCENT_WEB_MAX_QUESTION_CHARS", 2_000, 1, 20_000),
                settings.getInt("DOCENT_WEB_MAX_HISTORY_TURNS", 20, 0, 200),
                MAX_TURN_CHARS);
        return new WebChat(enabled, access, limits, settings.getBoolean("DOCENT_METRICS_PUBLIC", false), ticker);
    }

    public boolean enabled() {
        return enabled;
    }

    /** Mounts the page and the API on {@code server}, with votes logged but kept nowhere (tests, tools). */
    public void mount(DocentServer server, Answerer answerer) {
        mount(server, answerer, FeedbackRecorder.discarding());
    }

    /**
     * Mounts the page and the API on {@code server}, votes going to {@code feedback} (the service's recorder, shared
     * with Slack and Teams); nothing when the web chat is off.
     */
    public void mount(DocentServer server, Answerer answerer, FeedbackRecorder feedback) {
        if (!enabled) {
            log.info("Web chat: off (DOCENT_WEB=off)");
            return;
        }
        var votes = new FeedbackApi(feedback, access);
        server.route(ChatApi.PATH, new ChatApi(answerer, access, limits, MAX_BODY_BYTES, ticker, votes));
        server.route(FeedbackApi.PATH, votes);
        server.route("/", this::page);
        log.info(
                "Web chat: GET / and POST {}, {} and {} (local clients{}{})",
                ChatApi.PATH,
                ChatApi.STREAM_PATH,
                FeedbackApi.PATH,
                access.secretConfigured() ? ", and others with DOCENT_WEB_SECRET" : " only",
                access.trustEasyAuthConfigured() ? ", Entra ID users via Easy Auth" : "");
    }

    private void page(HttpExchange exchange) throws IOException {
        WebResponses.securityHeaders(exchange);
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/login")) {
            login(exchange);
            return;
        }
        if (!path.equals("/") && !ASSETS.containsKey(path)) {
            WebResponses.text(exchange, 404, "not found");
            return;
        }
        if (!method.equals("GET")) {
            WebResponses.methodNotAllowed(exchange, "GET", false);
            return;
        }
        if (path.equals("/webchat.css")) { // the sign-in form needs it too; nothing secret in it
            resource(exchange, "webchat.css", ASSETS.get(path), 200);
            return;
        }
        if (queryParameter(exchange, "key").isPresent()) { // never a sign-in: the secret must not travel in URLs
            loginForm(exchange, 401, KEY_IN_URL_MESSAGE);
            return;
        }
        WebAccess.Decision decision = access.decide(exchange);
        if (!decision.allowed()) {
            refuse(exchange, decision);
            return;
        }
        if (path.equals("/")) {
            // the notice is one of AccessNotice's constants, never anything the client sent
            String html = read("index.html").replace("<!--ACCESS-->", AccessNotice.of(decision));
            WebResponses.bytes(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        } else {
            resource(exchange, path.substring(1), ASSETS.get(path), 200);
        }
    }

    /** {@code POST /login} with the form field {@code key}; {@code GET /login} shows the form. */
    private void login(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> loginForm(exchange, 200, "");
            case "POST" -> {
                if (!WebAccess.originAbsentOrSame(exchange)) { // login CSRF: another site signing the browser in
                    WebResponses.text(exchange, 403, "sign in from the web chat's own page");
                    return;
                }
                byte[] body = exchange.getRequestBody().readNBytes(4096);
                signIn(
                        exchange,
                        formField(new String(body, StandardCharsets.UTF_8), "key")
                                .orElse(""));
            }
            default -> WebResponses.methodNotAllowed(exchange, "GET, POST", false);
        }
    }

    private void signIn(HttpExchange exchange, String key) throws IOException {
        if (!access.secretConfigured()) {
            WebResponses.text(exchange, 403, LOCAL_ONLY_MESSAGE);
            return;
        }
        switch (access.signIn(exchange, key)) {
            case WebAccess.SignIn.Accepted a -> {
                exchange.getResponseHeaders().add("Set-Cookie", access.sessionCookie(exchange));
                exchange.getResponseHeaders().set("Location", "/");
                exchange.sendResponseHeaders(303, -1);
            }
            case WebAccess.SignIn.Wrong w -> loginForm(exchange, 401, "That key is not right.");
            case WebAccess.SignIn.Blocked b -> {
                WebResponses.retryAfter(exchange, b.retryAfter());
                loginForm(exchange, 429, TOO_MANY_TRIES_MESSAGE);
            }
        }
    }

    private void refuse(HttpExchange exchange, WebAccess.Decision decision) throws IOException {
        switch (decision.kind()) {
            case FORBIDDEN -> WebResponses.text(exchange, 403, LOCAL_ONLY_MESSAGE);
            case FOREIGN_HOST -> WebResponses.text(exchange, 403, FOREIGN_HOST_MESSAGE);
            case RATE_LIMITED -> {
                WebResponses.retryAfter(exchange, decision.retryAfter());
                loginForm(exchange, 429, TOO_MANY_TRIES_MESSAGE);
            }
            default -> loginForm(exchange, 401, "");
        }
    }

    /**
     * Whether {@code exchange} may read the operator's details (the problems {@code /readyz} names, {@code
     * /metrics}): whoever the web chat would let in (the service's own machine, the secret as a bearer token or
     * session, an Easy Auth sign-in), whether or not the web chat is on.
     */
    public boolean mayReadOperatorDetails(HttpExchange exchange) {
        return access.decide(exchange).allowed();
    }

    /** Whether {@code exchange} may read {@code /metrics}: anyone with {@code DOCENT_METRICS_PUBLIC=true}, else as above. */
    public boolean mayReadMetrics(HttpExchange exchange) {
        return metricsPublic || mayReadOperatorDetails(exchange);
    }

    private void loginForm(HttpExchange exchange, int status, String message) throws IOException {
        if (!access.secretConfigured()) {
            WebResponses.text(exchange, 403, LOCAL_ONLY_MESSAGE);
            return;
        }
        // the message is one of this class's constants, never anything the client sent
        String html = read("login.html").replace("<!--MESSAGE-->", message);
        WebResponses.bytes(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void resource(HttpExchange exchange, String name, String type, int status) throws IOException {
        WebResponses.bytes(exchange, status, type, read(name).getBytes(StandardCharsets.UTF_8));
    }

    private static String read(String name) {
        try (InputStream in = WebChat.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the web chat's resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        return query == null ? Optional.empty() : formField(query, name);
    }

    private static Optional<String> formField(String encoded, String name) {
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return Optional.of("");
                }
            }
        }
        return Optional.empty();
    }
}
