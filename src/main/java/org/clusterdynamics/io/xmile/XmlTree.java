package org.clusterdynamics.io.xmile;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds an {@link XmlNode} tree from XMILE text with a hardened SAX parser, keeping the line of
 * every start tag.
 *
 * <p>Parsing is not namespace-aware because many Stella and xmutil files use the {@code isee:}
 * prefix without declaring it; prefixes are resolved here instead. Elements whose prefix is not
 * bound to an XMILE namespace are vendor extensions and are dropped with their content, as are the
 * diagram ({@code views}, {@code display}, {@code style}), which the engine never reads.
 */
final class XmlTree {
    static final Set<String> XMILE_NAMESPACES = Set.of(
            "http://docs.oasis-open.org/xmile/ns/XMILE/v1.0",
            "http://www.systemdynamics.org/XMILE");

    private static final Set<String> DIAGRAM = Set.of("views", "display", "style");
    private static final String ENTITY_EXPANSION_LIMIT =
            "http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit";

    private XmlTree() {}

    /**
     * Parses the text; when it is not well-formed the exception names the innermost element still
     * open, which is usually the one whose end tag is missing.
     */
    static XmlNode parse(InputSource in) throws Malformed, IOException {
        Handler handler = new Handler();
        try {
            XMLReader reader = newParser().getXMLReader();
            reader.setContentHandler(handler);
            reader.setErrorHandler(handler);
            // no entity may be fetched from anywhere, whatever the parser would otherwise allow
            reader.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity '" + systemId + "' is not allowed in XMILE files");
            });
            reader.parse(in);
            return handler.root;
        } catch (SAXParseException e) {
            Tag innermost = handler.tags.peek();
            throw new Malformed(e.getMessage(), e.getLineNumber(), e.getColumnNumber(),
                    innermost == null ? null : innermost.qName, innermost == null ? 0 : innermost.line);
        } catch (SAXException e) {
            throw new Malformed(e.getMessage(), 0, 0, null, 0);
        }
    }

    /** Why the text is not well-formed XML, where, and which element was open there. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;
        final String openElement;
        final int openLine;

        Malformed(String message, int line, int column, String openElement, int openLine) {
            super(message);
            this.line = line;
            this.column = column;
            this.openElement = openElement;
            this.openLine = openLine;
        }
    }

    private static SAXParser newParser() throws SAXException {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(false);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser p = f.newSAXParser();
            p.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            p.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            try {
                p.setProperty(ENTITY_EXPANSION_LIMIT, "1000");
            } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
                // a parser without this JDK property still refuses any DOCTYPE, hence any entity
            }
            return p;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required security feature", e);
        }
    }

    /** Collects elements into nodes, resolving prefixes by hand. */
    private static final class Handler extends DefaultHandler {
        private final Deque<Builder> open = new ArrayDeque<>();
        private final Deque<Tag> tags = new ArrayDeque<>();
        private final Deque<Map<String, String>> prefixes = new ArrayDeque<>();
        private Locator locator;
        private int skipDepth;
        private XmlNode root;

        @Override
        public void setDocumentLocator(Locator l) {
            this.locator = l;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            tags.push(new Tag(qName, locator == null ? 0 : locator.getLineNumber()));
            if (skipDepth > 0) {
                skipDepth++;
                return;
            }
            Map<String, String> bound = new HashMap<>(prefixes.isEmpty() ? Map.of() : prefixes.peek());
            for (int i = 0; i < atts.getLength(); i++) {
                String an = atts.getQName(i);
                if (an.startsWith("xmlns:")) {
                    bound.put(an.substring(6), atts.getValue(i));
                }
            }
            int colon = qName.indexOf(':');
            String local = colon < 0 ? qName : qName.substring(colon + 1);
            boolean vendor = colon >= 0
                    && !XMILE_NAMESPACES.contains(bound.getOrDefault(qName.substring(0, colon), ""));
            if (vendor || (DIAGRAM.contains(local) && !open.isEmpty())) {
                skipDepth = 1;
                return;
            }
            prefixes.push(bound);
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < atts.getLength(); i++) {
                String an = atts.getQName(i);
                if (an.equals("xmlns") || an.startsWith("xmlns:")) {
                    continue;
                }
                int c = an.indexOf(':');
                String key = c < 0 ? an : an.substring(c + 1);
                // an unprefixed attribute wins over a vendor one of the same local name
                if (c < 0 || !attributes.containsKey(key)) {
                    attributes.put(key, atts.getValue(i));
                }
            }
            open.push(new Builder(local, attributes, locator == null ? 0 : locator.getLineNumber()));
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            tags.pop();
            if (skipDepth > 0) {
                skipDepth--;
                return;
            }
            prefixes.pop();
            Builder b = open.pop();
            XmlNode node = new XmlNode(b.name, b.attributes, b.text.toString(), b.line, b.children);
            if (open.isEmpty()) {
                root = node;
            } else {
                open.peek().children.add(node);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (skipDepth == 0 && !open.isEmpty()) {
                open.peek().text.append(ch, start, length);
            }
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    /** A start tag as written, with its line, kept until its end tag for error messages. */
    private record Tag(String qName, int line) {}

    /** An element whose end tag has not been seen yet. */
    private static final class Builder {
        final String name;
        final Map<String, String> attributes;
        final int line;
        final StringBuilder text = new StringBuilder();
        final List<XmlNode> children = new ArrayList<>();

        Builder(String name, Map<String, String> attributes, int line) {
            this.name = name;
            this.attributes = attributes;
            this.line = line;
        }
    }
}
