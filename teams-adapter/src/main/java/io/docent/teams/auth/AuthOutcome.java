package io.docent.teams.auth;

import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import java.util.Objects;

/** The result of authenticating one request: accepted with the token's identity, or rejected with a status. */
public sealed interface AuthOutcome {

    /** The token is valid for this bot and this activity. */
    record Accepted(ClaimsIdentity identity) implements AuthOutcome {
        public Accepted {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /**
     * The request is refused: {@code status} is 401 for a missing or invalid token, 503 when the signing keys could
     * not be checked in time. {@code reason} is for the log (never contains the token).
     */
    record Rejected(int status, String reason) implements AuthOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
