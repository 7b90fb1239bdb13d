package io.docent.core;

import java.util.Locale;
import java.util.Objects;

/**
 * Who is asking, as the platform told the adapter. The email is the join key between platforms and the directory;
 * the standing says whether the platform counts the person as one of the organisation's own.
 *
 * @param platform where the person asked: {@code slack}, {@code teams}, {@code web}, {@code cli}
 * @param userId the platform's id for the person (Slack user id, AAD object id, Easy Auth principal id), or {@code ""}
 * @param tenantId the person's organisation on that platform (Slack team id, Entra tenant id), or {@code ""}
 * @param email the person's email, lower case, or {@code ""} when the platform did not say
 * @param standing what the person is to the organisation
 */
public record Identity(String platform, String userId, String tenantId, String email, Standing standing) {

    /** What a person is to the organisation that runs Docent. */
    public enum Standing {
        /** The operator: the command line, or the service's own machine. Sees everything. */
        ADMINISTRATOR,
        /** A full member of the organisation, as the platform says (not a guest, not from another organisation). */
        MEMBER,
        /** A guest account (Slack single- or multi-channel guest, an Entra B2B guest). */
        GUEST,
        /** Someone from another organisation (Slack Connect, another Entra tenant). */
        EXTERNAL,
        /** Nobody known: the platform did not say who asks, or the web chat behind only a shared secret. */
        ANONYMOUS
    }

    /** The command line and the service's own machine. */
    public static final Identity ADMINISTRATOR = new Identity("cli", "", "", "", Standing.ADMINISTRATOR);

    /** Someone Docent does not know. */
    public static final Identity ANONYMOUS = new Identity("", "", "", "", Standing.ANONYMOUS);

    public Identity {
        platform = platform == null ? "" : platform;
        userId = userId == null ? "" : userId;
        tenantId = tenantId == null ? "" : tenantId;
        email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(standing, "standing");
    }

    /** A member of the organisation. */
    public static Identity member(String platform, String userId, String tenantId, String email) {
        return new Identity(platform, userId, tenantId, email, Standing.MEMBER);
    }

    public boolean isAdministrator() {
        return standing == Standing.ADMINISTRATOR;
    }

    /** A short reference for logs: platform and user id, never the email. */
    public String logRef() {
        return (platform.isEmpty() ? "?" : platform) + ":"
                + (userId.isEmpty() ? standing.name().toLowerCase(Locale.ROOT) : userId);
    }
}
