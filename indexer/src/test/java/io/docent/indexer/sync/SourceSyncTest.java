package io.docent.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.Chunk;
import io.docent.core.DocentException;
import io.docent.core.Embedder;
import io.docent.core.InMemorySearchIndex;
import io.docent.core.IndexedDocument;
import io.docent.indexer.Permissions;
import io.docent.indexer.chunking.Chunker;
import io.docent.indexer.chunking.ChunkerSettings;
import io.docent.indexer.files.FolderReader;
import io.docent.indexer.sync.SyncResult.Problem;
import io.docent.indexer.sync.SyncResult.Status;
import io.docent.indexer.testing.HashingEmbedder;
import io.docent.indexer.testing.ListReader;
import io.docent.indexer.testing.SteppingClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSyncTest {

    private final InMemorySearchIndex index = new InMemorySearchIndex();
    private final HashingEmbedder embedder = new HashingEmbedder();
    private final SourceSync sync = SourceSync.builder(index, embedder).build();

    private static ListReader tenDocuments() {
        ListReader reader = new ListReader();
        for (int i = 0; i < 10; i++) {
            reader.add("doc" + i + ".md", "Document " + i + " explains rule " + i + ".");
        }
        return reader;
    }

    private List<String> indexedIds(String source) {
        return index.listDocuments(source).stream()
                .map(IndexedDocument::documentId)
                .sorted()
                .toList();
    }

    @Test
    void new_documents_are_chunked_embedded_and_written() {
        SyncResult result =
                sync.run("hb", new ListReader().add("a.md", "Alpha text.").add("b.md", "Beta text."));

        assertThat(result.status()).isEqualTo(Status.DONE);
        assertThat(result.added()).isEqualTo(2);
        assertThat(result.chunksWritten()).isEqualTo(2);
        assertThat(indexedIds("hb")).containsExactly("hb:a.md", "hb:b.md");
        Chunk chunk = index.chunksOf("hb:a.md").getFirst();
        assertThat(chunk.id()).isEqualTo("hb:a.md#0");
        assertThat(chunk.source()).isEqualTo("hb");
        assertThat(chunk.embedding()).hasSize(HashingEmbedder.DIMENSION);
        assertThat(embedder.embeddedTexts).contains("Title of a.md\nAlpha text.");
    }

    @Test
    void unchanged_documents_are_skipped_without_embedding() {
        ListReader reader = tenDocuments();
        sync.run("hb", reader);
        int embeddedAfterFirstRun = embedder.passages();
        int callsAfterFirstRun = embedder.calls.get();

        SyncResult again = sync.run("hb", reader);

        assertThat(again.unchanged()).isEqualTo(10);
        assertThat(again.added() + again.updated() + again.deleted()).isZero();
        assertThat(again.chunksWritten()).isZero();
        assertThat(embedder.passages()).isEqualTo(embeddedAfterFirstRun);
        assertThat(embedder.calls.get()).isEqualTo(callsAfterFirstRun);
    }

    @Test
    void a_changed_document_is_re_embedded_and_replaced_alone() {
        ListReader reader = tenDocuments();
        sync.run("hb", reader);
        int before = embedder.passages();

        reader.remove("doc3.md").add("doc3.md", "Document 3 now says something else entirely.");
        SyncResult result = sync.run("hb", reader);

        assertThat(result.updated()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(9);
        assertThat(embedder.passages() - before).isEqualTo(1);
        assertThat(index.chunksOf("hb:doc3.md"))
                .singleElement()
                .extracting(Chunk::text)
                .asString()
                .contains("something else");
    }

    @Test
    void documents_gone_from_the_export_are_deleted() {
        ListReader reader = tenDocuments();
        sync.run("hb", reader);

        SyncResult result = sync.run("hb", reader.remove("doc7.md"));

        assertThat(result.deleted()).isEqualTo(1);
        assertThat(result.status()).isEqualTo(Status.DONE);
        assertThat(indexedIds("hb")).hasSize(9).doesNotContain("hb:doc7.md");
    }

    @Test
    void deleting_more_than_the_allowed_share_is_refused_and_deletes_nothing() {
        ListReader reader = tenDocuments();
        sync.run("hb", reader);
        reader.remove("doc1.md").remove("doc2.md").remove("doc3.md").add("new.md", "A new page.");

        SyncResult result = sync.run("hb", reader);

        assertThat(result.status()).isEqualTo(Status.REFUSED);
        assertThat(result.message()).contains("3 of the 10", "30%", "20%", "allow-mass-delete");
        assertThat(result.deleted()).isZero();
        assertThat(result.added()).isEqualTo(1); // what was read is still indexed
        assertThat(indexedIds("hb")).hasSize(11).contains("hb:doc1.md", "hb:doc2.md", "hb:doc3.md");
        assertThat(index.deleteCalls.get()).isZero();
    }

    @Test
    void up_to_the_allowed_share_is_deleted_without_asking() {
        ListReader reader = tenDocuments();
        sync.run("hb", reader);

        SyncResult result = sync.run("hb", reader.remove("doc1.md").remove("doc2.md"));

        assertThat(result.status()).isEqualTo(Status.DONE);
        assertThat(result.deleted()).isEqualTo(2);
    }

    @Test
    void mass_deletion_goes_ahead_when_allowed() {
        ListReader reader = tenDocuments();
        sync.run("hb", reader);
        SourceSync allowing =
                SourceSync.builder(index, embedder).allowMassDelete(true).build();

        SyncResult result = allowing.run("hb", new ListReader().add("doc0.md", "Document 0 explains rule 0."));

        assertThat(result.status()).isEqualTo(Status.DONE);
        assertThat(result.deleted()).isEqualTo(9);
        assertThat(indexedIds("hb")).containsExactly("hb:doc0.md");
    }

    @Test
    void an_empty_export_deletes_nothing_even_when_mass_deletion_is_allowed() {
        sync.run("hb", tenDocuments());
        SourceSync allowing =
                SourceSync.builder(index, embedder).allowMassDelete(true).build();

        SyncResult result = allowing.run("hb", new ListReader());

        assertThat(result.status()).isEqualTo(Status.REFUSED);
        assertThat(result.message()).contains("No documents were read", "nothing was deleted");
        assertThat(indexedIds("hb")).hasSize(10);
    }

    @Test
    void a_missing_export_deletes_nothing() {
        sync.run("hb", tenDocuments());

        SyncResult result = sync.run("hb", ListReader.missing());

        assertThat(result.status()).isEqualTo(Status.REFUSED);
        assertThat(result.message()).contains("does not exist", "Nothing was deleted");
        assertThat(indexedIds("hb")).hasSize(10);
    }

    @Test
    void an_export_that_breaks_while_being_read_deletes_nothing_but_keeps_what_it_read() {
        sync.run("hb", new ListReader().add("old.md", "Old."));
        ListReader breaking = new ListReader()
                .add("a.md", "Alpha.")
                .add("b.md", "Beta.")
                .throwAfter(2, new DocentException("the share went away"));

        SyncResult result = sync.run("hb", breaking);

        assertThat(result.status()).isEqualTo(Status.REFUSED);
        assertThat(result.message()).contains("the share went away");
        assertThat(indexedIds("hb")).containsExactly("hb:a.md", "hb:b.md", "hb:old.md");
    }

    @Test
    void a_file_that_fails_keeps_its_previously_indexed_chunks() {
        ListReader reader = tenDocuments();
        sync.run("hb", reader);
        List<Chunk> before = index.chunksOf("hb:doc4.md");

        reader.remove("doc4.md").fail("doc4.md", "could not be parsed: broken table");
        SyncResult result = sync.run("hb", reader);

        assertThat(result.status()).isEqualTo(Status.DONE_WITH_FAILURES);
        assertThat(result.failed()).containsExactly(new Problem("export/doc4.md", "could not be parsed: broken table"));
        assertThat(result.deleted()).isZero();
        assertThat(index.chunksOf("hb:doc4.md")).isEqualTo(before);
    }

    @Test
    void a_folder_that_cannot_be_listed_stops_all_deletions() {
        ListReader reader = tenDocuments();
        sync.run("hb", reader);

        reader.remove("doc8.md").failUnknown("archive/", "cannot be read: permission denied");
        SyncResult result = sync.run("hb", reader);

        assertThat(result.status()).isEqualTo(Status.DONE_WITH_FAILURES);
        assertThat(result.deleted()).isZero();
        assertThat(result.message()).contains("1 document(s)", "not deleted");
        assertThat(indexedIds("hb")).contains("hb:doc8.md");
    }

    @Test
    void of_two_documents_with_one_id_the_first_is_kept_and_the_second_reported() {
        SyncResult result =
                sync.run("hb", new ListReader().add("dup.md", "First version.").add("dup.md", "Second version."));

        assertThat(result.added()).isEqualTo(1);
        assertThat(result.failed()).singleElement().satisfies(p -> assertThat(p.reason())
                .contains("duplicate", "dup.md"));
        assertThat(index.chunksOf("hb:dup.md").getFirst().text()).isEqualTo("First version.");
    }

    @Test
    void chunks_of_several_documents_are_embedded_together_in_batches() {
        ListReader reader = new ListReader();
        for (int i = 0; i < 150; i++) {
            reader.add("d" + i + ".md", "Short document number " + i + ".");
        }

        SyncResult result = sync.run("hb", reader);

        assertThat(result.added()).isEqualTo(150);
        assertThat(embedder.batchSizes).containsExactly(64, 64, 22);
        assertThat(index.chunkCount()).isEqualTo(150);
    }

    @Test
    void a_document_larger_than_a_batch_is_written_whole_once_all_its_chunks_are_embedded() {
        String longText = IntStream.range(0, 400)
                .mapToObj(i -> "Sentence " + i + " of a very long procedure that goes on and on.")
                .collect(Collectors.joining(" "));
        SourceSync smallBatches =
                SourceSync.builder(index, embedder).batchSize(4).build();

        SyncResult result =
                smallBatches.run("hb", new ListReader().add("long.md", longText).add("b.md", "B."));

        List<Chunk> chunks = index.chunksOf("hb:long.md");
        assertThat(chunks).hasSizeGreaterThan(8).allSatisfy(c -> assertThat(c.embedding())
                .isNotNull());
        assertThat(result.chunksWritten()).isEqualTo(chunks.size() + 1L);
        assertThat(index.replaceCalls.get()).isEqualTo(2);
        assertThat(embedder.batchSizes).isNotEmpty().allSatisfy(n -> assertThat(n)
                .isLessThanOrEqualTo(4));
    }

    @Test
    void progress_is_reported_for_every_entry_up_to_the_total() {
        List<String> updates = new ArrayList<>();
        ListReader reader = tenDocuments().fail("broken.md", "bad");

        sync.run("hb", reader, (done, total) -> updates.add(done + "/" + total));

        assertThat(updates).first().isEqualTo("0/11");
        assertThat(updates).last().isEqualTo("11/11");
        assertThat(updates).contains("5/11");
    }

    @Test
    void progress_of_a_folder_reaches_its_total_although_the_space_index_is_skipped() throws Exception {
        Path export = Path.of(getClass().getResource("/exports/confluence-html").toURI());
        List<String> updates = new ArrayList<>();

        SyncResult result = sync.run("hb", FolderReader.of(export), (done, total) -> updates.add(done + "/" + total));

        assertThat(result.added()).isEqualTo(3);
        assertThat(updates).last().isEqualTo("4/4");
    }

    @Test
    void a_long_run_commits_every_few_documents_so_a_crash_keeps_what_it_wrote() {
        SourceSync committing =
                SourceSync.builder(index, embedder).commitEvery(3).build();

        committing.run("hb", tenDocuments());

        assertThat(index.commitCalls).hasValue(3); // after documents 3, 6 and 9; the caller commits the end
        assertThat(index.replaceCalls).hasValue(10);
    }

    @Test
    void duration_and_throughput_come_from_the_injected_clock() {
        SourceSync timed = SourceSync.builder(index, embedder)
                .clock(new SteppingClock(Instant.parse("2026-03-04T10:00:00Z"), Duration.ofSeconds(2)))
                .build();

        SyncResult result = timed.run("hb", tenDocuments());

        assertThat(result.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(result.chunksPerSecond()).isEqualTo(5.0);
        assertThat(result.summary()).contains("hb: done", "10 added", "10 chunks in 2.0 s", "5.0 chunks/s");
    }

    @Test
    void the_same_relative_path_in_two_sources_does_not_collide() {
        sync.run("handbook", new ListReader().add("README.md", "Handbook readme."));
        sync.run("runbooks", new ListReader().add("README.md", "Runbooks readme."));

        assertThat(indexedIds("handbook")).containsExactly("handbook:README.md");
        assertThat(indexedIds("runbooks")).containsExactly("runbooks:README.md");
        assertThat(index.chunksOf("handbook:README.md").getFirst().text()).isEqualTo("Handbook readme.");
    }

    @Test
    void changing_the_chunk_size_re_chunks_everything() {
        sync.run("hb", tenDocuments());

        SyncResult result = SourceSync.builder(index, embedder)
                .chunker(new Chunker(ChunkerSettings.forTarget(200)))
                .build()
                .run("hb", tenDocuments());

        assertThat(result.updated()).isEqualTo(10);
    }

    @Test
    void an_embedder_failure_stops_the_run_deletes_nothing_and_the_next_run_converges() {
        ListReader reader = tenDocuments();
        sync.run("hb", reader);
        reader.remove("doc0.md").remove("doc1.md").add("x.md", "New page x.").add("y.md", "New page y.");
        SourceSync broken = SourceSync.builder(index, new TimingOutEmbedder()).build();

        assertThatThrownBy(() -> broken.run("hb", reader)).isInstanceOf(DocentException.TimedOut.class);
        assertThat(indexedIds("hb")).contains("hb:doc0.md", "hb:doc1.md").doesNotContain("hb:x.md");

        SyncResult retry = sync.run("hb", reader);
        assertThat(retry.added()).isEqualTo(2);
        assertThat(retry.deleted()).isEqualTo(2);
        assertThat(indexedIds("hb")).hasSize(10).contains("hb:x.md", "hb:y.md").doesNotContain("hb:doc0.md");
    }

    @Test
    void a_folder_sync_keeps_an_oversized_files_old_chunks_and_indexes_invalid_utf8(@TempDir Path root)
            throws IOException {
        Files.writeString(root.resolve("policy.md"), "# Policy\n\nShort policy.");
        Files.writeString(root.resolve("guide.md"), "# Guide\n\nShort guide.");
        sync.run("hb", FolderReader.of(root));
        List<Chunk> before = index.chunksOf("hb:policy.md");

        Files.writeString(root.resolve("policy.md"), "# Policy\n\n" + "Very long policy. ".repeat(200));
        Files.write(root.resolve("latin1.txt"), new byte[] {'C', 'a', 'f', (byte) 0xE9});
        SyncResult result =
                sync.run("hb", FolderReader.builder(root).maxFileBytes(1_000).build());

        assertThat(result.status()).isEqualTo(Status.DONE_WITH_FAILURES);
        assertThat(result.failed()).singleElement().extracting(Problem::path).isEqualTo("policy.md");
        assertThat(result.warnings())
                .extracting(Problem::reason)
                .filteredOn(reason -> !reason.contains(Permissions.UNKNOWN))
                .singleElement()
                .asString()
                .contains("UTF-8");
        assertThat(result.added()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(index.chunksOf("hb:policy.md")).isEqualTo(before);
        assertThat(index.chunksOf("hb:latin1.txt").getFirst().text()).isEqualTo("Caf\uFFFD");
    }

    @Test
    void settings_are_validated_with_the_field_named() {
        assertThatThrownBy(() -> SourceSync.builder(index, embedder).maxDeleteShare(1.5))
                .hasMessageContaining("maxDeleteShare");
        assertThatThrownBy(() -> SourceSync.builder(index, embedder).batchSize(0))
                .hasMessageContaining("batchSize");
        assertThatThrownBy(() -> sync.run(" ", new ListReader())).hasMessageContaining("source");
    }

    /** An embedder whose service never answers in time. */
    private static final class TimingOutEmbedder implements Embedder {
        @Override
        public String modelName() {
            return "hashing-bag-of-words-64";
        }

        @Override
        public int dimension() {
            return HashingEmbedder.DIMENSION;
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            throw new DocentException.TimedOut("embedding timed out", null);
        }

        @Override
        public float[] embedQuery(String query) {
            throw new DocentException.TimedOut("embedding timed out", null);
        }
    }
}
