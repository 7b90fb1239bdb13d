package io.docent.teams.bot;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.TextFormatTypes;

/**
 * What Docent says in Teams besides answers and the shared texts of {@link io.docent.core.UserTexts}: the greeting
 * and the help, which name Teams' own gestures.
 */
public final class Messages {

    public static final String GREETING = "Hi, I'm Docent. Ask me a question about our documents, for example"
            + " \"How do I get VPN access?\", and I'll answer with numbered sources. In a team channel or a group"
            + " chat, @-mention me; follow-up questions in the same thread keep the context.";
    public static final String HELP =
            "Ask me a question after the @-mention, for example: \"How do I get VPN access?\"";

    private Messages() {}

    static Activity text(String text) {
        Activity message = Activity.createMessageActivity();
        message.setText(text);
        message.setTextFormat(TextFormatTypes.PLAIN);
        return message;
    }

    static Activity typing() {
        return new Activity(ActivityTypes.TYPING);
    }
}
