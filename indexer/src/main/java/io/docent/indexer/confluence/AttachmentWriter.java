package io.docent.indexer.confluence;

import io.docent.core.DocentException;
import io.docent.core.SourceDocument;
import io.docent.indexer.ContentHash;
import io.docent.indexer.DocumentReader;
import io.docent.indexer.ReadFailure;
import io.docent.indexer.tika.OfficeText;
import io.docent.indexer.tika.TikaExtractor;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the Office and PDF attachments of a Confluence XML export ({@code attachments/<pageId>/<id>/<version>})
 * into documents of their own: id {@code <pageId>/attachments/<file name>}, the page's breadcrumb and title above
 * them, and the page's access groups (a restricted page's attachments are as restricted as the page). Files are found
 * by {@link AttachmentFiles}, which never leaves the export nor follows a symbolic link.
 */
final class AttachmentWriter {

    private final String source;
    private final EntitiesIndex index;
    private final ExportDescriptor descriptor;
    private final AttachmentFiles files;
    private final Path folder;
    private final TikaExtractor tika;
    private final long maxFileBytes;
    private final String baseUrl;
    private final boolean pathUrls;

    AttachmentWriter(
            String source,
            EntitiesIndex index,
            ExportDescriptor descriptor,
            Path folder,
            TikaExtractor tika,
            long maxFileBytes,
            String baseUrl,
            boolean pathUrls) {
        this.source = source;
        this.index = index;
        this.descriptor = descriptor;
        this.files = new AttachmentFiles(folder);
        this.folder = files.root();
        this.tika = tika;
        this.maxFileBytes = maxFileBytes;
        this.baseUrl = baseUrl;
        this.pathUrls = pathUrls;
    }

    /** The attachments worth reading: Office, PDF and mail files. */
    static List<AttachmentInfo> indexable(EntitiesIndex index) {
        return index.attachments().stream()
                .filter(a -> TikaExtractor.handles(a.fileName()))
                .toList();
    }

    void write(AttachmentInfo a, DocumentReader.Sink sink) {
        PageInfo page = index.page(a.pageId());
        String id = a.pageId() + "/attachments/" + a.fileName();
        AttachmentFiles.Found found = files.find(a);
        Path file = found.file();
        String path = file == null
                ? "attachments/" + a.pageId() + "/" + a.id()
                : folder.relativize(file).toString();
        if (file == null) {
            sink.failed(new ReadFailure(
                    path, id, found.refused() != null ? found.refused() : "its file is not in the export; skipped"));
            return;
        }
        OfficeText text;
        try {
            text = tika.extract(read(file), a.fileName());
        } catch (IOException e) {
            sink.failed(new ReadFailure(path, id, "cannot be read: " + e.getMessage()));
            return;
        } catch (DocentException.InvalidInput e) {
            sink.failed(new ReadFailure(path, id, e.getMessage()));
            return;
        }
        List<String> breadcrumb = new ArrayList<>(page.blogPost() ? List.of("Blog") : index.breadcrumb(page));
        breadcrumb.add(page.title().isBlank() ? "Untitled page " + page.id() : page.title());
        String space =
                index.spaceKey(page.spaceId()).isEmpty() ? descriptor.spaceKey() : index.spaceKey(page.spaceId());
        String url = url(a, path, file);
        Set<String> groups = index.accessGroups(page);
        Map<String, String> metadata = new LinkedHashMap<>(text.metadata());
        metadata.put("path", path);
        metadata.put("format", "confluence-xml-attachment");
        metadata.put("attachedToPageId", page.id());
        metadata.put("attachedToPage", breadcrumb.getLast());
        var lastModified = PageWriter.date(a.lastModified());
        sink.document(new SourceDocument(
                id,
                source,
                space,
                a.fileName(),
                url,
                breadcrumb,
                text.content(),
                ContentHash.ofDocument(a.fileName(), space, breadcrumb, url, text.content(), groups),
                lastModified != null ? lastModified : text.lastModified(),
                groups,
                metadata));
    }

    private byte[] read(Path file) throws IOException {
        byte[] bytes = AttachmentFiles.read(file, maxFileBytes);
        if (bytes.length > maxFileBytes) {
            throw new DocentException.InvalidInput(
                    "larger than the " + (maxFileBytes / (1024 * 1024)) + " MB limit; skipped");
        }
        return bytes;
    }

    private String url(AttachmentInfo a, String path, Path file) {
        if (baseUrl != null) {
            return baseUrl + (baseUrl.endsWith("/") ? "" : "/") + "download/attachments/" + a.pageId() + "/"
                    + URLEncoder.encode(a.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        }
        return pathUrls ? path : file.toUri().toString();
    }
}
