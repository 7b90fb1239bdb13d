package io.docent.indexer.confluence;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.docent.core.SourceDocument;
import io.docent.indexer.DocumentReader;
import io.docent.indexer.ReadFailure;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Not a test (benchmarks are not tests): generates a large {@code entities.xml} shaped like a real export (every page
 * with two historical versions, macros, tables, users and labels) and reads it with {@link ConfluenceXmlReader},
 * printing pages read, time and peak heap. Run it with a small heap to show memory stays flat:
 *
 * <pre>{@code
 * java -Xmx256m -cp <test classpath> io.docent.indexer.confluence.EntitiesXmlMemoryBenchmark 200 /tmp/bench
 * }</pre>
 *
 * <p>Arguments: the size to generate in MB (default 200) and a folder (default: a new temp folder); an existing
 * {@code entities.xml} of at least that size there is reused.
 *
 * <p>Two heap figures are printed: the sum of the heap pools' peaks (an overstatement: the pools peak at different
 * moments, and G1 lets garbage pile up to whatever heap it is given) and the most heap in use right after any
 * collection during the read (an upper bound of the live set, from GC notifications). Embedding and indexing are left
 * out on purpose: this measures the reader's memory, which is what a multi-gigabyte export puts at risk.
 */
public final class EntitiesXmlMemoryBenchmark {

    private EntitiesXmlMemoryBenchmark() {}

    public static void main(String[] args) throws IOException {
        long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 200;
        Path dir =
                args.length > 1 ? Files.createDirectories(Path.of(args[1])) : Files.createTempDirectory("docent-bench");
        Path file = dir.resolve("entities.xml");
        if (!Files.exists(file) || Files.size(file) < megabytes * 1024 * 1024) {
            long t0 = System.nanoTime();
            int pages = generate(file, megabytes * 1024 * 1024);
            System.out.printf(
                    Locale.ROOT,
                    "generated %s: %d pages, %.0f MB in %.1f s%n",
                    file,
                    pages,
                    Files.size(file) / 1048576.0,
                    (System.nanoTime() - t0) / 1e9);
        }
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong maxAfterGc = new AtomicLong();
        AtomicLong collections = new AtomicLong();
        watchCollections(maxAfterGc, collections);
        long[] counts = new long[3];
        long t0 = System.nanoTime();
        ConfluenceXmlReader.of(dir).read("bench", new DocumentReader.Sink() {
            @Override
            public void document(SourceDocument document) {
                counts[0]++;
                counts[1] += document.content().length();
            }

            @Override
            public void failed(ReadFailure failure) {
                counts[2]++;
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
        System.out.printf(
                Locale.ROOT,
                "read %.0f MB: %d documents (%d failed), %.0f MB of text, in %.1f s (%.1f MB/s);"
                        + " peak heap (sum of pool peaks) %.0f MB, max heap %.0f MB;"
                        + " most heap in use after a collection %.0f MB (%d collections)%n",
                Files.size(file) / 1048576.0,
                counts[0],
                counts[2],
                counts[1] / 1048576.0,
                seconds,
                Files.size(file) / 1048576.0 / seconds,
                peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0,
                maxAfterGc.get() / 1048576.0,
                collections.get());
    }

    /** Records, for every collection from now on, the heap in use when it ended (all pools summed). */
    private static void watchCollections(AtomicLong maxAfterGc, AtomicLong collections) {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                        notification.getType())) {
                                    return;
                                }
                                var info = GarbageCollectionNotificationInfo.from(
                                        (CompositeData) notification.getUserData());
                                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                        .filter(e -> heapPools.contains(e.getKey()))
                                        .mapToLong(e -> e.getValue().getUsed())
                                        .sum();
                                collections.incrementAndGet();
                                maxAfterGc.accumulateAndGet(used, Math::max);
                            },
                            null,
                            null);
        }
    }

    /** Writes pages until the file reaches {@code bytes}; returns how many current pages it holds. */
    static int generate(Path file, long bytes) throws IOException {
        int page = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            EntitiesXmlWriter xml = new EntitiesXmlWriter(out).space("100", "BENCH", "Benchmark space");
            long written = 0;
            while (written < bytes) {
                page++;
                String id = Integer.toString(100_000 + page * 10);
                String parent = page > 1 ? Integer.toString(100_000 + (page / 10 + 1) * 10) : null;
                String body = body(page);
                String old1 = body(page + 7);
                String old2 = body(page + 13);
                xml.page("Page", id, "Page " + page + " about topic " + (page % 97), parent, id + "1", "current", null);
                xml.page("Page", id + "2", "Page " + page + " (v1)", parent, id + "3", "current", id);
                xml.page("Page", id + "4", "Page " + page + " (v2)", parent, id + "5", "current", id);
                xml.body(id + "3", id + "2", old1);
                xml.body(id + "1", id, body);
                xml.body(id + "5", id + "4", old2);
                written += (body.length() + old1.length() + old2.length()) + 3 * 900L;
            }
            xml.end();
        }
        return page;
    }

    private static String body(int n) {
        StringBuilder s = new StringBuilder();
        s.append("<h2>Overview of item ").append(n).append("</h2>");
        s.append("<p>This page explains how team ")
                .append(n % 31)
                .append(" handles request type ")
                .append(n % 53);
        s.append(". Ask <ac:link><ri:user ri:userkey=\"u-").append(n % 7).append("\" /></ac:link> first.</p>");
        s.append("<ac:structured-macro ac:name=\"info\"><ac:rich-text-body><p>Reviewed every quarter; last review")
                .append(" found ")
                .append(n % 11)
                .append(" issues.</p></ac:rich-text-body></ac:structured-macro>");
        s.append("<table><tbody><tr><th>Step</th><th>Owner</th><th>Notes</th></tr>");
        for (int row = 0; row < 12; row++) {
            s.append("<tr><td>Step ")
                    .append(row)
                    .append("</td><td>team-")
                    .append((n + row) % 17)
                    .append("</td><td>Check the dashboard, then confirm with the on-call engineer.</td></tr>");
        }
        s.append("</tbody></table>");
        s.append("<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">bash</ac:parameter>")
                .append("<ac:plain-text-body><![CDATA[deploy --item ")
                .append(n)
                .append(" --env production]]></ac:plain-text-body></ac:structured-macro>");
        for (int p = 0; p < 6; p++) {
            s.append("<p>Paragraph ")
                    .append(p)
                    .append(": the procedure is documented here so that anyone on the team can follow it without")
                    .append(" asking; exceptions are listed below and reviewed by the owners.</p>");
        }
        return s.toString();
    }
}
