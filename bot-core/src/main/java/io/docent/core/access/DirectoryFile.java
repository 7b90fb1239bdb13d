package io.docent.core.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.AccessGroups;
import io.docent.core.Directory;
import io.docent.core.DocentException;
import io.docent.core.Identity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory file ({@code DOCENT_DIRECTORY_FILE}): people by email with their access groups, and the groups every
 * employee holds.
 *
 * <pre>{@code
 * {"people": [{"email": "alice@example.com", "groups": ["group:6d1f...", "confluence-hr"]}],
 *  "everyone": ["confluence-users"]}
 * }</pre>
 *
 * <p>The file is read at construction, and a missing, unreadable or malformed file is an error that names it (start-up
 * stops). Afterwards it is read again when its modification time or size changes, checked at most once per
 * {@code recheckMillis}; a file that has become malformed keeps the last good contents in force and logs an error, so
 * an admin's typo never opens or closes everything at once.
 */
public final class DirectoryFile implements Directory {

    private static final Logger log = LoggerFactory.getLogger(DirectoryFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final long DEFAULT_RECHECK_MILLIS = 2_000;

    private final Path file;
    private final long recheckMillis;
    private final java.time.Clock clock;
    private volatile Contents contents;
    private volatile long checkedAt;

    private record Contents(Map<String, Set<String>> byEmail, Set<String> everyone, Object fileKey) {}

    public DirectoryFile(Path file, java.time.Clock clock, long recheckMillis) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recheckMillis = recheckMillis;
        this.contents = read(file);
        this.checkedAt = clock.millis();
    }

    public DirectoryFile(Path file) {
        this(file, java.time.Clock.systemUTC(), DEFAULT_RECHECK_MILLIS);
    }

    @Override
    public Optional<Set<String>> groupsOf(Identity person) {
        if (person.email().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(current().byEmail().get(person.email()));
    }

    @Override
    public Set<String> everyone() {
        return current().everyone();
    }

    /** How many people the file names (for a log line). */
    public int size() {
        return current().byEmail().size();
    }

    private Contents current() {
        long now = clock.millis();
        if (now - checkedAt >= recheckMillis) {
            checkedAt = now;
            Contents known = contents;
            Object key = fileKey(file);
            if (key != null && !key.equals(known.fileKey())) {
                try {
                    contents = read(file);
                    log.info(
                            "Directory file {} re-read: {} people",
                            file,
                            contents.byEmail().size());
                } catch (DocentException e) {
                    log.error("{}; the previous contents stay in force", e.getMessage());
                    contents = new Contents(known.byEmail(), known.everyone(), key);
                }
            }
        }
        return contents;
    }

    private static Object fileKey(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.lastModifiedTime().toMillis() + ":" + attributes.size();
        } catch (IOException e) {
            return null; // gone for a moment (an editor's save): keep what we have
        }
    }

    static Contents read(Path file) {
        Object key = fileKey(file);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new DocentException.InvalidInput("The directory file " + file + " cannot be read: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "it does not exist" : e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw invalid(file, "it must be a JSON object with \"people\" and \"everyone\"");
        }
        Map<String, Set<String>> byEmail = new HashMap<>();
        JsonNode people = root.path("people");
        if (!people.isMissingNode() && !people.isArray()) {
            throw invalid(file, "\"people\" must be an array");
        }
        int i = 0;
        for (JsonNode person : people) {
            String where = "people[" + i++ + "]";
            String email = person.path("email").asText("").strip().toLowerCase(Locale.ROOT);
            if (email.isEmpty() || !email.contains("@")) {
                throw invalid(file, where + ".email must be an email address");
            }
            Set<String> groups = strings(file, person.path("groups"), where + ".groups");
            byEmail.merge(email, groups, (a, b) -> {
                Set<String> both = new LinkedHashSet<>(a);
                both.addAll(b);
                return Set.copyOf(both);
            });
        }
        Set<String> everyone = strings(file, root.path("everyone"), "everyone");
        return new Contents(Map.copyOf(byEmail), everyone, key);
    }

    private static Set<String> strings(Path file, JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return Set.of();
        }
        if (!node.isArray()) {
            throw invalid(file, where + " must be an array of group names");
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode value : node) {
            String group = value.isTextual() ? value.asText().strip() : "";
            if (group.isEmpty()) {
                throw invalid(file, where + " must hold non-empty strings");
            }
            if (group.startsWith(AccessGroups.RESERVED_PREFIX)) {
                throw invalid(file, where + ": \"" + group + "\" is reserved for Docent");
            }
            values.add(group);
        }
        return Set.copyOf(values);
    }

    private static DocentException invalid(Path file, String problem) {
        return new DocentException.InvalidInput("The directory file " + file + " is malformed: " + problem);
    }
}
