package io.docent.core.pipeline;

import io.docent.core.Turn;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Follow-up rewriting without a language model. The heuristic, in full:
 *
 * <ol>
 *   <li>A question is a <em>follow-up</em> when it opens with a connector ("and", "but", "also", "what about", "how
 *       about", "same for", "or"...), refers back with a pronoun ("it", "that", "they", "those"...), or has at most
 *       one content word (a word that is not a stop word).
 *   <li>The user's earlier questions are replayed oldest first, each made standalone by this rule, so a chain of
 *       follow-ups keeps its topic.
 *   <li>A follow-up's standalone query is the previous standalone question followed by the follow-up without its
 *       opening connector: "How do I get VPN access?" then "and for contractors?" gives "How do I get VPN access? for
 *       contractors?". Keyword and vector search both work well on such a concatenation.
 * </ol>
 *
 * A question that stands on its own changes the topic: it is returned unchanged.
 */
public final class HeuristicQueryRewriter implements QueryRewriter {

    private static final Pattern CONNECTOR = Pattern.compile(
            "^(?:and|but|also|or|so|then|plus|what about|how about|what if|same for|same with|and what about"
                    + "|and how about|ok|okay)\\b[\\s,]*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Set<String> PRONOUNS =
            Set.of("it", "its", "that", "this", "they", "them", "their", "those", "these", "he", "she", "him", "her");
    static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "for", "with", "at", "by", "from", "as", "is",
            "are", "was", "were", "be", "been", "do", "does", "did", "i", "we", "you", "my", "our", "your", "me", "us",
            "can", "could", "should", "would", "will", "may", "might", "must", "how", "what", "when", "where", "which",
            "who", "why", "about", "also", "so", "then", "if", "any", "some", "there", "it", "its", "that", "this",
            "they", "them", "those", "these", "get", "have", "has", "need", "please", "tell", "ok", "okay", "same",
            "plus", "one", "ones", "he", "she", "him", "her", "their", "not", "no", "yes");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    @Override
    public String standalone(String question, List<Turn> history) {
        String previous = null;
        for (Turn turn : history) {
            if (turn.role() == Turn.Role.USER && !turn.text().isBlank()) {
                previous = rewrite(turn.text().strip(), previous);
            }
        }
        return rewrite(question.strip(), previous);
    }

    private static String rewrite(String question, String previousStandalone) {
        if (previousStandalone == null || !isFollowUp(question)) {
            return question;
        }
        String rest = CONNECTOR.matcher(question).replaceFirst("").strip();
        return previousStandalone + " " + (rest.isEmpty() ? question : rest);
    }

    static boolean isFollowUp(String question) {
        if (CONNECTOR.matcher(question).find()) {
            return true;
        }
        int contentWords = 0;
        var words = WORD.matcher(question.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group();
            if (PRONOUNS.contains(word)) {
                return true;
            }
            if (!STOP_WORDS.contains(word)) {
                contentWords++;
            }
        }
        return contentWords <= 1;
    }
}
