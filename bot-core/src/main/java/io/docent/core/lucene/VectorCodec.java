package io.docent.core.lucene;

import java.io.IOException;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;

/**
 * The codec: Lucene's default, with Docent's HNSW parameters and a higher dimension limit for the vector field.
 *
 * <p>Only writing needs this class. Every segment records the name of its vector format per field, and that name
 * is the wrapped Lucene format's own, so any reader (including Lucene's tools) opens the index with the stock
 * codec. The dimension limit is raised because Lucene's formats refuse more than 1,024 dimensions while hosted
 * embedding models produce 1,536 or 3,072.
 */
final class VectorCodec {

    /** Enough for every current embedding model (text-embedding-3-large has 3,072 dimensions). */
    static final int MAX_DIMENSIONS = 4096;

    private VectorCodec() {}

    static Codec create(IndexOptions options) {
        KnnVectorsFormat hnsw = options.quantized()
                ? new Lucene99HnswScalarQuantizedVectorsFormat(options.maxConn(), options.beamWidth())
                : new Lucene99HnswVectorsFormat(options.maxConn(), options.beamWidth());
        KnnVectorsFormat format = new HigherDimensions(hnsw);
        return new Lucene103Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return format;
            }
        };
    }

    /** Delegates everything but the dimension limit, under the delegate's name so that segments read back. */
    private static final class HigherDimensions extends KnnVectorsFormat {
        private final KnnVectorsFormat delegate;

        HigherDimensions(KnnVectorsFormat delegate) {
            super(delegate.getName());
            this.delegate = delegate;
        }

        @Override
        public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
            return delegate.fieldsWriter(state);
        }

        @Override
        public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
            return delegate.fieldsReader(state);
        }

        @Override
        public int getMaxDimensions(String fieldName) {
            return MAX_DIMENSIONS;
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
