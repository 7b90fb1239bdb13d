package io.docent.core.pipeline;

import io.docent.core.Turn;
import java.util.List;

/**
 * Stage 2: turns a follow-up ("and for contractors?") into a query that stands alone, using the history. A first
 * question, or one that already stands alone, comes back unchanged.
 */
public interface QueryRewriter {

    String standalone(String question, List<Turn> history);
}
