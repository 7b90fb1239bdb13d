package io.docent.app.serve;

import io.docent.app.Directories;
import io.docent.app.config.ConfigException;
import io.docent.app.config.DocentConfig;
import io.docent.app.config.Problems;
import io.docent.app.config.RedisConfig;
import io.docent.app.config.Settings;
import io.docent.app.web.WebChat;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of {@code docent serve}, read and checked all at once before anything starts, so that an operator
 * sees every present-but-wrong setting in one go rather than one per restart. Messages name the setting and what it
 * must be, never its value (some are secrets).
 *
 * @param maxConcurrentAnswers {@code DOCENT_MAX_CONCURRENT_ANSWERS}: answers running at once, for every surface
 * @param maxWaitingQuestions {@code DOCENT_MAX_WAITING_QUESTIONS}: questions that may wait in line for those
 * @param maxAnswersPerPerson {@code DOCENT_MAX_ANSWERS_PER_PERSON}: questions one person may have in flight
 * @param shutdownGrace {@code DOCENT_SHUTDOWN_GRACE} (whole seconds)
 * @param bind {@value #BIND}: the address the HTTP server listens on (default {@value #DEFAULT_BIND}; Teams' insecure
 *     local mode allows loopback only, see {@link TeamsWiring#bindHost})
 * @param port {@value #PORT}: its port (default {@value #DEFAULT_PORT}; 0 picks a free one)
 * @param docent the settings every command shares (retrieval, backends, logging)
 * @param redis where the replicas' shared state is kept ({@value RedisConfig#URL}), or empty: in this process
 */
public record ServeConfig(
        int maxConcurrentAnswers,
        int maxWaitingQuestions,
        int maxAnswersPerPerson,
        Duration shutdownGrace,
        String bind,
        int port,
        DocentConfig docent,
        Optional<RedisConfig> redis) {

    public static final String BIND = "DOCENT_BIND";
    public static final String DEFAULT_BIND = "0.0.0.0";
    public static final String PORT = "DOCENT_PORT";
    public static final int DEFAULT_PORT = 8080;

    public static final String MAX_CONCURRENT_ANSWERS = "DOCENT_MAX_CONCURRENT_ANSWERS";
    public static final String MAX_WAITING_QUESTIONS = "DOCENT_MAX_WAITING_QUESTIONS";
    public static final String MAX_ANSWERS_PER_PERSON = "DOCENT_MAX_ANSWERS_PER_PERSON";

    /**
     * Settings that are no longer read, with what replaced them: set, they stop start-up with that name, so that an
     * operator does not believe a limit holds that does not.
     */
    static final Map<String, String> REMOVED = Map.of(
            "DOCENT_SLACK_CONCURRENCY", MAX_CONCURRENT_ANSWERS,
            "DOCENT_SLACK_QUEUE", MAX_WAITING_QUESTIONS,
            "DOCENT_TEAMS_CONCURRENCY", MAX_CONCURRENT_ANSWERS,
            "DOCENT_TEAMS_QUEUE", MAX_WAITING_QUESTIONS);

    public static final String SHUTDOWN_GRACE = "DOCENT_SHUTDOWN_GRACE";
    public static final int DEFAULT_SHUTDOWN_GRACE_SECONDS = 20;

    /**
     * Reads the service's settings and checks every other one {@code docent serve} will use.
     *
     * @throws ConfigException listing every problem found, one a line
     */
    public static ServeConfig read(Settings settings) {
        Problems checks = new Problems();
        int max = checks.check(
                () -> settings.getInt(MAX_CONCURRENT_ANSWERS, AdmissionControl.defaultMaxConcurrent(), 1, 4_096), 1);
        int waitingQuestions = checks.check(
                () -> settings.getInt(MAX_WAITING_QUESTIONS, AdmissionControl.DEFAULT_MAX_WAITING, 0, 100_000), 0);
        int perPerson = checks.check(
                () -> settings.getInt(MAX_ANSWERS_PER_PERSON, AdmissionControl.DEFAULT_MAX_PER_PERSON, 1, 1_000), 1);
        REMOVED.entrySet().stream()
                .filter(removed -> settings.get(removed.getKey()).isPresent())
                .sorted(Map.Entry.comparingByKey())
                .forEach(removed -> checks.add(removed.getKey() + " is no longer read: one limit holds for Slack,"
                        + " Teams and the web chat together; set " + removed.getValue() + " instead (see also "
                        + MAX_ANSWERS_PER_PERSON + ")"));
        int grace = checks.check(() -> settings.getInt(SHUTDOWN_GRACE, DEFAULT_SHUTDOWN_GRACE_SECONDS, 0, 3_600), 0);
        DocentConfig docent = DocentConfig.read(settings, checks);
        int port = checks.check(() -> settings.getInt(PORT, DEFAULT_PORT, 0, 65_535), DEFAULT_PORT);
        String bind = settings.get(BIND, DEFAULT_BIND);
        checks.check(() -> WebChat.from(settings), null);
        // The stack is opened in the background, where a bad directory would only be retried: check it here, so
        // that a missing, unreadable or malformed DOCENT_DIRECTORY_FILE stops start-up (exit 2), named.
        checks.check(() -> Directories.fromSettings(settings), null);
        checks.check(() -> SlackWiring.settings(settings), null);
        checks.check(
                () -> {
                    TeamsWiring teams = TeamsWiring.from(settings);
                    return teams.bindHost(bind);
                },
                null);
        Optional<RedisConfig> redis = RedisConfig.read(settings, checks);
        checks.throwIfAny();
        return new ServeConfig(max, waitingQuestions, perPerson, Duration.ofSeconds(grace), bind, port, docent, redis);
    }
}
