package io.docent.core.extractive;

import io.docent.core.AnswerGenerator;
import io.docent.core.AnswerGenerator.Source;
import io.docent.core.Embedder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The embedded default {@link AnswerGenerator}: answers without a language model by quoting the sentences of the
 * sources that best answer the standalone query, each followed by the {@code [n]} marker of its source.
 *
 * <p>How it works: every source is cut into units (a sentence, a whole list item, a whole table row: see
 * {@link Segmenter}); each unit is scored by the IDF-weighted overlap of its stemmed terms with the query plus a
 * bonus for its source's rank and one for carrying the kind of fact asked for (a number, a date: {@link AnswerType}),
 * and optionally by embedding similarity (see {@link Scorer}). The best units are taken, best first, while they fit in
 * the character budget: at most {@value #MAX_UNITS}, none scoring less than {@value #RELATIVE_FLOOR} of the best
 * (leaving out the answer-type bonus), and at least {@value #MIN_UNITS} when the sentence after the best one carries
 * on from it ("It can be split into two blocks."). A unit ending in ':' brings the list items or table rows that follow
 * it, so "To get access:" comes with its steps. The units are then printed in reading order, by source rank then
 * position: prose runs on, items and rows keep a line of their own, and a table row is preceded by its table's header.
 *
 * <p>When no unit shares a meaningful term with the query, the draft is not grounded and the pipeline reports that
 * nothing was found: quoting unrelated sentences would look like an answer and be none.
 *
 * <p>Source text is data. It is quoted as is, never interpreted: a sentence that reads like an instruction to the bot
 * is scored and quoted like any other. The generator is deterministic (ties go to the better source, then the earlier
 * unit) and thread-safe.
 */
public final class ExtractiveGenerator implements AnswerGenerator {

    /** The answer's length budget in characters, markers included: a short answer, not a copy of the page. */
    public static final int DEFAULT_MAX_CHARS = 700;

    static final int MIN_UNITS = 2;
    static final int MAX_UNITS = 5;
    static final double RELATIVE_FLOOR = 0.65;
    private static final Set<String> CONTINUATIONS = Set.of(
            "it",
            "its",
            "this",
            "that",
            "these",
            "those",
            "they",
            "their",
            "them",
            "then",
            "there",
            "here",
            "also",
            "however",
            "otherwise",
            "afterwards",
            "so",
            "such",
            "both",
            "each",
            "either",
            "neither");

    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*+•]|\\d+[.)])\\s+");
    private static final Draft NOT_GROUNDED = new Draft("", false, 0, 0);

    private final int maxChars;
    private final Scorer scorer;

    /** Scores by terms alone, within {@link #DEFAULT_MAX_CHARS}. */
    public ExtractiveGenerator() {
        this(DEFAULT_MAX_CHARS, null);
    }

    /**
     * @param maxChars the answer's length budget, at least 100
     * @param embedder also scores the best few sentences by similarity to the query (see {@link Scorer}), or {@code
     *     null} for terms alone
     */
    public ExtractiveGenerator(int maxChars, Embedder embedder) {
        this(new Scorer(embedder), maxChars);
    }

    ExtractiveGenerator(Scorer scorer, int maxChars) {
        if (maxChars < 100) {
            throw new IllegalArgumentException("maxChars must be >= 100, was " + maxChars);
        }
        this.maxChars = maxChars;
        this.scorer = scorer;
    }

    @Override
    public Draft generate(Request request) {
        List<Unit> units = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        for (Source source : request.sources()) {
            titles.add(normalized(source.hit().chunk().title()));
        }
        for (int i = 0; i < request.sources().size(); i++) {
            for (Unit u : Segmenter.units(i, request.sources().get(i))) {
                if (!isPageLink(u, titles) && !isFragment(u, request.sources().get(i))) {
                    units.add(u);
                }
            }
        }
        Scorer.Scores scores = scorer.score(request.standaloneQuery(), units);
        List<Integer> ranked = ranked(scores.values());
        if (ranked.isEmpty()) {
            return NOT_GROUNDED;
        }
        return Draft.of(render(units, select(units, scores, ranked)));
    }

    /**
     * A list item that is only the title of a page among the sources: a section page's list of its child pages
     * ("- Annual Leave Policy"). Quoted, it reads as a stray heading; the page itself is a source when it matters.
     */
    private static boolean isPageLink(Unit u, Set<String> titles) {
        return u.kind() == Unit.Kind.ITEM
                && titles.contains(normalized(BULLET.matcher(u.text()).replaceFirst("")));
    }

    /**
     * The tail of a sentence that began in the chunk before (a passage cut mid-sentence opens in lower case:
     * "sessions a year, booked through..."). Quoted, it would be half a statement. A document's first chunk cannot
     * open mid-sentence, so there a lower-case opening ("nwctl deploys...") is the writer's.
     */
    private static boolean isFragment(Unit u, Source source) {
        if (u.kind() != Unit.Kind.SENTENCE
                || u.position() != 0
                || source.hit().chunk().ordinal() == 0) {
            return false;
        }
        String first = u.text().split("\\s", 2)[0];
        return !first.isEmpty()
                && first.chars().allMatch(c -> !Character.isLetter(c) || Character.isLowerCase(c))
                && Character.isLowerCase(first.charAt(0));
    }

    private static String normalized(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** Candidates, best first; ties go to the earlier unit, which is the better source or the earlier position. */
    private static List<Integer> ranked(double[] scores) {
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > 0) {
                ranked.add(i);
            }
        }
        ranked.sort((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b));
        return ranked;
    }

    /** Indices of the units to quote, in reading order (units are in source-rank, then position order). */
    private TreeSet<Integer> select(List<Unit> units, Scorer.Scores scored, List<Integer> ranked) {
        double[] scores = scored.values();
        int best = ranked.getFirst();
        if (!fits(units, new TreeSet<>(), best)) { // the best unit alone is over budget: quote its beginning
            units.set(best, shortened(units.get(best)));
        }
        double floor = scored.untypedBest() * RELATIVE_FLOOR;
        List<Integer> queue = new ArrayList<>(ranked);
        Set<Integer> followers = new HashSet<>();
        TreeSet<Integer> chosen = new TreeSet<>();
        for (int k = 0; k < queue.size() && chosen.size() < MAX_UNITS; k++) {
            int i = queue.get(k);
            boolean strongEnough = scores[i] >= floor || followers.contains(i);
            if (chosen.contains(i) || !strongEnough || !fits(units, chosen, i)) {
                continue;
            }
            chosen.add(i);
            if (units.get(i).leadsIn()) {
                List<Integer> following = following(units, i);
                followers.addAll(following);
                queue.addAll(k + 1, following);
            }
        }
        int next = best + 1;
        if (chosen.size() < MIN_UNITS && continues(units, best, next) && fits(units, chosen, next)) {
            chosen.add(next);
        }
        return chosen;
    }

    /** The list items or table rows right after a unit that leads in to them. */
    private static List<Integer> following(List<Unit> units, int leadIn) {
        List<Integer> following = new ArrayList<>();
        for (int j = leadIn + 1; sameSource(units, leadIn, j) && units.get(j).ownLine(); j++) {
            following.add(j);
        }
        return following;
    }

    private static boolean sameSource(List<Unit> units, int a, int b) {
        return b >= 0
                && b < units.size()
                && units.get(a).source() == units.get(b).source();
    }

    /**
     * Whether unit {@code next} carries on from unit {@code i}: a sentence of the same section that opens with a word
     * pointing back ("It can be split...", "This takes a day."). Anything else would be filler.
     */
    private static boolean continues(List<Unit> units, int i, int next) {
        if (!sameSource(units, i, next)
                || !units.get(i).label().equals(units.get(next).label())) {
            return false;
        }
        String first = units.get(next).text().split("[\\s,]", 2)[0].toLowerCase(Locale.ROOT);
        return CONTINUATIONS.contains(first);
    }

    private boolean fits(List<Unit> units, TreeSet<Integer> chosen, int candidate) {
        TreeSet<Integer> with = new TreeSet<>(chosen);
        with.add(candidate);
        return render(units, with).length() <= maxChars;
    }

    /**
     * The unit cut to fit the budget alone, with its table header if that leaves room for the row: its first whole
     * sentences when at least one fits (a long list item), otherwise, as a last resort, its beginning cut at a word
     * and ended with "…" so that the cut shows.
     */
    private Unit shortened(Unit u) {
        String header = u.header().length() < maxChars / 3 ? u.header() : "";
        int room = maxChars - marker(u).length() - (header.isEmpty() ? 0 : header.length() + 1);
        StringBuilder whole = new StringBuilder();
        for (String sentence : Segmenter.sentences(u.text())) {
            if (whole.length() + 1 + sentence.length() > room) {
                break;
            }
            whole.append(whole.isEmpty() ? "" : " ").append(sentence);
        }
        String text;
        if (!whole.isEmpty()) {
            text = whole.toString();
        } else {
            text = u.text().substring(0, Math.min(room - 1, u.text().length()));
            int space = text.lastIndexOf(' ');
            text = (space > room / 2 ? text.substring(0, space) : text).stripTrailing() + "…";
        }
        return new Unit(u.source(), u.number(), u.position(), u.kind(), text, u.label(), header, u.document());
    }

    private static String render(List<Unit> units, TreeSet<Integer> chosen) {
        StringBuilder text = new StringBuilder();
        Unit previous = null;
        for (int i : chosen) {
            Unit u = units.get(i);
            if (previous != null) {
                text.append(u.ownLine() || previous.ownLine() ? "\n" : " ");
            }
            boolean sameTable = previous != null
                    && previous.kind() == Unit.Kind.ROW
                    && previous.source() == u.source()
                    && previous.header().equals(u.header());
            if (u.kind() == Unit.Kind.ROW && !u.header().isEmpty() && !sameTable) {
                text.append(u.header()).append('\n');
            }
            // a closing code fence must stand alone on its line, so a block's marker goes on the next one
            text.append(u.text())
                    .append(u.kind() == Unit.Kind.BLOCK ? "\n" + marker(u).strip() : marker(u));
            previous = u;
        }
        return text.toString();
    }

    private static String marker(Unit u) {
        return " [" + u.number() + "]";
    }
}
