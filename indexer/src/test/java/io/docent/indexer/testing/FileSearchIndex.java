package io.docent.indexer.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docent.core.Chunk;
import io.docent.core.DocentException;
import io.docent.core.IndexedDocument;
import io.docent.core.SearchHit;
import io.docent.core.SearchIndex;
import io.docent.core.SearchRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A durable test double of {@link SearchIndex}: one JSON file per document in a folder, replaced by writing a
 * temporary file and renaming it over the old one, so a document is replaced atomically even when the process is
 * killed mid-write (a torn temporary file is ignored). Just enough of an on-disk index to run the kill -9
 * convergence test until {@code LuceneSearchIndex} can take its place; search is a stub.
 */
public final class FileSearchIndex implements SearchIndex {

    /** The factory a child JVM instantiates by name. */
    public static final class Factory implements SearchIndexFactory {
        @Override
        public SearchIndex open(Path folder) {
            return new FileSearchIndex(folder);
        }
    }

    private record StoredChunk(
            String id,
            String documentId,
            String source,
            String space,
            String title,
            String url,
            String breadcrumb,
            String text,
            int ordinal,
            String contentHash,
            String lastModified,
            Set<String> accessGroups,
            float[] embedding) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    public FileSearchIndex(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new DocentException.IndexUnavailable("cannot create " + folder, e);
        }
    }

    @Override
    public synchronized void replaceDocument(String documentId, List<Chunk> chunks) {
        Path file = fileOf(documentId);
        try {
            if (chunks.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            List<StoredChunk> stored =
                    chunks.stream().map(FileSearchIndex::store).toList();
            Path temp = folder.resolve(file.getFileName() + ".tmp");
            Files.writeString(temp, JSON.writeValueAsString(stored), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DocentException("cannot write " + file, e);
        }
    }

    @Override
    public synchronized void deleteDocument(String documentId) {
        replaceDocument(documentId, List.of());
    }

    @Override
    public synchronized List<IndexedDocument> listDocuments(String source) {
        List<IndexedDocument> out = new ArrayList<>();
        for (List<StoredChunk> doc : all()) {
            StoredChunk first = doc.getFirst();
            if (first.source().equals(source)) {
                out.add(new IndexedDocument(first.documentId(), source, first.contentHash(), doc.size()));
            }
        }
        return out;
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        return List.of();
    }

    @Override
    public synchronized long chunkCount() {
        return all().stream().mapToLong(List::size).sum();
    }

    @Override
    public void close() {}

    private List<List<StoredChunk>> all() {
        try (Stream<Path> files = Files.list(folder)) {
            List<List<StoredChunk>> docs = new ArrayList<>();
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                docs.add(JSON.readValue(f.toFile(), new TypeReference<List<StoredChunk>>() {}));
            }
            return docs;
        } catch (IOException e) {
            throw new DocentException("cannot read " + folder, e);
        }
    }

    private Path fileOf(String documentId) {
        return folder.resolve(HexFormat.of().formatHex(documentId.getBytes(StandardCharsets.UTF_8)) + ".json");
    }

    private static StoredChunk store(Chunk c) {
        return new StoredChunk(
                c.id(),
                c.documentId(),
                c.source(),
                c.space(),
                c.title(),
                c.url(),
                c.breadcrumb(),
                c.text(),
                c.ordinal(),
                c.contentHash(),
                c.lastModified() == null ? null : c.lastModified().toString(),
                c.accessGroups(),
                c.embedding());
    }

    static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
