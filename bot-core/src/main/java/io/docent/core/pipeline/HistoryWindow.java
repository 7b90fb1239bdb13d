package io.docent.core.pipeline;

import io.docent.core.Turn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Stage 1: the conversation history, cut to a token budget. The newest turns are kept whole, walking backwards
 * until the budget is spent; one over-long turn (a pasted log) is truncated rather than dropping everything older.
 * Blank turns are dropped.
 */
public final class HistoryWindow {

    public static final int DEFAULT_MAX_TOKENS = 1_500;
    public static final int DEFAULT_MAX_TURN_TOKENS = 400;

    private final int maxTokens;
    private final int maxTurnTokens;

    public HistoryWindow(int maxTokens, int maxTurnTokens) {
        if (maxTokens < 0 || maxTurnTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 0 and maxTurnTokens >= 1");
        }
        this.maxTokens = maxTokens;
        this.maxTurnTokens = maxTurnTokens;
    }

    public HistoryWindow() {
        this(DEFAULT_MAX_TOKENS, DEFAULT_MAX_TURN_TOKENS);
    }

    /** The newest turns of {@code history} that fit, oldest first. */
    public List<Turn> apply(List<Turn> history) {
        List<Turn> kept = new ArrayList<>();
        int spent = 0;
        for (int i = history.size() - 1; i >= 0; i--) {
            Turn turn = history.get(i);
            String text = turn.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            text = Tokens.truncate(text, maxTurnTokens);
            int cost = Tokens.count(text);
            if (spent + cost > maxTokens) {
                break;
            }
            spent += cost;
            kept.add(new Turn(turn.role(), text));
        }
        Collections.reverse(kept);
        return kept;
    }
}
