package io.docent.core.azure;

import io.docent.core.ChatModel;
import java.time.Duration;
import java.util.List;

/**
 * The fake OpenAI-protocol server ({@link FakeOpenAiServer}) opened to benchmarks outside this package: it streams
 * the same fixed tokens to every chat request, at once or {@linkplain #paced paced} like a model, and keeps no
 * record of the requests. Not a test.
 */
public final class BenchmarkOpenAiServer implements AutoCloseable {

    private final FakeOpenAiServer server;
    private final boolean azure;

    /**
     * An OpenAI-compatible server over plain http ({@code azure} false, {@code /v1/chat/completions}) or an
     * Azure OpenAI one over https with the test certificate ({@code azure} true).
     */
    public BenchmarkOpenAiServer(boolean azure, List<String> tokens) {
        this.azure = azure;
        this.server = new FakeOpenAiServer(azure);
        server.recording = false;
        server.defaultTokens = List.copyOf(tokens);
    }

    /**
     * Streams like a model that takes {@code firstToken} to start and then writes a token every {@code interval}
     * (e.g. one second, then 50 ms: 20 tokens a second).
     */
    public BenchmarkOpenAiServer paced(Duration firstToken, Duration interval) {
        server.firstTokenDelay = firstToken;
        server.tokenInterval = interval;
        return this;
    }

    /** {@link System#nanoTime()} when the latest stream's first token was written to its client. */
    public long firstTokenSentNanos() {
        return server.firstTokenSentNanos;
    }

    public String url() {
        return server.url();
    }

    /** The real chat model client, built from {@link OpenAiSettings} as the bot builds it, against this server. */
    public ChatModel chatModel() {
        if (azure) {
            var settings =
                    AzureOpenAiChatModelTest.settings(server, FakeOpenAiServer.AZURE_KEY, Duration.ofSeconds(10));
            return AzureOpenAiChatModel.create(settings, TestTls.get().httpClient());
        }
        var settings = new OpenAiSettings(false, server.url() + "/v1", "sk-local-bench", "llama3.1", null, null, null);
        return AzureOpenAiChatModel.create(settings);
    }

    @Override
    public void close() {
        server.close();
    }
}
