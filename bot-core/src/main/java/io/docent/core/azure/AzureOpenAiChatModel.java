package io.docent.core.azure;

import com.azure.ai.openai.OpenAIClient;
import com.azure.ai.openai.models.ChatChoice;
import com.azure.ai.openai.models.ChatCompletionStreamOptions;
import com.azure.ai.openai.models.ChatCompletions;
import com.azure.ai.openai.models.ChatCompletionsOptions;
import com.azure.ai.openai.models.ChatRequestAssistantMessage;
import com.azure.ai.openai.models.ChatRequestMessage;
import com.azure.ai.openai.models.ChatRequestSystemMessage;
import com.azure.ai.openai.models.ChatRequestUserMessage;
import com.azure.ai.openai.models.CompletionsFinishReason;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpClient;
import com.azure.core.util.IterableStream;
import io.docent.core.ChatMessage;
import io.docent.core.ChatModel;
import io.docent.core.DocentException;
import io.docent.core.Sleeper;
import io.docent.core.pipeline.Tokens;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link ChatModel} on Azure OpenAI or any OpenAI-compatible server (see {@link OpenAiClients}), streamed.
 *
 * <p>Every call streams: tokens reach {@code onToken} as they arrive, and the last chunk carries the token usage
 * ({@code stream_options.include_usage}); a server that sends none gets an estimate from the prompt and answer.
 * Throttling (429, honouring {@code Retry-After}) and unavailability are retried before the first token, never after
 * (a retry then would repeat what the user has already seen). A content filter is not an error: Azure's refusal of
 * the prompt (HTTP 400, code {@code content_filter}) and a completion cut by the filter (finish reason {@code
 * content_filter}) both return a {@link Completion} whose {@code refused} flag is set. Slow servers end in {@link
 * DocentException.TimedOut} after the settings' timeout without a byte.
 */
public final class AzureOpenAiChatModel implements ChatModel {

    private final OpenAIClient client;
    private final OpenAiSettings settings;
    private final Retrier retrier;
    private final Double temperature;

    AzureOpenAiChatModel(OpenAIClient client, OpenAiSettings settings, Retrier retrier, Double temperature) {
        this.client = client;
        this.settings = settings;
        this.retrier = retrier;
        this.temperature = temperature;
        requireChatModel(settings);
    }

    /** The chat model of {@code settings}, over the default HTTP client with the settings' timeout. */
    public static AzureOpenAiChatModel create(OpenAiSettings settings) {
        return create(settings, null);
    }

    /** As {@link #create(OpenAiSettings)}, over {@code httpClient} (a proxy, custom TLS), or the default if null. */
    public static AzureOpenAiChatModel create(OpenAiSettings settings, HttpClient httpClient) {
        requireChatModel(settings);
        return new AzureOpenAiChatModel(
                OpenAiClients.build(settings, httpClient, null), settings, Retrier.withDefaults(Sleeper.SYSTEM), 0.1);
    }

    private static void requireChatModel(OpenAiSettings settings) {
        if (settings.chatModel() == null) {
            throw Config.invalid(settings.chatSetting() + " is not set: it names the chat model to answer with");
        }
    }

    @Override
    public Completion complete(List<ChatMessage> messages, int maxTokens, Consumer<String> onToken) {
        Objects.requireNonNull(onToken, "onToken");
        ChatCompletionsOptions options = new ChatCompletionsOptions(
                        messages.stream().map(AzureOpenAiChatModel::toRequest).toList())
                .setMaxTokens(maxTokens)
                .setTemperature(temperature);
        IterableStream<ChatCompletions> stream;
        try {
            stream = retrier.call(() -> client.getChatCompletionsStream(
                    settings.chatModel(), options, new ChatCompletionStreamOptions().setIncludeUsage(true)));
        } catch (RuntimeException e) {
            if (isContentFilter(e)) {
                return new Completion("", true, 0, 0);
            }
            throw failure(e);
        }
        StringBuilder text = new StringBuilder();
        boolean refused = false;
        int promptTokens = -1;
        int completionTokens = -1;
        try {
            for (ChatCompletions chunk : stream) {
                if (chunk.getUsage() != null) {
                    promptTokens = chunk.getUsage().getPromptTokens();
                    completionTokens = chunk.getUsage().getCompletionTokens();
                }
                if (chunk.getChoices() == null || chunk.getChoices().isEmpty()) {
                    continue; // Azure's prompt-filter preamble, or the usage chunk
                }
                ChatChoice choice = chunk.getChoices().getFirst();
                if (choice.getDelta() != null && choice.getDelta().getContent() != null) {
                    String token = choice.getDelta().getContent();
                    text.append(token);
                    onToken.accept(token);
                }
                if (CompletionsFinishReason.CONTENT_FILTERED.equals(choice.getFinishReason())) {
                    refused = true;
                }
            }
        } catch (RuntimeException e) {
            throw failure(e);
        }
        if (promptTokens < 0) {
            promptTokens = Tokens.prompt(messages);
            completionTokens = Tokens.count(text.toString());
        }
        return new Completion(text.toString(), refused, promptTokens, completionTokens);
    }

    private static ChatRequestMessage toRequest(ChatMessage message) {
        return switch (message.role()) {
            case SYSTEM -> new ChatRequestSystemMessage(message.content());
            case USER -> new ChatRequestUserMessage(message.content());
            case ASSISTANT -> new ChatRequestAssistantMessage(message.content());
        };
    }

    /** Azure refuses a prompt its content filter flags with HTTP 400 and the error code {@code content_filter}. */
    static boolean isContentFilter(RuntimeException e) {
        if (!(e instanceof HttpResponseException http) || AzureFailures.status(e) != 400) {
            return false;
        }
        String body = String.valueOf(http.getValue()) + " " + http.getMessage();
        return body.contains("content_filter") || body.contains("ResponsibleAIPolicyViolation");
    }

    private DocentException failure(RuntimeException e) {
        if (AzureFailures.status(e) == 404) {
            return new DocentException(
                    "The chat model '" + settings.chatModel() + "' was not found at " + settings.describe() + ". Check "
                            + settings.chatSetting()
                            + (settings.azure() ? " (the deployment name, not the model name)" : "")
                            + ".",
                    e);
        }
        return AzureFailures.translate(
                settings.describe(), "get an answer from the chat model", settings.credentialHint(), e);
    }

    @Override
    public String toString() {
        return "AzureOpenAiChatModel[" + settings.chatModel() + " on " + settings.describe() + "]";
    }
}
