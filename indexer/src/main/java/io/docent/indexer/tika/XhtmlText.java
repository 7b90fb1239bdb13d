package io.docent.indexer.tika;

import io.docent.indexer.html.HtmlToMarkdown;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** Tika's XHTML as the Markdown-ish text every reader produces, a slide deck's with a place marker per slide. */
final class XhtmlText {

    private XhtmlText() {}

    /** The XHTML Tika wrote for {@code fileName}, as Markdown. */
    static String markdown(String xhtml, String fileName) {
        return markdown(body(xhtml, fileName));
    }

    /**
     * Tika's XHTML as a tree. A slide deck's is read as XML: its empty {@code <div class="slide-master-content"/>}
     * after every slide would, read as HTML, swallow the slides after it and leave one slide.
     */
    private static Element body(String xhtml, String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pptx") || lower.endsWith(".pptm")) {
            Element body = Jsoup.parse(xhtml, "", Parser.xmlParser()).selectFirst("body");
            if (body != null) {
                return body;
            }
        }
        return Jsoup.parse(xhtml).body();
    }

    /**
     * The body as Markdown. A slide deck (Tika writes a {@code <div class="slide-content">} per slide) gets a {@code
     * <!--docent:slide=N-->} line before each slide's text, so its chunks cite their slide; what Tika writes between
     * slides (master text, notes) stays with the slide before it.
     */
    private static String markdown(Element body) {
        if (body.children().stream().noneMatch(c -> c.hasClass("slide-content"))) {
            return HtmlToMarkdown.convert(body);
        }
        StringBuilder sb = new StringBuilder();
        int slide = 0;
        for (Element child : body.children()) {
            String text = HtmlToMarkdown.convert(child);
            boolean isSlide = child.normalName().equals("div") && child.hasClass("slide-content");
            if (isSlide) {
                sb.append("\n\n<!--docent:slide=").append(++slide).append("-->\n\n");
            }
            if (!text.isBlank()) {
                sb.append("\n\n").append(text);
            }
        }
        return sb.toString();
    }
}
