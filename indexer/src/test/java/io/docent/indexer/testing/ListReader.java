package io.docent.indexer.testing;

import io.docent.core.DocentException;
import io.docent.core.SourceDocument;
import io.docent.indexer.ContentHash;
import io.docent.indexer.DocumentReader;
import io.docent.indexer.ReadFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link DocumentReader} over a list the test controls: documents, failures, and optionally an exception after a
 * number of entries (a share that goes away in the middle of a read).
 */
public final class ListReader implements DocumentReader {

    private final List<Object> entries = new ArrayList<>();
    private int failAfter = -1;
    private RuntimeException failure;

    /** A document whose hash covers its title and content, as a real reader's does. */
    public static SourceDocument doc(String id, String content) {
        String title = "Title of " + id;
        return new SourceDocument(
                id,
                "reader-source",
                "",
                title,
                "https://wiki.example.com/" + id,
                List.of(),
                content,
                ContentHash.ofDocument(title, "", List.of(), "", content, List.of()),
                null,
                null,
                Map.of("path", "export/" + id));
    }

    public ListReader add(String id, String content) {
        entries.add(doc(id, content));
        return this;
    }

    public ListReader add(SourceDocument doc) {
        entries.add(doc);
        return this;
    }

    public ListReader fail(String id, String reason) {
        entries.add(new ReadFailure("export/" + id, id, reason));
        return this;
    }

    public ListReader failUnknown(String path, String reason) {
        entries.add(new ReadFailure(path, null, reason));
        return this;
    }

    public ListReader remove(String id) {
        entries.removeIf(e -> e instanceof SourceDocument d && d.id().equals(id));
        return this;
    }

    /** Throws {@code exception} from {@link #read} after {@code entries} entries. */
    public ListReader throwAfter(int entries, RuntimeException exception) {
        this.failAfter = entries;
        this.failure = exception;
        return this;
    }

    /** A reader whose export is missing altogether. */
    public static ListReader missing() {
        return new ListReader()
                .throwAfter(0, new DocentException.InvalidInput("Export folder /nowhere does not exist"));
    }

    @Override
    public String location() {
        return "list://test";
    }

    @Override
    public void read(String source, Sink sink) {
        if (failAfter != 0) {
            sink.expect(entries.size());
        }
        int n = 0;
        for (Object entry : entries) {
            if (n++ == failAfter) {
                throw failure;
            }
            switch (entry) {
                case SourceDocument d -> sink.document(d);
                case ReadFailure f -> sink.failed(f);
                default -> throw new IllegalStateException(String.valueOf(entry));
            }
        }
        if (n == failAfter) {
            throw failure;
        }
    }
}
