package io.docent.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docent.app.AnswerJson;
import io.docent.core.Answer;
import io.docent.core.Citation;
import io.docent.core.SearchHit;
import io.docent.core.pipeline.RelevanceGate;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Renders an {@link Answer} for a terminal (text) or for a program (one JSON object). */
final class AnswerPrinter {

    /**
     * What {@code ask} and {@code chat} print on stderr: the command line is the operator, who sees every document,
     * so that nobody takes its answer for what an employee would be told. Never on stdout, which {@code --json} owns.
     */
    static final String AS_ADMINISTRATOR = "docent: answering as administrator: all documents, permissions not applied";

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private AnswerPrinter() {}

    /**
     * What follows an answer's text (printed by {@link TerminalAnswer}): its sources; with {@code explain}, the search
     * query, the retrieved passages and the timings, and when {@code gate} is given (it may be null), how the
     * relevance gate saw each passage: its coverage of the question, the rule's value (relevant at 0 or more), the
     * words it holds only as a synonym and those it lacks, which is what an administrator needs to see why Docent
     * answered or said "not found".
     */
    static void printAfterText(Answer answer, boolean explain, RelevanceGate gate, PrintWriter out) {
        if (!answer.citations().isEmpty()) {
            out.println();
            out.println(answer.status() == Answer.Status.NOT_FOUND ? "Closest sources:" : "Sources:");
            for (Citation c : answer.citations()) {
                out.println("  [" + c.number() + "] " + c.label() + (c.url().isEmpty() ? "" : " - " + c.url()));
            }
        }
        if (explain) {
            printExplain(answer, gate, out);
        }
        out.flush();
    }

    private static void printExplain(Answer answer, RelevanceGate gate, PrintWriter out) {
        out.println();
        out.println("Search query: " + answer.standaloneQuery());
        out.println("Retrieved passages (best first):");
        List<RelevanceGate.Evidence> seen = gate == null || answer.standaloneQuery() == null
                ? List.of()
                : gate.evidence(answer.standaloneQuery(), answer.evidence());
        List<SearchHit> hits = answer.evidence();
        for (int i = 0; i < hits.size(); i++) {
            SearchHit hit = hits.get(i);
            out.printf(
                    Locale.ROOT,
                    "  #%d score=%.4f similarity=%.3f keyword-rank=%s vector-rank=%s  %s%n",
                    i + 1,
                    hit.score(),
                    hit.similarity(),
                    rank(hit.textRank()),
                    rank(hit.vectorRank()),
                    hit.chunk().title()
                            + (hit.chunk().breadcrumb().isEmpty()
                                    ? ""
                                    : " (" + hit.chunk().breadcrumb() + ")"));
            out.println("      "
                    + io.docent.core.pipeline.CitationChecker.snippet(
                            hit.chunk().text()));
            if (!seen.isEmpty()) {
                printGate(seen.get(i), out);
            }
        }
        out.print("Timings:");
        answer.timings().forEach((stage, d) -> out.printf(Locale.ROOT, " %s=%.1fms", stage, d.toNanos() / 1e6));
        out.println();
    }

    private static void printGate(RelevanceGate.Evidence e, PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "      gate: %s (rule %+.2f, coverage %.2f)%s%s%n",
                e.relevant() ? "relevant" : "not relevant",
                e.logit(),
                e.coverage(),
                e.missing().isEmpty() ? "" : "; lacks " + String.join(", ", e.missing()),
                e.bySynonym().isEmpty() ? "" : "; as a synonym: " + String.join(", ", e.bySynonym()));
    }

    private static String rank(int rank) {
        return rank == 0 ? "-" : Integer.toString(rank);
    }

    /** One JSON object ({@link AnswerJson}); {@code explain} adds the evidence. */
    static void printJson(Answer answer, boolean explain, PrintWriter out) {
        ObjectNode root = AnswerJson.render(answer, explain);
        try {
            out.println(JSON.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}
