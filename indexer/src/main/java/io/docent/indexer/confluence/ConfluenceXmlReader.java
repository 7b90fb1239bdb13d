package io.docent.indexer.confluence;

import io.docent.core.DocentException;
import io.docent.indexer.DocumentReader;
import io.docent.indexer.Permissions;
import io.docent.indexer.ReadFailure;
import io.docent.indexer.ReaderBuilder;
import io.docent.indexer.ReaderSettings;
import io.docent.indexer.tika.TikaExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a Confluence XML space (or site) export: a folder with {@code entities.xml}, {@code
 * exportDescriptor.properties} and {@code attachments/}.
 *
 * <h2>Two streaming passes</h2>
 *
 * {@code entities.xml} holds every database row of the space, in no useful order: a page's body may come before the
 * page, its parent after it, and for each page every historical version with its own body. It is read twice with
 * StAX ({@link EntitiesXmlParser}), never loaded whole:
 *
 * <ol>
 *   <li>The first pass keeps the small things ({@link EntitiesIndex}): current pages and blog posts (titles,
 *       parents, authors), spaces, users, labels, permissions, and which body belongs to which current page.
 *   <li>The second pass reads only the bodies of current pages, converts each ({@link StorageFormat}) and hands the
 *       document to the sink at once; the bodies of historical versions are skipped without being kept.
 * </ol>
 *
 * So memory grows with the number of pages (a few hundred bytes each), not with the size of the export, and one
 * body is held at a time, up to {@link Builder#maxBodyChars}.
 *
 * <h2>Documents</h2>
 *
 * Id: the page id. Space: the space key. Breadcrumb: the ancestors' titles (a blog post's is {@code Blog}). URL:
 * {@code baseUrl + "pages/viewpage.action?pageId=" + id}, or without a base URL the {@code file:} URI of {@code
 * entities.xml} with {@code #pageId=} (for a zip, just {@code entities.xml#pageId=ID}). Access groups: see {@link
 * ConfluencePermissions}; a space whose readers the export does not name is reported once, with how many of its
 * documents were indexed for administrators only. Metadata: author, last modifier, labels, space name, content type.
 *
 * <h2>Bad input</h2>
 *
 * An {@code entities.xml} over {@link Builder#maxEntitiesBytes} is refused before it is read. A body over the size limit, or one that cannot be converted, fails its page alone. A duplicate page id keeps the
 * first page and reports the second. A page without a title is indexed as "Untitled page ID" with a warning. XML that
 * stops being well-formed (a truncated file, an entity declaration: see {@link EntitiesXmlParser} on XXE) ends both
 * passes at that point: what came before is indexed, the pages whose bodies were not reached keep their indexed
 * chunks, and a failure without a document id tells the sync that it must delete nothing in this run.
 */
public final class ConfluenceXmlReader implements DocumentReader {

    /** A body longer than this (in characters of storage format) fails its page: 5 million. */
    public static final int DEFAULT_MAX_BODY_CHARS = 5_000_000;

    /**
     * An {@code entities.xml} larger than this is refused as a whole: 8 GB. It is streamed, so its size costs time and
     * disk rather than memory; the cap is there so that a runaway or hostile export is told apart from a large site.
     */
    public static final long DEFAULT_MAX_ENTITIES_BYTES = 8L * 1024 * 1024 * 1024;

    static final String ENTITIES = "entities.xml";

    private static final Logger log = LoggerFactory.getLogger(ConfluenceXmlReader.class);

    private final Path folder;
    private final String baseUrl;
    private final int maxBodyChars;
    private final boolean pathUrls;
    private final long maxFileBytes;
    private final long maxEntitiesBytes;
    private final boolean publicSource;
    private final TikaExtractor tika;

    private ConfluenceXmlReader(Builder builder) {
        Path root = builder.root().toAbsolutePath().normalize();
        this.folder =
                root.getFileName() != null && root.getFileName().toString().equals(ENTITIES) ? root.getParent() : root;
        this.baseUrl = builder.baseUrl();
        this.maxBodyChars = builder.maxBodyChars;
        this.pathUrls = builder.pathUrls();
        this.maxFileBytes = builder.maxFileBytes();
        this.maxEntitiesBytes = builder.maxEntitiesBytes;
        this.publicSource = builder.publicSource();
        this.tika = new TikaExtractor(builder.parseTimeout(), TikaExtractor.DEFAULT_MAX_CHARS);
    }

    /** A reader of the export in {@code root} (the folder, or its {@code entities.xml}), with defaults. */
    public static ConfluenceXmlReader of(Path root) {
        return builder(root).build();
    }

    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /** Whether {@code folder} looks like a Confluence XML export: it has an {@code entities.xml}. */
    public static boolean isExport(Path folder) {
        return Files.isRegularFile(folder.resolve(ENTITIES));
    }

    @Override
    public String location() {
        return folder.toString();
    }

    @Override
    public void read(String source, Sink sink) {
        Path entities = folder.resolve(ENTITIES);
        if (!Files.isRegularFile(entities)) {
            throw new DocentException.InvalidInput(
                    "No " + ENTITIES + " in " + folder + ": this is not a Confluence XML export");
        }
        requireWithinCap(entities);
        ExportDescriptor descriptor = descriptor(sink);
        EntitiesIndex index = new EntitiesIndex(ENTITIES, publicSource);
        String scanError = EntitiesPasses.scan(entities, index, sink);
        if (scanError != null && index.pages().isEmpty()) {
            throw new DocentException.InvalidInput(entities + " cannot be read: " + scanError);
        }
        log.info("{}: {}", entities, index.summary());
        List<AttachmentInfo> attachments = AttachmentWriter.indexable(index);
        sink.expect(index.pages().size() + index.duplicates().size() + attachments.size());
        index.duplicates().forEach(sink::failed);
        PageWriter writer = new PageWriter(source, index, descriptor, pageUrls(entities), sink);
        Set<String> done = new HashSet<>();
        // after a first pass that stopped early the second stops at the same place, having read what came before
        String bodyError = EntitiesPasses.emitBodies(entities, index, writer, done, maxBodyChars);
        if (bodyError == null) {
            bodyError = scanError;
        }
        for (PageInfo page : index.pages()) {
            if (done.contains(page.id())) {
                continue;
            }
            if (bodyError != null) {
                sink.failed(new ReadFailure(
                        ENTITIES + "#" + page.id(),
                        page.id(),
                        "its body comes after the point where " + ENTITIES
                                + " stopped being readable; its indexed chunks were kept"));
            } else {
                writer.write(page, ""); // a page with no body in the export: its title can still be found
            }
        }
        if (bodyError != null) {
            sink.failed(new ReadFailure(ENTITIES, null, bodyError + "; the rest of the export was not read"));
        }
        writeAttachments(source, index, descriptor, attachments, sink);
        reportUndeclaredSpaces(index, descriptor, sink);
    }

    /** One warning per space whose readers the export does not name, with how many documents that left to admins. */
    private static void reportUndeclaredSpaces(EntitiesIndex index, ExportDescriptor descriptor, Sink sink) {
        index.undeclaredSpaces().forEach((spaceId, documents) -> {
            String key = index.spaceKey(spaceId).isEmpty() ? descriptor.spaceKey() : index.spaceKey(spaceId);
            String space = key.isEmpty() ? "the pages' space" : "space " + key;
            sink.warning(
                    ENTITIES + (key.isEmpty() ? "" : "#space=" + key),
                    Permissions.unknown(String.format(
                            Locale.ROOT,
                            "the export has no VIEWSPACE permission for %s; %,d page(s) and attachment(s); if everyone"
                                    + " may read it, index it with --public",
                            space,
                            documents)));
        });
    }

    /** Office and PDF attachments, unless the export was made without them (no {@code attachments/} folder). */
    private void writeAttachments(
            String source,
            EntitiesIndex index,
            ExportDescriptor descriptor,
            List<AttachmentInfo> attachments,
            Sink sink) {
        if (attachments.isEmpty()) {
            return;
        }
        if (!Files.isDirectory(folder.resolve("attachments"))) {
            sink.warning(
                    "attachments/",
                    "the export has no attachments folder (exported without attachments?);" + " its "
                            + attachments.size() + " Office and PDF attachment(s) were not indexed");
            attachments.forEach(a -> sink.skipped(a.pageId() + "/attachments/" + a.fileName(), "not in the export"));
            return;
        }
        AttachmentWriter writer =
                new AttachmentWriter(source, index, descriptor, folder, tika, maxFileBytes, baseUrl, pathUrls);
        attachments.forEach(a -> writer.write(a, sink));
    }

    /** Refuses an {@code entities.xml} over its cap before anything is read, so the sync deletes nothing. */
    private void requireWithinCap(Path entities) {
        long size;
        try {
            size = Files.size(entities);
        } catch (IOException e) {
            throw new DocentException.InvalidInput(entities + " cannot be read: " + e.getMessage());
        }
        if (size > maxEntitiesBytes) {
            throw new DocentException.InvalidInput(String.format(
                    Locale.ROOT,
                    "%s is %,d bytes, more than the limit of %,d bytes; nothing was read (raise the limit if the"
                            + " export is really this large)",
                    entities,
                    size,
                    maxEntitiesBytes));
        }
    }

    private ExportDescriptor descriptor(Sink sink) {
        try {
            return ExportDescriptor.read(folder);
        } catch (IOException e) {
            sink.warning(ExportDescriptor.FILE_NAME, "could not be read (" + e.getMessage() + "); ignored");
            return ExportDescriptor.NONE;
        }
    }

    private String pageUrls(Path entities) {
        if (baseUrl != null) {
            return baseUrl + (baseUrl.endsWith("/") ? "" : "/") + "pages/viewpage.action?pageId=";
        }
        return (pathUrls ? ENTITIES : entities.toUri().toString()) + "#pageId=";
    }

    /** Settings of a {@link ConfluenceXmlReader}. */
    public static final class Builder extends ReaderBuilder<Builder> {
        private int maxBodyChars = DEFAULT_MAX_BODY_CHARS;
        private long maxEntitiesBytes = DEFAULT_MAX_ENTITIES_BYTES;

        /** An {@code entities.xml} larger than this is refused as a whole; default {@link #DEFAULT_MAX_ENTITIES_BYTES}. */
        public Builder maxEntitiesBytes(long maxEntitiesBytes) {
            this.maxEntitiesBytes = ReaderSettings.positive(maxEntitiesBytes, "maxEntitiesBytes");
            return this;
        }

        /** A page body longer than this many characters fails its page; default {@link #DEFAULT_MAX_BODY_CHARS}. */
        public Builder maxBodyChars(int maxBodyChars) {
            this.maxBodyChars = (int) ReaderSettings.positive(maxBodyChars, "maxBodyChars");
            return this;
        }

        private Builder(Path root) {
            super(root);
        }

        @Override
        protected Builder self() {
            return this;
        }

        public ConfluenceXmlReader build() {
            validate();
            return new ConfluenceXmlReader(this);
        }
    }
}
