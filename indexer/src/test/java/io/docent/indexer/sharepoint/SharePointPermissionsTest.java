package io.docent.indexer.sharepoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.AccessGroups;
import io.docent.indexer.Permissions;
import io.docent.indexer.testing.CollectingSink;
import io.docent.indexer.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fail-closed SharePoint permissions: a document is public only on the evidence of an anonymous link, and every
 * document indexed for administrators only because its permissions are unknown is named in the report. The
 * permission objects are shaped like Microsoft Graph's {@code GET /drives/{drive}/items/{item}/permissions}.
 */
class SharePointPermissionsTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    private static final String ENTRA_GROUP =
            "{\"id\": \"g1\", \"roles\": [\"read\"], \"grantedToV2\": {\"group\": {\"id\": \"6bd1d1c2\","
                    + " \"displayName\": \"HR Team\"}}}";

    @TempDir
    Path export;

    /** A library file with a driveItem whose {@code permissions} is {@code permissions} (raw JSON). */
    private void file(String name, String permissions) throws IOException {
        fileWithDriveItem(name, "\"permissions\": " + permissions);
    }

    private void fileWithDriveItem(String name, String driveItemFields) throws IOException {
        Path file = export.resolve("Shared Documents").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# " + name + "\n\nSome text.");
        Files.writeString(
                file.resolveSibling(name + ".driveItem.json"),
                "{\"name\": \"" + name + "\", \"webUrl\": \"https://contoso.sharepoint.com/sites/hr/" + name + "\""
                        + (driveItemFields.isEmpty() ? "" : ", " + driveItemFields) + "}");
    }

    private CollectingSink read(boolean publicSource) {
        return CollectingSink.read(SharePointReader.builder(export)
                .clock(new MutableClock(NOW))
                .publicSource(publicSource)
                .build());
    }

    private static String link(String scope, String extra) {
        return "{\"id\": \"l-" + scope + "\", \"roles\": [\"read\"], " + extra + "\"link\": {\"scope\": \"" + scope
                + "\", \"type\": \"view\", \"webUrl\": \"https://contoso.sharepoint.com/:w:/s/hr/x\"}}";
    }

    @Test
    void an_anonymous_link_makes_a_file_public() throws IOException {
        file("Menu.md", "[" + link("anonymous", "") + "]");

        CollectingSink sink = read(false);

        assertThat(sink.get("Shared Documents/Menu.md").accessGroups()).containsExactly(AccessGroups.PUBLIC);
        assertThat(sink.warnings).isEmpty();
    }

    @Test
    void an_organization_link_makes_a_file_readable_by_employees_beside_its_other_grants() throws IOException {
        file("Lunch.md", "[" + ENTRA_GROUP + ", " + link("organization", "") + "]");

        CollectingSink sink = read(false);

        assertThat(sink.get("Shared Documents/Lunch.md").accessGroups())
                .containsExactlyInAnyOrder(AccessGroups.EMPLOYEES, "group:6bd1d1c2");
        assertThat(sink.warnings).isEmpty();
    }

    @Test
    void an_expired_link_grants_nothing() throws IOException {
        file(
                "Offsite.md",
                "[" + link("anonymous", "\"expirationDateTime\": \"2026-03-01T00:00:00Z\", ") + ", "
                        + link("organization", "\"expirationDateTime\": \"2026-03-10T08:59:59Z\", ") + ", "
                        + ENTRA_GROUP + "]");
        file("Expired.md", "[" + link("anonymous", "\"expirationDateTime\": \"2026-03-10T09:00:00Z\", ") + "]");
        file("Later.md", "[" + link("anonymous", "\"expirationDateTime\": \"2026-04-01T00:00:00Z\", ") + "]");

        CollectingSink sink = read(false);

        assertThat(sink.get("Shared Documents/Offsite.md").accessGroups()).containsExactly("group:6bd1d1c2");
        assertThat(sink.get("Shared Documents/Expired.md").accessGroups()).isEmpty();
        assertThat(sink.get("Shared Documents/Later.md").accessGroups()).containsExactly(AccessGroups.PUBLIC);
        assertThat(sink.warnings)
                .containsExactly("Shared Documents/Expired.md: " + Permissions.UNKNOWN
                        + " (its driveItem's permissions grant no one Docent can match: an expired sharing link)");
    }

    @Test
    void a_file_shared_only_with_a_site_user_an_application_or_a_device_gets_no_groups_and_is_reported()
            throws IOException {
        file(
                "Robots.md",
                "[{\"id\": \"1\", \"roles\": [\"write\"], \"grantedToV2\": {\"application\": {\"id\": \"app-1\","
                        + " \"displayName\": \"Backup\"}}},"
                        + " {\"id\": \"2\", \"roles\": [\"read\"], \"grantedToV2\": {\"siteUser\": {\"id\": \"12\","
                        + " \"displayName\": \"Old Account\", \"loginName\": \"i:0#.f|membership|old@contoso.com\"}}},"
                        + " {\"id\": \"3\", \"roles\": [\"read\"], \"grantedTo\": {\"device\": {\"id\": \"d-1\"}}}]");

        CollectingSink sink = read(false);

        assertThat(sink.get("Shared Documents/Robots.md").accessGroups()).isEmpty();
        assertThat(sink.warnings)
                .singleElement()
                .asString()
                .startsWith("Shared Documents/Robots.md: " + Permissions.UNKNOWN)
                .contains("an application", "a siteUser without an email", "a device");
    }

    @Test
    void a_site_user_with_an_email_is_that_person() throws IOException {
        file(
                "Review.md",
                "[{\"id\": \"2\", \"roles\": [\"read\"], \"grantedToV2\": {\"siteUser\": {\"id\": \"12\","
                        + " \"displayName\": \"Patti\", \"email\": \"PattiF@Contoso.com\"}}}]");

        assertThat(read(false).get("Shared Documents/Review.md").accessGroups())
                .containsExactly("user:pattif@contoso.com");
    }

    @Test
    void an_empty_permissions_list_gives_no_groups_and_is_reported() throws IOException {
        file("Empty.md", "[]");

        CollectingSink sink = read(false);

        assertThat(sink.get("Shared Documents/Empty.md").accessGroups()).isEmpty();
        assertThat(sink.warnings)
                .containsExactly(
                        "Shared Documents/Empty.md: " + Permissions.UNKNOWN + " (its driveItem lists no permissions)");
    }

    @Test
    void a_drive_item_without_permissions_gives_no_groups_and_is_reported() throws IOException {
        fileWithDriveItem("Bare.md", "");

        CollectingSink sink = read(false);

        assertThat(sink.get("Shared Documents/Bare.md").accessGroups()).isEmpty();
        assertThat(sink.warnings)
                .containsExactly(
                        "Shared Documents/Bare.md: " + Permissions.UNKNOWN + " (its driveItem has no \"permissions\")");
    }

    @Test
    void a_file_without_a_drive_item_gives_no_groups_and_is_reported() throws IOException {
        Files.createDirectories(export.resolve("Shared Documents"));
        Files.writeString(export.resolve("Shared Documents/Loose.md"), "# Loose\n\nNo metadata.");

        CollectingSink sink = read(false);

        assertThat(sink.get("Shared Documents/Loose.md").accessGroups()).isEmpty();
        assertThat(sink.warnings)
                .containsExactly("Shared Documents/Loose.md: " + Permissions.UNKNOWN
                        + " (no Loose.md.driveItem.json beside it)");
    }

    @Test
    void a_site_page_without_permissions_gives_no_groups_and_is_reported() throws IOException {
        Files.createDirectories(export.resolve("SitePages"));
        Files.writeString(
                export.resolve("SitePages/News.sitePage.json"),
                "{\"name\": \"News.aspx\", \"title\": \"News\", \"publishingState\": {\"versionId\": \"1.0\"},"
                        + " \"canvasLayout\": {\"horizontalSections\": [{\"columns\": [{\"webparts\":"
                        + " [{\"innerHtml\": \"<p>All news.</p>\"}]}]}]}}");

        CollectingSink sink = read(false);

        assertThat(sink.get("SitePages/News.aspx").accessGroups()).isEmpty();
        assertThat(sink.warnings)
                .containsExactly(
                        "SitePages/News.aspx: " + Permissions.UNKNOWN + " (its sitePage JSON has no \"permissions\")");
    }

    @Test
    void a_source_declared_public_makes_files_without_permissions_public_and_keeps_the_others() throws IOException {
        Files.createDirectories(export.resolve("Shared Documents"));
        Files.writeString(export.resolve("Shared Documents/Loose.md"), "# Loose\n\nNo metadata.");
        file("Empty.md", "[]");
        file("Salaries.md", "[" + ENTRA_GROUP + "]");
        file("Robots.md", "[{\"id\": \"1\", \"roles\": [\"read\"], \"grantedToV2\": {\"device\": {\"id\": \"d\"}}}]");

        CollectingSink sink = read(true);

        assertThat(sink.get("Shared Documents/Loose.md").accessGroups()).containsExactly(AccessGroups.PUBLIC);
        assertThat(sink.get("Shared Documents/Empty.md").accessGroups()).containsExactly(AccessGroups.PUBLIC);
        assertThat(sink.get("Shared Documents/Salaries.md").accessGroups()).containsExactly("group:6bd1d1c2");
        assertThat(sink.get("Shared Documents/Robots.md").accessGroups()).isEmpty();
        assertThat(sink.warnings).singleElement().asString().startsWith("Shared Documents/Robots.md: ");
    }

    @Test
    void a_drive_item_that_is_a_symbolic_link_fails_its_file(@TempDir Path elsewhere) throws IOException {
        Path outside = Files.writeString(elsewhere.resolve("outside.json"), "{}");
        Files.createDirectories(export.resolve("Shared Documents"));
        Files.writeString(export.resolve("Shared Documents/Linked.md"), "# Linked");
        Files.createSymbolicLink(export.resolve("Shared Documents/Linked.md.driveItem.json"), outside);

        CollectingSink sink = read(true);

        assertThat(sink.byId()).doesNotContainKey("Shared Documents/Linked.md");
        assertThat(sink.failures).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("symbolic link"));
    }
}
