package io.docent.core.azure;

import io.docent.core.SearchIndex;
import io.docent.core.SearchIndexContract;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared contract, against the fake Azure AI Search service on 127.0.0.1 (over https, with an api-key). */
class AzureSearchIndexTest extends SearchIndexContract {

    static final String MODEL = "test-model";
    private static final AtomicInteger INDEXES = new AtomicInteger();

    static FakeSearchService service;

    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    String indexName;

    @BeforeAll
    static void startService() {
        service = new FakeSearchService();
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    /** A fresh index per test, on the one service of the class. */
    @Override
    protected SearchIndex createIndex() {
        indexName = "contract-" + INDEXES.incrementAndGet();
        return reopenIndex();
    }

    @Override
    protected SearchIndex reopenIndex() {
        return AzureSearchIndex.builder(settings(service, indexName))
                .embeddingModel(MODEL, DIMENSION)
                .httpClient(TestTls.get().httpClient())
                .sleeper(sleeps::add)
                .open();
    }

    /** The service keeps dates to the millisecond. */
    @Override
    protected Instant storedInstant(Instant written) {
        return written.truncatedTo(ChronoUnit.MILLIS);
    }

    /** No transactions: new chunks are written before stale ones are deleted (see AzureSearchIndex). */
    @Override
    protected boolean replacesAtomically() {
        return false;
    }

    static AzureSearchSettings settings(FakeSearchService service, String indexName) {
        return new AzureSearchSettings(
                service.endpoint(), indexName, FakeSearchService.API_KEY, false, "en.lucene", false);
    }
}
