package io.docent.teams.bot;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.TextFormatTypes;
import java.security.SecureRandom;
import java.util.Locale;

/** What Docent says besides answers, and the reference ids that tie a reply to the log. */
public final class Messages {

    public static final String GREETING = "Hi, I'm Docent. Ask me a question about our documents, for example"
            + " \"How do I get VPN access?\", and I'll answer with numbered sources. In a team channel or a group"
            + " chat, @-mention me; follow-up questions in the same thread keep the context.";
    public static final String HELP =
            "Ask me a question after the @-mention, for example: \"How do I get VPN access?\"";
    public static final String BUSY = "I'm answering many questions right now. Please ask again in a minute.";
    public static final String THANKS = "Thanks for the feedback!";
    public static final String FEEDBACK_NOT_SAVED = "Sorry, I couldn't save your feedback. Please try again later.";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Messages() {}

    /** A short id for one answer or failure, e.g. {@code t-4f9c2a1b}: quoted to the user and logged. */
    public static String newReference() {
        return String.format(Locale.ROOT, "t-%08x", RANDOM.nextInt());
    }

    public static String failure(String reference) {
        return "Sorry, something went wrong while answering (reference " + reference + "). Please try again;"
                + " if it keeps happening, give your administrator the reference.";
    }

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
