package io.docent.slack.format;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Objects;

/**
 * How an answer streamed into Slack ends ({@code chat.stopStream}): its whole text in Markdown, of which what was
 * streamed is a prefix, and the blocks shown under it (sources, notes, feedback buttons).
 */
public record StreamEnd(String markdown, List<LayoutBlock> blocks) {

    public StreamEnd {
        Objects.requireNonNull(markdown, "markdown");
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }
}
