package io.docent.core.access;

import io.docent.core.Asker;
import io.docent.core.Identity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Cached directory lookups, as every question makes one: a directory file of 10,000 people with 50 to 1,000 groups
 * each, behind {@link CachingDirectory}, then {@link AccessPolicy#readableGroups} (the lookup plus the set the search
 * filters on). Not a test: run by hand, as docs/benchmarks.md shows.
 */
public final class DirectoryLookupBenchmark {

    private static final int PEOPLE = 10_000;
    private static final int LOOKUPS = 200_000;

    public static void main(String[] args) throws IOException {
        Path file = Files.createTempFile("docent-directory", ".json");
        Random random = new Random(3);
        StringBuilder json = new StringBuilder("{\"people\": [");
        for (int p = 0; p < PEOPLE; p++) {
            int groups = p % 100 == 0 ? 1_000 : 50;
            json.append(p == 0 ? "" : ",")
                    .append("{\"email\": \"person")
                    .append(p)
                    .append("@example.com\", \"groups\": [");
            for (int g = 0; g < groups; g++) {
                json.append(g == 0 ? "" : ",")
                        .append("\"group:")
                        .append(new UUID(random.nextLong(), random.nextLong()))
                        .append('"');
            }
            json.append("]}");
        }
        Files.writeString(file, json.append("], \"everyone\": [\"confluence-users\"]}"));
        var policy = new AccessPolicy(new CachingDirectory(new DirectoryFile(file)));
        Asker[] askers = new Asker[PEOPLE];
        for (int p = 0; p < PEOPLE; p++) {
            askers[p] = Asker.privately(Identity.member("slack", "U" + p, "T1", "person" + p + "@example.com"));
        }
        for (Asker asker : askers) {
            policy.readableGroups(asker); // fills the cache: what follows is the cached path
        }
        long[] nanos = new long[LOOKUPS];
        long[] thousand = new long[LOOKUPS / 100];
        for (int i = 0; i < LOOKUPS; i++) {
            int p = random.nextInt(PEOPLE);
            long start = System.nanoTime();
            int size = policy.readableGroups(askers[p]).size();
            nanos[i] = System.nanoTime() - start;
            if (size < 50) {
                throw new IllegalStateException("lookup lost groups");
            }
        }
        for (int i = 0; i < thousand.length; i++) {
            long start = System.nanoTime();
            policy.readableGroups(askers[(i % 100) * 100]);
            thousand[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        Arrays.sort(thousand);
        System.out.printf(
                Locale.ROOT,
                "Docent directory lookups (cached), %d cores, %d people, %,d lookups%n",
                Runtime.getRuntime().availableProcessors(),
                PEOPLE,
                LOOKUPS);
        System.out.printf(
                Locale.ROOT,
                "all people (50 groups, 1%% with 1,000): p50 %.1f us  p99 %.1f us  max %.1f us%n",
                nanos[LOOKUPS / 2] / 1e3,
                nanos[LOOKUPS * 99 / 100] / 1e3,
                nanos[LOOKUPS - 1] / 1e3);
        System.out.printf(
                Locale.ROOT,
                "1,000-group people:                       p50 %.1f us  p99 %.1f us%n",
                thousand[thousand.length / 2] / 1e3,
                thousand[thousand.length * 99 / 100] / 1e3);
        Files.delete(file);
    }
}
