package io.docent.indexer.sync;

import io.docent.core.Embedder;
import io.docent.core.SearchIndex;
import io.docent.indexer.files.FolderReader;
import io.docent.indexer.testing.HashingEmbedder;
import io.docent.indexer.testing.SearchIndexFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * Test helper run in a child JVM by {@link KillNineConvergenceContract}: syncs a folder into an index opened by a
 * {@link SearchIndexFactory} named on the command line, slowly (a pause per embedding batch), so the parent can
 * kill it with SIGKILL somewhere in the middle.
 *
 * <p>Arguments: factory class, index folder, export folder, source name, milliseconds to pause per batch.
 */
public final class SyncChildMain {

    /** URLs, and so content hashes, must not depend on where the export folder is. */
    static final String BASE_URL = "https://wiki.example.com/";

    private SyncChildMain() {}

    public static void main(String[] args) throws Exception {
        SearchIndexFactory factory = (SearchIndexFactory)
                Class.forName(args[0]).getDeclaredConstructor().newInstance();
        long pause = Long.parseLong(args[4]);
        HashingEmbedder real = new HashingEmbedder();
        Embedder slow = new Embedder() {
            @Override
            public String modelName() {
                return real.modelName();
            }

            @Override
            public int dimension() {
                return real.dimension();
            }

            @Override
            public List<float[]> embedPassages(List<String> texts) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return real.embedPassages(texts);
            }

            @Override
            public float[] embedQuery(String query) {
                return real.embedQuery(query);
            }
        };
        try (SearchIndex index = factory.open(Path.of(args[1]))) {
            System.out.println("STARTED");
            System.out.flush();
            SyncResult result = SourceSync.builder(index, slow)
                    .batchSize(4)
                    .build()
                    .run(
                            args[3],
                            FolderReader.builder(Path.of(args[2]))
                                    .baseUrl(BASE_URL)
                                    .build());
            System.out.println("DONE " + result.summary());
        }
    }
}
