package io.docent.teams.bot;

import com.microsoft.bot.schema.Activity;
import io.docent.core.AnswerProgress;

/**
 * How one answer reaches its conversation: a sign of work at once, the answer as it is written where the
 * conversation can show that ({@link AnswerProgress}), then the final message. {@link PlainDelivery} is a typing
 * indicator and one message; {@link StreamedDelivery} is Teams streaming in a 1:1 chat.
 */
interface Delivery extends AnswerProgress {

    /** Shows that Docent is working: called once, on the request thread, before the answer starts; never blocks. */
    void start();

    /**
     * Sends the final message after everything sent before it; called once, on the answer's thread, which it blocks
     * until the message is sent. Never throws: a failure is logged.
     *
     * @return the id Teams gave the message that now holds the answer (its feedback buttons name it), or {@code ""}
     *     when there is none or it is not known
     */
    String finish(Activity message);
}
