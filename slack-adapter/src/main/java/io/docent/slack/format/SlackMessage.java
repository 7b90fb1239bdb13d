package io.docent.slack.format;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Objects;

/**
 * A message ready for {@code chat.postMessage}: the {@code text} Slack shows in notifications and where blocks
 * cannot be shown, and the blocks (possibly none).
 */
public record SlackMessage(String text, List<LayoutBlock> blocks) {

    public SlackMessage {
        Objects.requireNonNull(text, "text");
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    /** A text-only message (Slack renders its mrkdwn). */
    public static SlackMessage text(String mrkdwn) {
        return new SlackMessage(mrkdwn, List.of());
    }
}
