package io.docent.indexer.confluence;

import io.docent.core.SourceDocument;
import io.docent.indexer.ContentHash;
import io.docent.indexer.DocumentReader;
import io.docent.indexer.ReadFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * Reads a Confluence HTML space export: its pages through a folder reader (which knows Confluence's page layout, see
 * {@link ConfluenceHtmlPage}), and its attachments ({@code attachments/<pageId>/file.pdf}, read through Tika) as
 * documents of their own, linked to their page: an attachment's breadcrumb is its page's breadcrumb and title, its
 * space the page's space, and its metadata names the page ({@code attachedToPageId}, {@code attachedToPage}). An
 * attachment whose page is not in the export is still indexed, with the page id only.
 */
public final class ConfluenceHtmlExportReader implements DocumentReader {

    private static final Pattern ATTACHMENT = Pattern.compile("^attachments/(\\d+)/[^/].*");
    private static final Pattern PAGE_FILE = Pattern.compile(".*_(\\d+)\\.html?$");
    /** A page file larger than this is not parsed just to name an attachment's page. */
    private static final long MAX_PAGE_BYTES = 20L * 1024 * 1024;

    private final Path root;
    private final DocumentReader files;

    /**
     * @param root the export's folder
     * @param files the reader of the folder's files (a {@code FolderReader} of {@code root})
     */
    public ConfluenceHtmlExportReader(Path root, DocumentReader files) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.files = Objects.requireNonNull(files, "files");
    }

    @Override
    public String location() {
        return files.location();
    }

    @Override
    public void read(String source, Sink sink) {
        Linker linker = new Linker(pageFiles());
        files.read(source, new Sink() {
            @Override
            public void expect(int entries) {
                sink.expect(entries);
            }

            @Override
            public void document(SourceDocument document) {
                sink.document(linker.link(document));
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
    }

    /** Page id to page file, from the names of the export's top-level HTML files ({@code Title_12345.html}). */
    private Map<String, Path> pageFiles() {
        Map<String, Path> pages = new HashMap<>();
        try (Stream<Path> list = Files.list(root)) {
            list.forEach(p -> {
                Matcher m = PAGE_FILE.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    pages.putIfAbsent(m.group(1), p);
                }
            });
        } catch (IOException e) {
            // the folder reader reports an unreadable export; attachments are then simply not linked
        }
        return pages;
    }

    /** Links attachment documents to their pages; each page is parsed at most once. */
    private static final class Linker {
        private final Map<String, Path> pageFiles;
        private final Map<String, Optional<ConfluenceHtmlPage>> pages = new HashMap<>();

        Linker(Map<String, Path> pageFiles) {
            this.pageFiles = pageFiles;
        }

        SourceDocument link(SourceDocument doc) {
            Matcher m = ATTACHMENT.matcher(doc.id());
            if (!m.matches()) {
                return doc;
            }
            String pageId = m.group(1);
            Map<String, String> metadata = new LinkedHashMap<>(doc.metadata());
            metadata.put("attachedToPageId", pageId);
            Optional<ConfluenceHtmlPage> page = pages.computeIfAbsent(pageId, this::parse);
            String space = doc.space();
            List<String> breadcrumb = doc.breadcrumb();
            if (page.isPresent()) {
                space = page.get().space();
                breadcrumb = new ArrayList<>(page.get().breadcrumb());
                breadcrumb.add(page.get().title());
                metadata.put("attachedToPage", page.get().title());
            }
            String hash = ContentHash.ofDocument(
                    doc.title(), space, breadcrumb, doc.url(), doc.content(), doc.accessGroups());
            return new SourceDocument(
                    doc.id(),
                    doc.source(),
                    space,
                    doc.title(),
                    doc.url(),
                    breadcrumb,
                    doc.content(),
                    hash,
                    doc.lastModified(),
                    doc.accessGroups(),
                    metadata);
        }

        private Optional<ConfluenceHtmlPage> parse(String pageId) {
            Path file = pageFiles.get(pageId);
            try {
                if (file == null || Files.size(file) > MAX_PAGE_BYTES) {
                    return Optional.empty();
                }
                return ConfluenceHtmlPage.parse(
                        Jsoup.parse(file.toFile()), file.getFileName().toString());
            } catch (IOException | RuntimeException e) {
                return Optional.empty(); // the page itself is reported by the folder reader
            }
        }
    }
}
