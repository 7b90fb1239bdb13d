package io.docent.app.bench;

import io.docent.core.Chunk;
import io.docent.core.lucene.LuceneSearchIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;

/**
 * Rewrites an evaluation index into a new directory with the current field layout, reusing its stored chunks and
 * vectors instead of embedding the corpus again (SciFact takes several minutes to embed on 2 cores; this takes
 * seconds). For trying index-layout variants against the same vectors. Not a test.
 *
 * <pre>java -cp ... io.docent.app.bench.FusionReindex OLD_INDEX_DIR NEW_INDEX_DIR MODEL_NAME DIMENSION</pre>
 */
public final class FusionReindex {

    public static void main(String[] args) throws IOException {
        Map<String, List<Chunk>> byDocument = new LinkedHashMap<>();
        try (var directory = FSDirectory.open(Path.of(args[0]));
                var reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                var stored = leaf.reader().storedFields();
                FloatVectorValues vectors = leaf.reader().getFloatVectorValues("vector");
                KnnVectorValues.DocIndexIterator it = vectors.iterator();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (leaf.reader().getLiveDocs() != null
                            && !leaf.reader().getLiveDocs().get(doc)) {
                        continue;
                    }
                    float[] vector = it.advance(doc) == doc
                            ? vectors.vectorValue(it.index()).clone()
                            : null;
                    Chunk chunk = chunk(stored.document(doc), vector);
                    byDocument
                            .computeIfAbsent(chunk.documentId(), d -> new ArrayList<>())
                            .add(chunk);
                }
            }
        }
        try (var index = LuceneSearchIndex.builder(Path.of(args[1]))
                .embeddingModel(args[2], Integer.parseInt(args[3]))
                .recreate()
                .open()) {
            byDocument.forEach(index::replaceDocument);
            System.out.printf(
                    "%d documents, %d chunks written to %s%n", byDocument.size(), index.chunkCount(), args[1]);
        }
    }

    private static Chunk chunk(Document doc, float[] vector) {
        String modified = doc.get("last_modified");
        return new Chunk(
                doc.get("id"),
                doc.get("document_id"),
                doc.get("source"),
                doc.get("space"),
                doc.get("title"),
                doc.get("url"),
                doc.get("breadcrumb"),
                doc.get("text"),
                doc.getField("ordinal").numericValue().intValue(),
                doc.get("content_hash"),
                modified == null ? null : Instant.parse(modified),
                Set.of(doc.getValues("access_group")),
                vector);
    }
}
