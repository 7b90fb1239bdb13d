package io.docent.indexer.chunking;

import io.docent.indexer.chunking.ChunkUnit.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Packs one document's units into chunk drafts, by the rules described on {@link Chunker}. */
final class Packer implements Draft.Context {

    private final ChunkerSettings settings;
    private final List<ChunkUnit> units;
    private final Function<List<String>, Integer> prefixTokens;
    private final Map<Integer, ChunkUnit> tableHeaders = new HashMap<>();

    Packer(ChunkerSettings settings, List<ChunkUnit> units, Function<List<String>, Integer> prefixTokens) {
        this.settings = settings;
        this.units = units;
        this.prefixTokens = prefixTokens;
        units.stream().filter(u -> u.kind() == Kind.TABLE_HEADER).forEach(u -> tableHeaders.put(u.table(), u));
    }

    @Override
    public ChunkUnit tableHeader(int table) {
        return tableHeaders.get(table);
    }

    @Override
    public int prefixTokens(List<String> headings) {
        return prefixTokens.apply(headings);
    }

    List<Draft> pack() {
        List<Draft> drafts = new ArrayList<>();
        Draft current = new Draft(this);
        for (ChunkUnit unit : units) {
            if (current.hasOwnContent()) {
                boolean overflow = current.tokens + current.cost(unit) > budget(current, unit);
                boolean sectionEnds = unit.kind() == Kind.HEADING && current.tokens >= settings.minTokens();
                boolean full = current.tokens >= settings.targetTokens();
                boolean placeEnds =
                        startsPlace(current.units.getLast(), unit) && current.ownTokens() >= minPlaceTokens();
                if (overflow || sectionEnds || full || placeEnds) {
                    current = cut(drafts, current, unit);
                }
            }
            current.add(unit, false);
        }
        if (current.hasOwnContent()) {
            drafts.add(current);
        }
        mergeSmall(drafts);
        return drafts;
    }

    /** Closes {@code done} and starts the next draft, with overlap when the cut is inside a section. */
    private Draft cut(List<Draft> drafts, Draft done, ChunkUnit next) {
        List<ChunkUnit> trailingHeadings = new ArrayList<>();
        while (done.units.size() > done.overlap + 1 && done.units.getLast().kind() == Kind.HEADING) {
            trailingHeadings.addFirst(done.units.removeLast()); // a heading belongs with what follows it
        }
        done.recount();
        drafts.add(done);
        Draft fresh = new Draft(this);
        if (trailingHeadings.isEmpty() && next.kind() != Kind.HEADING) {
            List<ChunkUnit> overlap = overlap(done);
            while (!overlap.isEmpty() && Draft.tokens(overlap) + fresh.cost(next) > budget(fresh, next)) {
                overlap.removeFirst();
            }
            overlap.forEach(u -> fresh.add(u, true));
        }
        trailingHeadings.forEach(h -> fresh.add(h, false));
        return fresh;
    }

    /** Whole sentences, items or rows from the end of {@code done}, at most the overlap size together. */
    private List<ChunkUnit> overlap(Draft done) {
        List<ChunkUnit> overlap = new ArrayList<>();
        int size = 0;
        List<ChunkUnit> own = done.own();
        for (int i = own.size() - 1; i >= 0; i--) {
            ChunkUnit u = own.get(i);
            boolean repeatable = u.kind() == Kind.SENTENCE || u.kind() == Kind.LIST_ITEM || u.kind() == Kind.TABLE_ROW;
            if (!repeatable || size + u.tokens() > settings.overlapTokens()) {
                break;
            }
            overlap.addFirst(u);
            size += u.tokens();
        }
        return overlap;
    }

    /**
     * Whether {@code next} opens a new page or slide after {@code last}. A chunk cites one place, the one its text
     * starts on, so a page boundary is a place to cut, like a heading, and with a lower bar ({@link
     * #minPlaceTokens}): a fact on the next page should not be cited with the page before it.
     */
    private static boolean startsPlace(ChunkUnit last, ChunkUnit next) {
        return next.place() != null && !next.place().equals(last.place());
    }

    /** The least a chunk holds before it is closed at a page or slide boundary: a sixth of the minimum. */
    private int minPlaceTokens() {
        return Math.max(1, settings.minTokens() / 6);
    }

    /**
     * A draft smaller than the minimum joins the one before it when both fit in one chunk, unless it starts a page or
     * slide of its own and holds at least {@link #minPlaceTokens}: then it keeps its own citation.
     */
    private void mergeSmall(List<Draft> drafts) {
        for (int i = drafts.size() - 1; i > 0; i--) {
            Draft small = drafts.get(i);
            if (small.ownTokens() >= settings.minTokens()) {
                continue;
            }
            boolean ownPlace =
                    startsPlace(drafts.get(i - 1).units.getLast(), small.own().getFirst())
                            && small.ownTokens() >= minPlaceTokens();
            if (ownPlace) {
                continue;
            }
            Draft merged = drafts.get(i - 1).copy();
            for (ChunkUnit u : small.own()) {
                if (u.kind() != Kind.TABLE_HEADER || !merged.hasTable(u.table())) {
                    merged.add(u, false);
                }
            }
            if (merged.tokens <= settings.maxTokens() - merged.prefix) {
                drafts.set(i - 1, merged);
                drafts.remove(i);
            }
        }
    }

    private int budget(Draft draft, ChunkUnit next) {
        return settings.maxTokens() - Math.max(draft.prefix, prefixTokens(next.headings()));
    }
}
