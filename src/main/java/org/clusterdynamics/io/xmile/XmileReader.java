package org.clusterdynamics.io.xmile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.regex.Pattern;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Conveyor;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.Dialect;
import org.clusterdynamics.model.Dimension;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.Flow;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.Leak;
import org.clusterdynamics.model.Macro;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModuleInstance;
import org.clusterdynamics.model.SimSpecs;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.Variable;
import org.xml.sax.InputSource;

/**
 * Reads XMILE 1.0 files (also Stella's .stmx and .itmx) into a format-neutral {@link Model}.
 *
 * <p>Equations are kept as written, with the line of their {@code <eqn>} element; the expression
 * parser reads them later. Every problem is reported as a {@link Diagnostic} with the file and
 * line, thrown together as one {@link ModelException}.
 */
public final class XmileReader {
    /** Larger files are refused before parsing: no real model comes near this size. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private XmileReader() {}

    /** Reads an XMILE file; the encoding is taken from the XML declaration (UTF-8 by default). */
    public static Model read(Path file) {
        String name = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw fail("XMILE_NO_FILE", Where.file(name), "the file does not exist; check the path and name");
        } catch (IOException e) {
            throw fail("XMILE_IO", Where.file(name), "cannot read the model file (" + org.clusterdynamics.diag.Texts.reason(e) + "); check that it"
                    + " is a readable file");
        }
        if (Files.isDirectory(file)) {
            throw fail("XMILE_IO", Where.file(name), "this is a folder, not a model file; give the path of the .xmile,"
                    + " .stmx or .itmx file");
        }
        if (size > MAX_BYTES) {
            throw tooLarge(name, size);
        }
        try (InputStream in = new CappedStream(Files.newInputStream(file), name)) {
            InputSource src = new InputSource(in);
            src.setSystemId(file.toUri().toString());
            return parse(src, file);
        } catch (IOException e) {
            throw fail("XMILE_IO", Where.file(name), "cannot read the model file (" + org.clusterdynamics.diag.Texts.reason(e) + "); check that it"
                    + " is a readable file");
        }
    }

    /** Reads XMILE text; {@code sourceForMessages} (may be null) names it in diagnostics. */
    public static Model read(String xml, Path sourceForMessages) {
        String name = sourceForMessages == null ? "<xmile>" : sourceForMessages.toString();
        // a char is up to 3 UTF-8 bytes, but the cap is about memory, so count chars
        if (xml.length() > MAX_BYTES) {
            throw tooLarge(name, xml.length());
        }
        try {
            return parse(new InputSource(new StringReader(xml)), sourceForMessages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Model parse(InputSource src, Path source) throws IOException {
        String name = source == null ? "<xmile>" : source.toString();
        XmlNode root;
        try {
            root = XmlTree.parse(src);
        } catch (XmlTree.Malformed e) {
            throw malformed(name, e);
        }
        return new Builder(source, name).model(root);
    }

    private static ModelException malformed(String file, XmlTree.Malformed e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.contains("DOCTYPE")) {
            return fail("XMILE_DOCTYPE", new Where(file, null, e.line, Double.NaN),
                    "the file has a DOCTYPE declaration, which XMILE readers refuse because it can pull in"
                            + " external content; delete the <!DOCTYPE ...> line");
        }
        StringBuilder sb = new StringBuilder("the file is not well-formed XML");
        if (e.column > 0) {
            sb.append(" (column ").append(e.column).append(')');
        }
        sb.append(": ").append(msg.strip());
        if (e.openElement != null) {
            sb.append(" The innermost open element is <").append(e.openElement).append("> from line ")
                    .append(e.openLine).append(", which may lack its end tag </").append(e.openElement).append(">.");
        }
        sb.append(" Fix the markup there (every element needs a matching end tag) and read the file again.");
        return fail("XMILE_MALFORMED", new Where(file, null, e.line, Double.NaN), sb.toString());
    }

    private static ModelException tooLarge(String file, long size) {
        return fail("XMILE_TOO_LARGE", Where.file(file), String.format(Locale.ROOT,
                "the file is %.1f MiB, more than the %d MiB an XMILE file may have; check that it is really"
                        + " a model file (data belongs in separate files)",
                size / (1024.0 * 1024.0), MAX_BYTES >> 20));
    }

    private static ModelException fail(String code, Where where, String message) {
        return new ModelException(Diagnostic.error(code, where, message));
    }

    /** Stops reading past {@link #MAX_BYTES}, for a file that grows while it is read. */
    private static final class CappedStream extends FilterInputStream {
        private final String name;
        private long count;

        CappedStream(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > MAX_BYTES) {
                throw tooLarge(name, count);
            }
        }
    }

    /** Which stocks and flows are non-negative unless they say otherwise ({@code <behavior>}). */
    private record Behavior(boolean stocks, boolean flows) {}

    /** Turns the element tree of one file into a model, collecting diagnostics on the way. */
    private static final class Builder {
        private static final Pattern NUMBER =
                Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

        private final Path source;
        private final String file;
        private final Diagnostics diags = new Diagnostics();
        /** The file's dimensions by canonical name, for spreading value lists over elements. */
        private final Map<String, Dimension> dimensionsById = new LinkedHashMap<>();

        Builder(Path source, String file) {
            this.source = source;
            this.file = file;
        }

        Model model(XmlNode root) {
            if (!root.name().equals("xmile")) {
                throw fail("XMILE_NOT_XMILE", where(null, root.line()), "the root element is <" + root.name()
                        + ">, not <xmile>; this is not an XMILE file (Vensim models are .mdl files)");
            }
            List<XmlNode> models = root.children("model");
            if (models.isEmpty()) {
                throw fail("XMILE_NO_MODEL", where(null, root.line()),
                        "the file has no <model> element; add one with the model's <variables>");
            }
            XmlNode main = mainModel(models);
            Optional<XmlNode> fileSpecs = root.child("sim_specs");
            SimSpecs specs = simSpecs(main.child("sim_specs").or(() -> fileSpecs), root.line());
            List<Dimension> dims = root.child("dimensions").map(this::dimensions).orElse(List.of());
            dims.forEach(d -> dimensionsById.put(d.name().id(), d));
            Behavior fileBehavior = behavior(root.child("behavior"), new Behavior(false, false));
            Map<String, String> units = root.child("model_units").map(this::unitAliases).orElse(Map.of());
            List<Macro> macros = new ArrayList<>();
            for (XmlNode m : root.children("macro")) {
                macro(m, fileBehavior).ifPresent(macros::add);
            }

            Map<String, Model> subModels = new LinkedHashMap<>();
            Map<String, Integer> subModelLines = new LinkedHashMap<>();
            List<ModuleInstance> modules = new ArrayList<>();
            for (XmlNode m : models) {
                if (m == main) {
                    continue;
                }
                String name = m.attribute("name").orElse("").strip();
                String key = VarName.canonical(name);
                Integer earlier = subModelLines.putIfAbsent(key, m.line());
                if (earlier != null) {
                    diags.error("XMILE_DUPLICATE_MODEL", where(null, m.line()), "a model named '" + name
                            + "' is already defined on line " + earlier + "; rename one of them");
                    continue;
                }
                SimSpecs s = m.child("sim_specs").map(n -> simSpecs(Optional.of(n), m.line())).orElse(specs);
                List<Variable> vs = variables(m, behavior(m.child("behavior"), fileBehavior), false);
                collectModules(vs, modules);
                subModels.put(key, new Model(source, name, Dialect.XMILE, s, vs, dims, Map.of(), macros, units));
            }
            List<Variable> vars = variables(main, behavior(main.child("behavior"), fileBehavior), true);
            collectModules(vars, modules);
            for (ModuleInstance mi : modules) {
                if (!subModels.containsKey(VarName.canonical(mi.modelName()))) {
                    diags.error("XMILE_UNKNOWN_MODEL", where(mi.name().asWritten(), mi.line()),
                            "the module instantiates model '" + mi.modelName() + "', but the file has no <model name=\""
                                    + mi.modelName() + "\">; add that model or correct the module's name");
                }
            }
            diags.throwIfErrors();
            String name = root.child("header").flatMap(h -> h.childText("name")).filter(s -> !s.isEmpty())
                    .orElse(main.attribute("name").orElse(stem()));
            return new Model(source, name, Dialect.XMILE, specs, vars, dims, subModels, macros, units);
        }

        /** The model without a name is the root; a file with one named model uses that one. */
        private XmlNode mainModel(List<XmlNode> models) {
            List<XmlNode> unnamed = models.stream()
                    .filter(m -> m.attribute("name").map(String::isBlank).orElse(true)).toList();
            if (unnamed.size() > 1) {
                diags.error("XMILE_TWO_ROOT_MODELS", where(null, unnamed.get(1).line()),
                        "the file has more than one <model> without a name (first on line " + unnamed.get(0).line()
                                + "); only the root model may be unnamed, so name the others");
            }
            return unnamed.isEmpty() ? models.get(0) : unnamed.get(0);
        }

        private static void collectModules(List<Variable> vs, List<ModuleInstance> into) {
            for (Variable v : vs) {
                if (v instanceof ModuleInstance mi) {
                    into.add(mi);
                }
            }
        }

        private String stem() {
            if (source == null || source.getFileName() == null) {
                return "model";
            }
            String n = source.getFileName().toString();
            int dot = n.lastIndexOf('.');
            return dot > 0 ? n.substring(0, dot) : n;
        }

        // ---- sim specs, dimensions, units, behavior

        private SimSpecs simSpecs(Optional<XmlNode> node, int fallbackLine) {
            if (node.isEmpty()) {
                diags.error("XMILE_NO_SIM_SPECS", where(null, fallbackLine), "the file has no <sim_specs>; add"
                        + " <sim_specs><start>0</start><stop>100</stop><dt>1</dt></sim_specs> with the run's times");
                return new SimSpecs(0, 0, 1, 1, Method.EULER, "");
            }
            XmlNode s = node.get();
            double start = specNumber(s, "start", Double.NaN);
            double stop = specNumber(s, "stop", Double.NaN);
            double dt = specNumber(s, "dt", 1);
            Optional<XmlNode> dtNode = s.child("dt");
            if (dtNode.isPresent() && bool(dtNode.get().attribute("reciprocal").orElse("false"), dtNode.get(),
                    "reciprocal attribute of <dt>", null)) {
                dt = 1 / dt;
            }
            double save = dt;
            Optional<String> saveAttr = s.attribute("save_interval");
            Optional<XmlNode> saveChild = s.child("savestep").or(() -> s.child("save_step"));
            if (saveAttr.isPresent()) {
                save = number(saveAttr.get(), s.line(), null, "save_interval attribute of <sim_specs>");
            } else if (saveChild.isPresent()) {
                save = specNumber(s, saveChild.get().name(), dt);
            }
            if (!(stop >= start)) {
                if (!Double.isNaN(start) && !Double.isNaN(stop)) {
                    diags.error("XMILE_BAD_SIM_SPECS", where(null, s.line()), "the stop time " + stop
                            + " is before the start time " + start + "; swap or correct them");
                }
            }
            if (!(dt > 0)) {
                diags.error("XMILE_BAD_SIM_SPECS", where(null, s.line()),
                        "dt must be a positive number (got " + dt + "); set <dt> to the step, e.g. 0.25");
            }
            if (!(save > 0)) {
                diags.error("XMILE_BAD_SIM_SPECS", where(null, s.line()),
                        "the save interval must be positive (got " + save + "); set it to a multiple of dt");
            }
            return new SimSpecs(start, stop, dt, save, method(s), s.attribute("time_units").orElse("").strip());
        }

        private double specNumber(XmlNode specs, String child, double dflt) {
            Optional<XmlNode> n = specs.child(child);
            if (n.isEmpty()) {
                if (Double.isNaN(dflt)) {
                    diags.error("XMILE_BAD_SIM_SPECS", where(null, specs.line()), "<sim_specs> has no <" + child
                            + ">; add it, e.g. <" + child + ">" + (child.equals("start") ? "0" : "100") + "</" + child + ">");
                }
                return dflt;
            }
            return number(n.get().text(), n.get().line(), null, "<" + child + "> of <sim_specs>");
        }

        /** XMILE allows a list of methods in order of preference: take the first one we run. */
        private Method method(XmlNode specs) {
            Optional<String> attr = specs.attribute("method");
            if (attr.isEmpty() || attr.get().isBlank()) {
                return Method.EULER;
            }
            for (String m : attr.get().split(",")) {
                Method parsed = Method.parse(m);
                if (parsed != null) {
                    return parsed;
                }
            }
            diags.error("XMILE_BAD_METHOD", where(null, specs.line()), "unknown integration method '" + attr.get()
                    + "'; use Euler, RK2, RK4 or RK45");
            return Method.EULER;
        }

        private List<Dimension> dimensions(XmlNode dims) {
            List<Dimension> out = new ArrayList<>();
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (XmlNode d : dims.children("dim")) {
                String name = d.attribute("name").orElse("").strip();
                if (name.isEmpty()) {
                    diags.error("XMILE_NO_NAME", where(null, d.line()), "a <dim> has no name; add name=\"...\"");
                    continue;
                }
                Integer earlier = seen.putIfAbsent(VarName.canonical(name), d.line());
                if (earlier != null) {
                    diags.error("XMILE_DUPLICATE", where(name, d.line()), "the dimension is already defined on line "
                            + earlier + "; rename or delete one of them");
                    continue;
                }
                List<String> elems = new ArrayList<>();
                for (XmlNode e : d.children("elem")) {
                    String en = e.attribute("name").orElse("").strip();
                    if (en.isEmpty()) {
                        diags.error("XMILE_NO_NAME", where(name, e.line()), "an <elem> has no name; add name=\"...\"");
                    } else {
                        elems.add(en);
                    }
                }
                Optional<String> size = d.attribute("size");
                if (elems.isEmpty() && size.isPresent()) {
                    int n = positiveInt(size.get());
                    if (n <= 0) {
                        diags.error("XMILE_BAD_DIMENSION", where(name, d.line()), "size=\"" + size.get()
                                + "\" is not a positive whole number; give the number of elements, e.g. size=\"3\"");
                        continue;
                    }
                    if (n > Dimension.MAX_ELEMENTS) {
                        diags.error("XMILE_BAD_DIMENSION", where(name, d.line()), "size=\"" + size.get() + "\" is more"
                                + " than the " + Dimension.MAX_ELEMENTS + " elements a dimension may have: check it");
                        continue;
                    }
                    for (int i = 1; i <= n; i++) {
                        elems.add(Integer.toString(i));
                    }
                } else if (elems.isEmpty()) {
                    diags.error("XMILE_BAD_DIMENSION", where(name, d.line()),
                            "the dimension has neither <elem> children nor a size; list its elements or add size=\"n\"");
                    continue;
                } else if (size.isPresent() && positiveInt(size.get()) != elems.size()) {
                    diags.error("XMILE_BAD_DIMENSION", where(name, d.line()), "size=\"" + size.get() + "\" but "
                            + elems.size() + " <elem> children; make them agree or drop the size");
                }
                out.add(new Dimension(VarName.of(name), elems));
            }
            return out;
        }

        private static int positiveInt(String s) {
            try {
                return Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        /** Aliases map to their unit's name; a unit with an equation maps to that equation. */
        private Map<String, String> unitAliases(XmlNode modelUnits) {
            Map<String, String> out = new LinkedHashMap<>();
            for (XmlNode u : modelUnits.children("unit")) {
                String name = u.attribute("name").orElse("").strip();
                if (name.isEmpty()) {
                    continue; // Stella writes nameless unit entries that define nothing
                }
                String eqn = u.childText("eqn").orElse("");
                if (!eqn.isEmpty()) {
                    out.put(VarName.canonical(name), eqn);
                }
                for (XmlNode a : u.children("alias")) {
                    String alias = a.text().strip();
                    if (!alias.isEmpty()) {
                        out.put(VarName.canonical(alias), name);
                    }
                }
            }
            return out;
        }

        private Behavior behavior(Optional<XmlNode> node, Behavior inherited) {
            if (node.isEmpty()) {
                return inherited;
            }
            XmlNode b = node.get();
            boolean stocks = inherited.stocks();
            boolean flows = inherited.flows();
            Optional<XmlNode> all = b.child("non_negative");
            if (all.isPresent()) {
                stocks = flows = bool(all.get().text(), all.get(), "<non_negative>", null);
            }
            Optional<XmlNode> s = b.child("stock").flatMap(n -> n.child("non_negative"));
            if (s.isPresent()) {
                stocks = bool(s.get().text(), s.get(), "<non_negative>", null);
            }
            Optional<XmlNode> f = b.child("flow").flatMap(n -> n.child("non_negative"));
            if (f.isPresent()) {
                flows = bool(f.get().text(), f.get(), "<non_negative>", null);
            }
            return new Behavior(stocks, flows);
        }

        // ---- variables

        private List<Variable> variables(XmlNode model, Behavior behavior, boolean isRoot) {
            List<XmlNode> nodes = new ArrayList<>();
            for (XmlNode c : model.children()) {
                if (c.name().equals("variables")) {
                    nodes.addAll(c.children());
                } else if (isVariable(c.name())) {
                    nodes.add(c); // Stella 9 files put variables directly under <model>
                }
            }
            List<Variable> out = new ArrayList<>();
            Map<String, Integer> seen = new LinkedHashMap<>();
            conveyorOutflows = new HashSet<>();
            for (XmlNode n : nodes) {
                if (n.name().equals("stock") && n.child("conveyor").isPresent()) {
                    for (VarName f : flowNames(n, "outflow")) {
                        conveyorOutflows.add(f.id());
                    }
                }
            }
            for (XmlNode n : nodes) {
                if (n.name().equals("group")) {
                    continue; // a diagram grouping, no equations
                }
                if (!isVariable(n.name())) {
                    diags.error("XMILE_UNKNOWN_ELEMENT", where(null, n.line()), "<" + n.name()
                            + "> is not an XMILE variable; use <stock>, <flow>, <aux>, <gf> or <module>"
                            + " (vendor extensions need their namespace prefix)");
                    continue;
                }
                String written = n.attribute("name").orElse("");
                if (VarName.cleanWritten(written).isEmpty()) {
                    diags.error("XMILE_NO_NAME", where(null, n.line()), "a <" + n.name() + "> has no name; add name=\"...\"");
                    continue;
                }
                VarName name = VarName.of(written);
                Integer earlier = seen.putIfAbsent(name.id(), n.line());
                if (earlier != null) {
                    diags.error("XMILE_DUPLICATE", where(name.asWritten(), n.line()), "the name is already used on line "
                            + earlier + " (names ignore case, spaces and underscores); rename or delete one of them");
                    continue;
                }
                Variable v = switch (n.name()) {
                    case "stock" -> stock(n, name, behavior);
                    case "flow" -> flow(n, name, behavior);
                    case "module" -> module(n, name, isRoot);
                    default -> aux(n, name);
                };
                if (v != null) {
                    out.add(v);
                }
            }
            return out;
        }

        private static boolean isVariable(String element) {
            return switch (element) {
                case "stock", "flow", "aux", "gf", "module", "group" -> true;
                default -> false;
            };
        }

        /** Names of the outflows of this model's conveyors: they may have no equation (the conveyor drives them). */
        private Set<String> conveyorOutflows = Set.of();

        private Stock stock(XmlNode n, VarName name, Behavior behavior) {
            if (n.child("queue").isPresent()) {
                diags.error("XMILE_UNSUPPORTED", where(name.asWritten(), n.line()), "the stock is a queue, which this"
                        + " engine does not simulate; model it with ordinary stocks and delays");
            }
            Conveyor conveyor = n.child("conveyor").map(c -> conveyor(c, name)).orElse(null);
            Definition initial = definition(n, name, "initial value");
            return new Stock(name, initial, flowNames(n, "inflow"), flowNames(n, "outflow"), null,
                    nonNegative(n, name, behavior.stocks()), dimensionNames(n), units(n), doc(n), n.line(), conveyor);
        }

        /**
         * XMILE 1.0 section 3.7.1.1: {@code <len>} (required), {@code <capacity>}, {@code <in_limit>}
         * and the exponential_leak option are simulated; {@code <sample>}, {@code <arrest>}, discrete
         * and batch_integrity are refused. one_at_a_time only concerns taking batches from an upstream
         * queue, and queues are refused, so it is accepted and not used.
         */
        private Conveyor conveyor(XmlNode c, VarName name) {
            String v = name.asWritten();
            for (String element : List.of("sample", "arrest")) {
                c.child(element).ifPresent(e -> diags.error("XMILE_UNSUPPORTED", where(v, e.line()), "the conveyor's <"
                        + element + "> is not supported (only <len>, <capacity>, <in_limit> and exponential_leak are);"
                        + " remove it"));
            }
            for (String option : List.of("discrete", "batch_integrity")) {
                if (conveyorOption(c, option, v)) {
                    diags.error("XMILE_UNSUPPORTED", where(v, c.line()), "a " + option.replace('_', ' ') + " conveyor"
                            + " is not supported (only continuous conveyors are); remove " + option + "=\"true\"");
                }
            }
            conveyorOption(c, "one_at_a_time", v); // checked for a valid value only
            Optional<XmlNode> len = c.child("len");
            if (len.isEmpty() || len.get().text().isBlank()) {
                diags.error("XMILE_NO_EQUATION", where(v, c.line()), "the conveyor has no transit time; add"
                        + " <len>...</len> inside <conveyor>");
                return null;
            }
            Equation capacity = c.child("capacity").filter(e -> !e.text().isBlank()).map(this::equation).orElse(null);
            Equation inLimit = c.child("in_limit").filter(e -> !e.text().isBlank()).map(this::equation).orElse(null);
            return new Conveyor(equation(len.get()), capacity, inLimit, conveyorOption(c, "exponential_leak", v));
        }

        /** A true/false conveyor option, written as an attribute or as a child element. */
        private boolean conveyorOption(XmlNode c, String option, String variable) {
            Optional<String> attr = c.attribute(option);
            if (attr.isPresent()) {
                return bool(attr.get(), c, option, variable);
            }
            return c.child(option).map(e -> bool(e.text(), e, "<" + option + ">", variable)).orElse(false);
        }

        private List<VarName> flowNames(XmlNode n, String kind) {
            List<VarName> out = new ArrayList<>();
            for (XmlNode f : n.children(kind)) {
                String t = f.text().strip();
                if (!t.isEmpty()) {
                    out.add(VarName.of(t));
                }
            }
            return out;
        }

        private Flow flow(XmlNode n, VarName name, Behavior behavior) {
            if (n.child("multiplier").isPresent()) {
                diags.error("XMILE_UNSUPPORTED", where(name.asWritten(), n.line()), "<multiplier> (flow-multiplier"
                        + " behaviour) is not supported; write the flow's rate as an equation instead");
            }
            if (n.child("leak_integers").isPresent()) {
                diags.error("XMILE_UNSUPPORTED", where(name.asWritten(), n.child("leak_integers").get().line()),
                        "<leak_integers/> (leaking whole units only) is not supported; remove it to leak continuously");
            }
            Optional<XmlNode> leakNode = n.child("leak");
            Leak leak = leakNode.map(l -> leak(n, l, name)).orElse(null);
            Definition def;
            if (leak != null && n.child("eqn").isEmpty() && !leakNode.get().text().isBlank()) {
                def = Definition.of(equation(leakNode.get())); // <leak>fraction</leak>
            } else if (n.child("eqn").isEmpty() && leak == null && n.children("element").isEmpty()
                    && n.child("gf").isEmpty() && conveyorOutflows.contains(name.id())) {
                def = new Definition(null, null, List.of()); // a conveyor computes its outflow
            } else {
                def = definition(n, name, leak != null ? "leak fraction" : "equation");
            }
            return new Flow(name, def, nonNegative(n, name, behavior.flows()), dimensionNames(n), units(n), doc(n),
                    n.line(), leak);
        }

        /**
         * A leakage flow's zone: leak_start and leak_end as attributes of the flow (Stella) or of
         * {@code <leak>}, or as child elements; fractions of the conveyor's length, 0 and 1 by default.
         */
        private Leak leak(XmlNode flow, XmlNode leak, VarName name) {
            double[] zone = {0, 1};
            String[] keys = {"leak_start", "leak_end"};
            for (int i = 0; i < 2; i++) {
                Optional<XmlNode> at = Optional.of(flow);
                Optional<String> text = flow.attribute(keys[i]);
                if (text.isEmpty()) {
                    text = leak.attribute(keys[i]);
                    at = Optional.of(leak);
                }
                if (text.isEmpty() && flow.child(keys[i]).isPresent()) {
                    at = flow.child(keys[i]);
                    text = at.map(XmlNode::text);
                }
                if (text.isEmpty() || text.get().isBlank()) {
                    continue;
                }
                try {
                    zone[i] = Double.parseDouble(text.get().strip());
                } catch (NumberFormatException e) {
                    zone[i] = Double.NaN;
                }
                if (!(zone[i] >= 0 && zone[i] <= 1)) {
                    diags.error("XMILE_BAD_VALUE", where(name.asWritten(), at.get().line()), keys[i] + " is '"
                            + text.get().strip() + "'; give a fraction of the conveyor's length from 0 to 1");
                    return null;
                }
            }
            if (zone[0] > zone[1]) {
                diags.error("XMILE_BAD_VALUE", where(name.asWritten(), leak.line()), "the leak zone starts at "
                        + zone[0] + " after it ends at " + zone[1] + "; give leak_start <= leak_end");
                return null;
            }
            return new Leak(zone[0], zone[1]);
        }

        private Aux aux(XmlNode n, VarName name) {
            return new Aux(name, definition(n, name, "equation"), dimensionNames(n), units(n), doc(n), n.line());
        }

        private ModuleInstance module(XmlNode n, VarName name, boolean isRoot) {
            if (n.attribute("resource").isPresent()) {
                diags.error("XMILE_UNSUPPORTED", where(name.asWritten(), n.line()), "the module refers to an external"
                        + " file (resource=\"" + n.attribute("resource").get() + "\"), which is not supported;"
                        + " copy that model into this file as <model name=\"" + name.asWritten() + "\">");
            }
            List<ModuleInstance.Connection> conns = new ArrayList<>();
            for (XmlNode c : n.children("connect")) {
                Optional<String> to = c.attribute("to");
                Optional<String> from = c.attribute("from");
                if (to.isEmpty() || from.isEmpty()) {
                    diags.error("XMILE_BAD_MODULE", where(name.asWritten(), c.line()),
                            "a <connect> needs both to=\"input inside the module\" and from=\"variable outside\"");
                    continue;
                }
                String f = from.get().strip();
                // a leading dot names the root model, which for a module placed there is its own parent
                if (isRoot && f.startsWith(".")) {
                    f = f.substring(1);
                }
                conns.add(new ModuleInstance.Connection(f, to.get().strip()));
            }
            String model = n.attribute("model").map(String::strip).filter(s -> !s.isEmpty())
                    .orElse(name.asWritten());
            return new ModuleInstance(name, model, conns, units(n), doc(n), n.line());
        }

        private Optional<Macro> macro(XmlNode m, Behavior behavior) {
            String written = m.attribute("name").orElse("");
            if (VarName.cleanWritten(written).isEmpty()) {
                diags.error("XMILE_NO_NAME", where(null, m.line()), "a <macro> has no name; add name=\"...\"");
                return Optional.empty();
            }
            VarName name = VarName.of(written);
            List<String> params = new ArrayList<>();
            for (XmlNode p : m.children("parm")) {
                params.add(p.text().strip());
            }
            List<Variable> body = new ArrayList<>(variables(m, behavior, false));
            // the macro's own <eqn> is its result: keep it as a variable named like the macro
            m.child("eqn").ifPresent(e -> body.add(new Aux(name, Definition.of(equation(e)), List.of(),
                    m.childText("units").orElse(""), m.childText("doc").orElse(""), m.line())));
            return Optional.of(new Macro(name, params, List.of(), body, m.line()));
        }

        // ---- definitions

        /**
         * The equation, graphical function and per-element definitions of a variable. An element
         * without its own equation uses the variable's (Stella writes one shared equation read
         * through a different table per element).
         */
        private Definition definition(XmlNode n, VarName name, String what) {
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
        private Optional<Definition> valueList(XmlNode n, VarName name) {
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

        /** All element tuples of the variable's dimensions in order; null (reported) when unknown. */
        private List<List<String>> elementTuples(XmlNode n, String variable) {
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
                List<List<String>> next = new ArrayList<>();
                for (List<String> t : tuples) {
                    for (String e : dim.elements()) {
                        List<String> longer = new ArrayList<>(t);
                        longer.add(e);
                        next.add(longer);
                    }
                }
                tuples = next;
            }
            return tuples;
        }

        /**
         * The {@code <eqn>} of a variable or element. Stella writes a separate initial-time
         * equation as {@code <init_eqn>}; that is Vensim's ACTIVE INITIAL, so the two are joined
         * into one call of that builtin, which both dialects share.
         */
        private Equation equationOf(XmlNode holder, VarName name) {
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
        private Equation equation(XmlNode eqn) {
            return new Equation(eqn.text().strip(), eqn.line());
        }

        private GraphicalFunction graphical(XmlNode g, VarName name) {
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
        private double[] numbers(XmlNode list, String variable) {
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

        private List<String> dimensionNames(XmlNode n) {
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

        private boolean nonNegative(XmlNode n, VarName name, boolean dflt) {
            return n.child("non_negative")
                    .map(nn -> bool(nn.text(), nn, "<non_negative>", name.asWritten()))
                    .orElse(dflt);
        }

        /** Empty means true, as in {@code <non_negative/>}; otherwise true or false in any case. */
        private boolean bool(String text, XmlNode at, String what, String variable) {
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

        private static String units(XmlNode n) {
            return n.childText("units").orElse("");
        }

        private static String doc(XmlNode n) {
            return n.childText("doc").orElse("");
        }

        private double number(String text, int line, String variable, String what) {
            String t = text.strip();
            if (!isNumber(t)) {
                diags.error("XMILE_BAD_NUMBER", where(variable, line), what + " is '" + t
                        + "', not a number; write a plain number such as 0.25");
                return Double.NaN;
            }
            return Double.parseDouble(t);
        }

        private static boolean isNumber(String t) {
            return NUMBER.matcher(t).matches();
        }

        private Where where(String variable, int line) {
            return new Where(file, variable == null ? null : VarName.cleanWritten(variable), line, Double.NaN);
        }
    }
}
