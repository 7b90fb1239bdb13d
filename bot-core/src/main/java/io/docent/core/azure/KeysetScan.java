package io.docent.core.azure;

import com.azure.core.util.Context;
import com.azure.search.documents.SearchClient;
import com.azure.search.documents.SearchDocument;
import com.azure.search.documents.models.SearchOptions;
import com.azure.search.documents.models.SearchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads every document that matches a filter, a page at a time, ordered by key and continuing after the last key
 * seen ({@code id gt 'last'}). Unlike {@code $skip}, which the service caps at 100,000 and which slows down as it
 * grows, a keyset page costs the same at any depth, and documents added or removed meanwhile do not shift the pages.
 */
final class KeysetScan {

    static final int PAGE_SIZE = 1_000;

    private final SearchClient client;
    private final Retrier retrier;
    private final int pageSize;

    KeysetScan(SearchClient client, Retrier retrier, int pageSize) {
        this.client = client;
        this.retrier = retrier;
        this.pageSize = pageSize;
    }

    /** Calls {@code each} for every document matching {@code filter} (null: all), with the {@code fields} asked for. */
    void forEach(String filter, List<String> fields, Consumer<SearchDocument> each) {
        List<String> select = new ArrayList<>(fields);
        if (!select.contains(ChunkFields.KEY)) {
            select.add(ChunkFields.KEY);
        }
        String last = null;
        while (true) {
            String after = last == null ? null : ODataFilter.gt(ChunkFields.KEY, last);
            SearchOptions options = new SearchOptions()
                    .setFilter(ODataFilter.and(java.util.Arrays.asList(filter, after)))
                    .setOrderBy(ChunkFields.KEY + " asc")
                    .setSelect(select.toArray(String[]::new))
                    .setTop(pageSize);
            List<SearchDocument> page = retrier.call(() -> page(options));
            page.forEach(each);
            if (page.size() < pageSize) {
                return;
            }
            last = (String) page.getLast().get(ChunkFields.KEY);
        }
    }

    private List<SearchDocument> page(SearchOptions options) {
        List<SearchDocument> page = new ArrayList<>(pageSize);
        for (SearchResult result : client.search(null, options, Context.NONE)) {
            page.add(result.getDocument(SearchDocument.class));
            if (page.size() == pageSize) {
                break;
            }
        }
        return page;
    }
}
