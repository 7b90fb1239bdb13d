package io.docent.core.azure;

import io.docent.core.ChatMessage;
import io.docent.core.DocentException;
import io.docent.core.doctor.Finding;
import io.docent.core.doctor.HealthCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks an Azure OpenAI or OpenAI-compatible configuration with the smallest real calls: a five-token chat
 * completion from the chat deployment and one embedding from the embedding deployment. Each failure is told apart:
 * unreachable, credentials refused, deployment not found, throttled, slow.
 */
final class AzureOpenAiCheck implements HealthCheck {

    private final OpenAiSettings settings;
    private final Supplier<AzureOpenAiChatModel> chat;
    private final Supplier<AzureOpenAiEmbedder> embedder;

    AzureOpenAiCheck(
            OpenAiSettings settings, Supplier<AzureOpenAiChatModel> chat, Supplier<AzureOpenAiEmbedder> embedder) {
        this.settings = settings;
        this.chat = chat;
        this.embedder = embedder;
    }

    @Override
    public String backend() {
        return settings.azure() ? "Azure OpenAI" : "OpenAI-compatible server";
    }

    @Override
    public List<Finding> run() {
        List<Finding> findings = new ArrayList<>();
        if (settings.chatModel() != null) {
            findings.add(check("chat model '" + settings.chatModel() + "'", settings.chatSetting(), () -> {
                var completion = chat.get()
                        .complete(List.of(new ChatMessage(ChatMessage.Role.USER, "Reply with the single word OK.")), 5);
                return completion.refused() ? "answered (its content filter refused a harmless prompt)" : "answered";
            }));
        }
        if (settings.embeddingModel() != null) {
            findings.add(
                    check("embedding model '" + settings.embeddingModel() + "'", settings.embeddingSetting(), () -> {
                        var model = embedder.get();
                        float[] vector = model.embedQuery("doctor");
                        return "returned a vector of " + vector.length + " dimensions (" + model.modelName() + ")";
                    }));
        }
        return findings;
    }

    private Finding check(String what, String setting, Supplier<String> call) {
        long start = System.nanoTime();
        try {
            String result = call.get();
            long millis = (System.nanoTime() - start) / 1_000_000;
            return Finding.ok(backend(), what, result + " in " + millis + " ms");
        } catch (DocentException e) {
            return Finding.problem(backend(), what, e.getMessage(), fix(e, setting));
        }
    }

    private String fix(DocentException e, String setting) {
        return switch (e) {
            case DocentException.AuthenticationFailed a -> settings.credentialHint();
            case DocentException.RateLimited r ->
                "The quota is exhausted for now: wait, or raise the deployment's" + " tokens-per-minute limit.";
            case DocentException.TimedOut t ->
                "The service is slow: try again, or raise " + OpenAiSettings.TIMEOUT_SECONDS + ".";
            case DocentException.Retriable r ->
                "Check " + (settings.azure() ? OpenAiSettings.AZURE_ENDPOINT : OpenAiSettings.BASE_URL)
                        + ", DNS and the network; try again later if the service is busy.";
            default ->
                e.getMessage().contains("not found")
                        ? "Check " + setting
                                + (settings.azure()
                                        ? ": it is the deployment name shown in Azure AI Foundry, not the model"
                                                + " name."
                                        : ": the model must be served (for Ollama: `ollama pull <model>`).")
                        : "See the message above.";
        };
    }
}
