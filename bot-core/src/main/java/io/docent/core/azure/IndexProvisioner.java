package io.docent.core.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.Context;
import com.azure.search.documents.indexes.SearchIndexClient;
import com.azure.search.documents.indexes.models.SearchField;
import com.azure.search.documents.indexes.models.SearchIndex;
import com.azure.search.documents.indexes.models.SemanticConfiguration;
import com.azure.search.documents.indexes.models.SemanticSearch;
import com.azure.search.documents.indexes.models.VectorSearch;
import io.docent.core.DocentException.IndexUnavailable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Docent's index, or checks and completes an existing one, idempotently: running it twice changes nothing.
 *
 * <p>An existing index is compared field by field with {@link IndexSchema#desired}. What can be added in place (a new
 * field, the semantic configuration, the recorded identity of an empty index) is added with one update; what cannot
 * (another key, another type, a field that is not filterable where Docent filters, vectors of another dimension or
 * model) stops Docent with {@link IndexUnavailable} listing every difference. An index is never deleted here: it may
 * hold the only copy of someone's work, and rebuilding is a decision for a person.
 */
final class IndexProvisioner {

    private static final Logger log = LoggerFactory.getLogger(IndexProvisioner.class);

    private IndexProvisioner() {}

    /**
     * @param chunkCount counts the documents of the existing index (only called when it records no identity)
     */
    static void ensure(
            SearchIndexClient client,
            AzureSearchSettings settings,
            AzureIndexIdentity wanted,
            LongSupplier chunkCount,
            Retrier retrier) {
        SearchIndex desired = IndexSchema.desired(settings, wanted);
        SearchIndex existing = retrier.call(() -> fetch(client, settings.indexName()));
        if (existing == null) {
            log.info("Creating the {} for {}", settings.describe(), wanted.describe());
            retrier.call(() -> client.createOrUpdateIndex(desired));
            return;
        }
        List<String> problems = incompatibilities(existing, desired);
        if (!problems.isEmpty()) {
            throw refuse(settings, "exists with a schema Docent cannot use: " + String.join("; ", problems) + ".");
        }
        AzureIndexIdentity found = AzureIndexIdentity.parse(existing.getDescription());
        boolean claim = false;
        if (found == null) {
            if (chunkCount.getAsLong() > 0) {
                throw refuse(
                        settings,
                        "holds documents but records no embedding model (it was not created by"
                                + " Docent, or its description was edited), so its vectors cannot be trusted.");
            }
            claim = true;
        } else if (!found.schema().equals(wanted.schema())) {
            throw refuse(
                    settings,
                    "has Docent layout version " + found.schema() + ", but this Docent uses version " + wanted.schema()
                            + ".");
        } else if (!found.embeddingModel().equals(wanted.embeddingModel()) || found.dimension() != wanted.dimension()) {
            throw refuse(
                    settings,
                    "was built with " + found.describe() + ", but Docent is configured with " + wanted.describe()
                            + ". Vectors of different models cannot be compared.");
        }
        if (complete(existing, desired, claim ? wanted : null)) {
            log.info(
                    "Updating the {}: adding what it lacks (fields, semantic configuration, identity)",
                    settings.describe());
            retrier.call(() -> client.createOrUpdateIndexWithResponse(existing, false, true, Context.NONE));
        }
    }

    static SearchIndex fetch(SearchIndexClient client, String name) {
        try {
            return client.getIndex(name);
        } catch (HttpResponseException e) {
            if (AzureFailures.status(e) == 404) {
                return null;
            }
            throw e;
        }
    }

    /** Every reason the existing index cannot hold Docent's documents; empty if it can. */
    static List<String> incompatibilities(SearchIndex existing, SearchIndex desired) {
        Map<String, SearchField> fields = byName(existing.getFields());
        List<String> problems = new ArrayList<>();
        for (SearchField want : desired.getFields()) {
            SearchField have = fields.get(want.getName());
            if (have == null) {
                if (isTrue(want.isKey())) {
                    problems.add("it has no key field '" + want.getName() + "'");
                }
                continue;
            }
            String name = "field '" + want.getName() + "'";
            if (!Objects.equals(have.getType(), want.getType())) {
                problems.add(name + " is " + have.getType() + ", not " + want.getType());
                continue;
            }
            if (isTrue(want.isKey()) != isTrue(have.isKey())) {
                problems.add(name + (isTrue(want.isKey()) ? " is not the key" : " is the key"));
            }
            requireOn(problems, name, "searchable", want.isSearchable(), have.isSearchable());
            requireOn(problems, name, "filterable", want.isFilterable(), have.isFilterable());
            requireOn(problems, name, "sortable", want.isSortable(), have.isSortable());
            if (isTrue(have.isHidden())) {
                problems.add(name + " is not retrievable");
            }
            if (want.getVectorSearchDimensions() != null
                    && !want.getVectorSearchDimensions().equals(have.getVectorSearchDimensions())) {
                problems.add(name + " holds vectors of " + have.getVectorSearchDimensions() + " dimensions, not "
                        + want.getVectorSearchDimensions() + " (another embedding model)");
            }
        }
        return problems;
    }

    /** Adds to {@code existing} what it lacks; whether anything was added. */
    private static boolean complete(SearchIndex existing, SearchIndex desired, AzureIndexIdentity claim) {
        boolean changed = false;
        Map<String, SearchField> fields = byName(existing.getFields());
        List<SearchField> all = new ArrayList<>(existing.getFields());
        for (SearchField want : desired.getFields()) {
            if (!fields.containsKey(want.getName())) {
                all.add(want);
                changed = true;
                if (want.getVectorSearchProfileName() != null) {
                    addVectorProfile(existing, desired);
                }
            }
        }
        existing.setFields(all);
        if (desired.getSemanticSearch() != null && !hasSemanticConfiguration(existing)) {
            SemanticSearch semantic =
                    existing.getSemanticSearch() == null ? new SemanticSearch() : existing.getSemanticSearch();
            List<SemanticConfiguration> configurations = semantic.getConfigurations() == null
                    ? new ArrayList<>()
                    : new ArrayList<>(semantic.getConfigurations());
            configurations.add(IndexSchema.semanticConfiguration());
            existing.setSemanticSearch(semantic.setConfigurations(configurations));
            changed = true;
        }
        if (claim != null) {
            existing.setDescription(claim.toDescription());
            changed = true;
        }
        return changed;
    }

    /** Docent's HNSW algorithm, profile and compression, added beside whatever vector profiles the index has. */
    private static void addVectorProfile(SearchIndex existing, SearchIndex desired) {
        VectorSearch have = existing.getVectorSearch();
        VectorSearch want = desired.getVectorSearch();
        if (have == null) {
            existing.setVectorSearch(want);
            return;
        }
        have.setAlgorithms(merged(have.getAlgorithms(), want.getAlgorithms(), a -> a.getName()));
        have.setProfiles(merged(have.getProfiles(), want.getProfiles(), p -> p.getName()));
        if (want.getCompressions() != null) {
            have.setCompressions(merged(have.getCompressions(), want.getCompressions(), c -> c.getCompressionName()));
        }
    }

    private static <T> List<T> merged(List<T> have, List<T> want, Function<T, String> name) {
        List<T> all = have == null ? new ArrayList<>() : new ArrayList<>(have);
        for (T item : want) {
            if (all.stream().noneMatch(h -> name.apply(h).equals(name.apply(item)))) {
                all.add(item);
            }
        }
        return all;
    }

    static boolean hasSemanticConfiguration(SearchIndex index) {
        return index.getSemanticSearch() != null
                && index.getSemanticSearch().getConfigurations() != null
                && index.getSemanticSearch().getConfigurations().stream()
                        .anyMatch(c -> IndexSchema.SEMANTIC_CONFIGURATION.equals(c.getName()));
    }

    private static void requireOn(List<String> problems, String name, String attribute, Boolean want, Boolean have) {
        if (isTrue(want) && !isTrue(have)) {
            problems.add(name + " is not " + attribute);
        }
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static Map<String, SearchField> byName(List<SearchField> fields) {
        return fields == null
                ? Map.of()
                : fields.stream().collect(Collectors.toMap(SearchField::getName, Function.identity(), (a, b) -> a));
    }

    static IndexUnavailable refuse(AzureSearchSettings settings, String why) {
        return new IndexUnavailable(
                "The " + settings.describe() + " " + why + " Docent never deletes an index. Delete it yourself (Azure"
                        + " portal, or `az search index delete`) or set " + AzureSearchSettings.INDEX + " to a new"
                        + " name, then run `docent index` to fill it.",
                null);
    }
}
