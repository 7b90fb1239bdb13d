package io.docent.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import io.docent.core.Identity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryFileTest {

    @TempDir
    Path dir;

    private static final Identity ALICE = Identity.member("teams", "oid-1", "tid", "ALICE@example.com");

    @Test
    void finds_people_by_email_whatever_its_case_and_lists_the_everyone_groups() throws IOException {
        Path file = write("""
                {"people": [{"email": "Alice@Example.com", "groups": ["group:6d1f", "confluence-hr"]}],
                 "everyone": ["confluence-users"]}""");

        var directory = new DirectoryFile(file);

        assertThat(directory.groupsOf(ALICE)).hasValue(Set.of("group:6d1f", "confluence-hr"));
        assertThat(directory.groupsOf(Identity.member("teams", "x", "tid", "bob@example.com")))
                .isEmpty();
        assertThat(directory.groupsOf(Identity.member("teams", "x", "tid", ""))).isEmpty();
        assertThat(directory.everyone()).containsExactly("confluence-users");
    }

    @Test
    void a_missing_or_malformed_file_is_an_error_that_names_it() throws IOException {
        assertThatThrownBy(() -> new DirectoryFile(dir.resolve("absent.json")))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("absent.json")
                .hasMessageContaining("does not exist");
        for (String bad : new String[] {
            "not json",
            "[]",
            "{\"people\": {}}",
            "{\"people\": [{\"groups\": [\"a\"]}]}",
            "{\"people\": [{\"email\": \"a@b.c\", \"groups\": \"hr\"}]}",
            "{\"people\": [], \"everyone\": [\"\"]}",
            "{\"people\": [], \"everyone\": [\"docent:public\"]}"
        }) {
            Path file = write(bad);
            assertThatThrownBy(() -> new DirectoryFile(file))
                    .as(bad)
                    .isInstanceOf(DocentException.InvalidInput.class)
                    .hasMessageContaining(file.toString());
        }
    }

    @Test
    void a_changed_file_is_read_again_and_a_broken_one_keeps_the_last_good_contents() throws IOException {
        Path file = write("{\"people\": [{\"email\": \"alice@example.com\", \"groups\": [\"hr\"]}]}");
        var clock = new MutableClock();
        var directory = new DirectoryFile(file, clock, 1_000);

        Files.writeString(file, "{\"people\": [{\"email\": \"alice@example.com\", \"groups\": [\"hr\", \"board\"]}]}");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        assertThat(directory.groupsOf(ALICE)).as("not re-checked yet").hasValue(Set.of("hr"));
        clock.advance(1_000);
        assertThat(directory.groupsOf(ALICE)).hasValue(Set.of("hr", "board"));

        Files.writeString(file, "{\"people\": [ broken");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 20_000));
        clock.advance(1_000);
        assertThat(directory.groupsOf(ALICE)).hasValue(Set.of("hr", "board"));
    }

    private Path write(String json) throws IOException {
        Path file = Files.createTempFile(dir, "directory", ".json");
        Files.writeString(file, json);
        return file;
    }

    static final class MutableClock extends Clock {
        private long millis = 1_000_000;

        void advance(long by) {
            millis += by;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
