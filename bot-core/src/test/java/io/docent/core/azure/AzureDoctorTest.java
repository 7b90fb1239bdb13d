package io.docent.core.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.docent.core.doctor.Doctor;
import io.docent.core.doctor.Finding;
import io.docent.core.doctor.Finding.Severity;
import io.docent.core.doctor.HealthCheck;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code docent doctor} on Azure: every kind of trouble becomes a finding that says how to fix it. */
class AzureDoctorTest extends FakeSearchSupport {

    FakeOpenAiServer openAi;
    AzureSearchSettings search;
    OpenAiSettings models;

    @BeforeEach
    void configure() {
        openAi = new FakeOpenAiServer(true);
        search = new AzureSearchSettings(service.endpoint(), indexName, FakeSearchService.API_KEY, false, null, false);
        models = azureOpenAi(openAi.url());
    }

    @AfterEach
    void stopOpenAi() {
        openAi.close();
    }

    @Test
    void a_working_configuration_is_healthy() {
        AzureSearchIndex.builder(settings())
                .embeddingModel("azure-openai:te3@4", 4)
                .httpClient(TestTls.get().httpClient())
                .open()
                .close();

        List<Finding> findings = examine();

        assertThat(findings).extracting(Finding::severity).containsOnly(Severity.OK);
        assertThat(findings)
                .extracting(Finding::check)
                .contains(
                        "reachability and credentials",
                        "index schema",
                        "embedding model",
                        "chat model 'gpt-4o'",
                        "embedding model 'te3'");
        assertThat(Doctor.healthy(findings)).isTrue();
    }

    @Test
    void a_missing_index_is_only_a_warning_and_is_not_created() {
        List<Finding> findings = examine();

        assertThat(findings)
                .filteredOn(f -> f.check().equals("index"))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(service.index(indexName)).isNull();
        assertThat(Doctor.healthy(findings)).isTrue();
    }

    @Test
    void refused_search_credentials_are_a_problem_with_the_fix_and_without_the_key() {
        search = new AzureSearchSettings(service.endpoint(), indexName, "not-the-key-42", false, null, false);

        Finding finding = examine().getFirst();

        assertThat(finding.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(finding.check()).isEqualTo("credentials");
        assertThat(finding.fix()).contains("AZURE_SEARCH_API_KEY");
        assertThat(finding.format()).doesNotContain("not-the-key-42");
    }

    @Test
    void an_index_of_another_embedding_model_is_a_problem() {
        AzureSearchIndex.builder(settings())
                .embeddingModel("bge-small-en-v1.5", 4)
                .httpClient(TestTls.get().httpClient())
                .open()
                .close();

        assertThat(examine())
                .filteredOn(f -> f.check().equals("embedding model"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
                    assertThat(f.message()).contains("bge-small-en-v1.5").contains("azure-openai:te3@4");
                    assertThat(f.fix()).contains("AZURE_SEARCH_INDEX");
                });
    }

    @Test
    void an_unknown_deployment_is_a_problem_naming_the_setting() {
        openAi.enqueue(FakeOpenAiServer.error(404, "DeploymentNotFound", "The API deployment does not exist."));

        assertThat(examine())
                .filteredOn(f -> f.check().startsWith("chat model"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
                    assertThat(f.fix()).contains("AZURE_OPENAI_CHAT_DEPLOYMENT").contains("deployment name");
                });
    }

    @Test
    void an_unreachable_model_service_is_a_problem() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        models = azureOpenAi("https://127.0.0.1:" + closed);

        assertThat(examine())
                .filteredOn(f -> f.backend().equals("Azure OpenAI"))
                .isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
                    assertThat(f.message()).contains("cannot reach");
                    assertThat(f.fix()).contains("AZURE_OPENAI_ENDPOINT");
                })
                .hasSize(2);
    }

    @Test
    void nothing_configured_means_nothing_to_check() {
        assertThat(AzureDoctor.checks(Optional.empty(), Optional.empty(), null, 0))
                .isEmpty();
    }

    @Test
    void a_check_that_breaks_becomes_a_problem_and_the_others_still_run() {
        HealthCheck broken = new HealthCheck() {
            @Override
            public String backend() {
                return "Broken";
            }

            @Override
            public List<Finding> run() {
                throw new IllegalStateException("bug");
            }
        };
        HealthCheck fine = new HealthCheck() {
            @Override
            public String backend() {
                return "Fine";
            }

            @Override
            public List<Finding> run() {
                return List.of(Finding.ok("Fine", "all", "good"));
            }
        };

        List<Finding> findings = new Doctor(List.of(broken, fine)).examine();

        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.PROBLEM, Severity.OK);
    }

    private List<Finding> examine() {
        return new Doctor(AzureDoctor.checks(
                        Optional.of(models),
                        Optional.of(search),
                        null,
                        0,
                        TestTls.get().httpClient()))
                .examine();
    }

    private static OpenAiSettings azureOpenAi(String endpoint) {
        return new OpenAiSettings(true, endpoint, FakeOpenAiServer.AZURE_KEY, "gpt-4o", "te3", 4, null);
    }
}
