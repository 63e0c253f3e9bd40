package org.clusterdynamics.io.xmile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.HashSet;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Conveyor;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.Dialect;
import org.clusterdynamics.model.Dimension;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.Flow;
import org.clusterdynamics.model.Leak;
import org.clusterdynamics.model.Macro;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModuleInstance;
import org.clusterdynamics.model.SimSpecs;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.Variable;

/** Turns the element tree of one file into a model, collecting diagnostics on the way. */
final class XmileModelBuilder extends XmileDefinitions {
    /** Which stocks and flows are non-negative unless they say otherwise ({@code <behavior>}). */
    record Behavior(boolean stocks, boolean flows) {}

    private final Path source;
    /** Variables declared with access="input", by identity: a module connection may feed them. */
    private final Set<Variable> inputs = Collections.newSetFromMap(new IdentityHashMap<>());

    XmileModelBuilder(Path source, String file) {
        super(file);
        this.source = source;
    }

    Model model(XmlNode root) {
        if (!root.name().equals("xmile")) {
            throw XmileReader.fail("XMILE_NOT_XMILE", where(null, root.line()), "the root element is <" + root.name()
                    + ">, not <xmile>; this is not an XMILE file (Vensim models are .mdl files)");
        }
        List<XmlNode> models = root.children("model");
        if (models.isEmpty()) {
            throw XmileReader.fail("XMILE_NO_MODEL", where(null, root.line()),
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
            List<Variable> vs = variables(m, behavior(m.child("behavior"), fileBehavior));
            collectModules(vs, modules);
            subModels.put(key, new Model(source, name, Dialect.XMILE, s, vs, dims, Map.of(), macros, units));
        }
        List<Variable> vars = variables(main, behavior(main.child("behavior"), fileBehavior));
        collectModules(vars, modules);
        for (ModuleInstance mi : modules) {
            if (!subModels.containsKey(VarName.canonical(mi.modelName()))) {
                diags.error("XMILE_UNKNOWN_MODEL", where(mi.name().asWritten(), mi.line()),
                        "the module instantiates model '" + mi.modelName() + "', but the file has no <model name=\""
                                + mi.modelName() + "\">; add that model or correct the module's name");
            }
        }
        diags.throwIfErrors();
        if (!modules.isEmpty()) {
            Set<String> dimensionAndElementIds = new HashSet<>();
            for (Dimension d : dims) {
                dimensionAndElementIds.add(d.name().id());
                d.elements().forEach(e -> dimensionAndElementIds.add(VarName.canonical(e)));
            }
            vars = new ModuleFlattener(subModels, inputs, file, diags).flatten(vars, dimensionAndElementIds);
            diags.throwIfErrors();
            subModels = Map.of();
        }
        ElementReferences.Result plain = ElementReferences.resolve(dims, vars);
        dims = plain.dimensions();
        vars = DataImports.apply(root, source, plain.variables(), dims, file, diags);
        diags.throwIfErrors();
        String name = root.child("header").flatMap(h -> h.childText("name")).filter(s -> !s.isEmpty())
                .orElse(main.attribute("name").orElse(stem()));
        return new Model(source, name, Dialect.XMILE, specs, vars, dims, subModels, macros, units);
    }

    /** The model without a name is the root; a file with one named model uses that one. */
    XmlNode mainModel(List<XmlNode> models) {
        List<XmlNode> unnamed = models.stream()
                .filter(m -> m.attribute("name").map(String::isBlank).orElse(true)).toList();
        if (unnamed.size() > 1) {
            diags.error("XMILE_TWO_ROOT_MODELS", where(null, unnamed.get(1).line()),
                    "the file has more than one <model> without a name (first on line " + unnamed.get(0).line()
                            + "); only the root model may be unnamed, so name the others");
        }
        return unnamed.isEmpty() ? models.get(0) : unnamed.get(0);
    }

    static void collectModules(List<Variable> vs, List<ModuleInstance> into) {
        for (Variable v : vs) {
            if (v instanceof ModuleInstance mi) {
                into.add(mi);
            }
        }
    }

    String stem() {
        if (source == null || source.getFileName() == null) {
            return "model";
        }
        String n = source.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    // ---- sim specs, dimensions, units, behavior

    SimSpecs simSpecs(Optional<XmlNode> node, int fallbackLine) {
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

    double specNumber(XmlNode specs, String child, double dflt) {
        Optional<XmlNode> n = specs.child(child);
        if (n.isEmpty()) {
            if (Double.isNaN(dflt)) {
                diags.error("XMILE_BAD_SIM_SPECS", where(null, specs.line()), "<sim_specs> has no <" + child
                        + ">; add it, e.g. <" + child + ">" + (child.equals("start") ? "0" : "100") + "</" + child + ">");
            }
            return dflt;
        }
        String text = n.get().text().strip();
        Matcher named = NAMED_SPEC.matcher(text);
        if (named.matches()) {
            text = named.group(1); // Vensim's XMILE export names the constant: <dt>TIME_STEP=0.03125</dt>
        }
        return number(text, n.get().line(), null, "<" + child + "> of <sim_specs>");
    }

    /** A sim spec written as {@code NAME=number}, the form Vensim's XMILE export gives. */
    private static final Pattern NAMED_SPEC =
            Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_ ]*=\\s*(\\S+)");

    /** XMILE allows a list of methods in order of preference: take the first one we run. */
    Method method(XmlNode specs) {
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

    List<Dimension> dimensions(XmlNode dims) {
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

    static int positiveInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Aliases map to their unit's name; a unit with an equation maps to that equation. */
    Map<String, String> unitAliases(XmlNode modelUnits) {
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

    Behavior behavior(Optional<XmlNode> node, Behavior inherited) {
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

    List<Variable> variables(XmlNode model, Behavior behavior) {
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
            if (n.attribute("access").map(a -> a.strip().equals("input")).orElse(false) && !n.name().equals("module")) {
                if (n.child("eqn").isEmpty() && n.child("gf").isEmpty() && n.children("element").isEmpty()) {
                    // a placeholder for what a <connect> feeds in, whatever its kind
                    Aux placeholder = new Aux(name, new Definition(null, null, List.of()), dimensionNames(n), units(n),
                            doc(n), n.line());
                    inputs.add(placeholder);
                    out.add(placeholder);
                    continue;
                }
            }
            Variable v = switch (n.name()) {
                case "stock" -> stock(n, name, behavior);
                case "flow" -> flow(n, name, behavior);
                case "module" -> module(n, name);
                default -> aux(n, name);
            };
            if (v != null) {
                if (n.attribute("access").map(a -> a.strip().equals("input")).orElse(false)) {
                    inputs.add(v);
                }
                out.add(v);
            }
        }
        return out;
    }

    static boolean isVariable(String element) {
        return switch (element) {
            case "stock", "flow", "aux", "gf", "module", "group" -> true;
            default -> false;
        };
    }

    /** Names of the outflows of this model's conveyors: they may have no equation (the conveyor drives them). */
    Set<String> conveyorOutflows = Set.of();

    Stock stock(XmlNode n, VarName name, Behavior behavior) {
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
    Conveyor conveyor(XmlNode c, VarName name) {
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
    boolean conveyorOption(XmlNode c, String option, String variable) {
        Optional<String> attr = c.attribute(option);
        if (attr.isPresent()) {
            return bool(attr.get(), c, option, variable);
        }
        return c.child(option).map(e -> bool(e.text(), e, "<" + option + ">", variable)).orElse(false);
    }

    List<VarName> flowNames(XmlNode n, String kind) {
        List<VarName> out = new ArrayList<>();
        for (XmlNode f : n.children(kind)) {
            String t = f.text().strip();
            if (!t.isEmpty()) {
                out.add(VarName.of(t));
            }
        }
        return out;
    }

    Flow flow(XmlNode n, VarName name, Behavior behavior) {
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
    Leak leak(XmlNode flow, XmlNode leak, VarName name) {
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

    Aux aux(XmlNode n, VarName name) {
        return new Aux(name, definition(n, name, "equation"), dimensionNames(n), units(n), doc(n), n.line());
    }

    ModuleInstance module(XmlNode n, VarName name) {
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
            conns.add(new ModuleInstance.Connection(from.get().strip(), to.get().strip()));
        }
        String model = n.attribute("model").map(String::strip).filter(s -> !s.isEmpty())
                .orElse(name.asWritten());
        return new ModuleInstance(name, model, conns, units(n), doc(n), n.line());
    }

    Optional<Macro> macro(XmlNode m, Behavior behavior) {
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
        List<Variable> body = new ArrayList<>(variables(m, behavior));
        // the macro's own <eqn> is its result: keep it as a variable named like the macro
        m.child("eqn").ifPresent(e -> body.add(new Aux(name, Definition.of(equation(e)), List.of(),
                m.childText("units").orElse(""), m.childText("doc").orElse(""), m.line())));
        return Optional.of(new Macro(name, params, List.of(), body, m.line()));
    }
}
