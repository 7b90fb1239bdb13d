package io.docent.indexer.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.docent.core.DocentException;
import io.docent.core.InMemorySearchIndex;
import io.docent.core.SourceDocument;
import io.docent.indexer.ReadFailure;
import io.docent.indexer.sync.SourceSync;
import io.docent.indexer.sync.SyncResult;
import io.docent.indexer.testing.CollectingSink;
import io.docent.indexer.testing.HashingEmbedder;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input a Confluence XML export can hold: reported with a reason, nothing else lost. */
class ConfluenceXmlBadInputTest {

    @TempDir
    Path export;

    private Path write(Consumer<EntitiesXmlWriter> content) throws IOException {
        StringWriter out = new StringWriter();
        EntitiesXmlWriter xml = new EntitiesXmlWriter(out).space("100", "ENG", "Engineering");
        content.accept(xml);
        return Files.writeString(export.resolve("entities.xml"), out.toString());
    }

    private CollectingSink read() {
        return CollectingSink.read(ConfluenceXmlReader.of(export));
    }

    /** A page whose title is parsed as XML (not CDATA), so an entity reference in it is live. */
    private static String page(String id, String xmlTitle) {
        return "<object class=\"Page\"><id name=\"id\">" + id + "</id><property name=\"title\">" + xmlTitle
                + "</property></object>\n";
    }

    private static EntitiesXmlWriter goodPage(EntitiesXmlWriter xml) {
        return xml.page("1", "Good page", null, "11").body("11", "1", "<p>Good content.</p>");
    }

    @Test
    void a_duplicate_page_id_keeps_the_first_page_and_reports_the_second() throws IOException {
        write(xml -> xml.page("1", "First", null, "11")
                .body("11", "1", "<p>First body.</p>")
                .page("1", "Second", null, "12")
                .body("12", "1", "<p>Second body.</p>")
                .end());

        CollectingSink sink = read();

        assertThat(sink.documents).singleElement().satisfies(doc -> {
            assertThat(doc.title()).isEqualTo("First");
            assertThat(doc.content()).isEqualTo("First body.");
        });
        assertThat(sink.failures).singleElement().satisfies(f -> {
            assertThat(f.documentId()).isEqualTo("1");
            assertThat(f.reason()).contains("duplicate page id 1", "'Second'", "first");
        });
    }

    @Test
    void a_page_without_a_title_is_indexed_under_a_placeholder_with_a_warning() throws IOException {
        write(xml -> xml.page("7", null, null, "17")
                .body("17", "7", "<p>Orphan text.</p>")
                .end());

        CollectingSink sink = read();

        assertThat(sink.get("7").title()).isEqualTo("Untitled page 7");
        assertThat(sink.get("7").content()).isEqualTo("Orphan text.");
        assertThat(sink.warnings).anyMatch(w -> w.contains("entities.xml#7") && w.contains("no title"));
    }

    @Test
    void an_external_entity_is_never_resolved() throws IOException {
        Path secret = Files.writeString(export.resolveSibling(export.getFileName() + "-secret.txt"), "TOP-SECRET");
        String doctype = "<!DOCTYPE hibernate-generic [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n";
        StringWriter out = new StringWriter();
        EntitiesXmlWriter xml = new EntitiesXmlWriter(out);
        goodPage(xml).raw(page("2", "Stolen &xxe;")).end();
        Files.writeString(export.resolve("entities.xml"), out.toString().replaceFirst("\n", "\n" + doctype));

        CollectingSink sink = read();

        assertThat(sink.documents).extracting(SourceDocument::id).containsExactly("1");
        assertThat(sink.documents).noneMatch(d -> (d.title() + d.content()).contains("TOP-SECRET"));
        assertThat(sink.failures).anySatisfy(f -> {
            assertThat(f.documentId()).isNull(); // the sync must delete nothing
            assertThat(f.reason()).contains("xxe", "line");
        });
    }

    @Test
    @Timeout(20)
    void an_external_dtd_or_parameter_entity_is_never_fetched() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] dtd = "<!ENTITY leak \"LEAKED\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
            String doctype =
                    "<!DOCTYPE hibernate-generic SYSTEM \"" + url + "\" [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]>\n";
            StringWriter out = new StringWriter();
            goodPage(new EntitiesXmlWriter(out)).end();
            Files.writeString(export.resolve("entities.xml"), out.toString().replaceFirst("\n", "\n" + doctype));

            CollectingSink sink = read();

            assertThat(requests).hasValue(0);
            assertThat(sink.documents).noneMatch(d -> d.content().contains("LEAKED"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    @Timeout(20)
    void entity_expansion_bombs_are_not_expanded() throws IOException {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE hibernate-generic [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 12; i++) {
            doctype.append("<!ENTITY a")
                    .append(i)
                    .append(" \"")
                    .append(("&a" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        doctype.append("]>\n");
        StringWriter out = new StringWriter();
        goodPage(new EntitiesXmlWriter(out)).raw(page("2", "&a11;")).end();
        Files.writeString(export.resolve("entities.xml"), out.toString().replaceFirst("\n", "\n" + doctype));

        CollectingSink sink = read();

        assertThat(sink.documents).extracting(SourceDocument::id).containsExactly("1");
        assertThat(sink.failures).anyMatch(ReadFailure::hidesDocuments);
    }

    @Test
    void a_truncated_file_indexes_what_came_before_and_keeps_the_rest() throws IOException {
        // page 2 is listed before the cut, but its body lies beyond it
        write(xml -> xml.page("1", "Before", null, "11")
                .page("2", "Cut off", null, "12")
                .body("11", "1", "<p>Read fine.</p>")
                .raw("<object class=\"BodyContent\"><id name=\"id\">12</id><property name=\"body\"><![CDATA[<p>half"));

        CollectingSink sink = read();

        assertThat(sink.documents).extracting(SourceDocument::id).containsExactly("1");
        assertThat(sink.failures).anySatisfy(f -> {
            assertThat(f.documentId()).isEqualTo("2");
            assertThat(f.reason()).contains("indexed chunks were kept");
        });
        assertThat(sink.failures).anySatisfy(f -> {
            assertThat(f.hidesDocuments()).isTrue();
            assertThat(f.reason()).contains("not well-formed XML at line");
        });
    }

    @Test
    void a_sync_over_a_truncated_export_deletes_nothing() throws IOException {
        InMemorySearchIndex index = new InMemorySearchIndex();
        SourceSync sync = SourceSync.builder(index, new HashingEmbedder()).build();
        write(xml -> goodPage(xml)
                .page("2", "Second", null, "12")
                .body("12", "2", "<p>Second body.</p>")
                .end());
        sync.run("wiki", ConfluenceXmlReader.of(export));
        write(xml -> goodPage(xml).raw("<object class=\"Page\"><id name=\"id\">3</id><property"));

        SyncResult second = sync.run("wiki", ConfluenceXmlReader.of(export));

        assertThat(second.deleted()).isZero();
        assertThat(index.listDocuments("wiki")).hasSize(2);
        assertThat(second.status()).isEqualTo(SyncResult.Status.DONE_WITH_FAILURES);
    }

    @Test
    void an_entities_xml_over_its_size_cap_is_refused_with_a_reason_and_the_sync_deletes_nothing() throws IOException {
        InMemorySearchIndex index = new InMemorySearchIndex();
        SourceSync sync = SourceSync.builder(index, new HashingEmbedder()).build();
        write(xml -> goodPage(xml).end());
        sync.run("wiki", ConfluenceXmlReader.of(export));
        long size = Files.size(export.resolve("entities.xml"));

        SyncResult capped = sync.run(
                "wiki",
                ConfluenceXmlReader.builder(export).maxEntitiesBytes(size - 1).build());

        assertThat(capped.status()).isEqualTo(SyncResult.Status.REFUSED);
        assertThat(capped.message())
                .contains("entities.xml is " + String.format(java.util.Locale.ROOT, "%,d", size) + " bytes")
                .contains("more than the limit")
                .contains("Nothing was deleted");
        assertThat(capped.deleted()).isZero();
        assertThat(index.listDocuments("wiki")).hasSize(1);
    }

    @Test
    void a_file_that_is_not_xml_at_all_is_an_unreadable_export() throws IOException {
        Files.writeString(export.resolve("entities.xml"), "PK\u0003\u0004 this is a zip, not XML");

        assertThatThrownBy(this::read)
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("entities.xml cannot be read");
    }

    @Test
    void a_folder_without_entities_xml_is_not_an_export() {
        assertThatThrownBy(this::read)
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("No entities.xml");
    }

    @Test
    void invalid_utf8_and_control_characters_are_replaced_or_dropped_with_warnings() throws IOException {
        write(xml -> xml.page("1", "Caf\u0008e", null, "11")
                .body("11", "1", "<p>Na\u0001ive BADBYTE text.</p>")
                .end());
        byte[] bytes = Files.readAllBytes(export.resolve("entities.xml"));
        String text = new String(bytes, StandardCharsets.UTF_8);
        byte[] broken = text.replace("BADBYTE", "\u0000").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < broken.length; i++) {
            if (broken[i] == 0) {
                broken[i] = (byte) 0xC3; // a lead byte with no continuation: not UTF-8
            }
        }
        Files.write(export.resolve("entities.xml"), broken);

        CollectingSink sink = read();

        assertThat(sink.get("1").title()).isEqualTo("Cafe");
        assertThat(sink.get("1").content()).isEqualTo("Naive \ufffd text.");
        assertThat(sink.warnings)
                .anyMatch(w -> w.contains("not valid UTF-8"))
                .anyMatch(w -> w.contains("control character"));
    }

    @Test
    void a_body_over_the_limit_fails_its_page_alone() throws IOException {
        write(xml -> goodPage(xml)
                .page("2", "Huge", null, "12")
                .body("12", "2", "<p>" + "x".repeat(5_000) + "</p>")
                .end());

        CollectingSink sink = CollectingSink.read(
                ConfluenceXmlReader.builder(export).maxBodyChars(1_000).build());

        assertThat(sink.documents).extracting(SourceDocument::id).containsExactly("1");
        assertThat(sink.failures).singleElement().satisfies(f -> {
            assertThat(f.documentId()).isEqualTo("2");
            assertThat(f.reason()).contains("'Huge'", "longer than 1,000 characters");
        });
    }

    @Test
    void malformed_storage_format_keeps_its_text() throws IOException {
        write(xml -> xml.page("1", "Broken", null, "11")
                .body("11", "1", "<p>Open <b>bold <table><tr><td>cell & more</p> < not a tag <ac:structured-macro>")
                .end());

        CollectingSink sink = read();

        assertThat(sink.get("1").content()).contains("Open", "bold", "cell & more", "< not a tag");
    }

    @Test
    void bodies_are_found_from_their_side_when_pages_do_not_list_them() throws IOException {
        write(xml -> xml.body("11", "1", "<p>Old export body.</p>")
                .page("1", "Old page", null, null)
                .end());

        assertThat(read().get("1").content()).isEqualTo("Old export body.");
    }
}
