package io.docent.indexer.confluence;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the {@code <object>} elements of a Confluence {@code entities.xml} one at a time with StAX, so an export
 * of any size is read in constant memory: only the current object is held, and a text property longer than the
 * caller's limit is cut off rather than buffered whole.
 *
 * <p>Security: the factory is the JDK's own ({@link XMLInputFactory#newDefaultFactory()}, whatever else is on the
 * class path) with DTDs and external entities switched off and a resolver that refuses everything. A document that
 * declares or references an entity therefore fails to parse at that point (an {@link XMLStreamException} naming the
 * line): no file or URL is ever read on the export's behalf (XXE), and no entity is ever expanded (billion laughs).
 *
 * <p>Not thread-safe; one parser reads one file once.
 */
final class EntitiesXmlParser implements Closeable {

    /** Which objects a caller wants; the others are skipped without being kept. */
    interface Wanted {
        /** Whether objects of this {@code class} are wanted at all. */
        boolean type(String type);

        /** Whether this object is wanted, decided as soon as its id is read (before its large properties). */
        default boolean id(String type, String id) {
            return true;
        }
    }

    private final XMLStreamReader xml;
    private final XmlCharacterFilter chars;
    private boolean ended;

    EntitiesXmlParser(Path file) throws IOException, XMLStreamException {
        // invalid UTF-8 becomes U+FFFD instead of an exception: one bad byte must not cost the rest of the export
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.chars = new XmlCharacterFilter(new InputStreamReader(Files.newInputStream(file), decoder));
        try {
            this.xml = secureFactory().createXMLStreamReader(chars);
            if (nextChild() != XMLStreamConstants.START_ELEMENT) {
                throw new XMLStreamException("no root element", xml.getLocation());
            }
        } catch (XMLStreamException | RuntimeException e) {
            chars.close();
            throw e;
        }
    }

    /** A StAX factory that resolves no DTD and no external entity. */
    static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entity " + systemId + " refused");
        });
        return factory;
    }

    /** The next wanted object, or {@code null} at the end of the document. */
    XmlObject next(Wanted wanted, int maxTextChars) throws XMLStreamException {
        while (!ended && nextChild() == XMLStreamConstants.START_ELEMENT) {
            String type = xml.getAttributeValue(null, "class");
            if (!xml.getLocalName().equals("object") || type == null || !wanted.type(type)) {
                skipElement();
                continue;
            }
            XmlObject object = readObject(type, wanted, maxTextChars);
            if (object != null) {
                return object;
            }
        }
        ended = true;
        return null;
    }

    /** Where the parser is, for messages: {@code line 12, column 5}. */
    String where() {
        Location location = xml.getLocation();
        return "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    /** Characters dropped because XML forbids them (control characters). */
    long droppedCharacters() {
        return chars.dropped();
    }

    /** Replacement characters read, mostly from bytes that were not valid UTF-8. */
    long replacedCharacters() {
        return chars.replaced();
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing a reader that failed mid-document; the stream below is closed next
        } finally {
            chars.close();
        }
    }

    private XmlObject readObject(String type, Wanted wanted, int maxTextChars) throws XMLStreamException {
        String id = null;
        Map<String, String> properties = new HashMap<>();
        Map<String, List<String>> collections = new HashMap<>();
        Set<String> oversize = new HashSet<>();
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            String element = xml.getLocalName();
            String name = xml.getAttributeValue(null, "name");
            switch (element) {
                case "id" -> {
                    String value = text(1_000, null, null).strip();
                    if (id == null) {
                        id = value;
                        if (!wanted.id(type, id)) {
                            skipElement(); // the rest of this object
                            return null;
                        }
                    }
                }
                case "property" -> {
                    if (xml.getAttributeValue(null, "class") == null) {
                        properties.put(name, text(maxTextChars, oversize, name));
                    } else if (xml.getAttributeValue(null, "class").startsWith("java.util.")) {
                        collections.put(name, ids());
                    } else {
                        List<String> ids = ids();
                        properties.put(name, ids.isEmpty() ? "" : ids.getFirst());
                    }
                }
                case "collection" -> collections.put(name, ids());
                default -> skipElement();
            }
        }
        return new XmlObject(type, id == null ? "" : id, properties, collections, oversize);
    }

    /** The ids inside the current element: its own {@code <id>} children, or those of its {@code <element>}s. */
    private List<String> ids() throws XMLStreamException {
        List<String> ids = new ArrayList<>();
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            if (xml.getLocalName().equals("id")) {
                ids.add(text(1_000, null, null).strip());
            } else if (xml.getLocalName().equals("element")) {
                while (nextChild() == XMLStreamConstants.START_ELEMENT) {
                    if (xml.getLocalName().equals("id")) {
                        ids.add(text(1_000, null, null).strip());
                    } else {
                        skipElement();
                    }
                }
            } else {
                skipElement();
            }
        }
        return ids;
    }

    /**
     * The text of the current element, up to {@code max} characters; the rest is read past, not kept, and the
     * property is added to {@code oversize}. Nested elements (there should be none) are skipped.
     */
    private String text(int max, Set<String> oversize, String property) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        boolean cut = false;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 1 && !cut) {
                        if (xml.getTextLength() <= max - text.length()) {
                            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        } else {
                            cut = true; // keep nothing more: a cut text is reported, never used half
                            if (oversize != null) {
                                oversize.add(property);
                            }
                        }
                    }
                }
                default -> {}
            }
        }
        return text.toString();
    }

    /** Moves to the next child start tag, or to the end tag of the current element; text and comments are passed. */
    private int nextChild() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT
                    || event == XMLStreamConstants.END_ELEMENT
                    || event == XMLStreamConstants.END_DOCUMENT) {
                return event;
            }
        }
    }

    /** Skips the element whose start tag was just read, with everything inside it. */
    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                return;
            }
        }
    }
}
