package io.docent.core.azure;

import com.azure.core.util.Context;
import com.azure.search.documents.SearchClient;
import com.azure.search.documents.SearchDocument;
import com.azure.search.documents.indexes.models.IndexDocumentsBatch;
import com.azure.search.documents.models.IndexAction;
import com.azure.search.documents.models.IndexActionType;
import com.azure.search.documents.models.IndexDocumentsOptions;
import com.azure.search.documents.models.IndexingResult;
import io.docent.core.DocentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends index actions (upload, delete) in batches within the service's limits: at most {@code maxDocuments} per
 * request (the service allows 1,000) and at most {@code maxBytes} of JSON (the service allows 16 MB per request).
 *
 * <p>A batch is not atomic: the service applies each action on its own and answers 207 with a status per document
 * when some fail. Failures the service calls transient (409 conflict, 422 index busy, 429, 503) are sent again, alone,
 * with back-off; others (400: the document is bad) are not. Whatever still failed is reported after every batch was
 * tried, with the chunk ids, so one bad chunk does not stop the rest of a sync.
 */
final class DocumentWriter {

    static final int MAX_DOCUMENTS = 1_000;
    /** 16 MB is the service's limit; the margin covers the batch envelope and estimation error. */
    static final long MAX_BYTES = 15L * 1024 * 1024;

    private static final Set<Integer> RETRIABLE_ITEM = Set.of(409, 422, 429, 503);
    private static final IndexDocumentsOptions REPORT_FAILURES = new IndexDocumentsOptions().setThrowOnAnyError(false);

    /** One action on one document, with its estimated JSON size. */
    record Action(IndexActionType type, Map<String, Object> document, String key, long size) {

        static Action upload(Map<String, Object> document) {
            return new Action(
                    IndexActionType.UPLOAD,
                    document,
                    (String) document.get(ChunkFields.KEY),
                    ChunkFields.jsonSize(document));
        }

        static Action delete(String key) {
            return new Action(IndexActionType.DELETE, Map.of(ChunkFields.KEY, key), key, key.length() + 40L);
        }
    }

    private final SearchClient client;
    private final Retrier retrier;
    private final int maxDocuments;
    private final long maxBytes;

    DocumentWriter(SearchClient client, Retrier retrier, int maxDocuments, long maxBytes) {
        this.client = client;
        this.retrier = retrier;
        this.maxDocuments = maxDocuments;
        this.maxBytes = maxBytes;
    }

    /** Applies every action; throws once at the end if some could not be applied. */
    void write(List<Action> actions) {
        List<IndexingResult> failed = new ArrayList<>();
        for (List<Action> batch : batches(actions, maxDocuments, maxBytes)) {
            failed.addAll(send(batch));
        }
        if (!failed.isEmpty()) {
            throw failure(failed);
        }
    }

    /** Splits {@code actions}, in order, into batches of at most {@code maxDocuments} and {@code maxBytes}. */
    static List<List<Action>> batches(List<Action> actions, int maxDocuments, long maxBytes) {
        List<List<Action>> batches = new ArrayList<>();
        List<Action> current = new ArrayList<>();
        long bytes = 0;
        for (Action action : actions) {
            if (action.size() > maxBytes) {
                throw new DocentException.InvalidInput("chunk " + ChunkFields.chunkId(action.key()) + " is too large"
                        + " to index (" + action.size() + " bytes of JSON; a request may carry " + maxBytes + ")");
            }
            if (current.size() == maxDocuments || bytes + action.size() > maxBytes) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(action);
            bytes += action.size();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** Sends one batch, resending transient per-document failures; returns what still failed. */
    private List<IndexingResult> send(List<Action> batch) {
        List<Action> pending = batch;
        List<IndexingResult> permanent = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            List<Action> sending = pending;
            List<IndexingResult> failed = retrier
                    .call(() -> client.indexDocumentsWithResponse(toBatch(sending), REPORT_FAILURES, Context.NONE))
                    .getValue()
                    .getResults()
                    .stream()
                    .filter(r -> !r.isSucceeded())
                    .toList();
            List<IndexingResult> transientFailures = new ArrayList<>();
            for (IndexingResult result : failed) {
                (RETRIABLE_ITEM.contains(result.getStatusCode()) ? transientFailures : permanent).add(result);
            }
            if (transientFailures.isEmpty()) {
                return permanent;
            }
            if (attempt >= retrier.maxAttempts()) {
                permanent.addAll(transientFailures);
                return permanent;
            }
            retrier.backOff(attempt + 1);
            Set<String> retry =
                    transientFailures.stream().map(IndexingResult::getKey).collect(Collectors.toSet());
            pending = sending.stream().filter(a -> retry.contains(a.key())).toList();
        }
    }

    private static IndexDocumentsBatch<SearchDocument> toBatch(List<Action> actions) {
        List<IndexAction<SearchDocument>> indexActions = new ArrayList<>(actions.size());
        for (Action action : actions) {
            indexActions.add(new IndexAction<SearchDocument>()
                    .setActionType(action.type())
                    .setDocument(new SearchDocument(action.document())));
        }
        return new IndexDocumentsBatch<SearchDocument>().addActions(indexActions);
    }

    private static DocentException failure(List<IndexingResult> failed) {
        boolean allTransient = failed.stream().allMatch(r -> RETRIABLE_ITEM.contains(r.getStatusCode()));
        String examples = failed.stream()
                .limit(5)
                .map(r -> "chunk '" + ChunkFields.chunkId(r.getKey()) + "' (HTTP " + r.getStatusCode() + ": "
                        + r.getErrorMessage() + ")")
                .collect(Collectors.joining("; "));
        String message = failed.size() + " chunk(s) could not be written to the search index: " + examples
                + (failed.size() > 5 ? "; ..." : "");
        return allTransient
                ? new DocentException.Retriable(message + ". The service is busy: try again later.", null)
                : new DocentException.InvalidInput(message);
    }
}
