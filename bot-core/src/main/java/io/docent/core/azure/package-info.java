/**
 * The production backends on Azure: {@link io.docent.core.azure.AzureSearchIndex}, a {@link
 * io.docent.core.SearchIndex} on Azure AI Search (hybrid queries fused by the service, the semantic ranker when
 * enabled), and, on Azure OpenAI or any OpenAI-compatible server, {@link io.docent.core.azure.AzureOpenAiChatModel}
 * and {@link io.docent.core.azure.AzureOpenAiEmbedder}. They receive typed settings ({@link
 * io.docent.core.azure.AzureSearchSettings}, {@link io.docent.core.azure.OpenAiSettings}), read by the app; keys are
 * optional, Entra ID is the default. {@link io.docent.core.azure.AzureDoctor} checks a configuration.
 *
 * <p>The SDKs' own retries are off: {@code Retrier} retries throttling and unavailability with back-off that honours
 * {@code Retry-After}, and every failure leaves as a {@link io.docent.core.DocentException} that names the service and
 * how to fix it, never a secret.
 */
package io.docent.core.azure;
