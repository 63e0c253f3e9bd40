package org.clusterdynamics.io.xmile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One XML element as the XMILE reader sees it: local name, attributes by local name, its own
 * text, the line of its start tag and its children.
 */
record XmlNode(String name, Map<String, String> attributes, String text, int line, List<XmlNode> children) {

    XmlNode {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** The attribute with this local name, whatever prefix it was written with. */
    Optional<String> attribute(String localName) {
        return Optional.ofNullable(attributes.get(localName));
    }

    Optional<XmlNode> child(String localName) {
        return children.stream().filter(c -> c.name.equals(localName)).findFirst();
    }

    List<XmlNode> children(String localName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(localName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The stripped text of the named child, if the child exists. */
    Optional<String> childText(String localName) {
        return child(localName).map(c -> c.text.strip());
    }
}
