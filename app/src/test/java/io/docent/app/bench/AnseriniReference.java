package io.docent.app.bench;

import io.docent.app.eval.BeirDataset;
import io.docent.app.eval.RetrievalMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

/**
 * The reference Docent's BM25 is held to: Anserini's settings for BEIR "flat" indexes rebuilt with plain Lucene, no
 * Docent code in the path. One {@code contents} field (title, a space, text) analysed by {@link EnglishAnalyzer}
 * (Anserini's default English analyzer is the same chain: standard tokenizer, possessives, lower case, Lucene's
 * English stop words, Porter stemmer), BM25 with k1 0.9 and b 0.4, and queries as Anserini's
 * {@code BagOfWordsQueryGenerator} builds them (each distinct term boosted by its count), 1,000 hits deep. Anserini
 * does not publish SciFact's train split, so this program is how its figure is obtained. Not a test.
 *
 * <pre>java -cp ... io.docent.app.bench.AnseriniReference DATASET_DIR SPLIT</pre>
 */
public final class AnseriniReference {

    private static final String ID = "id";
    private static final String CONTENTS = "contents";

    public static void main(String[] args) throws IOException {
        BeirDataset data = BeirDataset.load(Path.of(args[0]), args[1], System.err::println);
        Path dir = Files.createTempDirectory("anserini-reference");
        Analyzer analyzer = new EnglishAnalyzer();
        try (var directory = FSDirectory.open(dir)) {
            var config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity(0.9f, 0.4f));
            try (var writer = new IndexWriter(directory, config)) {
                data.forEachDoc(doc -> {
                    Document d = new Document();
                    d.add(new StringField(ID, doc.id(), Field.Store.YES));
                    d.add(new TextField(CONTENTS, doc.title() + " " + doc.text(), Field.Store.NO));
                    try {
                        writer.addDocument(d);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            try (var reader = DirectoryReader.open(directory)) {
                var searcher = new IndexSearcher(reader);
                searcher.setSimilarity(new BM25Similarity(0.9f, 0.4f));
                var qrels = data.qrels().byQuery();
                double ndcg = 0;
                for (var query : data.queries().entrySet()) {
                    BooleanQuery.Builder q = new BooleanQuery.Builder();
                    bagOfWords(analyzer, query.getValue())
                            .forEach((term, count) -> q.add(
                                    new BoostQuery(new TermQuery(new Term(CONTENTS, term)), count), Occur.SHOULD));
                    List<String> ranked = new ArrayList<>();
                    for (ScoreDoc hit : searcher.search(q.build(), 1000).scoreDocs) {
                        ranked.add(searcher.storedFields().document(hit.doc).get(ID));
                    }
                    ndcg += RetrievalMetrics.ndcg(ranked, qrels.get(query.getKey()), 10);
                }
                System.out.printf(
                        Locale.ROOT,
                        "%s split %s: %d queries, Anserini-settings BM25 nDCG@10 = %.4f%n",
                        data.name(),
                        data.split(),
                        data.queries().size(),
                        ndcg / data.queries().size());
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Map<String, Float> bagOfWords(Analyzer analyzer, String text) throws IOException {
        Map<String, Float> terms = new LinkedHashMap<>();
        try (TokenStream tokens = analyzer.tokenStream(CONTENTS, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.merge(term.toString(), 1f, Float::sum);
            }
            tokens.end();
        }
        return terms;
    }
}
