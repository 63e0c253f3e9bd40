package org.clusterdynamics.io.xmile;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.files.AtomicFiles;
import org.clusterdynamics.model.view.View;
import org.clusterdynamics.model.view.ViewElement;
import org.clusterdynamics.model.view.ViewElement.Kind;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes a diagram into a copy of an XMILE file as its main model's {@code <views>}, replacing
 * the views it had, so that Stella and other XMILE tools open the model with that picture. The
 * rest of the file is kept as it was.
 */
public final class XmileViewWriter {
    private XmileViewWriter() {}

    /** Copies {@code source} to {@code out} with the view as the main model's only view. */
    public static void write(Path source, View view, Path out) throws IOException {
        write(source, List.of(view), out);
    }

    /**
     * Copies {@code source} to {@code out} with these views (pages) as the main model's views, the
     * views it had replaced; {@code out} may be {@code source}. Writing the same views again gives
     * the same bytes.
     */
    public static void write(Path source, List<View> views, Path out) throws IOException {
        Document doc;
        try (InputStream in = Files.newInputStream(source)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            doc = f.newDocumentBuilder().parse(in);
        } catch (org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new ModelException(Diagnostic.error("XML", Where.file(source.toString()),
                    "the file is not well-formed XML (" + e.getMessage() + "); repair it before adding views"));
        }
        Element model = mainModel(doc.getDocumentElement());
        if (model == null) {
            throw new ModelException(Diagnostic.error("XMILE_NO_MODEL", Where.file(source.toString()),
                    "the file has no <model> to hold the views"));
        }
        String ns = model.getNamespaceURI();
        for (Node c = model.getFirstChild(); c != null; ) {
            Node next = c.getNextSibling();
            if (c instanceof Element e && "views".equals(e.getLocalName())) {
                // with the line break and indent before it, so that a second write gives the same text
                Node before = c.getPreviousSibling();
                if (before != null && before.getNodeType() == Node.TEXT_NODE && before.getTextContent().isBlank()) {
                    model.removeChild(before);
                }
                model.removeChild(c);
            }
            c = next;
        }
        Element viewsElement = doc.createElementNS(ns, "views");
        for (View view : views) {
            indent(doc, viewsElement, 3);
            viewsElement.appendChild(view(doc, ns, view));
        }
        indent(doc, viewsElement, 2);
        Node last = model.getLastChild();
        if (last != null && last.getNodeType() == Node.TEXT_NODE && last.getTextContent().isBlank()) {
            model.insertBefore(doc.createTextNode("\n    "), last);
            model.insertBefore(viewsElement, last);
        } else {
            model.appendChild(viewsElement);
        }
        doc.setXmlStandalone(true);
        // the declaration on a line of its own, as XMILE tools write it
        String written = serialise(doc).replaceFirst("^(<\\?xml[^>]*\\?>)(?!\\n)", "$1\n");
        String text = written.endsWith("\n") ? written : written + "\n";
        AtomicFiles.write(out, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void indent(Document doc, Element parent, int level) {
        parent.appendChild(doc.createTextNode("\n" + "  ".repeat(level)));
    }

    private static Element view(Document doc, String ns, View view) {
        Element v = doc.createElementNS(ns, "view");
        v.setAttribute("name", view.name());
        int uid = 0;
        for (ViewElement e : view.elements()) {
            if (e.uid() != null && e.uid().matches("\\d+")) {
                uid = Math.max(uid, Integer.parseInt(e.uid()) + 1);
            }
        }
        // aliases get numbers (XMILE uids are integers), connectors follow
        java.util.Map<String, String> aliasUid = new java.util.HashMap<>();
        for (ViewElement e : view.elements()) {
            if (e.kind() == Kind.ALIAS && e.uid() != null) {
                aliasUid.put(e.uid(), e.uid().matches("\\d+") ? e.uid() : Integer.toString(uid++));
            }
        }
        for (ViewElement e : view.elements()) {
            Element x = switch (e.kind()) {
                case STOCK -> node(doc, ns, "stock", e);
                case AUX -> node(doc, ns, "aux", e);
                case MODULE -> node(doc, ns, "module", e);
                case ALIAS -> alias(doc, ns, e, aliasUid.get(e.uid()));
                case FLOW -> {
                    Element f = node(doc, ns, "flow", e);
                    Element pts = doc.createElementNS(ns, "pts");
                    for (ViewElement.Point p : e.points()) {
                        indent(doc, pts, 6);
                        Element pt = doc.createElementNS(ns, "pt");
                        pt.setAttribute("x", num(p.x()));
                        pt.setAttribute("y", num(p.y()));
                        pts.appendChild(pt);
                    }
                    indent(doc, pts, 5);
                    indent(doc, f, 5);
                    f.appendChild(pts);
                    indent(doc, f, 4);
                    yield f;
                }
                case CONNECTOR -> connector(doc, ns, view, e, uid++, aliasUid);
                case GROUP -> frame(doc, ns, e);
                default -> null;
            };
            if (x != null) {
                indent(doc, v, 4);
                v.appendChild(x);
            }
        }
        indent(doc, v, 3);
        return v;
    }

    /** A sector's frame: XMILE gives its top left corner; Stella keeps it locked to its elements. */
    private static Element frame(Document doc, String ns, ViewElement e) {
        Element x = doc.createElementNS(ns, "group");
        x.setAttribute("name", e.name());
        x.setAttribute("x", num(e.x() - e.width() / 2));
        x.setAttribute("y", num(e.y() - e.height() / 2));
        x.setAttribute("width", num(e.width()));
        x.setAttribute("height", num(e.height()));
        x.setAttribute("locked", "true");
        return x;
    }

    private static Element alias(Document doc, String ns, ViewElement e, String uid) {
        Element x = doc.createElementNS(ns, "alias");
        x.setAttribute("uid", uid == null ? "0" : uid);
        x.setAttribute("x", num(e.x()));
        x.setAttribute("y", num(e.y()));
        Element of = doc.createElementNS(ns, "of");
        of.setTextContent(e.name().replace(' ', '_'));
        x.appendChild(of);
        return x;
    }

    private static Element node(Document doc, String ns, String tag, ViewElement e) {
        Element x = doc.createElementNS(ns, tag);
        // Stella names a view's variables with underscores for spaces
        x.setAttribute("name", e.name().replace(' ', '_'));
        x.setAttribute("x", num(e.x()));
        x.setAttribute("y", num(e.y()));
        if (e.kind() == Kind.STOCK || e.kind() == Kind.MODULE) {
            x.setAttribute("width", num(e.width()));
            x.setAttribute("height", num(e.height()));
        }
        return x;
    }

    private static Element connector(Document doc, String ns, View view, ViewElement c, int uid,
            java.util.Map<String, String> aliasUid) {
        ViewElement from = resolve(view, c.from());
        ViewElement to = resolve(view, c.to());
        if (from == null || to == null) {
            return null;
        }
        double angle = c.angle();
        if (Double.isNaN(angle)) {
            double tx = c.points().isEmpty() ? to.x() : c.points().get(0).x();
            double ty = c.points().isEmpty() ? to.y() : c.points().get(0).y();
            angle = Math.toDegrees(Math.atan2(-(ty - from.y()), tx - from.x()));
        }
        Element x = doc.createElementNS(ns, "connector");
        x.setAttribute("uid", Integer.toString(uid));
        x.setAttribute("angle", num((angle % 360 + 360) % 360));
        x.appendChild(end(doc, ns, "from", c.from(), aliasUid));
        x.appendChild(end(doc, ns, "to", c.to(), aliasUid));
        return x;
    }

    /** A connector's end: a variable's name, or {@code <alias uid="n"/>} for a reference {@code #uid}. */
    private static Element end(Document doc, String ns, String tag, String ref, java.util.Map<String, String> aliasUid) {
        Element e = doc.createElementNS(ns, tag);
        if (ref.startsWith("#")) {
            Element a = doc.createElementNS(ns, "alias");
            a.setAttribute("uid", aliasUid.getOrDefault(ref.substring(1), ref.substring(1)));
            e.appendChild(a);
        } else {
            e.setTextContent(ref.replace(' ', '_'));
        }
        return e;
    }

    private static ViewElement resolve(View view, String ref) {
        return ref == null ? null : ref.startsWith("#") ? view.byUid(ref.substring(1)) : view.find(ref);
    }

    private static Element mainModel(Element root) {
        Element first = null;
        for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && "model".equals(e.getLocalName())) {
                if (e.getAttribute("name").isEmpty()) {
                    return e;
                }
                first = first == null ? e : first;
            }
        }
        return first;
    }

    private static String serialise(Document doc) throws IOException {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "utf-8");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new IOException("cannot write the XML: " + e.getMessage(), e);
        }
    }

    private static String num(double v) {
        double r = Math.rint(v * 10) / 10;
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }
}
