package io.docent.indexer.files;

import io.docent.core.DocentException;
import io.docent.core.SourceDocument;
import io.docent.indexer.ContentHash;
import io.docent.indexer.DocumentReader;
import io.docent.indexer.Permissions;
import io.docent.indexer.ReadFailure;
import io.docent.indexer.ReaderBuilder;
import io.docent.indexer.tika.OfficeText;
import io.docent.indexer.tika.TikaExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a folder tree of Markdown ({@code .md}, {@code .markdown}), HTML ({@code .html}, {@code .htm}), text
 * ({@code .txt}), and Office, PDF and mail files through Tika ({@link TikaExtractor#EXTENSIONS}). Other files
 * (images, styles) are not content and are passed over silently, as are hidden files and folders ({@code .git}).
 *
 * <ul>
 *   <li>id: the path relative to the root, with {@code /} separators on every OS.
 *   <li>title: Markdown front matter {@code title:} or first {@code # } heading; HTML {@code <title>} or first
 *       {@code <h1>}; a Confluence export page's own title; otherwise the file name without its extension.
 *   <li>breadcrumb: a Confluence page's ancestors; otherwise the folders between the root and the file.
 *   <li>url: {@code baseUrl} plus the percent-encoded relative path when a base URL is set; otherwise a {@code
 *       file:} URI, which terminals and browsers open with a click (or, for a zip, the relative path).
 *   <li>lastModified: a Confluence page's date, otherwise the file's modification time.
 * </ul>
 *
 * <p>A folder says nothing about who may read its files, so they get no access groups, which means administrators
 * only (access is fail-closed, see {@link Permissions}), and one warning per run says so; when the admin declares the
 * source public ({@link Builder#publicSource}, {@code docent index --public}) they are public instead.
 *
 * <p>Bad input loses nothing else: a file over {@link Builder#maxFileBytes} or one that cannot be read or parsed
 * (corrupt, password-protected, too slow for {@link Builder#parseTimeout}) is a {@link ReadFailure}; invalid UTF-8
 * is decoded with U+FFFD and a warning. Symbolic links are never followed (a
 * warning says so), so a link loop cannot hang the walk and a link cannot pull files from outside the export in.
 */
public final class FolderReader implements DocumentReader {

    /** Files larger than this are skipped with a reason: 50 MB. */
    public static final long DEFAULT_MAX_FILE_BYTES = ReaderBuilder.DEFAULT_MAX_FILE_BYTES;

    /** One Office or PDF file may take this long to parse: 60 s. */
    public static final Duration DEFAULT_PARSE_TIMEOUT = ReaderBuilder.DEFAULT_PARSE_TIMEOUT;

    /** Where the one warning about a source without permissions is reported: the export as a whole. */
    static final String WHOLE_EXPORT = "(every document)";

    private static final Logger log = LoggerFactory.getLogger(FolderReader.class);

    private final Path root;
    private final String baseUrl;
    private final long maxFileBytes;
    private final boolean pathUrls;
    private final boolean publicSource;
    private final boolean warnUnknownPermissions;
    private final TikaExtractor tika;

    private FolderReader(Builder builder) {
        this.root = builder.root().toAbsolutePath().normalize();
        this.baseUrl = builder.baseUrl();
        this.maxFileBytes = builder.maxFileBytes();
        this.pathUrls = builder.pathUrls();
        this.publicSource = builder.publicSource();
        this.warnUnknownPermissions = builder.warnUnknownPermissions;
        this.tika = new TikaExtractor(builder.parseTimeout(), TikaExtractor.DEFAULT_MAX_CHARS);
    }

    /** A reader of the folder at {@code root}, with defaults. */
    public static FolderReader of(Path root) {
        return builder(root).build();
    }

    public static Builder builder(Path root) {
        return new Builder(root);
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public void read(String source, Sink sink) {
        FolderListing listing = FolderListing.of(root);
        sink.expect(listing.files().size() + listing.failures().size());
        listing.warnings().forEach(w -> sink.warning(w.path(), w.reason()));
        listing.failures().forEach(sink::failed);
        int documents = 0;
        for (FolderListing.Entry file : listing.files()) {
            documents += readOne(source, file, sink) ? 1 : 0;
        }
        if (documents > 0 && !publicSource && warnUnknownPermissions) {
            sink.warning(
                    WHOLE_EXPORT,
                    Permissions.unknown(
                            "the export carries no permissions; if everyone may read it, index it with --public"));
        }
    }

    /** Reads one file; whether it became a document. */
    private boolean readOne(String source, FolderListing.Entry file, Sink sink) {
        String id = file.id();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file.path())) {
            // read one byte past the cap rather than trusting the listed size: the file may have grown since
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
        } catch (IOException e) {
            sink.failed(new ReadFailure(id, id, "cannot be read: " + FolderListing.describe(e)));
            return false;
        }
        if (bytes.length > maxFileBytes) {
            sink.failed(new ReadFailure(id, id, "larger than the " + size(maxFileBytes) + " limit; skipped"));
            return false;
        }
        String fileName = file.path().getFileName().toString();
        if (TikaExtractor.handles(fileName)) {
            return readThroughTika(source, file, fileName, bytes, sink);
        }
        Decoded decoded = Decoded.of(bytes);
        if (decoded.warning() != null) {
            sink.warning(id, decoded.warning());
        }

        Optional<ParsedFile> parsed;
        try {
            parsed = FileParsers.parse(file.path().getFileName().toString(), decoded.text());
        } catch (RuntimeException e) {
            log.debug("could not parse {}", file.path(), e);
            sink.failed(new ReadFailure(id, id, "could not be parsed: " + e));
            return false;
        }
        if (parsed.isEmpty()) {
            sink.skipped(id, "export navigation, not content");
            return false;
        }
        sink.document(toDocument(source, file, parsed.get()));
        return true;
    }

    /** Office, PDF and mail files: text through Tika, or a failure with Tika's reason (corrupt, encrypted...). */
    private boolean readThroughTika(String source, FolderListing.Entry file, String fileName, byte[] bytes, Sink sink) {
        OfficeText text;
        try {
            text = tika.extract(bytes, fileName);
        } catch (DocentException.InvalidInput e) {
            sink.failed(new ReadFailure(file.id(), file.id(), e.getMessage()));
            return false;
        }
        if (text.truncated()) {
            sink.warning(
                    file.id(),
                    "its text is longer than " + TikaExtractor.DEFAULT_MAX_CHARS
                            + " characters; only the beginning was indexed");
        }
        Map<String, String> metadata = new LinkedHashMap<>(text.metadata());
        metadata.put("format", FileParsers.extension(fileName));
        sink.document(toDocument(
                source, file, new ParsedFile(text.title(), "", null, text.content(), text.lastModified(), metadata)));
        return true;
    }

    private SourceDocument toDocument(String source, FolderListing.Entry file, ParsedFile parsed) {
        String fileName = file.path().getFileName().toString();
        String title = parsed.title() != null
                ? parsed.title()
                : fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        if (title.isBlank()) {
            title = fileName;
        }
        List<String> breadcrumb = parsed.breadcrumb() != null ? parsed.breadcrumb() : folders(file.id());
        String url = baseUrl != null
                ? Urls.join(baseUrl, file.id())
                : pathUrls ? file.id() : file.path().toUri().toString();
        Instant lastModified = parsed.lastModified() != null ? parsed.lastModified() : file.modified();
        Map<String, String> metadata = new LinkedHashMap<>(parsed.metadata());
        metadata.put("path", file.id());
        Set<String> groups = Permissions.undeclared(publicSource);
        String hash = ContentHash.ofDocument(title, parsed.space(), breadcrumb, url, parsed.content(), groups);
        return new SourceDocument(
                file.id(),
                source,
                parsed.space(),
                title,
                url,
                breadcrumb,
                parsed.content(),
                hash,
                lastModified,
                groups,
                metadata);
    }

    private static List<String> folders(String id) {
        List<String> parts = new ArrayList<>(List.of(id.split("/")));
        parts.removeLast();
        return parts;
    }

    private static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
        }
        return bytes >= 1024 ? String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0) : bytes + " bytes";
    }

    /** Settings of a {@link FolderReader}. */
    public static final class Builder extends ReaderBuilder<Builder> {
        private boolean warnUnknownPermissions = true;

        private Builder(Path root) {
            super(root);
        }

        /**
         * Whether a run that read documents without {@link #publicSource} warns that they are for administrators
         * only; default yes. A reader that decides the files' access groups itself (SharePoint's, from each file's
         * driveItem) turns it off.
         */
        public Builder warnUnknownPermissions(boolean warn) {
            this.warnUnknownPermissions = warn;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public FolderReader build() {
            validate();
            return new FolderReader(this);
        }
    }
}
