package io.docent.app.eval;

import io.docent.app.eval.AnswerSet.Item;
import io.docent.core.Answer;
import io.docent.core.Answerer;
import io.docent.core.Asker;
import io.docent.core.Citation;
import io.docent.core.Question;
import io.docent.core.Scope;
import io.docent.core.SearchHit;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks every question of an {@link AnswerSet} through an {@link Answerer}, as the operator would ({@link
 * Asker#ADMINISTRATOR}: the set measures answer quality, not permissions), each question its own conversation with
 * the history the file gives, and judges each answer against what the set expects.
 */
public final class AnswerEvaluator {

    private static final Pattern PAGE = Pattern.compile("[#&]page=(\\d+)");
    private static final Pattern PAGES = Pattern.compile("[#&]pages=(\\d+(?:,\\d+)*)");

    /** How one question went. */
    public record Result(
            Item item,
            Answer answer,
            long nanos,
            boolean notFound,
            boolean failed,
            boolean cited,
            boolean citedFirst,
            boolean factFound,
            Boolean rightPage) {
        public Result {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(answer, "answer");
        }
    }

    private final Answerer answerer;

    public AnswerEvaluator(Answerer answerer) {
        this.answerer = Objects.requireNonNull(answerer, "answerer");
    }

    /** Asks each question in order; {@code each} sees every result as it comes (for progress). */
    public List<Result> run(AnswerSet set, Consumer<Result> each) {
        List<Result> results = new ArrayList<>();
        for (Item item : set.items()) {
            var question = new Question(item.question(), item.history(), Scope.ALL, Asker.ADMINISTRATOR);
            long start = System.nanoTime();
            Answer answer = answerer.answer(question);
            long nanos = System.nanoTime() - start;
            Result result = judge(item, answer, nanos);
            results.add(result);
            each.accept(result);
        }
        return results;
    }

    /** Judges one answer against what its item expects. */
    public static Result judge(Item item, Answer answer, long nanos) {
        boolean failed = answer.status() == Answer.Status.FAILED || answer.status() == Answer.Status.BUSY;
        boolean notFound = answer.status() == Answer.Status.NOT_FOUND;
        boolean answered = answer.status() == Answer.Status.ANSWERED;
        List<Citation> citations = answered ? answer.citations() : List.of();
        boolean cited = citations.stream().anyMatch(c -> expected(item, c.url()));
        boolean first =
                !citations.isEmpty() && expected(item, citations.getFirst().url());
        boolean fact = answered
                && item.facts().stream().anyMatch(p -> p.matcher(answer.text()).find());
        return new Result(item, answer, nanos, notFound, failed, cited, first, fact, rightPage(item, citations));
    }

    /** Whether {@code url} is one of the item's expected documents (its path ends with an expected suffix). */
    public static boolean expected(Item item, String url) {
        String path = path(url);
        return item.expectDocs().stream().anyMatch(d -> path.endsWith(path(d)));
    }

    /**
     * For an item that expects a page ({@code doc.pdf#page=4}): whether a citation of that document names that page;
     * {@code null} when the item expects no page.
     */
    static Boolean rightPage(Item item, List<Citation> citations) {
        boolean expectsPage = false;
        for (String doc : item.expectDocs()) {
            Set<Integer> wanted = pages(doc);
            if (wanted.isEmpty()) {
                continue;
            }
            expectsPage = true;
            String suffix = path(doc);
            for (Citation c : citations) {
                if (path(c.url()).endsWith(suffix) && pages(c.url()).stream().anyMatch(wanted::contains)) {
                    return true;
                }
            }
        }
        return expectsPage ? false : null;
    }

    /** The pages a URL names: {@code #page=3}, and {@code &pages=3,5} when several chunks are cited as one. */
    static Set<Integer> pages(String url) {
        Set<Integer> pages = new TreeSet<>();
        Matcher all = PAGES.matcher(url);
        if (all.find()) {
            for (String p : all.group(1).split(",")) {
                pages.add(Integer.parseInt(p));
            }
        }
        Matcher one = PAGE.matcher(url);
        if (one.find()) {
            pages.add(Integer.parseInt(one.group(1)));
        }
        return pages;
    }

    /** The URL without its fragment or query, percent-decoded, lower case, with forward slashes. */
    static String path(String url) {
        String s = url;
        int cut = indexOfAny(s, '#', '?');
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        s = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        return s.replace('\\', '/').toLowerCase(Locale.ROOT);
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** Whether a retrieved passage comes from an expected document (for fitting the relevance gate). */
    public static boolean expected(Item item, SearchHit hit) {
        return expected(item, hit.chunk().url());
    }
}
