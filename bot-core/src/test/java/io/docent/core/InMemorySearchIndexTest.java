package io.docent.core;

/** The in-memory index that other modules' tests use holds to the same contract as the real ones. */
class InMemorySearchIndexTest extends SearchIndexContract {

    private final InMemorySearchIndex created = new InMemorySearchIndex();

    @Override
    protected SearchIndex createIndex() {
        return created;
    }

    @Override
    protected SearchIndex reopenIndex() {
        return created;
    }
}
