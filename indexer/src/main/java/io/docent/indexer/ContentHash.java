package io.docent.indexer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * SHA-256 content hashes for incremental sync. Each part is written with its length in front, so moving text from
 * one field to another ("a" + "bc" versus "ab" + "c") changes the hash.
 */
public final class ContentHash {

    private ContentHash() {}

    /**
     * The hash of everything a reader puts into a document that affects its chunks: normalised content, title,
     * space, breadcrumb, URL and access groups (sorted, so set order does not matter). The last-modified time is left
     * out on purpose: a file copied or touched without changes must not be re-embedded.
     *
     * <p>The version tag in front changes whenever what readers put into a document changes meaning, so that the
     * next sync rewrites every document once: {@code doc-v2} came with fail-closed access groups (a document without
     * groups is for administrators only), so no chunk keeps the groups of the old rule.
     */
    public static String ofDocument(
            String title,
            String space,
            List<String> breadcrumb,
            String url,
            String content,
            Collection<String> accessGroups) {
        return of(
                "doc-v2",
                title,
                space,
                String.join("\u001f", breadcrumb),
                url,
                content,
                String.join("\u001f", new TreeSet<>(accessGroups)));
    }

    /** The hex SHA-256 of the parts, each framed by its length; a {@code null} part counts as empty. */
    public static String of(String... parts) {
        MessageDigest digest = sha256();
        for (String part : parts) {
            byte[] bytes = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
