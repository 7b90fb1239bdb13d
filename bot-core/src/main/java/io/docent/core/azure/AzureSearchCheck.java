package io.docent.core.azure;

import com.azure.search.documents.indexes.SearchIndexClient;
import com.azure.search.documents.indexes.models.SearchIndex;
import io.docent.core.DocentException;
import io.docent.core.doctor.Finding;
import io.docent.core.doctor.HealthCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an Azure AI Search configuration without changing anything: the service answers, accepts the credentials,
 * and the index (if it exists) has a schema Docent can use and was built with the configured embedding model.
 */
final class AzureSearchCheck implements HealthCheck {

    static final String BACKEND = "Azure AI Search";

    private final AzureSearchSettings settings;
    private final AzureIndexIdentity expected;
    private final AzureSearchIndexBuilder builder;

    /** @param expected the embedding model Docent is configured with, or {@code null} when unknown */
    AzureSearchCheck(AzureSearchSettings settings, AzureIndexIdentity expected, AzureSearchIndexBuilder builder) {
        this.settings = settings;
        this.expected = expected;
        this.builder = builder;
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public List<Finding> run() {
        List<Finding> findings = new ArrayList<>();
        SearchIndexClient client = builder.indexClient();
        SearchIndex index;
        try {
            index = IndexProvisioner.fetch(client, settings.indexName());
        } catch (RuntimeException e) {
            findings.add(connectionProblem(e));
            return findings;
        }
        findings.add(Finding.ok(
                BACKEND,
                "reachability and credentials",
                settings.endpoint() + " answered and accepted the "
                        + (settings.apiKey() == null ? "Entra ID token" : "API key")));
        if (index == null) {
            findings.add(Finding.warning(
                    BACKEND,
                    "index",
                    "the index '" + settings.indexName() + "' does not exist" + " yet",
                    "Nothing to do if this is a new installation: Docent creates it on start; run `docent"
                            + " index` to fill it."));
            return findings;
        }
        List<String> problems = IndexProvisioner.incompatibilities(
                index, IndexSchema.desired(settings, expected == null ? AzureIndexIdentity.of("", 0) : expected));
        if (!problems.isEmpty()) {
            findings.add(Finding.problem(
                    BACKEND,
                    "index schema",
                    "the index '" + settings.indexName() + "' cannot" + " hold Docent's documents: "
                            + String.join("; ", problems),
                    rebuildFix()));
            return findings;
        }
        findings.add(Finding.ok(
                BACKEND, "index schema", "the index '" + settings.indexName() + "' has the fields" + " Docent needs"));
        findings.add(identityFinding(AzureIndexIdentity.parse(index.getDescription())));
        if (settings.semantic() && !IndexProvisioner.hasSemanticConfiguration(index)) {
            findings.add(Finding.warning(
                    BACKEND,
                    "semantic ranker",
                    "AZURE_SEARCH_SEMANTIC is on but the index has" + " no semantic configuration yet",
                    "Docent adds it on start. If the service refuses, its pricing"
                            + " tier lacks the semantic ranker: set " + AzureSearchSettings.SEMANTIC + "=false."));
        }
        return findings;
    }

    private Finding identityFinding(AzureIndexIdentity found) {
        if (found == null) {
            return Finding.warning(
                    BACKEND,
                    "embedding model",
                    "the index records no embedding model",
                    "If it is empty, Docent records its model on start; if not, it was not built by Docent: "
                            + rebuildFix());
        }
        if (expected == null) {
            return Finding.ok(BACKEND, "embedding model", "the index was built with " + found.describe());
        }
        if (!found.embeddingModel().equals(expected.embeddingModel()) || found.dimension() != expected.dimension()) {
            return Finding.problem(
                    BACKEND,
                    "embedding model",
                    "the index was built with " + found.describe() + " but Docent is configured with "
                            + expected.describe(),
                    "Configure the model the index was" + " built with, or " + rebuildFix());
        }
        return Finding.ok(BACKEND, "embedding model", "the index was built with the configured " + found.describe());
    }

    private Finding connectionProblem(RuntimeException e) {
        DocentException why =
                AzureFailures.translate(settings.describe(), "read the index definition", settings.credentialHint(), e);
        if (why instanceof DocentException.AuthenticationFailed) {
            return Finding.problem(BACKEND, "credentials", why.getMessage(), settings.credentialHint());
        }
        return Finding.problem(
                BACKEND,
                "reachability",
                why.getMessage(),
                "Check " + AzureSearchSettings.ENDPOINT
                        + " (https://<service>.search.windows.net), DNS, and the service's network rules (firewall, private"
                        + " endpoint).");
    }

    private String rebuildFix() {
        return "delete the index (Azure portal, or `az search index delete`) or set " + AzureSearchSettings.INDEX
                + " to a new name, then run `docent index`.";
    }
}
