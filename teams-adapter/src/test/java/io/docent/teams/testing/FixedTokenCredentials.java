package io.docent.teams.testing;

import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import java.util.concurrent.CompletableFuture;

/**
 * The bot's credentials with a fixed outbound token instead of one from Entra ID (MSAL insists on an HTTPS
 * authority, so its token endpoint cannot be pointed at a local server).
 */
public final class FixedTokenCredentials extends MicrosoftAppCredentials {

    public static final String TOKEN = "outbound-test-token";

    public FixedTokenCredentials(String appId) {
        super(appId, "not-a-real-secret");
    }

    @Override
    public CompletableFuture<String> getToken() {
        return CompletableFuture.completedFuture(TOKEN);
    }
}
