package io.docent.indexer.testing;

import io.docent.core.SourceDocument;
import io.docent.indexer.DocumentReader;
import io.docent.indexer.Permissions;
import io.docent.indexer.ReadFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A {@link DocumentReader.Sink} that keeps everything it is given, for assertions. */
public final class CollectingSink implements DocumentReader.Sink {

    public final List<SourceDocument> documents = new ArrayList<>();
    public final List<ReadFailure> failures = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    public final List<String> skipped = new ArrayList<>();
    public int expected = -1;

    public static CollectingSink read(DocumentReader reader) {
        CollectingSink sink = new CollectingSink();
        reader.read("test", sink);
        return sink;
    }

    @Override
    public void expect(int entries) {
        expected = entries;
    }

    @Override
    public void document(SourceDocument document) {
        documents.add(document);
    }

    @Override
    public void failed(ReadFailure failure) {
        failures.add(failure);
    }

    @Override
    public void skipped(String path, String reason) {
        skipped.add(path);
    }

    @Override
    public void warning(String path, String message) {
        warnings.add(path + ": " + message);
    }

    /** The warnings other than "permissions unknown", for tests about something else. */
    public List<String> warningsBesidesPermissions() {
        return warnings.stream().filter(w -> !w.contains(Permissions.UNKNOWN)).toList();
    }

    public Map<String, SourceDocument> byId() {
        return documents.stream().collect(Collectors.toMap(SourceDocument::id, Function.identity()));
    }

    public SourceDocument get(String id) {
        SourceDocument doc = byId().get(id);
        if (doc == null) {
            throw new AssertionError("no document " + id + " in " + byId().keySet());
        }
        return doc;
    }
}
