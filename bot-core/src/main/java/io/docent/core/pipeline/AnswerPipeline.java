package io.docent.core.pipeline;

import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.core.Answer;
import io.docent.core.AnswerGenerator;
import io.docent.core.AnswerGenerator.Source;
import io.docent.core.AnswerProgress;
import io.docent.core.Answerer;
import io.docent.core.Citation;
import io.docent.core.DocentException;
import io.docent.core.Question;
import io.docent.core.Scope;
import io.docent.core.SearchHit;
import io.docent.core.Turn;
import io.docent.core.UserTexts;
import io.docent.core.access.AccessPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer pipeline of ARCHITECTURE.md, read top-down: one line per stage, each timed. It never throws for a
 * question: a failure becomes an {@link Answer.Status#FAILED} answer with an honest short text, and is logged.
 */
public final class AnswerPipeline implements Answerer {

    private static final Logger log = LoggerFactory.getLogger(AnswerPipeline.class);

    private final QuestionNormalizer normalizer;
    private final HistoryWindow historyWindow;
    private final QueryRewriter rewriter;
    private final Retriever retriever;
    private final RelevanceGate gate;
    private final AnswerGenerator generator;
    private final CitationChecker citationChecker;
    private final AccessPolicy access;
    private final Ticker ticker;

    private AnswerPipeline(Builder b) {
        this.normalizer = b.normalizer;
        this.historyWindow = b.historyWindow;
        this.rewriter = b.rewriter;
        this.retriever = b.retriever;
        this.gate = b.gate;
        this.generator = b.generator;
        this.citationChecker = b.citationChecker;
        this.access = b.access;
        this.ticker = b.ticker;
    }

    public static Builder builder(Retriever retriever, AnswerGenerator generator) {
        return new Builder(retriever, generator);
    }

    @Override
    public Answer answer(Question question) {
        return answer(question, AnswerProgress.NONE);
    }

    /**
     * With a generator that writes gradually (a language model), the answer's text reaches {@code progress} as it is
     * written, through the streaming citation check ({@link StreamingCitations}); the extractive generator, a
     * not-found, a refusal or a failure call it never. Should the generator end in a not-found or a refusal after
     * some text was passed on, the returned answer's text replaces it (surfaces replace the message).
     */
    @Override
    public Answer answer(Question question, AnswerProgress progress) {
        Objects.requireNonNull(progress, "progress");
        Map<String, Duration> timings = new LinkedHashMap<>();
        try {
            String text = time(timings, "normalize", () -> normalizer.normalize(question.text()));
            List<Turn> history = time(timings, "history", () -> historyWindow.apply(question.history()));
            String query = time(timings, "rewrite", () -> rewriter.standalone(text, history));
            Scope scope = time(timings, "access", () -> access.scopeFor(question));
            List<SearchHit> hits = time(timings, "retrieve", () -> retriever.retrieve(query, scope));
            RelevanceGate.Decision decision = time(timings, "gate", () -> gate.decide(query, hits));
            Answer answer = decision.answerable()
                    ? generate(text, query, history, decision, hits, timings, progress)
                    : notFound(query, decision.closest(), decision.unmatched(), hits, timings);
            boolean more = time(timings, "private", () -> moreInPrivate(question, query, scope, answer));
            return more ? answer.withMoreInPrivate() : answer;
        } catch (DocentException e) {
            String reference = UserTexts.newReference();
            log.warn("Question failed (reference {}): {}", reference, e.getMessage(), e);
            return failed(userMessage(e, reference), timings);
        } catch (RuntimeException e) {
            String reference = UserTexts.newReference();
            log.error("Question failed unexpectedly (reference {})", reference, e);
            return failed(UserTexts.failed(reference), timings);
        }
    }

    private Answer generate(
            String text,
            String query,
            List<Turn> history,
            RelevanceGate.Decision decision,
            List<SearchHit> hits,
            Map<String, Duration> timings,
            AnswerProgress progress) {
        List<Source> sources = numbered(decision.relevant());
        var request = new AnswerGenerator.Request(text, query, history, sources);
        if (progress != AnswerProgress.NONE && generator.writesGradually()) {
            announceWriting(progress);
        }
        AnswerGenerator.Draft draft = time(
                timings,
                "generate",
                () -> progress == AnswerProgress.NONE
                        ? generator.generate(request)
                        : generator.generate(request, new StreamingCitations(citationChecker, sources, progress)));
        if (!draft.grounded()) {
            return notFound(query, decision.relevant(), List.of(), hits, timings);
        }
        // a draft cut short keeps what was settled: no half-written marker or link at its end
        String written = draft.cutShort() ? citationChecker.settled(draft.text()) : draft.text();
        var checked = time(timings, "cite", () -> citationChecker.check(written, sources));
        String shown = SafeMarkdown.neutralise(checked.text());
        if (draft.cutShort()) {
            return cutShort(shown, checked.citations(), query, hits, timings);
        }
        return new Answer(shown, checked.citations(), Answer.Status.ANSWERED, query, hits, timings);
    }

    /** Tells the surface that words are coming; a surface that fails at it never stops the answer. */
    private static void announceWriting(AnswerProgress progress) {
        try {
            progress.writing();
        } catch (RuntimeException e) {
            log.warn("Could not show that the answer is being written; the answer goes on", e);
        }
    }

    /** What the model wrote before it stopped, and a note that says so; the reference is in the log. */
    private static Answer cutShort(
            String shown, List<Citation> citations, String query, List<SearchHit> hits, Map<String, Duration> timings) {
        String reference = UserTexts.newReference();
        log.warn(
                "Answer cut short (reference {}): the language model stopped writing after {} characters",
                reference,
                shown.length());
        if (shown.isBlank()) {
            return failed(UserTexts.cutShort(reference), timings);
        }
        String text = shown + "\n\n" + UserTexts.cutShort(reference);
        return new Answer(text, citations, Answer.Status.ANSWERED, query, hits, timings);
    }

    /**
     * Asked in a shared conversation: whether the asker's own documents hold a relevant passage that this
     * conversation may not see. Only the yes or no leaves here; the private hits are dropped.
     */
    private boolean moreInPrivate(Question question, String query, Scope shared, Answer answer) {
        Optional<Scope> own = access.privateScopeIfWider(question);
        if (own.isEmpty()) {
            return false;
        }
        RelevanceGate.Decision decision = gate.decide(query, retriever.retrieve(query, own.get()));
        return decision.answerable()
                && decision.relevant().stream()
                        .map(SearchHit::chunk)
                        .anyMatch(c -> !shared.admits(c.source(), c.space(), c.accessGroups()));
    }

    private <T> T time(Map<String, Duration> timings, String stage, Supplier<T> work) {
        long start = ticker.read();
        try {
            return work.get();
        } finally {
            timings.put(stage, Duration.ofNanos(ticker.read() - start));
        }
    }

    private static List<Source> numbered(List<SearchHit> hits) {
        return IntStream.range(0, hits.size())
                .mapToObj(i -> new Source(i + 1, hits.get(i)))
                .toList();
    }

    /** {@code unmatched}: the question's words no passage found holds, named in the text when there are any. */
    private static Answer notFound(
            String query,
            List<SearchHit> closest,
            List<String> unmatched,
            List<SearchHit> hits,
            Map<String, Duration> timings) {
        List<Citation> citations = new ArrayList<>();
        for (SearchHit hit : closest) {
            citations.add(CitationChecker.citation(citations.size() + 1, hit));
        }
        String text = UserTexts.NOT_FOUND
                + (unmatched.isEmpty() ? "" : " " + UserTexts.notMentioned(unmatched))
                + (citations.isEmpty() ? "" : " " + UserTexts.CLOSEST_SOURCES);
        return new Answer(text, citations, Answer.Status.NOT_FOUND, query, hits, timings);
    }

    private static Answer failed(String text, Map<String, Duration> timings) {
        return new Answer(text, List.of(), Answer.Status.FAILED, "", List.of(), timings);
    }

    /** The catalogue's words for a failure: never the exception's message, which is for the log. */
    private static String userMessage(DocentException e, String reference) {
        if (e instanceof DocentException.IndexUnavailable) {
            return UserTexts.indexUnavailable(reference);
        }
        if (e.isRetriable()) {
            return UserTexts.BUSY;
        }
        return UserTexts.failed(reference);
    }

    /** Stages default to their documented defaults; retriever and generator are required. */
    public static final class Builder {
        private final Retriever retriever;
        private final AnswerGenerator generator;
        private QuestionNormalizer normalizer = new QuestionNormalizer();
        private HistoryWindow historyWindow = new HistoryWindow();
        private QueryRewriter rewriter = new HeuristicQueryRewriter();
        private RelevanceGate gate = new RelevanceGate();
        private CitationChecker citationChecker = new CitationChecker();
        private AccessPolicy access = AccessPolicy.publicOnly();
        private Ticker ticker = Ticker.systemTicker();

        private Builder(Retriever retriever, AnswerGenerator generator) {
            this.retriever = Objects.requireNonNull(retriever, "retriever");
            this.generator = Objects.requireNonNull(generator, "generator");
        }

        public Builder normalizer(QuestionNormalizer normalizer) {
            this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
            return this;
        }

        public Builder historyWindow(HistoryWindow historyWindow) {
            this.historyWindow = Objects.requireNonNull(historyWindow, "historyWindow");
            return this;
        }

        public Builder rewriter(QueryRewriter rewriter) {
            this.rewriter = Objects.requireNonNull(rewriter, "rewriter");
            return this;
        }

        public Builder gate(RelevanceGate gate) {
            this.gate = Objects.requireNonNull(gate, "gate");
            return this;
        }

        public Builder citationChecker(CitationChecker citationChecker) {
            this.citationChecker = Objects.requireNonNull(citationChecker, "citationChecker");
            return this;
        }

        /** Who may see what; by default administrators see everything and everyone else public documents only. */
        public Builder access(AccessPolicy access) {
            this.access = Objects.requireNonNull(access, "access");
            return this;
        }

        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        public AnswerPipeline build() {
            return new AnswerPipeline(this);
        }
    }
}
