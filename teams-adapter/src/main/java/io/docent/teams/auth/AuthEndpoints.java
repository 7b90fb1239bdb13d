package io.docent.teams.auth;

import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import java.util.Objects;

/**
 * Where signing keys are published: the Bot Framework's OpenID metadata for channel tokens, and Entra ID's for a
 * single-tenant bot's own tenant ({@code %s} stands for the tenant id). Production uses {@link #MICROSOFT}; tests
 * point both at a local server that serves their own keys.
 */
public record AuthEndpoints(String channelOpenIdMetadataUrl, String tenantOpenIdMetadataUrlTemplate) {

    public static final AuthEndpoints MICROSOFT = new AuthEndpoints(
            AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL,
            "https://login.microsoftonline.com/%s/v2.0/.well-known/openid-configuration");

    public AuthEndpoints {
        Objects.requireNonNull(channelOpenIdMetadataUrl, "channelOpenIdMetadataUrl");
        Objects.requireNonNull(tenantOpenIdMetadataUrlTemplate, "tenantOpenIdMetadataUrlTemplate");
        if (!tenantOpenIdMetadataUrlTemplate.contains("%s")) {
            throw new IllegalArgumentException("tenantOpenIdMetadataUrlTemplate must contain %s for the tenant id");
        }
    }

    String tenantOpenIdMetadataUrl(String tenantId) {
        return String.format(java.util.Locale.ROOT, tenantOpenIdMetadataUrlTemplate, tenantId);
    }
}
