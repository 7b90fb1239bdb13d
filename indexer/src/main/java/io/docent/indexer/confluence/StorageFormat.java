package io.docent.indexer.confluence;

import io.docent.indexer.html.HtmlToMarkdown;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Converts a page body in Confluence storage format (XHTML with {@code ac:} and {@code ri:} elements) to the
 * Markdown-ish text every reader produces.
 *
 * <p>How: the body is parsed as XML (jsoup's lenient parser: it keeps {@code CDATA} code, decodes HTML entities
 * such as {@code &nbsp;}, and never resolves an entity from outside), the Confluence elements are rewritten into the
 * plain HTML that Confluence's own HTML export would show, and {@link HtmlToMarkdown} does the rest. So a code macro
 * becomes a fenced block, an info, note, warning or tip panel a paragraph labelled "Info:", "Note:"..., an expand
 * macro its title and body, a link or user mention its text ({@code @Display Name}), and macros that only render
 * something computed elsewhere (table of contents, children, Jira issues, attachments list) disappear. An unknown
 * macro keeps its body, so content is never lost to a macro name we did not anticipate.
 *
 * <p>Elements are rewritten innermost first (reverse document order), so a panel inside an expand inside a layout
 * cell comes out right, and the walk is a loop, not a recursion: a deeply nested body cannot overflow the stack.
 */
final class StorageFormat {

    /** Macros that show computed or embedded content, not text written on the page. */
    private static final Set<String> DROPPED_MACROS = Set.of(
            "toc",
            "children",
            "pagetree",
            "pagetreesearch",
            "recently-updated",
            "attachments",
            "contentbylabel",
            "content-by-label",
            "popular-labels",
            "related-labels",
            "jira",
            "jiraissues",
            "jirachart",
            "anchor",
            "gallery",
            "profile",
            "profile-picture",
            "livesearch",
            "search",
            "blog-posts",
            "create-from-template",
            "create-space-button",
            "page-index",
            "viewfile",
            "view-file",
            "viewpdf",
            "viewdoc",
            "viewppt",
            "viewxls",
            "widget",
            "multimedia",
            "include",
            "excerpt-include",
            "index",
            "space-details",
            "contributors",
            "contributors-summary",
            "change-history",
            "recently-updated-dashboard");

    private static final Set<String> CODE_MACROS = Set.of("code", "noformat", "sql", "sql-query", "html", "xml");

    private static final Map<String, String> PANEL_KINDS =
            Map.of("info", "information", "note", "note", "warning", "warning", "tip", "tip", "error", "warning");

    private StorageFormat() {}

    /**
     * The text of a storage-format body.
     *
     * @param storage the body as {@code entities.xml} holds it
     * @param displayName turns a user key or name (of a mention) into a display name
     */
    static String toMarkdown(String storage, UnaryOperator<String> displayName) {
        Document xml = Jsoup.parse(storage, "", Parser.xmlParser());
        List<Element> all = xml.getAllElements();
        for (int i = all.size() - 1; i >= 0; i--) {
            Element el = all.get(i);
            if (el.parent() != null) {
                rewrite(el, displayName);
            }
        }
        Document html = Jsoup.parseBodyFragment(xml.html());
        return HtmlToMarkdown.convert(html.body());
    }

    private static void rewrite(Element el, UnaryOperator<String> displayName) {
        String tag = el.tagName().toLowerCase(Locale.ROOT);
        switch (tag) {
            case "ac:structured-macro", "ac:macro" -> macro(el);
            case "ac:link" -> el.replaceWith(new Element("span").text(linkText(el, displayName)));
            case "ac:image", "ac:emoticon", "ac:placeholder", "ac:task-id", "ac:task-status" -> el.remove();
            case "ac:task-list" -> retag(el, "ul");
            case "ac:task" -> retag(el, "li");
            case "ac:layout", "ac:layout-section", "ac:layout-cell", "ac:task-body" -> retag(el, "div");
            case "ac:adf-extension" -> adfExtension(el);
            case "time" -> el.replaceWith(new Element("span").text(el.attr("datetime")));
            default -> {
                // structural children (parameters, bodies, link targets) are read by their macro or link, which
                // comes earlier in the document and so later in this walk; any other ac: element left (an inline
                // comment marker) is an unknown inline tag to the HTML parser, which keeps its text
            }
        }
    }

    private static void macro(Element macro) {
        String name = macro.attr("ac:name").strip().toLowerCase(Locale.ROOT);
        Map<String, String> params = new HashMap<>();
        Element richBody = null;
        Element plainBody = null;
        for (Element child : macro.children()) {
            switch (child.tagName().toLowerCase(Locale.ROOT)) {
                case "ac:parameter" -> params.put(child.attr("ac:name").toLowerCase(Locale.ROOT), child.text());
                case "ac:default-parameter" -> params.put("", child.text());
                case "ac:rich-text-body" -> richBody = child;
                case "ac:plain-text-body" -> plainBody = child;
                default -> {}
            }
        }
        Element out = new Element("div");
        if (DROPPED_MACROS.contains(name)) {
            macro.remove();
            return;
        } else if (CODE_MACROS.contains(name) || (richBody == null && plainBody != null)) {
            String language = params.getOrDefault("language", "");
            Element code = new Element("code").text(plainBody == null ? "" : plainBody.wholeText());
            if (!language.isBlank()) {
                code.addClass("language-" + language.strip().toLowerCase(Locale.ROOT));
            }
            out = new Element("pre").appendChild(code);
        } else if (PANEL_KINDS.containsKey(name)) {
            out.addClass("confluence-information-macro")
                    .addClass("confluence-information-macro-" + PANEL_KINDS.get(name));
            title(out, params.get("title"));
        } else if (name.equals("status")) {
            String title = params.getOrDefault("title", params.getOrDefault("colour", ""));
            macro.replaceWith(new Element("span").text(title.isBlank() ? "" : "[" + title.strip() + "]"));
            return;
        } else if (name.equals("expand")) {
            title(out, params.getOrDefault("title", params.get("")));
        } else {
            title(out, params.get("title")); // panel, section, excerpt, details, and any macro we do not know
        }
        if (richBody != null && !out.nameIs("pre")) {
            out.appendChildren(richBody.childNodesCopy());
        }
        if (out.childNodeSize() == 0) {
            macro.remove();
        } else {
            macro.replaceWith(out);
        }
    }

    private static void title(Element panel, String title) {
        if (title != null && !title.isBlank()) {
            panel.appendElement("p").appendElement("strong").text(title.strip());
        }
    }

    /** The text a reader of the page sees for a link: its body, else what it points at. */
    private static String linkText(Element link, UnaryOperator<String> displayName) {
        for (Element child : link.children()) {
            String tag = child.tagName().toLowerCase(Locale.ROOT);
            if ((tag.equals("ac:link-body") || tag.equals("ac:plain-text-link-body"))
                    && !child.text().isBlank()) {
                return child.text().strip();
            }
        }
        for (Element target : link.children()) {
            switch (target.tagName().toLowerCase(Locale.ROOT)) {
                case "ri:user" -> {
                    String who = firstNonBlank(
                            target.attr("ri:userkey"), target.attr("ri:username"), target.attr("ri:account-id"));
                    String name = displayName.apply(who);
                    return "@" + (name.isBlank() ? "unknown user" : name);
                }
                case "ri:page", "ri:blog-post" -> {
                    return target.attr("ri:content-title");
                }
                case "ri:attachment" -> {
                    return target.attr("ri:filename");
                }
                case "ri:url" -> {
                    return target.attr("ri:value");
                }
                case "ri:space" -> {
                    return target.attr("ri:space-key");
                }
                default -> {}
            }
        }
        return link.attr("ac:anchor");
    }

    /** An Atlassian Document Format node stored in a page: a panel, or its HTML fallback. */
    private static void adfExtension(Element ext) {
        Element node = ext.selectFirst("> ac|adf-node");
        Element content = node == null ? null : node.selectFirst("> ac|adf-content");
        if (node != null && content != null) {
            Element out = new Element("div");
            if (node.attr("type").equals("panel")) {
                String kind = "information";
                for (Element attribute : node.select("> ac|adf-attribute")) {
                    if (attribute.attr("key").equals("panel-type")) {
                        kind = PANEL_KINDS.getOrDefault(attribute.text().strip().toLowerCase(Locale.ROOT), kind);
                    }
                }
                out.addClass("confluence-information-macro").addClass("confluence-information-macro-" + kind);
            }
            ext.replaceWith(out.appendChildren(content.childNodesCopy()));
            return;
        }
        Element fallback = ext.selectFirst("> ac|adf-fallback");
        ext.replaceWith(new Element("div").appendChildren(fallback == null ? List.of() : fallback.childNodesCopy()));
    }

    private static void retag(Element el, String tag) {
        el.tagName(tag);
        el.clearAttributes();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }
}
