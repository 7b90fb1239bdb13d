package io.docent.core.extractive;

import io.docent.core.pipeline.AnswerKindWords;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of fact a question asks for, read from its words, and whether a unit of text states one.
 *
 * <p>Why: the sentences around a topic share the question's words about equally, and the one a reader wants is the
 * one that states what was asked. "How many counselling sessions do I get?" is answered by "...six free sessions a
 * year", not by the list of what counselling covers; "when are payslips available?" by the sentence with the day. The
 * {@link Scorer} gives a unit of the asked type a modest bonus when it is also on the question's {@link #subject}.
 *
 * <p>The rules are plain English patterns, deliberately few and loose: a false "carries a number" costs a small bonus
 * among sentences that already share the question's subject, never an answer from another subject. A question with
 * no recognisable type ({@link #OTHER}) changes nothing.
 */
enum AnswerType {
    /** How many, how much, how long, how often, what is the cost or limit: a number, money, a duration, a share. */
    QUANTITY(Pattern.compile("\\d|[$£€¥]|%|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|half|dozen|once|twice|double"
            + "|percent|unlimited)\\b")),
    /** When, what date or time, by when, the deadline: dates, days, times, periods. */
    TIME(Pattern.compile("\\b(?:jan(?:uary)?|feb(?:ruary)?|march|april|june|july|aug(?:ust)?|sept?(?:ember)?"
            + "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun|week)days?"
            + "|weekends?|noon|midnight|daily|weekly|fortnightly|monthly|quarterly|annually|yearly|today|tomorrow)\\b"
            + "|\\b\\d{1,2}\\s+may\\b|\\bmay\\s+\\d|\\b\\d{1,2}(?::\\d{2})?\\s*(?:a\\.?m\\b|p\\.?m\\b)|\\b\\d{1,2}:\\d{2}\\b"
            + "|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)\\b|\\b(?:19|20)\\d{2}\\b"
            + "|\\b(?:within|before|after|until|by|every|each)\\s+(?:the\\s+)?(?:\\d+|end|first|last|next|start"
            + "|beginning|following)\\b")),
    /** Who, whom, which team, whom to contact: names, roles, teams, emails, channels. */
    PERSON(Pattern.compile("[\\w.+-]+@[\\w-]+\\.\\w|(?:^|\\s)[#@][a-z0-9][\\w-]*|\\b(?:manager|team|lead|officer"
            + "|department|desk|head of|director|administrator|admin|owner|hr|payroll|people ops|support|helpdesk"
            + "|service desk|coordinator|representative|partner|contact|ask|email|call)\\b")),
    /** Where: places, rooms, buildings, URLs, sites, channels. */
    PLACE(Pattern.compile("https?://|www\\.|\\b[\\w-]+\\.(?:com|org|net|io|gov|uk|eu)\\b|(?:^|\\s)#[a-z0-9][\\w-]*"
            + "|\\b(?:floor|room|building|office|reception|portal|intranet|site|page|folder|drive|wiki|sharepoint"
            + "|confluence|kitchen|street|road|campus|located|locker|app|tab|menu|channel|repository|repo)\\b")),
    /** Can, may, is, do, should: a yes or no with its condition (modal verbs, "only if", "unless", "not"). */
    YES_NO(Pattern.compile("\\b(?:can|cannot|may|must|should|shall|need to|needs to|required|requires|allowed"
            + "|permitted|not|never|only|unless|provided that|as long as|except|no)\\b|n't\\b")),
    /** Anything else: how to do something, what something is. No type bonus. */
    OTHER(null);

    private static final Pattern HOW_MUCH = Pattern.compile("\\bhow (?:many|much|long|often|far|big|large|old)\\b");
    private static final Pattern WHEN = Pattern.compile(
            "\\bwhen\\b|\\bwhat (?:time|date|day)\\b|\\bdeadline\\b|\\bhow soon\\b|\\bwhich (?:day|date)");
    private static final Pattern WHO = Pattern.compile("\\b(?:who|whom|whose)\\b"
            + "|\\bwhich (?:team|person|people|department|group|role)\\b|\\b(?:contact|responsible|in charge)\\b");
    private static final Pattern WHERE =
            Pattern.compile("\\bwhere\\b|\\bwhich (?:channel|building|floor|room|site|page|folder|url|link)\\b"
                    + "|\\bwhat (?:url|link|address|channel)\\b");
    private static final Pattern WHAT_AMOUNT = Pattern.compile("\\b(?:what|which)\\b.*\\b(?:cost|costs|price|limit"
            + "|limits|amount|budget|fee|fees|allowance|maximum|minimum|rate|percentage|number|salary|deductible|size"
            + "|capacity)\\b");
    /** In order of precedence when two match at the same place. */
    private static final Map<Pattern, AnswerType> ASKING = asking();

    private static final Pattern YES_NO_OPENING = Pattern.compile("^(?:can|may|is|are|do|does|did|should|could|am"
            + "|will|would|must|have|has|was|were|shall|isn't|aren't|don't|doesn't|can't)\\b");
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*+•]|\\d+[.)])\\s+");

    /** Stemmed {@link AnswerKindWords}: sharing only these with a question does not put a unit on its subject. */
    private static final Set<String> MEASURE_WORDS = new Terms().of(String.join(" ", AnswerKindWords.WORDS));

    private static Map<Pattern, AnswerType> asking() {
        Map<Pattern, AnswerType> asking = new LinkedHashMap<>();
        asking.put(HOW_MUCH, QUANTITY);
        asking.put(WHEN, TIME);
        asking.put(WHO, PERSON);
        asking.put(WHERE, PLACE);
        asking.put(WHAT_AMOUNT, QUANTITY);
        return asking;
    }

    private final Pattern carried;

    AnswerType(Pattern carried) {
        this.carried = carried;
    }

    /**
     * The type the question asks for, {@link #OTHER} when none is recognised. The question word that comes first
     * decides: "who do I call when production is down?" asks for a person, "when should I tell my manager?" for a
     * time.
     */
    static AnswerType of(String question) {
        String q = question.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
        AnswerType type = OTHER;
        int first = Integer.MAX_VALUE;
        for (Map.Entry<Pattern, AnswerType> asking : ASKING.entrySet()) {
            Matcher m = asking.getKey().matcher(q);
            if (m.find() && m.start() < first) {
                first = m.start();
                type = asking.getValue();
            }
        }
        if (type == OTHER && YES_NO_OPENING.matcher(q).find()) {
            return YES_NO;
        }
        return type;
    }

    /** Whether the text states a fact of this type; a list item's own bullet or number does not count. */
    boolean carriedBy(String text) {
        return carried != null
                && carried.matcher(BULLET.matcher(text).replaceFirst("").toLowerCase(Locale.ROOT))
                        .find();
    }

    /**
     * The question's terms that say what it is about: its stemmed terms without the words that only name the kind of
     * answer. All of them when nothing else is left ("what is the deadline?").
     */
    static Set<String> subject(Set<String> questionTerms) {
        Set<String> subject = new LinkedHashSet<>(questionTerms);
        subject.removeAll(MEASURE_WORDS);
        return subject.isEmpty() ? questionTerms : subject;
    }
}
