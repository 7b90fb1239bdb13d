package io.docent.core.lucene;

import io.docent.core.IndexedDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * Lists a source's documents for incremental sync. It walks the source's postings and reads the document id and
 * content hash from doc values, counting by ordinal per segment: no stored field is decompressed and no string is
 * built per chunk, so a source of 100,000 chunks lists in milliseconds.
 */
final class DocumentListing {

    private DocumentListing() {}

    static List<IndexedDocument> list(IndexReader reader, String source) throws IOException {
        Map<String, IndexedDocument> documents = new HashMap<>();
        Term sourceTerm = new Term(ChunkDocuments.SOURCE, source);
        for (LeafReaderContext context : reader.leaves()) {
            LeafReader leaf = context.reader();
            PostingsEnum postings = leaf.postings(sourceTerm, PostingsEnum.NONE);
            if (postings != null) {
                listLeaf(leaf, postings, source, documents);
            }
        }
        return new ArrayList<>(documents.values());
    }

    /** How many distinct documents have at least one live chunk, from the document-id doc values. */
    static long count(IndexReader reader) throws IOException {
        java.util.Set<org.apache.lucene.util.BytesRef> ids = new java.util.HashSet<>();
        for (LeafReaderContext context : reader.leaves()) {
            LeafReader leaf = context.reader();
            SortedDocValues values = DocValues.getSorted(leaf, ChunkDocuments.DOCUMENT_ID);
            boolean[] seen = new boolean[values.getValueCount()];
            Bits live = leaf.getLiveDocs();
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                if (live == null || live.get(doc)) {
                    seen[values.ordValue()] = true;
                }
            }
            for (int ord = 0; ord < seen.length; ord++) {
                if (seen[ord]) {
                    ids.add(org.apache.lucene.util.BytesRef.deepCopyOf(values.lookupOrd(ord)));
                }
            }
        }
        return ids.size();
    }

    private static void listLeaf(
            LeafReader leaf, PostingsEnum postings, String source, Map<String, IndexedDocument> documents)
            throws IOException {
        SortedDocValues ids = DocValues.getSorted(leaf, ChunkDocuments.DOCUMENT_ID);
        SortedDocValues hashes = DocValues.getSorted(leaf, ChunkDocuments.CONTENT_HASH);
        int[] chunks = new int[ids.getValueCount()];
        int[] hashOrds = new int[ids.getValueCount()];
        Bits live = leaf.getLiveDocs();
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            if ((live != null && !live.get(doc)) || !ids.advanceExact(doc)) {
                continue;
            }
            int ord = ids.ordValue();
            chunks[ord]++;
            hashOrds[ord] = hashes.advanceExact(doc) ? hashes.ordValue() : -1;
        }
        for (int ord = 0; ord < chunks.length; ord++) {
            if (chunks[ord] == 0) {
                continue;
            }
            String id = ids.lookupOrd(ord).utf8ToString();
            String hash =
                    hashOrds[ord] < 0 ? "" : hashes.lookupOrd(hashOrds[ord]).utf8ToString();
            int count = chunks[ord];
            // a document's chunks are written as one block and stay in one segment; merging is for safety
            documents.merge(
                    id,
                    new IndexedDocument(id, source, hash, count),
                    (a, b) -> new IndexedDocument(id, source, a.contentHash(), a.chunkCount() + b.chunkCount()));
        }
    }
}
