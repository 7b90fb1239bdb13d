package io.docent.indexer.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.AccessGroups;
import io.docent.indexer.Permissions;
import io.docent.indexer.testing.CollectingSink;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fail-closed Confluence permissions: a space is public only when its {@code VIEWSPACE} permissions grant anonymous
 * access; a space whose readers the export does not name is for administrators only and reported; a page restriction
 * is never widened, not even by a source declared public.
 */
class ConfluenceXmlPermissionsTest {

    @TempDir
    Path export;

    /** Space 100 (ENG) with pages 1 and its child 2, plus whatever {@code permissions} adds. */
    private void write(UnaryOperator<EntitiesXmlWriter> permissions) throws IOException {
        StringWriter out = new StringWriter();
        EntitiesXmlWriter xml = new EntitiesXmlWriter(out)
                .space("100", "ENG", "Engineering")
                .page("1", "Handbook", null, "11")
                .body("11", "1", "<p>Welcome.</p>")
                .page("2", "Salaries", "1", "12")
                .body("12", "2", "<p>Pay bands.</p>");
        permissions.apply(xml).end();
        Files.writeString(export.resolve("entities.xml"), out.toString());
    }

    private CollectingSink read(boolean publicSource) {
        return CollectingSink.read(
                ConfluenceXmlReader.builder(export).publicSource(publicSource).build());
    }

    @Test
    void anonymous_view_permission_makes_the_space_public() throws IOException {
        write(xml -> xml.viewSpace("5001", "confluence-users", null, null).viewSpace("5002", null, null, null));

        CollectingSink sink = read(false);

        assertThat(sink.get("1").accessGroups()).contains(AccessGroups.PUBLIC);
        assertThat(sink.get("2").accessGroups()).contains(AccessGroups.PUBLIC);
        assertThat(sink.warnings).isEmpty();
    }

    @Test
    void a_view_permission_for_all_logged_in_users_means_every_employee() throws IOException {
        write(xml -> xml.viewSpace("5001", null, null, "authenticated-users"));

        assertThat(read(false).get("1").accessGroups()).containsExactly(AccessGroups.EMPLOYEES);
    }

    @Test
    void a_space_without_view_permissions_is_for_administrators_only_and_reported_once() throws IOException {
        write(xml -> xml);

        CollectingSink sink = read(false);

        assertThat(sink.get("1").accessGroups()).isEmpty();
        assertThat(sink.get("2").accessGroups()).isEmpty();
        assertThat(sink.warnings)
                .containsExactly("entities.xml#space=ENG: " + Permissions.UNKNOWN
                        + " (the export has no VIEWSPACE permission for space ENG; 2 page(s) and attachment(s);"
                        + " if everyone may read it, index it with --public)");
        assertThat(sink.failures).isEmpty();
    }

    @Test
    void a_restricted_page_gets_its_restrictions_groups_and_passes_them_on_to_its_children() throws IOException {
        write(xml -> xml.user("u-ana", "ana", "Ana.Lima@Example.com")
                .viewSpace("5001", "confluence-users", null, null)
                .viewSpace("5002", null, null, null)
                .viewRestriction("3001", "2", "hr", "key:u-ana"));

        CollectingSink sink = read(false);

        assertThat(sink.get("2").accessGroups())
                .containsExactlyInAnyOrder("hr", "user:ana", "user:ana.lima@example.com");
        assertThat(sink.get("1").accessGroups()).containsExactlyInAnyOrder("confluence-users", AccessGroups.PUBLIC);
    }

    @Test
    void a_source_declared_public_makes_a_space_without_view_permissions_public() throws IOException {
        write(xml -> xml);

        CollectingSink sink = read(true);

        assertThat(sink.get("1").accessGroups()).containsExactly(AccessGroups.PUBLIC);
        assertThat(sink.warnings).isEmpty();
    }

    @Test
    void a_source_declared_public_does_not_widen_a_restricted_page_or_a_space_that_names_its_readers()
            throws IOException {
        write(xml -> xml.viewRestriction("3001", "2", "hr"));
        CollectingSink undeclaredSpace = read(true);
        write(xml -> xml.viewSpace("5001", "engineering", null, null).viewRestriction("3001", "2", "hr"));
        CollectingSink namedSpace = read(true);

        assertThat(undeclaredSpace.get("1").accessGroups()).containsExactly(AccessGroups.PUBLIC);
        assertThat(undeclaredSpace.get("2").accessGroups()).containsExactly("hr");
        assertThat(namedSpace.get("1").accessGroups()).containsExactly("engineering");
        assertThat(namedSpace.get("2").accessGroups()).containsExactly("hr");
    }

    @Test
    void a_confluence_group_cannot_pass_for_a_docent_group() throws IOException {
        write(xml ->
                xml.viewSpace("5001", "docent:public", null, null).viewRestriction("3001", "2", "Docent:Employees"));

        CollectingSink sink = read(false);

        assertThat(sink.get("1").accessGroups()).containsExactly("confluence:docent:public");
        assertThat(sink.get("2").accessGroups()).containsExactly("confluence:Docent:Employees");
    }
}
