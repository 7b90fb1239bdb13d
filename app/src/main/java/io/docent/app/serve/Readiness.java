package io.docent.app.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * {@code GET /readyz}: 200 when every check passes, else 503 with one line per problem. The checks (the index is
 * open and searchable, the configured backends answer) run at most once per {@code ttl}, so probes every second or
 * two stay cheap and never hammer a remote backend; concurrent probes share one run.
 *
 * <p>Some parts only degrade the service when they fail ({@code degraded} checks: shared state on Redis, without
 * which each replica answers from its own memory). Taking every replica out of rotation for them would turn a rare
 * duplicate into silence, so they are reported under the status line ({@code degraded: ...}) and leave it 200.
 */
public final class Readiness {

    /** One thing that must hold for the service to take traffic. */
    @FunctionalInterface
    public interface Check {
        /** What is wrong, for an operator (never a secret), or empty when this part is ready. May block briefly. */
        Optional<String> problem();
    }

    /**
     * {@code check}, run at most once per {@code ttl} (for checks that cost something remote, such as a model
     * completion), its last outcome reused in between.
     */
    public static Check cached(Check check, Duration ttl) {
        return new Check() {
            private Optional<String> last;
            private long at;

            @Override
            public synchronized Optional<String> problem() {
                long now = System.nanoTime();
                if (last == null || now - at >= ttl.toNanos()) {
                    last = check.problem();
                    at = now;
                }
                return last;
            }
        };
    }

    /** The outcome of the checks: {@code problems} make the service not ready, {@code degraded} do not. */
    public record Status(boolean ready, List<String> problems, List<String> degraded) {
        public Status {
            problems = List.copyOf(problems);
            degraded = List.copyOf(degraded);
        }
    }

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);

    private final List<Check> checks;
    private final List<Check> degradedChecks;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private Status last;
    private long checkedAt;

    public Readiness(List<Check> checks, Duration ttl) {
        this(checks, List.of(), ttl, System::nanoTime);
    }

    /** With {@code degraded} checks, whose problems are reported but leave the service ready. */
    public Readiness(List<Check> checks, List<Check> degraded, Duration ttl) {
        this(checks, degraded, ttl, System::nanoTime);
    }

    Readiness(List<Check> checks, Duration ttl, LongSupplier nanoClock) {
        this(checks, List.of(), ttl, nanoClock);
    }

    Readiness(List<Check> checks, List<Check> degraded, Duration ttl, LongSupplier nanoClock) {
        this.checks = List.copyOf(checks);
        this.degradedChecks = List.copyOf(degraded);
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The checks' outcome, run again when the last run is older than the ttl. */
    public synchronized Status status() {
        long now = nanoClock.getAsLong();
        if (last == null || now - checkedAt >= ttlNanos) {
            last = run();
            checkedAt = nanoClock.getAsLong();
        }
        return last;
    }

    /** Forgets the last outcome, so that the next probe checks again (after the index opened, for one). */
    public synchronized void invalidate() {
        last = null;
    }

    private Status run() {
        List<String> problems = run(checks);
        return new Status(problems.isEmpty(), problems, run(degradedChecks));
    }

    private static List<String> run(List<Check> checks) {
        List<String> problems = new ArrayList<>();
        for (Check check : checks) {
            try {
                check.problem().ifPresent(problems::add);
            } catch (RuntimeException e) {
                problems.add("a readiness check failed: " + e.getClass().getSimpleName());
            }
        }
        return problems;
    }

    /**
     * The handler: {@code ready} with 200, or {@code not ready} with 503, as plain text; the problems (which name
     * backends, paths and errors) follow only for a request {@code details} lets in. A platform's probe needs the
     * status code alone.
     */
    public HttpHandler handler(Predicate<HttpExchange> details) {
        return exchange -> {
            Status status = status();
            List<String> lines = new ArrayList<>(status.problems());
            status.degraded().forEach(d -> lines.add("degraded: " + d));
            String body = (status.ready() ? "ready\n" : "not ready\n")
                    + (details.test(exchange) && !lines.isEmpty() ? String.join("\n", lines) + "\n" : "");
            DocentServer.respond(exchange, status.ready() ? 200 : 503, "text/plain; charset=utf-8", body);
        };
    }
}
