package io.docent.core.pipeline;

import io.docent.core.AnswerGenerator.Source;
import io.docent.core.AnswerProgress;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 6 while the answer is being written: takes the draft as the generator writes it and passes to an {@link
 * AnswerProgress} only what the citation check has settled. Each time, the {@linkplain CitationChecker#settled
 * settled part} of the draft goes through the same {@link CitationChecker#check} and {@link SafeMarkdown} as the
 * final draft, so markers are numbered as the final answer numbers them, a marker to a source that was not given
 * never appears, and every text passed on is the beginning of the final answer's text. Checking the whole settled
 * text again at each token costs microseconds for answers of a few thousand characters, and leaves one place where
 * the rules are written.
 *
 * <p>A progress that throws is logged once and not called again: a surface's failure never stops the answer.
 */
final class StreamingCitations implements Consumer<String> {

    private static final Logger log = LoggerFactory.getLogger(StreamingCitations.class);

    private final CitationChecker checker;
    private final List<Source> sources;
    private final AnswerProgress progress;
    private String shown = "";
    private boolean broken;

    StreamingCitations(CitationChecker checker, List<Source> sources, AnswerProgress progress) {
        this.checker = checker;
        this.sources = sources;
        this.progress = progress;
    }

    @Override
    public void accept(String draftSoFar) {
        if (broken) {
            return;
        }
        String text = SafeMarkdown.neutralise(
                checker.check(checker.settled(draftSoFar), sources).text());
        if (text.length() <= shown.length() || !text.startsWith(shown)) {
            return; // nothing new settled (the second test guards the contract against a rule this class missed)
        }
        shown = text;
        try {
            progress.written(text);
        } catch (RuntimeException e) {
            broken = true;
            log.warn("The answer in progress could not be shown; the final answer still will be", e);
        }
    }
}
