package io.docent.app;

import io.docent.core.DocentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample knowledge base that ships inside the jar: the handbook of Northwind Labs, a fictional company, shaped
 * like a Confluence HTML space export. It is copied out of the jar into {@code DOCENT_HOME/sample-kb} so the
 * indexer reads it like any other export, and so citations point to files a reader can open.
 */
public final class SampleKnowledgeBase {

    public static final String SOURCE = "handbook";
    private static final String ROOT = "/io/docent/app/samplekb/";
    private static final Pattern LINK = Pattern.compile("href=\"([A-Za-z0-9_.-]+\\.html)\"");

    private SampleKnowledgeBase() {}

    /** Copies the handbook to {@code target} (overwriting older copies) and returns the folder. */
    public static Path extractTo(Path target) {
        try {
            Files.createDirectories(target.resolve("styles"));
            String index = read("index.html");
            Set<String> files = new LinkedHashSet<>();
            files.add("index.html");
            files.add("styles/site.css");
            Matcher m = LINK.matcher(index);
            while (m.find()) {
                files.add(m.group(1));
            }
            for (String file : files) {
                try (InputStream in = open(file)) {
                    Files.copy(in, target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new DocentException("cannot copy the sample knowledge base to " + target + ": " + e.getMessage(), e);
        }
    }

    private static String read(String file) throws IOException {
        try (InputStream in = open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = SampleKnowledgeBase.class.getResourceAsStream(ROOT + file);
        if (in == null) {
            throw new IOException("the jar has no " + ROOT + file);
        }
        return in;
    }
}
