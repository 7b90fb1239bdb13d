package io.docent.app.web;

import io.docent.app.DocentStack;
import io.docent.app.SampleKnowledgeBase;
import io.docent.app.config.Settings;
import io.docent.app.serve.DocentServer;
import io.docent.indexer.sync.IndexJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real embedded default (Lucene, the bundled bge-small model, the extractive answerer) over the sample
 * "Northwind Labs" handbook, indexed once per JVM into a temporary DOCENT_HOME and shared by the web chat's
 * integration tests and its benchmark; closed and deleted when the JVM exits.
 */
public final class SampleStack {

    private static DocentStack stack;

    private SampleStack() {}

    public static synchronized DocentStack shared() {
        return shared(Map.of());
    }

    /**
     * As {@link #shared()}, the first call opening the stack with these settings besides {@code DOCENT_HOME} (the
     * benchmark turns the query-embedding cache off with them).
     */
    public static synchronized DocentStack shared(Map<String, String> settings) {
        if (stack == null) {
            try {
                Path home = Files.createTempDirectory("webchat-sample-stack");
                Map<String, String> all = new java.util.HashMap<>(settings);
                all.put("DOCENT_HOME", home.toString());
                DocentStack opened = DocentStack.open(Settings.of(all), null);
                Path folder = SampleKnowledgeBase.extractTo(home.resolve("sample-kb"));
                IndexJob.builder(opened.index(), opened.embedder(), SampleKnowledgeBase.SOURCE, folder)
                        .build()
                        .runOnce();
                opened.index().commit();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    opened.close();
                    delete(home);
                }));
                stack = opened;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }

    /** A server on 127.0.0.1 (free port) with the web chat, default settings, over the shared stack; started. */
    public static DocentServer serveWebChat() {
        DocentServer server = DocentServer.bind("127.0.0.1", 0);
        WebChat.from(Settings.of(Map.of())).mount(server, shared().pipeline());
        return server.start();
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans it eventually
        }
    }
}
