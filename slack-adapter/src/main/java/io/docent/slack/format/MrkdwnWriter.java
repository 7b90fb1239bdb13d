package io.docent.slack.format;

import io.docent.core.LinkLabels;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Writes a commonmark-java tree as Slack mrkdwn (the rules are listed on {@link Mrkdwn}).
 *
 * <p>Blocks are written one by one and joined by as many line breaks as separated them in the source (the parser
 * keeps each block's lines), so an answer keeps its layout: a list right under a heading stays right under it, and
 * paragraphs stay one blank line apart, which is where {@link Sections} may split a long answer.
 *
 * <p>The link rules are security rules (the permissions issue): retrieved text is data, so a label that looks like a
 * URL must not hide a different target, and a document's image is never fetched or shown. The core already rewrites
 * such Markdown before an answer leaves it; this writer applies the same rules again because it is the last step
 * before Slack and may be given Markdown that did not come through the core.
 */
final class MrkdwnWriter {

    private MrkdwnWriter() {}

    static String write(Node document) {
        return blocks(document);
    }

    /** The children of {@code parent}, each a block, joined as they were in the source. */
    private static String blocks(Node parent) {
        StringBuilder out = new StringBuilder();
        Node previous = null;
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof LinkReferenceDefinition) {
                continue; // [1]: https://x defines a target and shows nothing
            }
            if (previous != null) {
                out.append("\n".repeat(linesBetween(previous, node)));
            }
            out.append(block(node));
            previous = node;
        }
        return out.toString();
    }

    private static String block(Node node) {
        return switch (node) {
            case Paragraph p -> inlines(p, false);
            case Heading h -> "*" + inlines(h, true) + "*";
            case BulletList list -> items(list, i -> "• ");
            case OrderedList list -> items(list, i -> firstNumber(list) + i + ". ");
            case FencedCodeBlock code -> codeBlock(code.getLiteral());
            case IndentedCodeBlock code -> codeBlock(code.getLiteral());
            case BlockQuote quote -> "&gt; " + blocks(quote).replace("\n", "\n&gt; ");
            case HtmlBlock html -> Mrkdwn.escape(withoutFinalNewline(html.getLiteral()));
            case ThematicBreak rule -> "---";
            default -> blocks(node);
        };
    }

    private static String items(ListBlock list, IntFunction<String> marker) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        Node previous = null;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext(), i++) {
            if (previous != null) {
                out.append("\n".repeat(linesBetween(previous, item)));
            }
            out.append(marker.apply(i)).append(blocks(item).replace("\n", "\n  "));
            previous = item;
        }
        return out.toString();
    }

    private static int firstNumber(OrderedList list) {
        return list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
    }

    private static String codeBlock(String literal) {
        return "```\n" + Mrkdwn.escape(withoutFinalNewline(literal)) + "\n```";
    }

    private static String withoutFinalNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** Line breaks between two sibling blocks: one when they were on consecutive lines, two after a blank line. */
    private static int linesBetween(Node previous, Node next) {
        List<SourceSpan> before = previous.getSourceSpans();
        List<SourceSpan> after = next.getSourceSpans();
        if (before.isEmpty() || after.isEmpty()) {
            return 2;
        }
        return Math.max(1, after.getFirst().getLineIndex() - before.getLast().getLineIndex());
    }

    private static String inlines(Node parent, boolean inHeading) {
        return new Inlines(inHeading).childrenOf(parent);
    }

    /** The words of {@code node} without markup: what a reader takes a link's label to say. */
    private static String plainText(Node node) {
        var text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                text.append(c.getLiteral());
            }
        });
        return text.toString().strip();
    }

    private static boolean isWebOrMail(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:");
    }

    /** Inline nodes as mrkdwn; in a heading, which is bold as a whole, bold inside is dropped. */
    private static final class Inlines extends AbstractVisitor {
        private final StringBuilder out = new StringBuilder();
        private final boolean inHeading;

        Inlines(boolean inHeading) {
            this.inHeading = inHeading;
        }

        String childrenOf(Node parent) {
            visitChildren(parent);
            return out.toString();
        }

        @Override
        public void visit(Text text) {
            out.append(Mrkdwn.escape(text.getLiteral()));
        }

        @Override
        public void visit(Code code) {
            out.append('`').append(Mrkdwn.escape(code.getLiteral())).append('`');
        }

        @Override
        public void visit(Emphasis emphasis) {
            wrap("_", emphasis);
        }

        @Override
        public void visit(StrongEmphasis strong) {
            if (inHeading) {
                visitChildren(strong);
            } else {
                wrap("*", strong);
            }
        }

        @Override
        public void visit(CustomNode node) {
            if (node instanceof Strikethrough) {
                wrap("~", node);
            } else {
                visitChildren(node);
            }
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            out.append('\n');
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            out.append('\n');
        }

        @Override
        public void visit(HtmlInline html) {
            out.append(Mrkdwn.escape(html.getLiteral()));
        }

        @Override
        public void visit(Link link) {
            String destination = link.getDestination();
            String plain = plainText(link);
            String label = inlines(link, inHeading);
            if (!isWebOrMail(destination)) {
                out.append(label);
                return;
            }
            if (LinkLabels.misleading(plain, destination)) {
                label = Mrkdwn.escape(destination); // the label claimed another address: show where it goes
            }
            slackLink(destination, label);
        }

        @Override
        public void visit(Image image) {
            String alt = plainText(image);
            String label = "image" + (alt.isEmpty() ? "" : ": " + Mrkdwn.escape(alt));
            if (isWebOrMail(image.getDestination())) {
                slackLink(image.getDestination(), label);
            } else {
                out.append(label);
            }
        }

        private void slackLink(String destination, String label) {
            String url = Mrkdwn.escape(destination).replace("|", "%7C");
            if (label.equals(url)) {
                out.append('<').append(url).append('>');
            } else {
                out.append('<')
                        .append(url)
                        .append('|')
                        .append(label.replace("|", "¦"))
                        .append('>');
            }
        }

        private void wrap(String marker, Node node) {
            out.append(marker);
            visitChildren(node);
            out.append(marker);
        }
    }
}
