package org.clusterdynamics.io.xmile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.Dimension;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.VarName;

/**
 * The parts of an XMILE file below a variable: its definition (equation, graphical function,
 * per-element equations or a list of values), and the small readers of numbers, booleans and
 * names that {@link XmileModelBuilder} shares. Problems go to {@link #diags} with file and line.
 */
abstract class XmileDefinitions {
    static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    final String file;
    final Diagnostics diags = new Diagnostics();
    /** The file's dimensions by canonical name, for spreading value lists over elements. */
    final Map<String, Dimension> dimensionsById = new LinkedHashMap<>();

    XmileDefinitions(String file) {
        this.file = file;
    }

    // ---- definitions

    /**
     * The equation, graphical function and per-element definitions of a variable. An element
     * without its own equation uses the variable's (Stella writes one shared equation read
     * through a different table per element).
     */
    Definition definition(XmlNode n, VarName name, String what) {
        Optional<Definition> listed = valueList(n, name);
        if (listed.isPresent()) {
            return listed.get();
        }
        Equation eq = equationOf(n, name);
        // a <gf> variable is its own table; an <aux> or <flow> may hold one that reads its eqn
        GraphicalFunction gf = n.name().equals("gf") ? graphical(n, name)
                : n.child("gf").map(g -> graphical(g, name)).orElse(null);
        List<XmlNode> elementNodes = n.children("element");
        if (elementNodes.isEmpty()) {
            if (eq == null && gf == null) {
                diags.error("XMILE_NO_EQUATION", where(name.asWritten(), n.line()), "the " + n.name() + " has no "
                        + what + "; add an <eqn> element");
            }
            return new Definition(eq, gf, List.of());
        }
        if (n.child("dimensions").isEmpty()) {
            diags.error("XMILE_BAD_ELEMENT", where(name.asWritten(), n.line()), "the variable has <element>"
                    + " definitions but no <dimensions>; add <dimensions><dim name=\"...\"/></dimensions>");
        }
        List<ElementDefinition> elements = new ArrayList<>();
        for (XmlNode e : elementNodes) {
            String sub = e.attribute("subscript").orElse("");
            List<String> subs = Arrays.stream(sub.split(",")).map(String::strip).toList();
            if (subs.stream().anyMatch(String::isEmpty)) {
                diags.error("XMILE_BAD_ELEMENT", where(name.asWritten(), e.line()), "subscript=\"" + sub
                        + "\" is not a list of element names; write e.g. subscript=\"north, 1\"");
                continue;
            }
            Equation own = equationOf(e, name);
            Equation eEq = own != null ? own : eq;
            GraphicalFunction eGf = e.child("gf").map(g -> graphical(g, name)).orElse(gf);
            if (eEq == null && eGf == null) {
                diags.error("XMILE_NO_EQUATION", where(name.asWritten(), e.line()), "element [" + sub
                        + "] has no " + what + "; add an <eqn> inside the <element>");
            }
            elements.add(new ElementDefinition(subs, eEq, eGf));
        }
        return Definition.perElement(elements);
    }

    /**
     * An arrayed variable may give its elements' equations as a list instead of
     * {@code <element>}s: several {@code <eqn>} children (as Vensim's XMILE export writes) or
     * one {@code <eqn>} holding numbers separated by commas (as Stella allows), rows perhaps
     * ended by semicolons (Vensim's notation for a table of constants). Either is spread
     * over the elements in order, the last dimension varying fastest.
     */
    Optional<Definition> valueList(XmlNode n, VarName name) {
        List<XmlNode> eqns = n.children("eqn");
        if (eqns.isEmpty() || !n.children("element").isEmpty() || n.child("init_eqn").isPresent()) {
            return Optional.empty();
        }
        List<Equation> values = new ArrayList<>();
        if (eqns.size() > 1) {
            eqns.forEach(e -> values.add(equation(e)));
        } else {
            String text = eqns.get(0).text().strip();
            if (text.endsWith(";")) {
                text = text.substring(0, text.length() - 1); // Vensim ends each row with ';'
            }
            String[] parts = text.split("[,;]", -1);
            if (parts.length < 2 || !Arrays.stream(parts).allMatch(p -> isNumber(p.strip()))) {
                return Optional.empty(); // an ordinary equation
            }
            for (String p : parts) {
                values.add(new Equation(p.strip(), eqns.get(0).line()));
            }
        }
        String v = name.asWritten();
        List<List<String>> tuples = elementTuples(n, v);
        if (tuples == null) {
            return Optional.of(Definition.of(values.get(0)));
        }
        if (tuples.size() != values.size()) {
            diags.error("XMILE_BAD_EQUATION", where(v, eqns.get(0).line()), "the variable lists " + values.size()
                    + " values (one per element) but has " + tuples.size() + " elements; give one value per"
                    + " element, or define elements with <element subscript=\"...\">");
            return Optional.of(Definition.of(values.get(0)));
        }
        List<ElementDefinition> elements = new ArrayList<>();
        for (int i = 0; i < tuples.size(); i++) {
            elements.add(new ElementDefinition(tuples.get(i), values.get(i), null));
        }
        return Optional.of(Definition.perElement(elements));
    }

    /** Each tuple followed by each element in turn: the next dimension of an array's element tuples. */
    static List<List<String>> withElements(List<List<String>> tuples, List<String> elements) {
        List<List<String>> next = new ArrayList<>(tuples.size() * elements.size());
        for (List<String> t : tuples) {
            for (String e : elements) {
                List<String> longer = new ArrayList<>(t);
                longer.add(e);
                next.add(longer);
            }
        }
        return next;
    }

    /** All element tuples of the variable's dimensions in order; null (reported) when unknown. */
    List<List<String>> elementTuples(XmlNode n, String variable) {
        // names only: a nameless <dim> is reported when the variable itself is built
        List<String> dims = n.child("dimensions").map(d -> d.children("dim").stream()
                .map(x -> x.attribute("name").orElse("").strip()).filter(x -> !x.isEmpty()).toList())
                .orElse(List.of());
        if (dims.isEmpty()) {
            diags.error("XMILE_BAD_EQUATION", where(variable, n.line()), "the variable has a list of"
                    + " equations but no <dimensions>; give it one <eqn>, or dimensions to spread the list over");
            return null;
        }
        List<List<String>> tuples = new ArrayList<>();
        tuples.add(List.of());
        for (String d : dims) {
            Dimension dim = dimensionsById.get(VarName.canonical(d));
            if (dim == null) {
                diags.error("XMILE_UNKNOWN_DIMENSION", where(variable, n.line()), "dimension '" + d
                        + "' is not defined; add <dim name=\"" + d + "\"> to the file's <dimensions>");
                return null;
            }
            tuples = withElements(tuples, dim.elements());
        }
        return tuples;
    }

    /**
     * The {@code <eqn>} of a variable or element. Stella writes a separate initial-time
     * equation as {@code <init_eqn>}; that is Vensim's ACTIVE INITIAL, so the two are joined
     * into one call of that builtin, which both dialects share.
     */
    Equation equationOf(XmlNode holder, VarName name) {
        Optional<XmlNode> eqn = holder.child("eqn");
        Optional<XmlNode> init = holder.child("init_eqn");
        if (init.isEmpty()) {
            return eqn.map(this::equation).orElse(null);
        }
        if (eqn.isEmpty()) {
            diags.error("XMILE_NO_EQUATION", where(name.asWritten(), init.get().line()), "there is an <init_eqn>"
                    + " but no <eqn> for the value after the start; add the <eqn>");
            return null;
        }
        Equation e = equation(eqn.get());
        return new Equation("ACTIVE_INITIAL((" + e.text() + "), (" + init.get().text().strip() + "))", e.line());
    }

    /** Equation text is kept as written apart from surrounding white space. */
    Equation equation(XmlNode eqn) {
        return new Equation(eqn.text().strip(), eqn.line());
    }

    GraphicalFunction graphical(XmlNode g, VarName name) {
        String v = name.asWritten();
        GraphicalFunction.Kind kind = GraphicalFunction.Kind.CONTINUOUS;
        Optional<String> type = g.attribute("type");
        if (type.isPresent()) {
            switch (type.get().strip().toLowerCase(Locale.ROOT)) {
                case "continuous", "" -> kind = GraphicalFunction.Kind.CONTINUOUS;
                case "extrapolate" -> kind = GraphicalFunction.Kind.EXTRAPOLATE;
                case "discrete" -> kind = GraphicalFunction.Kind.DISCRETE;
                default -> diags.error("XMILE_BAD_GF", where(v, g.line()), "graphical function type \""
                        + type.get() + "\" is unknown; use continuous, extrapolate or discrete");
            }
        } else if (g.attribute("discrete").isPresent()
                && bool(g.attribute("discrete").get(), g, "discrete attribute of <gf>", v)) {
            kind = GraphicalFunction.Kind.DISCRETE;
        }
        Optional<XmlNode> yNode = g.child("ypts");
        if (yNode.isEmpty()) {
            diags.error("XMILE_BAD_GF", where(v, g.line()), "the graphical function has no <ypts>; add its y values");
            return null;
        }
        double[] ys = numbers(yNode.get(), v);
        if (ys == null) {
            return null;
        }
        if (ys.length == 0) {
            diags.error("XMILE_BAD_GF", where(v, yNode.get().line()), "<ypts> is empty; give at least one y value");
            return null;
        }
        Optional<XmlNode> xNode = g.child("xpts");
        if (xNode.isPresent()) {
            double[] xs = numbers(xNode.get(), v);
            if (xs == null) {
                return null;
            }
            if (xs.length != ys.length) {
                diags.error("XMILE_BAD_GF", where(v, xNode.get().line()), "<xpts> has " + xs.length
                        + " values but <ypts> has " + ys.length + "; give one x per y");
                return null;
            }
            for (int i = 1; i < xs.length; i++) {
                if (xs[i] < xs[i - 1]) {
                    diags.error("XMILE_BAD_GF", where(v, xNode.get().line()), "<xpts> must not decrease, but "
                            + xs[i] + " follows " + xs[i - 1] + "; sort the points by x");
                    return null;
                }
            }
            return new GraphicalFunction(xs, ys, kind);
        }
        Optional<XmlNode> xscale = g.child("xscale");
        if (xscale.isEmpty()) {
            diags.error("XMILE_BAD_GF", where(v, g.line()), "the graphical function has neither <xpts> nor"
                    + " <xscale min=\"...\" max=\"...\">; add one so the x values are known");
            return null;
        }
        double min = number(xscale.get().attribute("min").orElse(""), xscale.get().line(), v, "xscale min");
        double max = number(xscale.get().attribute("max").orElse(""), xscale.get().line(), v, "xscale max");
        if (max < min) {
            diags.error("XMILE_BAD_GF", where(v, xscale.get().line()), "xscale max " + max + " is below min "
                    + min + "; swap them");
            return null;
        }
        return GraphicalFunction.evenlySpaced(min, max, ys, kind);
    }

    /** A separated list of numbers ({@code sep} attribute, comma by default); null when bad. */
    double[] numbers(XmlNode list, String variable) {
        String sep = list.attribute("sep").filter(s -> !s.isEmpty()).orElse(",");
        String text = list.text().strip();
        if (text.isEmpty()) {
            return new double[0];
        }
        String[] parts = text.split(Pattern.quote(sep), -1);
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            if (!isNumber(p)) {
                diags.error("XMILE_BAD_NUMBER", where(variable, list.line()), "value " + (i + 1) + " of <"
                        + list.name() + ">, '" + p + "', is not a number; write numbers separated by '" + sep + "'");
                return null;
            }
            out[i] = Double.parseDouble(p);
        }
        return out;
    }

    // ---- small parts

    List<String> dimensionNames(XmlNode n) {
        List<String> out = new ArrayList<>();
        n.child("dimensions").ifPresent(d -> {
            for (XmlNode dim : d.children("dim")) {
                String dn = dim.attribute("name").orElse("").strip();
                if (dn.isEmpty()) {
                    diags.error("XMILE_NO_NAME", where(n.attribute("name").orElse(null), dim.line()),
                            "a <dim> in the variable's <dimensions> has no name; add name=\"...\"");
                } else {
                    out.add(dn);
                }
            }
        });
        return out;
    }

    boolean nonNegative(XmlNode n, VarName name, boolean dflt) {
        return n.child("non_negative")
                .map(nn -> bool(nn.text(), nn, "<non_negative>", name.asWritten()))
                .orElse(dflt);
    }

    /** Empty means true, as in {@code <non_negative/>}; otherwise true or false in any case. */
    boolean bool(String text, XmlNode at, String what, String variable) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("true")) {
            return true;
        }
        if (t.equals("false")) {
            return false;
        }
        diags.error("XMILE_BAD_VALUE", where(variable, at.line()), what + " is '" + text.strip()
                + "'; write true or false (or leave it empty for true)");
        return false;
    }

    static String units(XmlNode n) {
        return n.childText("units").orElse("");
    }

    static String doc(XmlNode n) {
        return n.childText("doc").orElse("");
    }

    double number(String text, int line, String variable, String what) {
        String t = text.strip();
        if (!isNumber(t)) {
            diags.error("XMILE_BAD_NUMBER", where(variable, line), what + " is '" + t
                    + "', not a number; write a plain number such as 0.25");
            return Double.NaN;
        }
        return Double.parseDouble(t);
    }

    static boolean isNumber(String t) {
        return NUMBER.matcher(t).matches();
    }

    Where where(String variable, int line) {
        return new Where(file, variable == null ? null : VarName.cleanWritten(variable), line, Double.NaN);
    }
}
