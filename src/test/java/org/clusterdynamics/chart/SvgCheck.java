package org.clusterdynamics.chart;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Parses exported SVG and finds the elements tests care about. */
final class SvgCheck {
    final Document doc;

    SvgCheck(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    /** All text drawn, in document order. */
    List<String> texts() {
        List<String> out = new ArrayList<>();
        NodeList ns = doc.getElementsByTagName("text");
        for (int i = 0; i < ns.getLength(); i++) {
            out.add(ns.item(i).getTextContent());
        }
        return out;
    }

    /** Paths stroked in the colour (e.g. "rgb(0,114,178)") whose outline has at least minPoints points. */
    int strokedPaths(String rgb, int minPoints) {
        int n = 0;
        NodeList ns = doc.getElementsByTagName("path");
        for (int i = 0; i < ns.getLength(); i++) {
            Element p = (Element) ns.item(i);
            String style = inheritedStyle(p);
            if (style.contains("stroke:" + rgb) && p.getAttribute("d").split("L").length >= minPoints) {
                n++;
            }
        }
        return n;
    }

    /** Elements filled in the colour, drawn as rect or path. */
    int filled(String rgb) {
        int n = 0;
        for (String tag : List.of("rect", "path")) {
            NodeList ns = doc.getElementsByTagName(tag);
            for (int i = 0; i < ns.getLength(); i++) {
                String style = inheritedStyle((Element) ns.item(i)).replace(" ", "");
                if (style.contains("fill:" + rgb)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static String inheritedStyle(Element e) {
        StringBuilder sb = new StringBuilder(e.getAttribute("style"));
        for (Node p = e.getParentNode(); p instanceof Element pe; p = pe.getParentNode()) {
            sb.append(';').append(pe.getAttribute("style"));
        }
        return sb.toString();
    }
}
