package io.docent.app.bench;

import io.docent.app.eval.BeirDataset;
import io.docent.app.eval.RetrievalEvaluator;
import io.docent.core.SearchMode;
import io.docent.core.lucene.LuceneSearchIndex;
import io.docent.core.onnx.CachingEmbedder;
import io.docent.core.onnx.OnnxEmbedder;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Hybrid quality for several fusion settings over an index that {@code docent eval} already built (the query
 * embeddings are cached after the first setting, so latency figures here are not meaningful). Not a test.
 *
 * <pre>java -cp ... io.docent.app.bench.FusionSweep DATASET_DIR SPLIT INDEX_DIR</pre>
 */
public final class FusionSweep {

    public static void main(String[] args) {
        BeirDataset data = BeirDataset.load(Path.of(args[0]), args[1], System.err::println);
        var embedder = new CachingEmbedder(new OnnxEmbedder());
        for (int k : new int[] {60, 20}) {
            for (double weight : new double[] {1.0, 1.5, 2.0, 3.0}) {
                try (var index = LuceneSearchIndex.builder(Path.of(args[2]))
                        .embeddingModel(embedder.modelName(), embedder.dimension())
                        .rrfK(k)
                        .vectorWeight(weight)
                        .open()) {
                    var result = new RetrievalEvaluator(index, embedder).evaluate(data, SearchMode.HYBRID);
                    System.out.printf(
                            Locale.ROOT,
                            "k=%d vectorWeight=%.1f nDCG@10=%.4f R@100=%.4f MRR@10=%.4f%n",
                            k,
                            weight,
                            result.ndcg10(),
                            result.recall100(),
                            result.mrr10());
                }
            }
        }
    }
}
