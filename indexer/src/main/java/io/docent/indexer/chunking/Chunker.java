package io.docent.indexer.chunking;

import io.docent.core.Chunk;
import io.docent.core.SourceDocument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Cuts a {@link SourceDocument}'s Markdown-ish text into {@link Chunk}s for retrieval.
 *
 * <h2>How</h2>
 *
 * The text is read into units (headings, sentences, list items, table rows, code blocks; see {@code UnitParser}) and
 * units are packed greedily into chunks. A chunk is closed before the next unit when that unit would take it over
 * {@link ChunkerSettings#maxTokens}, when it has reached {@link ChunkerSettings#targetTokens}, or when the next unit
 * is a heading and the chunk already holds {@link ChunkerSettings#minTokens}: chunks prefer to end where a section
 * ends. So:
 *
 * <ul>
 *   <li>A table row or code block is never cut. A table that does not fit is split between rows and its header row
 *       is repeated at the top of every chunk that continues it, so each piece still says what its columns mean. A
 *       single row larger than a chunk stays whole, as one oversized chunk (the embedder sees its start, keyword
 *       search all of it). A code block larger than a chunk is the one exception: it is cut between lines (inside a
 *       line only if that line alone is too long) and each piece is fenced again.
 *   <li>Every chunk carries a breadcrumb: the document's ancestors, then the headings over its text (the headings
 *       all of its own units share, when it spans sections). The title and breadcrumb are embedded with the text
 *       ({@link Chunk#textForEmbedding()}), which is why the sizes count them.
 *   <li>A cut inside a section repeats up to {@link ChunkerSettings#overlapTokens} of whole sentences, list items or
 *       rows from the end of the chunk before, so a sentence that leans on the one before it is still understood; a
 *       cut at a heading needs no overlap.
 *   <li>Tiny fragments do not become chunks of their own: a short section runs on into the next, and a chunk left
 *       short (the last one, or one cut before a large block) is merged into its predecessor when they fit. A document with no text becomes one chunk
 *       holding its title, so it can still be found by name and its hash is recorded in the index.
 *   <li>A document whose text is marked with places ({@code <!--docent:page=N-->}, {@code <!--docent:slide=N-->}
 *       lines, from the PDF and slide readers) gives each chunk the URL of the place where its own text starts
 *       ({@code file.pdf#page=3}); the markers never reach a chunk's text. A page or slide boundary is a place to cut,
 *       as a heading is, once the chunk holds a sixth of {@link ChunkerSettings#minTokens}, and a chunk that starts
 *       a page is not merged into the page before: a short slide stays a chunk of its own, citing its slide.
 *   <li>Sizes are estimated as the sum of the units' tokens, each with its separator; byte-pair counts are close to
 *       additive at whitespace boundaries, and the tests check the real count of every chunk against the maximum.
 * </ul>
 *
 * <h2>Why these sizes</h2>
 *
 * The default aims at 350 to 500 tokens of the embedding model (bge-small-en-v1.5): big enough for a passage to hold
 * one whole answer (a policy rule with its exceptions, a procedure with its steps), small enough that a chunk is
 * about one thing, so its vector is not an average of several topics and a citation points at the right place; and
 * under bge's hard limit of 512 tokens, past which the model silently ignores the rest. Sizes are counted with
 * {@code cl100k_base} ({@link TokenCounter#cl100k()}), which needs no model files; bge's WordPiece produces about 1.1
 * to 1.3 times as many tokens, so the defaults (target 300, max 380) land at roughly 330 to 494 WordPiece tokens and
 * leave room under 512 even at the high ratio. Overlap is 12% of the target. The sizes are settings, so retrieval
 * quality can be measured at other sizes ({@link ChunkerSettings#forTarget}, {@code docent eval --chunk-tokens}).
 * Measured on SciFact (docs/benchmarks.md, "Chunk size"), targets 150, 300 and 450 scored hybrid nDCG@10 0.746,
 * 0.754 and 0.751: 300 is best, but within noise, so retrieval there does not pick the size; the reasons above do.
 *
 * <p>Thread-safe: a chunker holds no state between documents.
 */
public final class Chunker {

    private final ChunkerSettings settings;
    private final TokenCounter counter;

    /** The default sizes, counted with {@code cl100k_base}. */
    public Chunker() {
        this(ChunkerSettings.DEFAULT);
    }

    public Chunker(ChunkerSettings settings) {
        this(settings, TokenCounter.cl100k());
    }

    public Chunker(ChunkerSettings settings, TokenCounter counter) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.counter = Objects.requireNonNull(counter, "counter");
    }

    public ChunkerSettings settings() {
        return settings;
    }

    /** The document's chunks in order, ids {@code documentId#ordinal}, without embeddings; never empty. */
    public List<Chunk> chunk(SourceDocument doc) {
        Map<List<String>, Integer> prefixCache = new HashMap<>();
        Function<List<String>, Integer> prefixTokens =
                headings -> prefixCache.computeIfAbsent(headings, h -> prefixTokens(doc, h));
        int proseLimit = Math.max(8, settings.targetTokens() / 2);
        int codeLimit = Math.max(16, settings.maxTokens() - prefixTokens.apply(List.of()) - 8);
        List<ChunkUnit> units = new UnitParser(counter, doc.title(), proseLimit, codeLimit).parse(doc.content());
        if (units.isEmpty()) {
            return List.of(toChunk(doc, 0, doc.title(), List.of(), null));
        }
        List<Draft> drafts = new Packer(settings, units, prefixTokens).pack();
        return IntStream.range(0, drafts.size())
                .mapToObj(i -> toChunk(
                        doc,
                        i,
                        drafts.get(i).text(),
                        drafts.get(i).headings(),
                        drafts.get(i).place()))
                .toList();
    }

    /** Tokens of the title and breadcrumb that {@link Chunk#textForEmbedding()} puts before the text. */
    private int prefixTokens(SourceDocument doc, List<String> headings) {
        String breadcrumb = breadcrumb(doc, headings);
        String prefix = doc.title() + (breadcrumb.isEmpty() ? "" : " (" + breadcrumb + ")") + "\n";
        return counter.count(prefix) + 1;
    }

    private static String breadcrumb(SourceDocument doc, List<String> headings) {
        return Stream.concat(doc.breadcrumb().stream(), headings.stream()).collect(Collectors.joining(" > "));
    }

    /**
     * The document's URL pointing at {@code place} ({@code file.pdf#page=3}), which a browser's PDF viewer opens at and
     * a citation shows as "p. 3"; a URL that already has a fragment (a Confluence page's anchor) is kept as it is.
     */
    static String urlAt(String url, String place) {
        if (url == null || url.isBlank() || place == null || url.indexOf('#') >= 0) {
            return url;
        }
        return url + "#" + place;
    }

    private static Chunk toChunk(SourceDocument doc, int ordinal, String text, List<String> headings, String place) {
        return new Chunk(
                doc.id() + "#" + ordinal,
                doc.id(),
                doc.source(),
                doc.space(),
                doc.title(),
                urlAt(doc.url(), place),
                breadcrumb(doc, headings),
                text,
                ordinal,
                doc.contentHash(),
                doc.lastModified(),
                doc.accessGroups(),
                null);
    }
}
