package io.docent.core.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.RequestRetryCondition;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.RetryStrategy;
import com.azure.core.util.HttpClientOptions;
import com.azure.identity.DefaultAzureCredentialBuilder;
import java.time.Duration;

/** HTTP plumbing the Azure clients share: a client with Docent's timeouts, no SDK retries, Entra ID credentials. */
final class AzureHttp {

    private AzureHttp() {}

    /** The SDKs' HTTP client (Netty) with these timeouts; {@code read} bounds the silence between streamed chunks. */
    static HttpClient client(Duration connect, Duration response, Duration read) {
        return HttpClient.createDefault(new HttpClientOptions()
                .setConnectTimeout(connect)
                .setResponseTimeout(response)
                .setReadTimeout(read)
                .setWriteTimeout(response));
    }

    /**
     * Retries are {@link Retrier}'s job: the SDK's policy is kept in the pipeline but never retries. (One retry "allowed"
     * and never wanted, rather than zero allowed: with zero the SDK logs "retry attempts exhausted" on every call.)
     */
    static RetryPolicy noRetries() {
        return new RetryPolicy(new RetryStrategy() {
            @Override
            public int getMaxRetries() {
                return 1;
            }

            @Override
            public Duration calculateRetryDelay(int retryAttempts) {
                return Duration.ZERO;
            }

            @Override
            public boolean shouldRetry(HttpResponse httpResponse) {
                return false;
            }

            @Override
            public boolean shouldRetryException(Throwable throwable) {
                return false;
            }

            @Override
            public boolean shouldRetryCondition(RequestRetryCondition condition) {
                return false;
            }
        });
    }

    /**
     * Entra ID: managed identity in Azure, the developer's Azure CLI or IDE sign-in locally. Built lazily by the
     * SDK: nothing is contacted until the first request.
     */
    static TokenCredential defaultCredential() {
        return new DefaultAzureCredentialBuilder().build();
    }
}
