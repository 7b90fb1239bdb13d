package io.docent.core.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh fake Azure AI Search service per test, and the ways tests open an index on it. */
abstract class FakeSearchSupport {

    static final String MODEL = "test-model";
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    FakeSearchService service;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final String indexName = "docent-" + NAMES.incrementAndGet();

    @BeforeEach
    void startService() {
        service = new FakeSearchService();
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    AzureSearchSettings settings() {
        return AzureSearchIndexTest.settings(service, indexName);
    }

    AzureSearchIndexBuilder builder(AzureSearchSettings settings) {
        return AzureSearchIndex.builder(settings)
                .embeddingModel(MODEL, 4)
                .httpClient(TestTls.get().httpClient())
                .sleeper(sleeps::add);
    }

    AzureSearchIndex open() {
        return builder(settings()).open();
    }

    List<JsonNode> bodies(String method, String pathPart) {
        return service.requests(method, pathPart).stream()
                .map(r -> {
                    try {
                        return JSON.readTree(r.body());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    JsonNode definition() {
        return service.index(indexName).definition;
    }

    JsonNode field(String name) {
        return service.index(indexName).field(name);
    }
}
