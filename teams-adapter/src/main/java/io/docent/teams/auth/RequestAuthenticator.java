package io.docent.teams.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.JwtTokenExtractor;
import com.microsoft.bot.connector.authentication.TokenValidationParameters;
import com.microsoft.bot.schema.Activity;
import io.docent.teams.TeamsSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Authenticates a request to {@code /api/messages} from its {@code Authorization} header and its activity.
 *
 * <p>Why not {@code JwtTokenValidation.authenticateRequest}: that entry point (1) turns authentication off
 * silently when the app id is empty, (2) throws synchronously from {@code JWT.decode} on a malformed token, (3)
 * also accepts Emulator and skill tokens, which a Teams bot never needs, (4) accepts a token without an expiry,
 * and (5) reads the channel's OpenID metadata URL from a static field of {@link ChannelValidation}, which would make
 * every instance in the process share one key source. Here the SDK's {@link JwtTokenExtractor} still does the
 * cryptography (signature against the published keys, lifetime with 5 minutes of skew, the channel endorsement of
 * the key, allowed algorithms), and this class adds ChannelValidation's claim checks in the same order: issuer,
 * audience equal to the app id, {@code serviceurl} claim equal to the activity's service URL (the bot sends its
 * own token to that URL, so it must be the one the Bot Framework vouched for).
 *
 * <p>A single-tenant bot also accepts tokens issued by its own Entra tenant (v1 {@code sts.windows.net} and v2
 * {@code login.microsoftonline.com} issuers), verified against that tenant's keys, with the tenant ({@code tid})
 * and audience ({@code appId} or {@code api://appId}) checked; such a token's {@code serviceurl} claim must match
 * when present, and without one the service URL must be one of Microsoft's Bot Framework hosts
 * ({@link ServiceUrls}).
 */
public final class RequestAuthenticator {

    static final String CHANNEL_ISSUER = AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final TeamsSettings settings;
    private final JwtTokenExtractor channelTokens;
    private final JwtTokenExtractor tenantTokens;
    private final Set<String> tenantIssuers;
    private final Duration timeout;

    public RequestAuthenticator(TeamsSettings settings, AuthEndpoints endpoints, Duration timeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.channelTokens = new JwtTokenExtractor(
                ChannelValidation.getTokenValidationParameters(),
                endpoints.channelOpenIdMetadataUrl(),
                AuthenticationConstants.ALLOWED_SIGNING_ALGORITHMS);
        if (settings.authenticationEnabled() && settings.appType() == TeamsSettings.AppType.SINGLE_TENANT) {
            String tenant = settings.tenantId();
            this.tenantIssuers = Set.of(
                    "https://sts.windows.net/" + tenant + "/", "https://login.microsoftonline.com/" + tenant + "/v2.0");
            this.tenantTokens = new JwtTokenExtractor(
                    tenantParameters(List.copyOf(tenantIssuers)),
                    endpoints.tenantOpenIdMetadataUrl(tenant),
                    AuthenticationConstants.ALLOWED_SIGNING_ALGORITHMS);
        } else {
            this.tenantIssuers = Set.of();
            this.tenantTokens = null;
        }
    }

    /** Accepts or rejects; never throws for bad input. */
    public AuthOutcome authenticate(String authorization, Activity activity) {
        if (!settings.authenticationEnabled()) {
            return new AuthOutcome.Accepted(new ClaimsIdentity(AuthenticationConstants.ANONYMOUS_AUTH_TYPE));
        }
        if (authorization == null || authorization.isBlank()) {
            return reject("no Authorization header");
        }
        String[] parts = authorization.strip().split(" ");
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].isEmpty()) {
            return reject("the Authorization header is not a bearer token");
        }
        DecodedJWT jwt;
        try {
            jwt = JWT.decode(parts[1]);
        } catch (RuntimeException e) {
            return reject("malformed token");
        }
        if (jwt.getExpiresAt() == null) {
            return reject("token without an expiry");
        }
        String header = "Bearer " + parts[1];
        String issuer = jwt.getIssuer();
        if (CHANNEL_ISSUER.equals(issuer)) {
            return verify(channelTokens, header, activity, false);
        }
        if (tenantTokens != null && tenantIssuers.contains(issuer)) {
            return verify(tenantTokens, header, activity, true);
        }
        return reject("untrusted token issuer");
    }

    private AuthOutcome verify(JwtTokenExtractor extractor, String header, Activity activity, boolean tenantToken) {
        ClaimsIdentity identity;
        try {
            CompletableFuture<ClaimsIdentity> future = extractor.getIdentity(header, activity.getChannelId());
            identity = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new AuthOutcome.Rejected(503, "the signing keys could not be checked in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AuthOutcome.Rejected(503, "interrupted while checking the token");
        } catch (ExecutionException e) {
            return reject("invalid token: " + describe(e.getCause()));
        } catch (RuntimeException e) {
            return reject("invalid token: " + describe(e));
        }
        if (identity == null || !identity.isAuthenticated()) {
            return reject("invalid token (unknown signing key or issuer)");
        }
        String audience = identity.claims().get(AuthenticationConstants.AUDIENCE_CLAIM);
        boolean audienceOk =
                settings.appId().equals(audience) || (tenantToken && ("api://" + settings.appId()).equals(audience));
        if (!audienceOk) {
            return reject("token audience is not this bot");
        }
        if (tenantToken
                && !settings.tenantId().equalsIgnoreCase(identity.claims().get("tid"))) {
            return reject("token tenant is not the bot's tenant");
        }
        String serviceUrl = activity.getServiceUrl();
        String serviceUrlClaim = identity.claims().get(AuthenticationConstants.SERVICE_URL_CLAIM);
        if (serviceUrl == null) {
            return reject("activity without a service URL");
        }
        if (serviceUrlClaim == null) {
            // Entra-issued tokens may carry no serviceurl claim: then only Microsoft's own service hosts are trusted
            if (!tenantToken || !ServiceUrls.isBotFrameworkService(serviceUrl)) {
                return reject("token without a serviceurl claim");
            }
        } else if (!serviceUrlClaim.equalsIgnoreCase(serviceUrl)) {
            return reject("token service URL does not match the activity's");
        }
        return new AuthOutcome.Accepted(identity);
    }

    private static TokenValidationParameters tenantParameters(List<String> issuers) {
        TokenValidationParameters parameters = new TokenValidationParameters();
        parameters.validateIssuer = true;
        parameters.validIssuers = issuers;
        parameters.validateAudience = false; // checked here, against the app id
        parameters.validateLifetime = true;
        parameters.clockSkew = Duration.ofMinutes(AuthenticationConstants.DEFAULT_CLOCKSKEW_MINUTES);
        parameters.requireSignedTokens = true;
        return parameters;
    }

    private static AuthOutcome reject(String reason) {
        return new AuthOutcome.Rejected(401, reason);
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
