package io.docent.indexer.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docent.core.InMemorySearchIndex;
import io.docent.core.SourceDocument;
import io.docent.indexer.export.ExportFormat;
import io.docent.indexer.export.ExportOptions;
import io.docent.indexer.export.ExportReader;
import io.docent.indexer.export.ExportReaders;
import io.docent.indexer.sync.SourceSync;
import io.docent.indexer.sync.SyncResult;
import io.docent.indexer.testing.CollectingSink;
import io.docent.indexer.testing.HashingEmbedder;
import io.docent.indexer.testing.SharedData;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the real Confluence 5.9 XML export (Atlassian's Demonstration Space) in {@code shared/data/exports}, as the
 * zip it is delivered as. Skipped, with a message, where that data is not present.
 */
class SharedConfluenceXmlExportTest {

    private static final String EXPORT = "exports/confluence/xml-export-5.9/5.9.zip";

    @TempDir
    Path temp;

    private Path zip;

    @BeforeEach
    void findExport() {
        Optional<Path> found = SharedData.find(EXPORT);
        assumeTrue(found.isPresent(), "shared/data/" + EXPORT + " is not present beside the repository; skipped");
        zip = found.get();
    }

    private ExportReader reader() {
        return ExportReaders.detect(
                zip,
                ExportOptions.builder()
                        .baseUrl("https://demo.atlassian.net/wiki")
                        .tempDir(temp)
                        .build());
    }

    @Test
    void the_real_export_is_detected_and_its_eleven_current_pages_read() {
        ExportReader reader = reader();
        CollectingSink sink = CollectingSink.read(reader);

        assertThat(reader.format()).isEqualTo(ExportFormat.CONFLUENCE_XML);
        assertThat(sink.failures).isEmpty();
        assertThat(sink.documents).hasSize(11); // the unpublished Draft of "toto" is not among them
        SourceDocument welcome = sink.get("196614");
        assertThat(welcome.title()).isEqualTo("Welcome to Confluence");
        assertThat(welcome.space()).isEqualTo("ds");
        assertThat(welcome.metadata()).containsEntry("spaceName", "Demonstration Space");
        assertThat(welcome.url()).isEqualTo("https://demo.atlassian.net/wiki/pages/viewpage.action?pageId=196614");
        assertThat(welcome.accessGroups())
                .containsExactlyInAnyOrder("confluence-users", "administrators", "system-administrators");
        SourceDocument step2 = sink.get("196612");
        assertThat(step2.breadcrumb()).containsExactly("Welcome to Confluence");
        assertThat(step2.content()).contains("### Editor toolbar").doesNotContain("ac:", "ri:", "CDATA");
        assertThat(sink.get("655366").metadata()).containsEntry("author", "Olivier  [Administrator]");
    }

    @Test
    void syncing_it_twice_embeds_it_once() {
        InMemorySearchIndex index = new InMemorySearchIndex();
        HashingEmbedder embedder = new HashingEmbedder();
        SourceSync sync = SourceSync.builder(index, embedder).build();

        SyncResult first = sync.run("demo", reader());
        SyncResult second = sync.run("demo", reader());

        assertThat(first.added()).isEqualTo(11);
        assertThat(second.unchanged()).isEqualTo(11);
        assertThat(embedder.passages()).isEqualTo((int) first.chunksWritten());
    }
}
