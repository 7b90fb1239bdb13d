package io.docent.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.InMemorySearchIndex;
import io.docent.core.IndexedDocument;
import io.docent.core.SearchIndex;
import io.docent.indexer.files.FolderReader;
import io.docent.indexer.testing.ChildJvm;
import io.docent.indexer.testing.HashingEmbedder;
import io.docent.indexer.testing.SearchIndexFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill -9 test, for any durable {@link SearchIndex}: a child JVM syncs a changed export into the index and is
 * killed with SIGKILL at a random moment (no shutdown hook, no finally block); a fresh run in this JVM must then
 * leave the index exactly as an uninterrupted run would: the same documents with the same content hashes and chunk
 * counts, and no chunk more in all (no duplicates, no orphans).
 *
 * <p>Subclasses name the index: {@code FileSearchIndexKillNineTest} runs it against a file-per-document test double,
 * {@code LuceneSearchIndexKillNineTest} and {@code LuceneSearchIndexCommittingKillNineTest} against the real
 * {@code LuceneSearchIndex} (committed at the end of a sync, and every few writes).
 */
public abstract class KillNineConvergenceContract {

    private static final int ROUNDS = 4;
    private static final String BASE_URL = SyncChildMain.BASE_URL;

    @TempDir
    Path dir;

    /** A public class with a public no-argument constructor: the child JVM instantiates it by name. */
    protected abstract Class<? extends SearchIndexFactory> indexFactory();

    @Test
    @Timeout(300)
    void a_sync_killed_with_sigkill_at_a_random_moment_converges_on_the_next_run() throws Exception {
        Random random = new Random(42);
        Map<String, String> expected = reference();
        int killedMidRun = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path index = dir.resolve("index-" + round);
            Path export = dir.resolve("export-" + round);
            writeExport(export, "v1", 0);
            sync(index, export);
            writeExport(export, "v2", 1);

            try (ChildJvm child = ChildJvm.start(
                    SyncChildMain.class,
                    indexFactory().getName(),
                    index.toString(),
                    export.toString(),
                    "wiki",
                    "150")) {
                child.awaitLine("STARTED");
                Thread.sleep(100 + random.nextInt(900));
                child.kill9();
                killedMidRun += child.printed("DONE") ? 0 : 1;
            }
            sync(index, export);

            assertThat(state(index)).as("round " + round).isEqualTo(expected);
        }
        assertThat(killedMidRun)
                .as("rounds killed before the child's sync finished")
                .isPositive();
    }

    private void sync(Path indexFolder, Path export) throws Exception {
        SearchIndexFactory factory = indexFactory().getDeclaredConstructor().newInstance();
        try (SearchIndex index = factory.open(indexFolder)) {
            SourceSync.builder(index, new HashingEmbedder())
                    .batchSize(4)
                    .build()
                    .run("wiki", FolderReader.builder(export).baseUrl(BASE_URL).build());
        }
    }

    /** Document id to "hash/chunks", plus the total chunk count under "*". */
    private Map<String, String> state(Path indexFolder) throws Exception {
        try (SearchIndex index =
                indexFactory().getDeclaredConstructor().newInstance().open(indexFolder)) {
            return state(index);
        }
    }

    private static Map<String, String> state(SearchIndex index) {
        Map<String, String> state = new TreeMap<>();
        List<IndexedDocument> docs = index.listDocuments("wiki");
        for (IndexedDocument d : docs) {
            state.put(d.documentId(), d.contentHash() + "/" + d.chunkCount());
        }
        state.put("*", Long.toString(index.chunkCount()));
        return state;
    }

    /** What an uninterrupted v1 then v2 sync leaves, computed in memory. */
    private Map<String, String> reference() throws IOException {
        Path export = dir.resolve("reference");
        InMemorySearchIndex index = new InMemorySearchIndex();
        SourceSync sync =
                SourceSync.builder(index, new HashingEmbedder()).batchSize(4).build();
        writeExport(export, "v1", 0);
        sync.run("wiki", FolderReader.builder(export).baseUrl(BASE_URL).build());
        writeExport(export, "v2", 1);
        sync.run("wiki", FolderReader.builder(export).baseUrl(BASE_URL).build());
        return state(index);
    }

    /**
     * 40 Markdown files; in v2 every third changes, 4 are gone (10%) and 8 are new.
     *
     */
    private static void writeExport(Path export, String version, int generation) throws IOException {
        Files.createDirectories(export);
        for (int i = 0; i < 48; i++) {
            Path file = export.resolve("page-" + i + ".md");
            boolean exists = generation == 0 ? i < 40 : (i % 10 != 7);
            if (!exists) {
                Files.deleteIfExists(file);
                continue;
            }
            String v = generation == 1 && i % 3 == 0 ? version : "v1";
            StringBuilder body = new StringBuilder("# Page " + i + "\n\n");
            for (int n = 0; n < (i % 4 == 0 ? 60 : 4); n++) {
                body.append("Rule ")
                        .append(n)
                        .append(" of page ")
                        .append(i)
                        .append(" (")
                        .append(v)
                        .append(") covers request type ")
                        .append(n * 3)
                        .append(". ");
            }
            Files.writeString(file, body);
            Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
        }
    }
}
