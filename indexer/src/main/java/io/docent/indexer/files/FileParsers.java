package io.docent.indexer.files;

import io.docent.indexer.TextNormalizer;
import io.docent.indexer.confluence.ConfluenceHtmlPage;
import io.docent.indexer.html.HtmlToMarkdown;
import io.docent.indexer.markdown.SiteMarkdown;
import io.docent.indexer.tika.TikaExtractor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a file's text into a {@link ParsedFile} according to its extension. */
final class FileParsers {

    private static final Logger log = LoggerFactory.getLogger(FileParsers.class);
    private static final Pattern FENCE = Pattern.compile("^\\s*(```+|~~~+)");

    private FileParsers() {}

    /** Whether files with this name are read at all; everything else (images, styles) is silently not content. */
    static boolean supports(String fileName) {
        String ext = extension(fileName);
        return ext.equals("md")
                || ext.equals("markdown")
                || ext.equals("mdx")
                || ext.equals("txt")
                || isHtml(fileName)
                || TikaExtractor.handles(fileName);
    }

    /** The parsed file, or empty when the file is deliberately not content (a Confluence space's page list). */
    static Optional<ParsedFile> parse(String fileName, String text) {
        if (isHtml(fileName)) {
            return html(fileName, text);
        }
        String normalised = TextNormalizer.normalize(text);
        if (extension(fileName).equals("txt")) {
            return Optional.of(ParsedFile.ofContent(null, normalised));
        }
        return Optional.of(markdown(fileName, normalised));
    }

    private static boolean isHtml(String fileName) {
        String ext = extension(fileName);
        return ext.equals("html") || ext.equals("htm") || ext.equals("aspx"); // a saved SharePoint page is HTML
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Title from front matter or the first {@code # } heading outside code; front matter, template tags and HTML are
     * reduced to what the built site shows ({@link SiteMarkdown}). Malformed front matter: the file is indexed as
     * plain text, with a warning naming it.
     */
    static ParsedFile markdown(String fileName, String text) {
        SiteMarkdown.Page page = SiteMarkdown.read(text);
        page.warnings().forEach(w -> log.warn("{}: {}", fileName, w));
        String title = page.title() != null ? page.title() : firstHeading(page.text());
        Map<String, String> metadata =
                page.description() == null ? Map.of() : Map.of("description", page.description());
        return new ParsedFile(title, "", null, page.text(), null, metadata);
    }

    private static String firstHeading(String markdown) {
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
            } else if (!inFence && line.startsWith("# ") && !line.substring(2).isBlank()) {
                return line.substring(2).strip();
            }
        }
        return null;
    }

    private static Optional<ParsedFile> html(String fileName, String text) {
        Document doc = Jsoup.parse(text);
        if (ConfluenceHtmlPage.isSpaceIndex(doc)) {
            return Optional.empty();
        }
        Optional<ConfluenceHtmlPage> confluence = ConfluenceHtmlPage.parse(doc, fileName);
        if (confluence.isPresent()) {
            ConfluenceHtmlPage page = confluence.get();
            Map<String, String> metadata = new LinkedHashMap<>();
            putIfPresent(metadata, "pageId", page.pageId());
            putIfPresent(metadata, "author", page.author());
            putIfPresent(metadata, "lastModifiedBy", page.lastModifiedBy());
            metadata.put("format", "confluence-html");
            return Optional.of(new ParsedFile(
                    page.title().isBlank() ? null : page.title(),
                    page.space(),
                    page.breadcrumb(),
                    HtmlToMarkdown.convert(page.body()),
                    page.lastModified(),
                    metadata));
        }
        String title = doc.title().strip();
        if (title.isEmpty()) {
            Element h1 = doc.selectFirst("h1");
            title = h1 == null ? "" : h1.text().strip();
        }
        // a page's own content area, when it marks one, leaves the site's menus and sidebars out
        Element main = doc.selectFirst("main, [role=main], article");
        String content = HtmlToMarkdown.convert(main != null ? main : doc.body());
        return Optional.of(ParsedFile.ofContent(title.isEmpty() ? null : title, content));
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
