package io.docent.core.azure;

import io.docent.core.Chunk;
import io.docent.core.SearchIndex;
import io.docent.core.SearchIndexContract;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The shared contract against a real Azure AI Search service: runs only when {@code AZURE_SEARCH_ENDPOINT} is set
 * (with {@code AZURE_SEARCH_API_KEY}, or an Entra ID sign-in), never in CI. Each test uses its own index, named
 * {@code docent-live-test-<n>}; the test deletes it afterwards.
 *
 * <p>The service makes writes searchable within about a second, not at once; the contract expects a write to be
 * visible when it returns, so the index under test waits, after each write, until the service shows it.
 */
@EnabledIfEnvironmentVariable(named = "AZURE_SEARCH_ENDPOINT", matches = ".+")
class AzureSearchIndexLiveTest extends SearchIndexContract {

    private final String indexName = "docent-live-test-" + System.nanoTime() % 1_000_000;

    @Override
    protected SearchIndex createIndex() {
        return reopenIndex();
    }

    @Override
    protected SearchIndex reopenIndex() {
        AzureSearchSettings settings = liveSettings();
        return new VisibleWrites(AzureSearchIndex.builder(settings)
                .embeddingModel("test-model", DIMENSION)
                .open());
    }

    @Override
    protected Instant storedInstant(Instant written) {
        return written.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    protected boolean replacesAtomically() {
        return false;
    }

    @AfterEach
    void deleteIndex() {
        AzureSearchSettings settings = liveSettings();
        AzureSearchIndex.builder(settings).indexClient().deleteIndex(indexName);
    }

    /** The live service: {@code AZURE_SEARCH_ENDPOINT}, and {@code AZURE_SEARCH_API_KEY} or else Entra ID. */
    private AzureSearchSettings liveSettings() {
        return new AzureSearchSettings(
                System.getenv("AZURE_SEARCH_ENDPOINT").strip().replaceAll("/+$", ""),
                indexName,
                System.getenv("AZURE_SEARCH_API_KEY"),
                false,
                null,
                false);
    }

    /** Waits after each write until searches show it (at most 30 s). */
    private record VisibleWrites(AzureSearchIndex index) implements SearchIndex {

        @Override
        public void replaceDocument(String documentId, List<Chunk> chunks) {
            index.replaceDocument(documentId, chunks);
            Set<String> expected = new HashSet<>();
            chunks.forEach(c -> expected.add(ChunkFields.key(c.id())));
            await(() -> index.searchableKeys(documentId).equals(expected));
        }

        @Override
        public void deleteDocument(String documentId) {
            index.deleteDocument(documentId);
            await(() -> index.searchableKeys(documentId).isEmpty());
        }

        @Override
        public List<io.docent.core.IndexedDocument> listDocuments(String source) {
            return index.listDocuments(source);
        }

        @Override
        public List<io.docent.core.SearchHit> search(io.docent.core.SearchRequest request) {
            return index.search(request);
        }

        @Override
        public long chunkCount() {
            return index.chunkCount();
        }

        @Override
        public void close() {
            index.close();
        }

        private static void await(java.util.function.BooleanSupplier visible) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!visible.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the service did not show a write within 30 s");
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }
}
