package io.docent.core.lucene;

import io.docent.core.Chunk;
import io.docent.core.DocentException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

/**
 * The index schema: how a {@link Chunk} becomes a Lucene {@link Document} and back.
 *
 * <p>Identifiers and filter attributes are {@link StringField}s (exact terms); the document id and the content hash
 * also carry doc values so that {@link LuceneSearchIndex#listDocuments} can walk them column-wise without loading
 * stored fields. BM25 searches one analysed field, {@link #CONTENTS}: title, breadcrumb and text together, as
 * Anserini indexes BEIR ("flat" indexes): one length normalisation and one idf over all of a chunk's words. The
 * previous layout (separate title and text fields, a title boost, deduplicated query terms, Lucene's default k1 and
 * b) scored 0.654 nDCG@10 on SciFact train against 0.697 for contents alone, which matches Anserini's settings run on the
 * same split (docs/benchmarks.md). The title is also indexed on its own, for a small bonus ({@link
 * KeywordQuery#TITLE_BONUS}); the text is only stored, for display. Vectors are L2-normalised here, whatever the embedder
 * promised, so that {@link VectorSimilarityFunction#DOT_PRODUCT} is the cosine.
 */
final class ChunkDocuments {

    static final String ID = "id";
    static final String DOCUMENT_ID = "document_id";
    static final String SOURCE = "source";
    static final String SPACE = "space";
    static final String ACCESS_GROUP = "access_group";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String BREADCRUMB = "breadcrumb";
    /** The one field BM25 searches: title, breadcrumb and text, analysed, not stored. */
    static final String CONTENTS = "contents";

    static final String URL = "url";
    static final String ORDINAL = "ordinal";
    static final String CONTENT_HASH = "content_hash";
    static final String LAST_MODIFIED = "last_modified";
    static final String VECTOR = "vector";
    static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    /** 0 for a text-only index, which ignores embeddings. */
    private final int dimension;

    ChunkDocuments(int dimension) {
        this.dimension = dimension;
    }

    static Term documentTerm(String documentId) {
        return new Term(DOCUMENT_ID, documentId);
    }

    /** The Lucene documents of one document's chunks, validated before anything is written. */
    List<Document> toDocuments(String documentId, List<Chunk> chunks) {
        List<Document> documents = new ArrayList<>(chunks.size());
        Set<String> ids = new HashSet<>();
        for (Chunk chunk : chunks) {
            if (!chunk.documentId().equals(documentId)) {
                throw new DocentException.InvalidInput("chunk " + chunk.id() + " belongs to document "
                        + chunk.documentId() + ", not to " + documentId);
            }
            if (!ids.add(chunk.id())) {
                throw new DocentException.InvalidInput("chunk id " + chunk.id() + " appears twice in " + documentId);
            }
            documents.add(toDocument(chunk));
        }
        return documents;
    }

    private Document toDocument(Chunk chunk) {
        Document doc = new Document();
        doc.add(new StringField(ID, chunk.id(), Field.Store.YES));
        doc.add(new StringField(DOCUMENT_ID, chunk.documentId(), Field.Store.YES));
        doc.add(new SortedDocValuesField(DOCUMENT_ID, new BytesRef(chunk.documentId())));
        doc.add(new StringField(SOURCE, chunk.source(), Field.Store.YES));
        doc.add(new StringField(SPACE, chunk.space(), Field.Store.YES));
        for (String group : chunk.accessGroups()) {
            doc.add(new StringField(ACCESS_GROUP, group, Field.Store.YES));
        }
        doc.add(new TextField(TITLE, chunk.title(), Field.Store.YES));
        doc.add(new StoredField(TEXT, chunk.text()));
        doc.add(new StoredField(BREADCRUMB, chunk.breadcrumb()));
        doc.add(new TextField(CONTENTS, contents(chunk), Field.Store.NO));
        doc.add(new StoredField(URL, chunk.url()));
        doc.add(new StoredField(ORDINAL, chunk.ordinal()));
        doc.add(new StoredField(CONTENT_HASH, chunk.contentHash()));
        doc.add(new SortedDocValuesField(CONTENT_HASH, new BytesRef(chunk.contentHash())));
        if (chunk.lastModified() != null) {
            doc.add(new StoredField(LAST_MODIFIED, chunk.lastModified().toString()));
        }
        if (dimension > 0 && chunk.embedding() != null) {
            doc.add(new KnnFloatVectorField(VECTOR, unitVector(chunk.embedding(), "chunk " + chunk.id()), SIMILARITY));
        }
        return doc;
    }

    /** What BM25 sees of a chunk; a newline between parts so that no token spans two of them. */
    static String contents(Chunk chunk) {
        StringBuilder contents = new StringBuilder(chunk.title());
        if (!chunk.breadcrumb().isEmpty()) {
            contents.append('\n').append(chunk.breadcrumb());
        }
        return contents.append('\n').append(chunk.text()).toString();
    }

    /** A normalised copy of {@code vector}, checked against the index's dimension. */
    float[] unitVector(float[] vector, String what) {
        if (vector.length != dimension) {
            throw new DocentException.InvalidInput("the embedding of " + what + " has " + vector.length
                    + " dimensions but the index holds " + dimension + "-dimensional vectors");
        }
        float[] copy = vector.clone();
        for (float value : copy) {
            if (!Float.isFinite(value)) {
                throw new DocentException.InvalidInput("the embedding of " + what + " contains " + value);
            }
        }
        if (VectorUtil.dotProduct(copy, copy) == 0f) {
            throw new DocentException.InvalidInput("the embedding of " + what + " is all zeros");
        }
        return VectorUtil.l2normalize(copy);
    }

    /** The chunk stored in {@code doc}, without its embedding. */
    static Chunk toChunk(Document doc) {
        return new Chunk(
                doc.get(ID),
                doc.get(DOCUMENT_ID),
                doc.get(SOURCE),
                doc.get(SPACE),
                doc.get(TITLE),
                doc.get(URL),
                doc.get(BREADCRUMB),
                doc.get(TEXT),
                doc.getField(ORDINAL).numericValue().intValue(),
                doc.get(CONTENT_HASH),
                instant(doc.get(LAST_MODIFIED)),
                Set.copyOf(Arrays.asList(doc.getValues(ACCESS_GROUP))),
                null);
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
