package io.docent.app.web;

import io.docent.core.LinkLabels;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * An answer's Markdown as the web page shows it: HTML made by commonmark-java (paragraphs, lists, GFM tables, bold,
 * code, links), never the answer's own markup. Raw HTML in the text is escaped ({@code <script>} shows as text);
 * links go only to http, https, mailto and file addresses, others (a {@code javascript:} link) show their label as
 * text; a link whose label is another address shows its target ({@link LinkLabels}, as on every surface); an image
 * is a link labelled "image: alt", never fetched; a citation marker stays the text {@code [n]}, even where a {@code
 * [n]: url} line would make it a link. The page puts this HTML into the answer as it is and adds only the
 * citation links, built as elements.
 */
final class AnswerHtml {

    private static final List<Extension> EXTENSIONS =
            List.of(TablesExtension.create(), StrikethroughExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final Pattern CITATION = Pattern.compile("\\d{1,3}");
    private static final Set<String> LINKED_SCHEMES = Set.of("http", "https", "mailto", "file");
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("target", "_blank");
                    attributes.put("rel", "noopener noreferrer");
                }
            })
            .build();

    private AnswerHtml() {}

    /** {@code markdown} as safe HTML (see the class comment). */
    static String render(String markdown) {
        Node document = PARSER.parse(markdown);
        document.accept(new SafeLinks());
        return HTML.render(document);
    }

    /** {@code markdown} as the text a reader sees, without its markup (a citation's snippet). */
    static String plainText(String markdown) {
        return textOf(PARSER.parse(markdown));
    }

    /** The words of {@code node} and what it holds: its text and code, line breaks and blocks as spaces. */
    private static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                text.append(' ');
            }

            @Override
            public void visit(Paragraph paragraph) {
                visitChildren(paragraph);
                text.append(' ');
            }
        });
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    /** Images become links; links to other schemes become their label; misleading labels become the target. */
    private static final class SafeLinks extends AbstractVisitor {
        @Override
        public void visit(Image image) {
            String alt = textOf(image);
            Link link = new Link(image.getDestination(), null);
            link.appendChild(new Text("image" + (alt.isEmpty() ? "" : ": " + alt)));
            image.insertBefore(link);
            image.unlink();
            visit(link);
        }

        @Override
        public void visit(Link link) {
            String target = link.getDestination();
            String label = textOf(link);
            if (CITATION.matcher(label).matches()) { // "[1]" made a link by a "[1]: url" line in the text
                link.insertBefore(new Text("[" + label + "]"));
                link.unlink();
                return;
            }
            if (!LINKED_SCHEMES.contains(scheme(target))) {
                Node child = link.getFirstChild();
                while (child != null) {
                    Node next = child.getNext();
                    link.insertBefore(child);
                    child = next;
                }
                link.unlink();
                return;
            }
            if (LinkLabels.misleading(label, target)) {
                while (link.getFirstChild() != null) {
                    link.getFirstChild().unlink();
                }
                link.appendChild(new Text(target));
            }
            visitChildren(link);
        }

        private static String scheme(String url) {
            int colon = url.indexOf(':');
            int slash = url.indexOf('/');
            if (colon <= 0 || (slash >= 0 && slash < colon)) {
                return "relative";
            }
            return url.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        }
    }
}
