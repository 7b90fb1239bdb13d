package io.docent.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.Chunk;
import io.docent.core.DocentException;
import io.docent.core.Embedder;
import io.docent.core.InMemorySearchIndex;
import io.docent.indexer.testing.CrashingSearchIndex;
import io.docent.indexer.testing.CrashingSearchIndex.SimulatedCrash;
import io.docent.indexer.testing.HashingEmbedder;
import io.docent.indexer.testing.ListReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Crash safety without a second process: a sync is "killed" at a random write (before or after it reaches the
 * index), at a random embedding call, or while the export is read, and then run again on what the crash left. The
 * index must end up exactly as a run that never crashed leaves it: the same documents, each with its chunks
 * numbered 0..n-1 once, no duplicates, nothing lost. The kill -9 test ({@code KillNineConvergenceContract})
 * runs the same check across a killed child JVM.
 */
class CrashConvergenceTest {

    private static final int SEEDS = 150;

    /** A clean run of {@link #after()} writes 14 times: 5 changed, 6 new, 3 deleted. */
    private static final int WRITES = 14;

    /** The old export: 20 documents, some long enough for several chunks. */
    private static ListReader before() {
        ListReader reader = new ListReader();
        for (int i = 0; i < 20; i++) {
            reader.add("doc" + i + ".md", body(i, "v1"));
        }
        return reader;
    }

    /** The new one: 5 changed, 3 gone (15%, within the delete limit), 6 new. */
    private static ListReader after() {
        ListReader reader = new ListReader();
        for (int i = 0; i < 20; i++) {
            if (i % 7 == 3) {
                continue; // doc3, doc10, doc17 are gone
            }
            reader.add("doc" + i + ".md", body(i, i % 4 == 0 ? "v2" : "v1"));
        }
        for (int i = 20; i < 26; i++) {
            reader.add("doc" + i + ".md", body(i, "v2"));
        }
        return reader;
    }

    private static String body(int i, String version) {
        int sentences = i % 3 == 0 ? 50 : 3; // every third document spans several chunks
        StringBuilder s = new StringBuilder("# Document " + i + "\n\n");
        for (int n = 0; n < sentences; n++) {
            s.append("Rule ")
                    .append(n)
                    .append(" of document ")
                    .append(i)
                    .append(" (")
                    .append(version)
                    .append(") says the team reviews request ")
                    .append(n * 7)
                    .append(" within two days. ");
        }
        return s.toString();
    }

    /** The expected index: what a run of {@link #after()} leaves on top of {@link #before()}, without crashes. */
    private static Map<String, List<String>> reference() {
        InMemorySearchIndex index = new InMemorySearchIndex();
        SourceSync sync =
                SourceSync.builder(index, new HashingEmbedder()).batchSize(8).build();
        sync.run("wiki", before());
        sync.run("wiki", after());
        return state(index);
    }

    /** Document id to its chunks (id, hash and text), in ordinal order; checks ordinals and uniqueness on the way. */
    private static Map<String, List<String>> state(InMemorySearchIndex index) {
        List<Chunk> chunks = index.allChunks();
        assertThat(chunks).extracting(Chunk::id).doesNotHaveDuplicates();
        Map<String, List<Chunk>> byDocument = chunks.stream().collect(Collectors.groupingBy(Chunk::documentId));
        Map<String, List<String>> state = new TreeMap<>();
        byDocument.forEach((doc, list) -> {
            List<Chunk> sorted = new ArrayList<>(list);
            sorted.sort((a, b) -> Integer.compare(a.ordinal(), b.ordinal()));
            for (int n = 0; n < sorted.size(); n++) {
                assertThat(sorted.get(n).ordinal())
                        .as("chunk ordinals of " + doc)
                        .isEqualTo(n);
                assertThat(sorted.get(n).embedding())
                        .as("embedding of " + sorted.get(n).id())
                        .isNotNull();
            }
            state.put(
                    doc,
                    sorted.stream()
                            .map(c -> c.id() + "|" + c.contentHash() + "|" + c.text())
                            .toList());
        });
        return state;
    }

    @Test
    void a_sync_killed_at_any_write_converges_on_the_next_run() {
        Map<String, List<String>> expected = reference();
        int crashes = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            InMemorySearchIndex store = new InMemorySearchIndex();
            SourceSync.builder(store, new HashingEmbedder())
                    .batchSize(8)
                    .build()
                    .run("wiki", before());
            CrashingSearchIndex crashing =
                    new CrashingSearchIndex(store, 1 + random.nextInt(WRITES), random.nextBoolean());

            try {
                SourceSync.builder(crashing, new HashingEmbedder())
                        .batchSize(8)
                        .build()
                        .run("wiki", after());
            } catch (SimulatedCrash e) {
                crashes++;
            }
            SourceSync.builder(store, new HashingEmbedder())
                    .batchSize(8)
                    .build()
                    .run("wiki", after());

            assertThat(state(store)).as("seed " + seed).isEqualTo(expected);
        }
        assertThat(crashes).as("runs that really crashed").isEqualTo(SEEDS);
    }

    @Test
    void a_crash_during_the_first_run_or_the_recovery_run_converges_too() {
        Map<String, List<String>> expected = reference();
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(1_000 + seed);
            InMemorySearchIndex store = new InMemorySearchIndex();
            killedRun(store, before(), random); // killed while building the index
            SourceSync.builder(store, new HashingEmbedder())
                    .batchSize(8)
                    .build()
                    .run("wiki", before());
            killedRun(store, after(), random); // killed while updating it
            killedRun(store, after(), random); // and again while recovering

            SourceSync.builder(store, new HashingEmbedder())
                    .batchSize(8)
                    .build()
                    .run("wiki", after());

            assertThat(state(store)).as("seed " + seed).isEqualTo(expected);
        }
    }

    @Test
    void a_sync_killed_while_embedding_or_reading_the_export_converges() {
        Map<String, List<String>> expected = reference();
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(2_000 + seed);
            InMemorySearchIndex store = new InMemorySearchIndex();
            SourceSync.builder(store, new HashingEmbedder())
                    .batchSize(8)
                    .build()
                    .run("wiki", before());
            int failAt = 1 + random.nextInt(12);
            HashingEmbedder real = new HashingEmbedder();
            int[] calls = {0};
            Embedder dying = new Embedder() {
                @Override
                public String modelName() {
                    return real.modelName();
                }

                @Override
                public int dimension() {
                    return real.dimension();
                }

                @Override
                public List<float[]> embedPassages(List<String> texts) {
                    if (++calls[0] == failAt) {
                        throw new DocentException.TimedOut("embedder killed at call " + failAt, null);
                    }
                    return real.embedPassages(texts);
                }

                @Override
                public float[] embedQuery(String query) {
                    return real.embedQuery(query);
                }
            };

            try {
                SourceSync.builder(store, dying).batchSize(8).build().run("wiki", after());
            } catch (DocentException e) {
                // the run stops; what was written stays
            }
            ListReader breaking =
                    after().throwAfter(random.nextInt(25), new DocentException.InvalidInput("share gone"));
            SourceSync.builder(store, new HashingEmbedder())
                    .batchSize(8)
                    .build()
                    .run("wiki", breaking);

            SourceSync.builder(store, new HashingEmbedder())
                    .batchSize(8)
                    .build()
                    .run("wiki", after());

            assertThat(state(store)).as("seed " + seed).isEqualTo(expected);
        }
    }

    private static void killedRun(InMemorySearchIndex store, ListReader export, Random random) {
        CrashingSearchIndex crashing = new CrashingSearchIndex(store, 1 + random.nextInt(24), random.nextBoolean());

        try {
            SourceSync.builder(crashing, new HashingEmbedder())
                    .batchSize(8)
                    .build()
                    .run("wiki", export);
        } catch (SimulatedCrash e) {
            // killed
        }
    }
}
