package io.docent.indexer.sharepoint;

import io.docent.core.SourceDocument;
import io.docent.indexer.ContentHash;
import io.docent.indexer.DocumentReader;
import io.docent.indexer.html.HtmlToMarkdown;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;

/** Turns a {@link SitePage} into a {@link SourceDocument}, or skips it when it was never published. */
final class SitePageWriter {

    private final String source;
    private final String site;
    private final String baseUrl;
    private final boolean pathUrls;
    private final boolean publicSource;
    private final DocumentReader.Sink sink;

    SitePageWriter(
            String source,
            String site,
            String baseUrl,
            boolean pathUrls,
            boolean publicSource,
            DocumentReader.Sink sink) {
        this.source = source;
        this.site = site;
        this.baseUrl = baseUrl;
        this.pathUrls = pathUrls;
        this.publicSource = publicSource;
        this.sink = sink;
    }

    /**
     * @param id the page's id: its path in the export with {@code .aspx}
     * @param page the parsed page
     * @param json the JSON file, for a {@code file:} URL when there is nothing better
     */
    void write(String id, SitePage page, Path json) {
        if (!page.everPublished()) {
            sink.skipped(id, "a draft site page that was never published");
            return;
        }
        String html = (page.description().isEmpty() ? "" : "<p>" + escape(page.description()) + "</p>") + page.html();
        String content = HtmlToMarkdown.convert(Jsoup.parseBodyFragment(html).body());
        String title = page.title().isEmpty() ? page.name().replaceFirst("(?i)\\.aspx$", "") : page.title();
        if (title.isBlank()) {
            title = id;
        }
        String url = !page.webUrl().isBlank()
                ? page.webUrl()
                : baseUrl != null
                        ? baseUrl + (baseUrl.endsWith("/") ? "" : "/") + id
                        : pathUrls ? id : json.toUri().toString();
        Set<String> groups = page.access().resolve(publicSource, id, sink);
        List<String> breadcrumb = List.of();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("path", id);
        metadata.put("format", "sharepoint-sitepage");
        SharePointReader.putIfPresent(metadata, "author", page.createdBy());
        SharePointReader.putIfPresent(metadata, "lastModifiedBy", page.lastModifiedBy());
        sink.document(new SourceDocument(
                id,
                source,
                site,
                title,
                url,
                breadcrumb,
                content,
                ContentHash.ofDocument(title, site, breadcrumb, url, content, groups),
                page.lastModified(),
                groups,
                metadata));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
