package io.docent.core.graph;

import io.docent.core.DocentException;
import io.docent.core.Identity;
import io.docent.core.doctor.Finding;
import io.docent.core.doctor.HealthCheck;
import java.util.List;
import java.util.Objects;

/**
 * Checks the Graph directory the way {@code docent doctor} needs: a token is issued, and Graph lets Docent read a
 * person's groups. With {@code probe} (the email or object id of a real person) the lookup is a real one, else the
 * lookup of an id that cannot exist, which must answer 404, not 401/403.
 */
public final class GraphDirectoryCheck implements HealthCheck {

    static final String BACKEND = "Microsoft Graph directory";

    private final GraphDirectory directory;
    private final String probe;

    public GraphDirectoryCheck(GraphDirectory directory, String probe) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.probe = probe == null || probe.isBlank() ? "00000000-0000-0000-0000-000000000000" : probe.strip();
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public List<Finding> run() {
        Identity who = probe.contains("@")
                ? Identity.member("doctor", "", "", probe)
                : new Identity("teams", probe, "", "", Identity.Standing.MEMBER);
        try {
            var groups = directory.groupsOf(who);
            return List.of(Finding.ok(
                    BACKEND,
                    "group lookup",
                    groups.map(g -> "looked up " + probe + ": " + g.size() + " group(s)")
                            .orElse("Graph answered; " + probe + " is not a member of the tenant")));
        } catch (DocentException.AuthenticationFailed e) {
            return List.of(Finding.problem(
                    BACKEND,
                    "permissions",
                    e.getMessage(),
                    "Grant the managed identity (or app registration) User.Read.All and GroupMember.Read.All"
                            + " application permissions on Microsoft Graph, with admin consent."));
        } catch (RuntimeException e) {
            return List.of(
                    Finding.problem(
                            BACKEND,
                            "reachability",
                            "the lookup failed: " + e.getMessage(),
                            "Check network access to Microsoft Graph and the credentials (az login, or the managed identity)."));
        }
    }
}
