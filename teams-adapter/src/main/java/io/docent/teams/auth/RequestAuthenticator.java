package io.docent.teams.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;
import io.docent.teams.TeamsSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Authenticates a request to {@code /api/messages} from its {@code Authorization} header and its activity.
 *
 * <p>Why not {@code JwtTokenValidation.authenticateRequest}: that entry point (1) turns authentication off
 * silently when the app id is empty, (2) throws synchronously from {@code JWT.decode} on a malformed token, (3)
 * also accepts Emulator and skill tokens, which a Teams bot never needs, (4) accepts a token without an expiry, (5)
 * reads the channel's OpenID metadata URL from a static field of {@code ChannelValidation}, shared by the whole
 * process, and (6) verifies on the SDK's shared ForkJoin pool (see {@link TokenVerifier}). Here
 * {@link TokenVerifier} checks the signature with the SDK's key cache (published keys, channel endorsement,
 * lifetime with 5 minutes of skew, RS256/384/512 only), and this class adds {@code ChannelValidation}'s claim checks
 * in the same order: issuer, audience equal to the app id, {@code serviceurl} claim equal to the activity's service
 * URL (the bot sends its own token to that URL, so it must be the one the Bot Framework vouched for).
 *
 * <p>A single-tenant bot also accepts tokens issued by its own Entra tenant (v1 {@code sts.windows.net} and v2
 * {@code login.microsoftonline.com} issuers), verified against that tenant's keys, with the tenant ({@code tid})
 * and audience ({@code appId} or {@code api://appId}) checked. Any application of that tenant can get such a token
 * for the bot's audience, so it must also say who asked for it, as the Bot Framework's Emulator and skill validation
 * do: the authorised party ({@code azp} in a v2 token, {@code appid} in a v1 one) must be the bot's own app id or
 * one of {@link TeamsSettings#trustedCallers()}. Its {@code serviceurl} claim must match when present (an Entra token
 * normally has none), and without one the service URL must be one of Microsoft's Bot Framework hosts
 * ({@link ServiceUrls}), so the bot never sends its own token to a host the caller chose.
 */
public final class RequestAuthenticator {

    static final String CHANNEL_ISSUER = AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final TeamsSettings settings;
    private final TokenVerifier channelTokens;
    private final TokenVerifier tenantTokens;
    private final String tenantV1Issuer;

    public RequestAuthenticator(TeamsSettings settings, AuthEndpoints endpoints, Duration timeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(timeout, "timeout");
        this.channelTokens = new TokenVerifier(endpoints.channelOpenIdMetadataUrl(), Set.of(CHANNEL_ISSUER), timeout);
        if (settings.authenticationEnabled() && settings.appType() == TeamsSettings.AppType.SINGLE_TENANT) {
            String tenant = settings.tenantId();
            this.tenantV1Issuer = "https://sts.windows.net/" + tenant + "/";
            this.tenantTokens = new TokenVerifier(
                    endpoints.tenantOpenIdMetadataUrl(tenant),
                    Set.of(tenantV1Issuer, "https://login.microsoftonline.com/" + tenant + "/v2.0"),
                    timeout);
        } else {
            this.tenantTokens = null;
            this.tenantV1Issuer = null;
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
        if (channelTokens.trusts(jwt.getIssuer())) {
            return checkClaims(channelTokens.verify(parts[1], jwt, activity.getChannelId()), activity, false);
        }
        if (tenantTokens != null && tenantTokens.trusts(jwt.getIssuer())) {
            return checkClaims(tenantTokens.verify(parts[1], jwt, activity.getChannelId()), activity, true);
        }
        return reject("untrusted token issuer");
    }

    private AuthOutcome checkClaims(AuthOutcome verified, Activity activity, boolean tenantToken) {
        if (!(verified instanceof AuthOutcome.Accepted accepted)) {
            return verified;
        }
        ClaimsIdentity identity = accepted.identity();
        String audience = identity.claims().get(AuthenticationConstants.AUDIENCE_CLAIM);
        boolean audienceOk =
                settings.appId().equals(audience) || (tenantToken && ("api://" + settings.appId()).equals(audience));
        if (!audienceOk) {
            return reject("token audience is not this bot");
        }
        if (tenantToken) {
            if (!settings.tenantId().equalsIgnoreCase(identity.claims().get("tid"))) {
                return reject("token tenant is not the bot's tenant");
            }
            AuthOutcome caller = checkCaller(identity);
            if (caller != null) {
                return caller;
            }
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

    /**
     * Who asked Entra for a tenant token: {@code appid} in a v1 token, {@code azp} in a v2 one (the issuer says which,
     * and a {@code ver} claim must agree). Null when it is the bot itself or a trusted caller, else the rejection.
     */
    private AuthOutcome checkCaller(ClaimsIdentity identity) {
        boolean v1 = tenantV1Issuer.equals(identity.getIssuer());
        String version = identity.claims().get(AuthenticationConstants.VERSION_CLAIM);
        if (version != null && !version.equals(v1 ? "1.0" : "2.0")) {
            return reject("token version " + version + " does not match its issuer");
        }
        String claim = v1 ? AuthenticationConstants.APPID_CLAIM : AuthenticationConstants.AUTHORIZED_PARTY;
        String caller = identity.claims().get(claim);
        if (caller == null || caller.isBlank()) {
            return reject("tenant token without " + claim);
        }
        if (!settings.tenantTokenCallers().contains(caller)) {
            // an app id is not a secret; the admin needs it to decide whether to trust that caller
            return reject("tenant token requested by app " + caller + ", which is not this bot nor a trusted caller");
        }
        return null;
    }

    private static AuthOutcome reject(String reason) {
        return new AuthOutcome.Rejected(401, reason);
    }
}
