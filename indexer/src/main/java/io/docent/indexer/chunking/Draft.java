package io.docent.indexer.chunking;

import io.docent.indexer.chunking.ChunkUnit.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A chunk being filled by the {@link Packer}: its units, and how many of the first ones are repeated from the chunk
 * before (overlap, or a table header repeated for a continued table).
 */
final class Draft {

    /** What a draft needs to know about its document. */
    interface Context {
        /** The header unit of a table, to repeat above its rows. */
        ChunkUnit tableHeader(int table);

        /** Tokens of title and breadcrumb for a unit under these headings. */
        int prefixTokens(List<String> headings);
    }

    private final Context context;
    final List<ChunkUnit> units = new ArrayList<>();
    /** How many leading units are repeated from the chunk before. */
    int overlap;
    /** Sum of the units' tokens. */
    int tokens;
    /** The largest title-and-breadcrumb size of any unit: an upper bound of the chunk's own. */
    int prefix;

    Draft(Context context) {
        this.context = context;
    }

    /** Adds {@code unit}, first its table's header when this draft has none yet. */
    void add(ChunkUnit unit, boolean repeated) {
        if (unit.kind() == Kind.TABLE_ROW && !hasTable(unit.table())) {
            append(context.tableHeader(unit.table()), repeated);
        }
        append(unit, repeated);
    }

    private void append(ChunkUnit unit, boolean repeated) {
        units.add(unit);
        tokens += unit.tokens();
        prefix = Math.max(prefix, context.prefixTokens(unit.headings()));
        if (repeated) {
            overlap++;
        }
    }

    /** Tokens that adding {@code unit} would take, with the table header it may bring along. */
    int cost(ChunkUnit unit) {
        boolean needsHeader = unit.kind() == Kind.TABLE_ROW && !hasTable(unit.table());
        return unit.tokens() + (needsHeader ? context.tableHeader(unit.table()).tokens() : 0);
    }

    boolean hasTable(int table) {
        return units.stream().anyMatch(u -> u.kind() == Kind.TABLE_HEADER && u.table() == table);
    }

    boolean hasOwnContent() {
        return units.size() > overlap;
    }

    List<ChunkUnit> own() {
        return units.subList(overlap, units.size());
    }

    int ownTokens() {
        return tokens(own());
    }

    /** Recomputes the size after units were taken off the end. */
    void recount() {
        tokens = tokens(units);
        overlap = Math.min(overlap, units.size());
    }

    Draft copy() {
        Draft copy = new Draft(context);
        units.forEach(u -> copy.append(u, false));
        copy.overlap = overlap;
        return copy;
    }

    /** The headings every own unit shares: the deepest section the whole chunk is inside. */
    List<String> headings() {
        List<String> common = own().getFirst().headings();
        for (ChunkUnit u : own()) {
            List<String> h = u.headings();
            int n = 0;
            while (n < common.size() && n < h.size() && common.get(n).equals(h.get(n))) {
                n++;
            }
            common = common.subList(0, n);
        }
        return common;
    }

    /**
     * Where the chunk starts: the place of its first own unit, a table's header repeated from an earlier page aside
     * (the rows are where the chunk's text is); {@code null} when the document marks no places.
     */
    String place() {
        return own().stream()
                .filter(u -> u.kind() != Kind.TABLE_HEADER)
                .findFirst()
                .orElse(own().getFirst())
                .place();
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        for (ChunkUnit u : units) {
            if (!sb.isEmpty()) {
                sb.append(u.separator());
            }
            sb.append(u.text());
        }
        return sb.toString();
    }

    static int tokens(List<ChunkUnit> units) {
        return units.stream().mapToInt(ChunkUnit::tokens).sum();
    }
}
