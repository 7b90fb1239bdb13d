package io.docent.teams.http;

import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import io.docent.core.UserTexts;
import io.docent.teams.TeamsResponse;
import io.docent.teams.activity.ActivityJson;
import io.docent.teams.activity.ConversationContext;
import io.docent.teams.auth.AuthOutcome;
import io.docent.teams.auth.RequestAuthenticator;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request to {@code /api/messages}, checked in this order, each failure with its status and a log line that
 * says why (never the token): 401 without a valid token, 400 for a body that is not an activity, 403 for a tenant
 * outside the allow-list; a redelivered activity gets 200 and nothing else. Then the SDK runs the turn, which only
 * decides and hands work off: 202 for a message, the invoke's own status and body for an invoke. Anything
 * unexpected is a 500 with a reference id in the log, and the activity is forgotten so that a retry is processed.
 */
public final class MessagesEndpoint {

    private static final Logger log = LoggerFactory.getLogger(MessagesEndpoint.class);
    static final Duration TURN_TIMEOUT = Duration.ofSeconds(10);

    private final RequestAuthenticator authenticator;
    private final boolean authenticationEnabled;
    private final Set<String> allowedTenants;
    private final DeliveryDedup dedup;
    private final BotFrameworkAdapter adapter;
    private final Bot bot;

    public MessagesEndpoint(
            RequestAuthenticator authenticator,
            boolean authenticationEnabled,
            Set<String> allowedTenants,
            DeliveryDedup dedup,
            BotFrameworkAdapter adapter,
            Bot bot) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.authenticationEnabled = authenticationEnabled;
        this.allowedTenants = Set.copyOf(allowedTenants);
        this.dedup = Objects.requireNonNull(dedup, "dedup");
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.bot = Objects.requireNonNull(bot, "bot");
    }

    public TeamsResponse handle(String authorization, byte[] body) {
        if (authenticationEnabled && (authorization == null || authorization.isBlank())) {
            log.info("Teams request refused (401): no Authorization header");
            return TeamsResponse.status(401);
        }
        Activity activity;
        try {
            activity = ActivityJson.read(body);
        } catch (Exception e) {
            log.info(
                    "Teams request refused (400): the body is not an activity ({})",
                    e.getClass().getSimpleName());
            return TeamsResponse.status(400);
        }
        if (activity.getType() == null) {
            log.info("Teams request refused (400): activity without a type");
            return TeamsResponse.status(400);
        }
        AuthOutcome outcome = authenticator.authenticate(authorization, activity);
        if (outcome instanceof AuthOutcome.Rejected rejected) {
            log.info("Teams request refused ({}): {}", rejected.status(), rejected.reason());
            return TeamsResponse.status(rejected.status());
        }
        ConversationContext where = ConversationContext.of(activity);
        if (!allowedTenants.isEmpty() && !allowedTenants.contains(where.tenantId())) {
            log.warn("Teams request refused (403): tenant '{}' is not allowed", where.tenantId());
            return TeamsResponse.status(403);
        }
        if (!dedup.firstDelivery(activity)) {
            log.info("Teams activity {} delivered again: already taken", activity.getId());
            return TeamsResponse.status(200);
        }
        return turn(((AuthOutcome.Accepted) outcome), activity);
    }

    private TeamsResponse turn(AuthOutcome.Accepted accepted, Activity activity) {
        try {
            InvokeResponse response = adapter.processActivity(accepted.identity(), activity, bot::onTurn)
                    .get(TURN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (response == null) {
                return TeamsResponse.status(ActivityTypes.INVOKE.equals(activity.getType()) ? 200 : 202);
            }
            Object responseBody = response.getBody();
            return new TeamsResponse(
                    response.getStatus(), responseBody == null ? "" : ActivityJson.write(responseBody));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dedup.forget(activity);
            return TeamsResponse.status(503);
        } catch (TimeoutException | RuntimeException | java.util.concurrent.ExecutionException e) {
            String reference = UserTexts.newReference();
            log.error("Teams request {} failed ({} activity {})", reference, activity.getType(), activity.getId(), e);
            dedup.forget(activity);
            return TeamsResponse.status(500);
        }
    }
}
