package io.docent.app;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docent.core.Answer;
import io.docent.core.Citation;
import io.docent.core.SearchHit;

/**
 * The one JSON form of an {@link Answer}, shared by {@code docent ask --json} and {@code POST /api/chat}:
 *
 * <pre>{@code
 * {"text": "...", "status": "ANSWERED", "standaloneQuery": "...", "inHistory": true,
 *  "citations": [{"n": 1, "title": "...", "location": "p. 3", "url": "...", "snippet": "..."}],
 *  "evidence": [{"title", "url", "breadcrumb", "score", "similarity", "keywordRank", "vectorRank", "text"}],
 *  "timings": {"retrieve": 6.2, ...}}
 * }</pre>
 *
 * <p>{@code evidence} (the passages retrieved, with their scores) is present only when asked for; a score that is not
 * a number (no vector, say) is {@code null}; timings are milliseconds per pipeline stage. {@code inHistory} says
 * whether a client keeping the conversation should send this answer back as a turn ({@link
 * Answer#belongsInHistory()}): the web page does so by it, with no rule of its own.
 */
public final class AnswerJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnswerJson() {}

    public static ObjectNode render(Answer answer, boolean withEvidence) {
        ObjectNode root = JSON.createObjectNode();
        root.put("text", answer.text());
        root.put("status", answer.status().name());
        root.put("standaloneQuery", answer.standaloneQuery());
        root.put("inHistory", answer.belongsInHistory());
        ArrayNode citations = root.putArray("citations");
        for (Citation c : answer.citations()) {
            citations
                    .addObject()
                    .put("n", c.number())
                    .put("title", c.title())
                    .put("location", c.location())
                    .put("url", c.url())
                    .put("snippet", c.snippet());
        }
        if (withEvidence) {
            ArrayNode evidence = root.putArray("evidence");
            for (SearchHit hit : answer.evidence()) {
                evidence.addObject()
                        .put("title", hit.chunk().title())
                        .put("url", hit.chunk().url())
                        .put("breadcrumb", hit.chunk().breadcrumb())
                        .put("score", finite(hit.score()))
                        .put("similarity", finite(hit.similarity()))
                        .put("keywordRank", hit.textRank())
                        .put("vectorRank", hit.vectorRank())
                        .put("text", hit.chunk().text());
            }
        }
        ObjectNode timings = root.putObject("timings");
        answer.timings().forEach((stage, d) -> timings.put(stage, d.toNanos() / 1e6));
        return root;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
