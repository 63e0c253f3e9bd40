package org.clusterdynamics.io.xmile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.view.View;
import org.clusterdynamics.model.view.ViewElement;
import org.clusterdynamics.model.view.ViewElement.Kind;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads the stock-and-flow diagrams of an XMILE file ({@code <views>} of its main model): stocks,
 * flows with their pipes, auxiliaries, modules, aliases, connectors and sector frames; each sector
 * frame ({@code <group>} in a view) is also given as a view of its own, after the view that holds it. The equations are read by
 * {@link XmileReader}; this reader looks only at the layout.
 */
public final class XmileViewReader {
    private XmileViewReader() {}

    /** The diagrams of the file's main model that hold variables (none when it has no layout). */
    public static List<View> read(Path file) {
        Element root = parse(file);
        List<View> views = new ArrayList<>();
        Element model = mainModel(root);
        if (model == null) {
            return views;
        }
        int n = 0;
        for (Element vs : children(model, "views")) {
            for (Element v : children(vs, "view")) {
                n++;
                View view = view(v, n);
                boolean drawable = view.elements().stream().anyMatch(e -> e.kind() != Kind.CONNECTOR);
                if (drawable) {
                    views.add(view);
                    // each sector's frame also gives a view of its own (Stella keeps sectors in one view)
                    for (ViewElement g : view.of(Kind.GROUP)) {
                        views.add(view.sector(g.name()));
                    }
                }
            }
        }
        return views;
    }

    /**
     * The main model's groups (XMILE {@code <group>} in {@code <variables>}: sectors), each with the
     * names of its entities as written, in file order; empty when the file has none.
     */
    public static java.util.Map<String, List<String>> groups(Path file) {
        Element root = parse(file);
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        Element model = mainModel(root);
        if (model == null) {
            return out;
        }
        for (Element vars : children(model, "variables")) {
            for (Element g : children(vars, "group")) {
                List<String> names = out.computeIfAbsent(VarName.cleanWritten(g.getAttribute("name")),
                        k -> new ArrayList<>());
                for (Element e : children(g, "entity")) {
                    String n = VarName.cleanWritten(e.getAttribute("name"));
                    if (!n.isEmpty()) {
                        names.add(n);
                    }
                }
            }
        }
        return out;
    }

    private static Element parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return builder().parse(in).getDocumentElement();
        } catch (SAXException e) {
            throw new ModelException(Diagnostic.error("XML", Where.file(file.toString()),
                    "the file is not well-formed XML (" + e.getMessage() + "); open it in Stella or an XML editor"
                            + " to repair it"));
        } catch (IOException e) {
            throw new ModelException(Diagnostic.error("IO", Where.file(file.toString()),
                    "cannot read the file: " + e.getMessage()));
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
    }

    /** The model without a name (XMILE's main model), else the first. */
    private static Element mainModel(Element root) {
        List<Element> models = children(root, "model");
        for (Element m : models) {
            if (m.getAttribute("name").isEmpty()) {
                return m;
            }
        }
        return models.isEmpty() ? null : models.get(0);
    }

    private static View view(Element v, int n) {
        String name = v.getAttribute("name");
        List<ViewElement> out = new ArrayList<>();
        for (Element e : children(v, null)) {
            String tag = e.getLocalName();
            switch (tag) {
                case "stock" -> out.add(node(Kind.STOCK, e));
                case "aux" -> out.add(node(Kind.AUX, e));
                case "module" -> out.add(node(Kind.MODULE, e));
                case "flow" -> {
                    List<ViewElement.Point> pts = new ArrayList<>();
                    for (Element ps : children(e, "pts")) {
                        for (Element p : children(ps, "pt")) {
                            pts.add(new ViewElement.Point(num(p, "x", 0), num(p, "y", 0)));
                        }
                    }
                    out.add(ViewElement.flow(name(e), uid(e), num(e, "x", 0), num(e, "y", 0), pts));
                }
                case "group" -> {
                    // a sector's frame: XMILE gives its top left corner
                    double w = num(e, "width", 0);
                    double h = num(e, "height", 0);
                    if (w > 0 && h > 0) {
                        out.add(ViewElement.node(Kind.GROUP, name(e), uid(e), num(e, "x", 0) + w / 2,
                                num(e, "y", 0) + h / 2, w, h));
                    }
                }
                case "alias" -> {
                    String of = children(e, "of").stream().map(o -> VarName.cleanWritten(o.getTextContent()))
                            .findFirst().orElse("");
                    out.add(ViewElement.node(Kind.ALIAS, of, uid(e), num(e, "x", 0), num(e, "y", 0),
                            num(e, "width", 18), num(e, "height", 18)));
                }
                case "connector" -> {
                    String from = end(e, "from");
                    String to = end(e, "to");
                    if (from != null && to != null) {
                        out.add(ViewElement.connector(uid(e), from, to, num(e, "angle", Double.NaN)));
                    }
                }
                default -> {
                    // text boxes, graphs, buttons and the like are not part of the structure
                }
            }
        }
        return new View(name.isEmpty() ? "view " + n : name, out);
    }

    private static ViewElement node(Kind kind, Element e) {
        return ViewElement.node(kind, name(e), uid(e), num(e, "x", 0), num(e, "y", 0),
                num(e, "width", ViewElement.defaultWidth(kind)), num(e, "height", ViewElement.defaultHeight(kind)));
    }

    /** A connector end: a variable's name, or #uid of an alias. */
    private static String end(Element connector, String which) {
        for (Element e : children(connector, which)) {
            for (Element alias : children(e, "alias")) {
                return "#" + alias.getAttribute("uid");
            }
            String t = VarName.cleanWritten(e.getTextContent());
            return t.isEmpty() ? null : t;
        }
        return null;
    }

    private static String name(Element e) {
        return VarName.cleanWritten(e.getAttribute("name"));
    }

    private static String uid(Element e) {
        String u = e.getAttribute("uid");
        return u.isEmpty() ? null : u;
    }

    private static double num(Element e, String attr, double dflt) {
        String s = e.getAttribute(attr);
        if (s.isEmpty()) {
            return dflt;
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException ex) {
            return dflt;
        }
    }

    /** Child elements with a local name (any name when null). */
    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element el && (localName == null || localName.equals(el.getLocalName()))) {
                out.add(el);
            }
        }
        return out;
    }
}
