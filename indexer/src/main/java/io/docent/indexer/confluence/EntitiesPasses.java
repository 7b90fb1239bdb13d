package io.docent.indexer.confluence;

import io.docent.core.DocentException;
import io.docent.indexer.DocumentReader.Sink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * The two streaming passes of {@link ConfluenceXmlReader} over {@code entities.xml}: the first fills an {@link
 * EntitiesIndex} with everything but bodies, the second reads only the bodies of current pages and hands each page
 * to a {@link PageWriter} as soon as its body is read. Each returns why it stopped early (XML that stops being
 * well-formed), or {@code null}; what was read before that point stands.
 */
final class EntitiesPasses {

    /** Titles, names and other non-body texts longer than this are cut: none is legitimately so long. */
    private static final int MAX_PROPERTY_CHARS = 10_000;

    private EntitiesPasses() {}

    /** The first pass; returns why it stopped early, or {@code null}. */
    static String scan(Path entities, EntitiesIndex index, Sink sink) {
        EntitiesXmlParser.Wanted wanted = EntitiesIndex.TYPES::contains;
        try (EntitiesXmlParser parser = new EntitiesXmlParser(entities)) {
            try {
                for (XmlObject o = parser.next(wanted, MAX_PROPERTY_CHARS);
                        o != null;
                        o = parser.next(wanted, MAX_PROPERTY_CHARS)) {
                    index.accept(o);
                }
            } catch (XMLStreamException e) {
                return "not well-formed XML at " + parser.where() + ": " + message(e);
            } finally {
                warnAboutCharacters(parser, sink);
            }
            return null;
        } catch (XMLStreamException e) {
            return "not well-formed XML: " + message(e);
        } catch (IOException e) {
            throw new DocentException.InvalidInput(entities + " cannot be read: " + e.getMessage());
        }
    }

    /** The second pass; returns why it stopped early, or {@code null}. */
    static String emitBodies(
            Path entities, EntitiesIndex index, PageWriter writer, Set<String> done, int maxBodyChars) {
        EntitiesXmlParser.Wanted bodies = new EntitiesXmlParser.Wanted() {
            @Override
            public boolean type(String type) {
                return type.equals("BodyContent");
            }

            @Override
            public boolean id(String type, String id) {
                return index.needsEveryBody() || index.pageOfBody(id) != null;
            }
        };
        try (EntitiesXmlParser parser = new EntitiesXmlParser(entities)) {
            try {
                for (XmlObject body = parser.next(bodies, maxBodyChars);
                        body != null;
                        body = parser.next(bodies, maxBodyChars)) {
                    String pageId = Objects.requireNonNullElse(index.pageOfBody(body.id()), body.get("content"));
                    PageInfo page = index.page(pageId);
                    if (page != null && done.add(pageId)) {
                        writer.write(page, body, maxBodyChars);
                    }
                }
            } catch (XMLStreamException e) {
                return "not well-formed XML at " + parser.where() + ": " + message(e);
            }
            return null;
        } catch (XMLStreamException | IOException e) {
            return ConfluenceXmlReader.ENTITIES + " could not be read a second time: " + message(e);
        }
    }

    private static void warnAboutCharacters(EntitiesXmlParser parser, Sink sink) {
        if (parser.replacedCharacters() > 0) {
            sink.warning(
                    ConfluenceXmlReader.ENTITIES,
                    parser.replacedCharacters() + " character(s) were not valid UTF-8 and were"
                            + " replaced with U+FFFD");
        }
        if (parser.droppedCharacters() > 0) {
            sink.warning(
                    ConfluenceXmlReader.ENTITIES,
                    parser.droppedCharacters() + " control character(s) that XML does not allow were" + " dropped");
        }
    }

    private static String message(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        // StAX prefixes "ParseError at [row,col]:[3,5]\nMessage: "; the location is already given
        int at = m.indexOf("Message: ");
        return (at >= 0 ? m.substring(at + "Message: ".length()) : m).strip();
    }
}
