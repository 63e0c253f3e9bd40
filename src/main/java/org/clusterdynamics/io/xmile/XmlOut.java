package org.clusterdynamics.io.xmile;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds indented XML text element by element, escaping text and attribute values; attributes
 * are name/value pairs and a null value leaves the attribute out.
 */
final class XmlOut {
    private final StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    XmlOut start(String name, String... attributes) {
        indent().append('<').append(name);
        attributes(attributes);
        sb.append(">\n");
        open.push(name);
        return this;
    }

    XmlOut end() {
        String name = open.pop();
        indent().append("</").append(name).append(">\n");
        return this;
    }

    /** An element holding only text; nothing is written when the text is null. */
    XmlOut leaf(String name, String text, String... attributes) {
        if (text == null) {
            return this;
        }
        indent().append('<').append(name);
        attributes(attributes);
        sb.append('>').append(escape(text, false)).append("</").append(name).append(">\n");
        return this;
    }

    XmlOut empty(String name, String... attributes) {
        indent().append('<').append(name);
        attributes(attributes);
        sb.append("/>\n");
        return this;
    }

    String text() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements " + open);
        }
        return sb.toString();
    }

    private StringBuilder indent() {
        return sb.append("  ".repeat(open.size()));
    }

    private void attributes(String[] kv) {
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                sb.append(' ').append(kv[i]).append("=\"").append(escape(kv[i + 1], true)).append('"');
            }
        }
    }

    /** Escapes markup characters and drops the control characters XML 1.0 cannot hold. */
    static String escape(String s, boolean attribute) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                // a raw line break in an attribute would be read back as a space
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append(attribute ? "&#13;" : "\r");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
