package io.docent.indexer.sharepoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.docent.core.SourceDocument;
import io.docent.indexer.ContentHash;
import io.docent.indexer.DocumentReader;
import io.docent.indexer.ReadFailure;
import io.docent.indexer.ReaderBuilder;
import io.docent.indexer.files.FolderReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a SharePoint export in the layout {@code docs/indexing.md} defines (and {@code
 * infra/sharepoint/Export-DocentSharePoint.ps1} writes):
 *
 * <pre>{@code
 * docent-sharepoint.json                     optional: {"siteName": "...", "siteUrl": "..."}
 * Shared Documents/Policies/Leave.docx       a document library, as a folder tree
 * Shared Documents/Policies/Leave.docx.driveItem.json   optional: the file's Graph driveItem, with "permissions"
 * SitePages/Home.sitePage.json               a site page: Graph sitePage with canvasLayout (and "permissions")
 * }</pre>
 *
 * <p>Files are read like a plain folder's ({@link FolderReader}: Office and PDF through Tika). The driveItem beside
 * a file supplies its citation URL ({@code webUrl}), date, authors and access groups ({@link GraphPermissions}). A
 * driveItem that cannot be read (or is a symbolic link) fails its file rather than indexing it without its
 * permissions. Access is fail-closed: a file without a driveItem, a driveItem without {@code permissions} or with an
 * empty list, and permissions that name no one Docent can match (only a {@code siteUser}, an {@code application}, a
 * {@code device}, expired links) all give no access groups, which means administrators only, and a warning in the
 * report names the document and the reason. When the admin declares the source public ({@link
 * Builder#publicSource}), the documents that carry no permissions at all become public; the others keep theirs. Site
 * pages that were never published (version 0.x) are skipped as drafts; a saved {@code Home.aspx} beside {@code
 * Home.sitePage.json} is left to the JSON. The space of every document is the site's name from the manifest.
 */
public final class SharePointReader implements DocumentReader {

    static final String MANIFEST = "docent-sharepoint.json";
    static final String DRIVE_ITEM = ".driveItem.json";
    static final String SITE_PAGE = ".sitePage.json";

    private final Path root;
    private final FolderReader files;
    private final String baseUrl;
    private final boolean pathUrls;
    private final boolean publicSource;
    private final Clock clock;

    private SharePointReader(Builder b) {
        this.root = b.root().toAbsolutePath().normalize();
        this.baseUrl = b.baseUrl();
        this.pathUrls = b.pathUrls();
        this.publicSource = b.publicSource();
        this.clock = b.clock;
        // the files' access groups are this reader's to decide (from their driveItems), so the folder reader's
        // warning about a source without permissions would be wrong here
        this.files = FolderReader.builder(root)
                .baseUrl(b.baseUrl())
                .maxFileBytes(b.maxFileBytes())
                .parseTimeout(b.parseTimeout())
                .pathUrls(b.pathUrls())
                .warnUnknownPermissions(false)
                .build();
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
        Instant now = clock.instant();
        String site = manifest(sink);
        List<String> sitePages = ExportFiles.sitePages(root);
        Set<String> pageIds =
                Set.copyOf(sitePages.stream().map(ExportFiles::pageId).toList());
        files.read(source, new Sink() {
            @Override
            public void expect(int entries) {
                sink.expect(entries + sitePages.size());
            }

            @Override
            public void document(SourceDocument doc) {
                if (pageIds.contains(doc.id())) {
                    sink.skipped(doc.id(), "the site page's Graph JSON is read instead");
                } else {
                    withDriveItem(doc, site, now, sink);
                }
            }

            @Override
            public void failed(ReadFailure failure) {
                sink.failed(failure);
            }

            @Override
            public void skipped(String path, String reason) {
                sink.skipped(path, reason);
            }

            @Override
            public void warning(String path, String message) {
                sink.warning(path, message);
            }
        });
        SitePageWriter pages = new SitePageWriter(source, site, baseUrl, pathUrls, publicSource, sink);
        for (String page : sitePages) {
            try {
                pages.write(
                        ExportFiles.pageId(page),
                        SitePage.of(ExportFiles.json(root.resolve(page)), now),
                        root.resolve(page));
            } catch (IOException | RuntimeException e) {
                sink.failed(new ReadFailure(
                        page, ExportFiles.pageId(page), "is not a readable Graph sitePage JSON: " + e.getMessage()));
            }
        }
    }

    private void withDriveItem(SourceDocument doc, String site, Instant now, Sink sink) {
        Path sidecar = root.resolve(doc.id() + DRIVE_ITEM);
        if (Files.isSymbolicLink(sidecar)) {
            sink.failed(new ReadFailure(
                    doc.id(),
                    doc.id(),
                    "its metadata " + sidecar.getFileName() + " is a symbolic link, not followed; skipped rather"
                            + " than indexed without its permissions"));
            return;
        }
        DriveItem item = null;
        if (Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS)) {
            try {
                item = DriveItem.of(ExportFiles.json(sidecar), now);
            } catch (IOException | RuntimeException e) {
                sink.failed(new ReadFailure(
                        doc.id(),
                        doc.id(),
                        "its metadata " + sidecar.getFileName() + " cannot be read (" + e.getMessage()
                                + "); skipped rather than indexed without its permissions"));
                return;
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>(doc.metadata());
        String url = doc.url();
        var lastModified = doc.lastModified();
        GraphPermissions.Grant access = GraphPermissions.Grant.undeclared("no " + sidecar.getFileName() + " beside it");
        if (item != null) {
            url = item.webUrl().isBlank() ? url : item.webUrl();
            lastModified = Objects.requireNonNullElse(item.lastModified(), lastModified);
            access = item.access();
            putIfPresent(metadata, "author", item.createdBy());
            putIfPresent(metadata, "lastModifiedBy", item.lastModifiedBy());
        }
        Set<String> groups = access.resolve(publicSource, doc.id(), sink);
        String hash = ContentHash.ofDocument(doc.title(), site, doc.breadcrumb(), url, doc.content(), groups);
        sink.document(new SourceDocument(
                doc.id(),
                doc.source(),
                site,
                doc.title(),
                url,
                doc.breadcrumb(),
                doc.content(),
                hash,
                lastModified,
                groups,
                metadata));
    }

    /** The site's name from the manifest, or {@code ""}. */
    private String manifest(Sink sink) {
        Path manifest = root.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return "";
        }
        try {
            JsonNode json = ExportFiles.json(manifest);
            String name = json.path("siteName").asText("").strip();
            return name.isEmpty() ? json.path("siteUrl").asText("").strip() : name;
        } catch (IOException | RuntimeException e) {
            sink.warning(MANIFEST, "cannot be read (" + e.getMessage() + "); documents get no site name");
            return "";
        }
    }

    static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    /** Settings of a {@link SharePointReader}. */
    public static final class Builder extends ReaderBuilder<Builder> {
        private Clock clock = Clock.systemUTC();

        private Builder(Path root) {
            super(root);
        }

        /** The clock against which sharing links expire; default the system's, in UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public SharePointReader build() {
            validate();
            return new SharePointReader(this);
        }
    }
}
