package io.docent.core.azure;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import reactor.core.publisher.Mono;

/**
 * Sends the SDK's OpenAI-mode requests to another OpenAI-compatible server: {@code https://api.openai.com/v1/...}
 * becomes {@code <base URL>/...}, and the key, if any, goes in {@code Authorization: Bearer}. See {@link
 * OpenAiClients}.
 */
final class BaseUrlPolicy implements HttpPipelinePolicy {

    private static final String SDK_BASE = "https://api.openai.com/v1";

    private final String baseUrl;
    private final String apiKey;

    BaseUrlPolicy(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.apiKey = apiKey;
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        redirect(context.getHttpRequest());
        return next.process();
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        redirect(context.getHttpRequest());
        return next.processSync();
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_RETRY;
    }

    private void redirect(HttpRequest request) {
        String url = request.getUrl().toString();
        if (url.startsWith(SDK_BASE)) {
            request.setUrl(baseUrl + url.substring(SDK_BASE.length()));
        }
        if (apiKey != null) {
            request.setHeader(com.azure.core.http.HttpHeaderName.AUTHORIZATION, "Bearer " + apiKey);
        }
    }

    @Override
    public String toString() {
        return "BaseUrlPolicy[" + baseUrl + ", key " + (apiKey == null ? "none" : "***") + "]";
    }
}
