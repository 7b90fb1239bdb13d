package io.docent.indexer.confluence;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a Confluence XML space export ({@code entities.xml} and {@code exportDescriptor.properties}) of any number
 * of pages, for benchmarks: a page tree (each page under an earlier one, a few levels deep), and storage-format
 * bodies of varied length with headings, paragraphs, lists, some tables, code macros, info panels and user mentions.
 * The same seed gives the same bytes, so a second run over the export finds every page unchanged.
 *
 * <p>Lengths follow a skewed mix, as in a real wiki: most pages short, a quarter mid-sized, a few long. The
 * default mix averages about 230 words of text per page; {@link #wordsScale} scales it.
 */
public final class ConfluenceExportGenerator {

    private static final String[] TOPICS = {
        "deployment",
        "on-call rotation",
        "expense claims",
        "VPN access",
        "incident review",
        "onboarding",
        "release train",
        "data retention",
        "laptop refresh",
        "travel policy",
        "code review",
        "backup restore",
        "customer escalation",
        "feature flags",
        "load testing",
        "access requests",
        "vendor contracts",
        "security training",
        "office moves",
        "API versioning"
    };
    private static final String[] SUBJECTS = {
        "The team",
        "Each engineer",
        "The service owner",
        "Finance",
        "The on-call engineer",
        "Your manager",
        "The release captain",
        "Security",
        "The requester",
        "IT support"
    };
    private static final String[] VERBS = {
        "reviews",
        "approves",
        "documents",
        "schedules",
        "verifies",
        "escalates",
        "archives",
        "rotates",
        "tests",
        "announces"
    };
    private static final String[] OBJECTS = {
        "the change request", "the runbook", "every alert", "the quarterly report", "the access list",
        "the rollback plan", "the backup job", "the incident timeline", "the budget line", "the vendor invoice"
    };
    private static final String[] TAILS = {
        "before Friday noon",
        "within two business days",
        "after the weekly sync",
        "in the shared tracker",
        "unless the risk is rated low",
        "with a second reviewer",
        "as described in the handbook",
        "for every production system",
        "once the ticket is closed",
        "and records the outcome"
    };

    private final int pages;
    private final long seed;
    private double wordsScale = 1.0;

    private ConfluenceExportGenerator(int pages, long seed) {
        this.pages = pages;
        this.seed = seed;
    }

    /** A generator of {@code pages} current pages from {@code seed}. */
    public static ConfluenceExportGenerator of(int pages, long seed) {
        if (pages < 1) {
            throw new IllegalArgumentException("pages must be >= 1, was " + pages);
        }
        return new ConfluenceExportGenerator(pages, seed);
    }

    /** Multiplies every page's length (default 1.0). */
    public ConfluenceExportGenerator wordsScale(double scale) {
        this.wordsScale = scale;
        return this;
    }

    /** Writes the export into {@code folder} (created if needed); returns the words of body text written. */
    public long writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(
                folder.resolve("exportDescriptor.properties"),
                "exportType=space\nspaceKey=GEN\nbackupAttachments=false\nbuildNumber=6452\n"
                        + "createdByBuildNumber=6452\nsource=server\n");
        Random random = new Random(seed);
        long words = 0;
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("entities.xml"), StandardCharsets.UTF_8)) {
            EntitiesXmlWriter xml = new EntitiesXmlWriter(out).space("100", "GEN", "Generated engineering space");
            for (int page = 1; page <= pages; page++) {
                String id = Integer.toString(1_000_000 + page);
                // a tree: the first pages are near the root, later ones hang under a random earlier page
                String parent = page == 1
                        ? null
                        : Integer.toString(1_000_000 + 1 + random.nextInt(Math.min(page - 1, 50 + page / 4)));
                String topic = TOPICS[random.nextInt(TOPICS.length)];
                String title = "How we handle " + topic + " (" + page + ")";
                StringBuilder body = new StringBuilder();
                words += body(random, topic, page, body);
                xml.page(id, title, parent, id + "0");
                xml.body(id + "0", id, body.toString());
            }
            xml.end();
        }
        return words;
    }

    /** Appends one page's storage-format body; returns its words of text (roughly). */
    private long body(Random random, String topic, int page, StringBuilder s) {
        double r = random.nextDouble();
        int target = (int) (wordsScale
                * (r < 0.65
                        ? 60 + random.nextInt(140)
                        : r < 0.92 ? 200 + random.nextInt(250) : 500 + random.nextInt(700)));
        long words = 0;
        s.append("<p>This page describes ")
                .append(topic)
                .append(" for team ")
                .append(page % 37)
                .append(". Ask <ac:link><ri:user ri:userkey=\"u-")
                .append(page % 23)
                .append("\" /></ac:link> when in doubt.</p>");
        words += 14;
        int section = 0;
        while (words < target) {
            section++;
            s.append("<h2>")
                    .append(
                            section == 1
                                    ? "Overview"
                                    : "Step " + section + ": " + OBJECTS[random.nextInt(OBJECTS.length)])
                    .append("</h2>");
            int kind = random.nextInt(10);
            if (kind == 0) {
                s.append("<table><tbody><tr><th>Owner</th><th>Task</th><th>When</th></tr>");
                int rows = 3 + random.nextInt(6);
                for (int row = 0; row < rows; row++) {
                    s.append("<tr><td>")
                            .append(SUBJECTS[random.nextInt(SUBJECTS.length)])
                            .append("</td><td>")
                            .append(VERBS[random.nextInt(VERBS.length)])
                            .append(' ')
                            .append(OBJECTS[random.nextInt(OBJECTS.length)])
                            .append("</td><td>")
                            .append(TAILS[random.nextInt(TAILS.length)])
                            .append("</td></tr>");
                    words += 10;
                }
                s.append("</tbody></table>");
            } else if (kind == 1) {
                s.append("<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">bash</ac:parameter>")
                        .append("<ac:plain-text-body><![CDATA[");
                int lines = 2 + random.nextInt(6);
                for (int line = 0; line < lines; line++) {
                    s.append("kubectl --context prod-")
                            .append(random.nextInt(4))
                            .append(" rollout restart deployment/")
                            .append(topic.replace(' ', '-'))
                            .append('-')
                            .append(random.nextInt(9))
                            .append('\n');
                    words += 6;
                }
                s.append("]]></ac:plain-text-body></ac:structured-macro>");
            } else if (kind == 2) {
                s.append("<ac:structured-macro ac:name=\"info\"><ac:rich-text-body><p>");
                words += sentence(random, s);
                s.append("</p></ac:rich-text-body></ac:structured-macro>");
            } else if (kind == 3) {
                s.append("<ul>");
                int items = 2 + random.nextInt(5);
                for (int i = 0; i < items; i++) {
                    s.append("<li>");
                    words += sentence(random, s);
                    s.append("</li>");
                }
                s.append("</ul>");
            }
            int paragraphs = 1 + random.nextInt(3);
            for (int p = 0; p < paragraphs; p++) {
                s.append("<p>");
                int sentences = 2 + random.nextInt(4);
                for (int i = 0; i < sentences; i++) {
                    words += sentence(random, s);
                    s.append(' ');
                }
                s.append("</p>");
            }
        }
        return words;
    }

    private static int sentence(Random random, StringBuilder s) {
        s.append(SUBJECTS[random.nextInt(SUBJECTS.length)])
                .append(' ')
                .append(VERBS[random.nextInt(VERBS.length)])
                .append(' ')
                .append(OBJECTS[random.nextInt(OBJECTS.length)])
                .append(' ')
                .append(TAILS[random.nextInt(TAILS.length)])
                .append('.');
        return 10;
    }
}
