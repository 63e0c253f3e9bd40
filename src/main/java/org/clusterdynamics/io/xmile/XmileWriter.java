package org.clusterdynamics.io.xmile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.expr.Expr;
import org.clusterdynamics.expr.ExprParser;
import org.clusterdynamics.expr.ParseException;
import org.clusterdynamics.expr.Subscript;
import org.clusterdynamics.files.AtomicFiles;
import org.clusterdynamics.io.xmile.ElementCells.Cell;
import org.clusterdynamics.io.xmile.EquationConverter.Context;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.Dialect;
import org.clusterdynamics.model.Dimension;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.Flow;
import org.clusterdynamics.model.Leak;
import org.clusterdynamics.model.Conveyor;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.Macro;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModuleInstance;
import org.clusterdynamics.model.SimSpecs;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.Variable;

/**
 * Writes a {@link Model} as an XMILE 1.0 file that {@link XmileReader} (and Stella) read back into
 * a model with the same results; {@code cdyn convert} uses it to turn Vensim models into XMILE.
 *
 * <p>How Vensim's structure maps onto XMILE:
 * <ul>
 * <li>INITIAL TIME, FINAL TIME, TIME STEP and SAVEPER become {@code <sim_specs>}; equations that read
 *     them read STARTTIME, STOPTIME and DT, and SAVEPER, which XMILE lacks, becomes a constant.
 * <li>A stock {@code INTEG(in - out, init)} whose rate adds and subtracts auxiliaries of its own
 *     shape gets those as its {@code <inflow>}s and {@code <outflow>}s (they become flows). Any
 *     other rate becomes one added inflow, "STOCK net flow", documented as added, so that every
 *     original variable keeps its name and results column.
 * <li>A per-element definition is written element by element, as XMILE demands: subranges and
 *     :EXCEPT: are resolved to the elements they cover.
 * <li>Lookups are graphical functions; {@code WITH LOOKUP(x, table)} is a variable with an equation
 *     and a graphical function, or, inside a larger equation, a separate graphical function.
 * <li>ACTIVE INITIAL(a, b) is {@code <eqn>a</eqn><init_eqn>b</init_eqn>}.
 * <li>Macros are {@code <macro>}s; a macro whose result is a stock returns it through its
 *     {@code <eqn>}.
 * </ul>
 * Equations are re-printed from their parsed trees by {@link XmileExprPrinter} after the
 * rewriting described in {@link EquationConverter}. Constructs that only this engine reads back
 * (its own function names, {@code dim!} over a subrange, subscript mappings) are reported as
 * warnings.
 */
public final class XmileWriter {
    public static final String NAMESPACE = "http://docs.oasis-open.org/xmile/ns/XMILE/v1.0";
    private static final Set<String> CONTROLS = Set.of("initial_time", "final_time", "time_step", "saveper");

    private XmileWriter() {}

    /** The model as XMILE text; warnings about what other readers may not read go to {@code notes}. */
    public static String write(Model model, Diagnostics notes) {
        return new Run(model).text(notes);
    }

    /** The model as XMILE text, warnings dropped. */
    public static String write(Model model) {
        return write(model, new Diagnostics());
    }

    /**
     * Writes the model to {@code file} through a temporary file beside it, so that an error never
     * leaves a partial file (the whole text is built before anything is written).
     */
    public static void write(Model model, Path file, Diagnostics notes) throws IOException {
        byte[] text = write(model, notes).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(text));
    }

    /** How a stock's rate is written: its inflows and outflows, and the added net flow if any. */
    private record StockPlan(List<VarName> inflows, List<VarName> outflows, VarName netFlow) {}

    /** One conversion: the model, its dimensions, the errors found and the XMILE being built. */
    private static final class Run {
        private final Model model;
        private final String file;
        private final Diagnostics errors = new Diagnostics();
        private final Diagnostics warnings = new Diagnostics();
        private final Map<String, Dimension> dims = new LinkedHashMap<>();
        private final ElementCells cells;
        private final Set<String> nonStandard = new TreeSet<>();
        private final Set<String> keptBangs = new TreeSet<>();
        private final Set<String> undefined = new LinkedHashSet<>();
        private final Set<String> macroIds = new HashSet<>();
        private final XmlOut out = new XmlOut();

        Run(Model model) {
            this.model = model;
            this.file = model.sourceName();
            for (Dimension d : model.dimensions()) {
                dims.put(d.name().id(), d);
            }
            for (Model sub : model.subModels().values()) {
                sub.dimensions().forEach(d -> dims.putIfAbsent(d.name().id(), d));
            }
            model.macros().forEach(m -> macroIds.add(m.name().id()));
            this.cells = new ElementCells(dims);
        }

        String text(Diagnostics notes) {
            out.start("xmile", "version", "1.0", "xmlns", NAMESPACE);
            header();
            simSpecs();
            unitAliases();
            dimensions();
            Scope root = new Scope(model.variables(), model.dialect() == Dialect.VENSIM, List.of());
            out.start("model");
            root.variables();
            out.end();
            // sorted: the model keeps these in a map without order, and the same model should give the same file
            for (Map.Entry<String, Model> sub : new TreeMap<>(model.subModels()).entrySet()) {
                out.start("model", "name", sub.getValue().name() == null ? sub.getKey() : sub.getValue().name());
                new Scope(sub.getValue().variables(), false, List.of()).variables();
                out.end();
            }
            for (Macro m : model.macros()) {
                macro(m);
            }
            out.end();
            errors.throwIfErrors();
            warnings(notes);
            return out.text();
        }

        private void warnings(Diagnostics notes) {
            notes.addAll(warnings);
            Where w = Where.file(file);
            if (!nonStandard.isEmpty()) {
                notes.warning("XMILE_WRITE_FUNCTIONS", w, "written with this engine's names because XMILE 1.0 has no"
                        + " equivalent: " + String.join(", ", nonStandard)
                        + "; cdyn reads them back, other XMILE readers may not");
            }
            if (!keptBangs.isEmpty()) {
                notes.warning("XMILE_WRITE_BANG", w, "reductions over " + String.join(", ", keptBangs) + " are written"
                        + " as Vensim's dim! because that is not the dimension of the array at that place (a subrange"
                        + " or another dimension); cdyn reads dim! back, XMILE does not define it");
            }
            List<String> mapped = model.dimensions().stream().filter(d -> !d.mapsTo().isEmpty())
                    .map(d -> d.name().asWritten() + " -> " + String.join(", ", d.mapsTo())).toList();
            if (!mapped.isEmpty()) {
                notes.warning("XMILE_WRITE_MAPPING", w, "XMILE has no subscript mappings, so these are left out: "
                        + String.join("; ", mapped) + "; dimensions of equal size still match element by position");
            }
            if (!undefined.isEmpty()) {
                notes.warning("XMILE_WRITE_UNDEFINED", w, undefined.size() + " element(s) that Vensim leaves undefined"
                        + " (0, and not in its output) are written with the equation 0, as XMILE defines every element: "
                        + String.join(", ", undefined.stream().limit(5).toList())
                        + (undefined.size() > 5 ? ", ..." : ""));
            }
            for (Macro m : model.macros()) {
                if (!m.extraOutputs().isEmpty()) {
                    notes.warning("XMILE_WRITE_MACRO", Where.of(file, m.name().asWritten(), m.line()), "the macro's"
                            + " extra outputs " + m.extraOutputs() + " are left out: an XMILE macro has one result");
                }
            }
        }

        // ---- file-level parts

        private static boolean usesConveyors(Model m) {
            return m.variables().stream().anyMatch(v -> v instanceof Stock s && s.conveyor() != null);
        }

        private void header() {
            out.start("header");
            out.leaf("vendor", "ClusterDynamics");
            out.leaf("product", "cdyn", "version", "0.1.0", "lang", "en");
            if (model.name() != null && !model.name().isBlank()) {
                out.leaf("name", model.name());
            }
            int maxDims = maxDimensions();
            boolean conveyors = usesConveyors(model) || model.subModels().values().stream().anyMatch(m -> usesConveyors(m));
            if (maxDims > 0 || !model.macros().isEmpty() || conveyors) {
                out.start("options");
                if (conveyors) {
                    out.empty("uses_conveyor");
                }
                if (maxDims > 0) {
                    out.empty("uses_arrays", "maximum_dimensions", Integer.toString(maxDims));
                }
                if (!model.macros().isEmpty()) {
                    out.empty("uses_macros", "recursive_macros", "false", "option_filters", "false");
                }
                out.end();
            }
            out.end();
        }

        private int maxDimensions() {
            int n = 0;
            for (Variable v : model.variables()) {
                n = Math.max(n, v.dimensions().size());
            }
            for (Model sub : model.subModels().values()) {
                for (Variable v : sub.variables()) {
                    n = Math.max(n, v.dimensions().size());
                }
            }
            return n;
        }

        private void simSpecs() {
            SimSpecs s = model.specs();
            String[] names = model.dialect() == Dialect.VENSIM
                    ? new String[] {"INITIAL TIME", "FINAL TIME", "TIME STEP", "SAVEPER"}
                    : new String[] {"start", "stop", "dt", "save step"};
            double[] values = {s.start(), s.stop(), s.dt(), s.saveStep()};
            boolean constant = true;
            for (int i = 0; i < values.length; i++) {
                if (Double.isNaN(values[i]) || Double.isInfinite(values[i])) {
                    Variable v = model.variable(names[i]).orElse(null);
                    String given = v instanceof Aux a && a.definition().equation() != null
                            ? " (" + names[i] + " = " + a.definition().equation().text().strip() + ")" : "";
                    errors.error("XMILE_WRITE_SPECS", Where.of(file, names[i], v == null ? 0 : v.line()), names[i]
                            + " is not a constant number" + given + ", but XMILE's <sim_specs> holds numbers and cannot"
                            + " follow an equation during the run: give it a constant value to convert the model");
                    constant = false;
                }
            }
            if (!constant) {
                return;
            }
            Method m = s.method() == null ? Method.EULER : s.method();
            String method = switch (m) {
                case EULER -> "Euler";
                case RK2 -> "RK2";
                case RK4 -> "RK4";
                case ADAPTIVE -> "RK45";
            };
            out.start("sim_specs", "method", method, "time_units", blankToNull(s.timeUnits()));
            out.leaf("start", XmileExprPrinter.number(s.start()));
            out.leaf("stop", XmileExprPrinter.number(s.stop()));
            out.leaf("dt", XmileExprPrinter.number(s.dt()));
            out.leaf("savestep", XmileExprPrinter.number(s.saveStep()));
            out.end();
        }

        private void unitAliases() {
            if (model.unitAliases().isEmpty()) {
                return;
            }
            out.start("model_units");
            for (Map.Entry<String, String> u : new TreeMap<>(model.unitAliases()).entrySet()) {
                out.start("unit", "name", u.getKey());
                out.leaf("eqn", u.getValue());
                out.end();
            }
            out.end();
        }

        private void dimensions() {
            if (dims.isEmpty()) {
                return;
            }
            out.start("dimensions");
            for (Dimension d : dims.values()) {
                out.start("dim", "name", d.name().asWritten());
                for (String e : d.elements()) {
                    out.empty("elem", "name", VarName.cleanWritten(e));
                }
                out.end();
            }
            out.end();
        }

        private void macro(Macro m) {
            List<Variable> body = new ArrayList<>(m.body());
            Variable result = body.stream().filter(v -> v.name().id().equals(m.name().id())).findFirst().orElse(null);
            if (result == null) {
                errors.error("XMILE_WRITE_MACRO", Where.of(file, m.name().asWritten(), m.line()), "the macro defines"
                        + " no variable named like itself, which would be its result: add '" + m.name().asWritten()
                        + " = ...' to its body");
                return;
            }
            boolean plain = result instanceof Aux a && a.dimensions().isEmpty() && !a.definition().isPerElement()
                    && a.definition().graphicalFunction() == null && a.definition().equation() != null;
            if (plain) {
                body.remove(result);
            }
            Scope scope = new Scope(body, model.dialect() == Dialect.VENSIM, m.parameters());
            String resultEqn;
            if (plain) {
                resultEqn = scope.equationText(((Aux) result).definition().equation(), m.name().asWritten());
            } else {
                // XMILE gives a macro's result as its <eqn>: keep the stock (or table) under another name
                VarName renamed = scope.fresh(m.name().asWritten() + " value");
                scope.renames.put(m.name().id(), renamed);
                resultEqn = XmileExprPrinter.name(renamed.asWritten());
            }
            out.start("macro", "name", m.name().asWritten());
            for (String p : m.parameters()) {
                out.leaf("parm", p);
            }
            out.leaf("eqn", resultEqn);
            if (!body.isEmpty() || scope.hasAdditions()) {
                out.start("variables");
                scope.writeAll();
                out.end();
            }
            if (plain) {
                out.leaf("units", blankToNull(result.units()));
                out.leaf("doc", blankToNull(result.documentation()));
            }
            out.end();
        }

        /**
         * The variables of one model or macro: their names and shapes for the converter, fresh
         * names for added variables, and the plan of every stock.
         */
        private final class Scope implements EquationConverter.Scope {
            private final List<Variable> variables = new ArrayList<>();
            private final Map<String, Variable> byId = new LinkedHashMap<>();
            private final Map<String, List<Dimension>> shapes = new HashMap<>();
            private final Set<String> taken = new HashSet<>();
            private final Map<String, VarName> renames = new HashMap<>();
            private final Map<String, StockPlan> plans = new HashMap<>();
            /** Auxiliaries that a stock drains or fills: stock ids by aux id, per direction. */
            private final Map<String, String> inflowOf = new HashMap<>();
            private final Map<String, String> outflowOf = new HashMap<>();
            private final Map<GraphicalFunction, VarName> tables = new LinkedHashMap<>();
            private final XmileExprPrinter printer;
            private final EquationConverter converter;
            private String owner = "";

            Scope(List<Variable> vars, boolean dropControls, List<String> parameters) {
                for (Variable v : vars) {
                    taken.add(v.name().id());
                    if (dropControls && isControl(v)) {
                        continue;
                    }
                    variables.add(v);
                    byId.put(v.name().id(), v);
                    shapes.put(v.name().id(), shape(v));
                }
                for (String p : parameters) {
                    String id = VarName.canonical(p);
                    taken.add(id);
                    shapes.put(id, List.of());
                }
                taken.addAll(macroIds);
                taken.addAll(dims.keySet());
                printer = new XmileExprPrinter(id -> shapes.containsKey(id) || macroIds.contains(id)
                        || renames.containsKey(id));
                converter = new EquationConverter(model.dialect() == Dialect.VENSIM, dims, nonStandard, keptBangs);
            }

            private boolean isControl(Variable v) {
                return v instanceof Aux a && CONTROLS.contains(v.name().id()) && a.dimensions().isEmpty();
            }

            private List<Dimension> shape(Variable v) {
                List<Dimension> out = new ArrayList<>();
                for (String d : v.dimensions()) {
                    Dimension dim = dims.get(VarName.canonical(d));
                    if (dim == null) {
                        errors.error("XMILE_WRITE_DIMENSION", where(v), "the dimension '" + d + "' is not defined:"
                                + " define it or correct the name");
                        return List.of();
                    }
                    out.add(dim);
                }
                return out;
            }

            @Override
            public List<Dimension> dimensionsOf(String id) {
                return shapes.get(id);
            }

            @Override
            public VarName tableFor(GraphicalFunction table) {
                return tables.computeIfAbsent(table, t -> {
                    VarName n = fresh(owner + " lookup");
                    shapes.put(n.id(), List.of());
                    return n;
                });
            }

            /** A name no variable, dimension or macro of the scope has: {@code base}, or base 2, base 3... */
            VarName fresh(String base) {
                String candidate = base;
                for (int n = 2; taken.contains(VarName.canonical(candidate)); n++) {
                    candidate = base + " " + n;
                }
                VarName name = VarName.of(candidate);
                taken.add(name.id());
                return name;
            }

            // ---- stocks

            /**
             * The stock's rate as flows: its own for an XMILE stock; for a Vensim one, the
             * auxiliaries its rate adds and subtracts when they have its shape and no other
             * stock of this direction claims them, else one added net flow.
             */
            private StockPlan plan(Stock s) {
                if (s.netRate() == null) {
                    return new StockPlan(s.inflows(), s.outflows(), null);
                }
                Definition rate = s.netRate();
                if (!rate.isPerElement() && rate.equation() != null && rate.graphicalFunction() == null) {
                    List<Expr.Ref> plus = new ArrayList<>();
                    List<Expr.Ref> minus = new ArrayList<>();
                    try {
                        Expr e = ExprParser.parse(rate.equation().text(), model.dialect());
                        if (signedTerms(e, true, plus, minus) && claimable(s, plus, minus)) {
                            plus.forEach(r -> inflowOf.put(r.name().id(), s.name().id()));
                            minus.forEach(r -> outflowOf.put(r.name().id(), s.name().id()));
                            return new StockPlan(names(plus), names(minus), null);
                        }
                    } catch (ParseException e) {
                        // reported when the net flow's equation is written
                    }
                }
                VarName net = fresh(name(s) + " net flow");
                shapes.put(net.id(), shapes.get(s.name().id()));
                return new StockPlan(List.of(net), List.of(), net);
            }

            private List<VarName> names(List<Expr.Ref> refs) {
                return refs.stream().map(r -> byId.get(r.name().id()).name()).toList();
            }

            private static boolean signedTerms(Expr e, boolean positive, List<Expr.Ref> plus, List<Expr.Ref> minus) {
                if (e instanceof Expr.Ref r) {
                    (positive ? plus : minus).add(r);
                    return true;
                } else if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEG) {
                    return signedTerms(u.operand(), !positive, plus, minus);
                } else if (e instanceof Expr.Binary b && (b.op() == Expr.BinaryOp.ADD || b.op() == Expr.BinaryOp.SUB)) {
                    return signedTerms(b.left(), positive, plus, minus)
                            && signedTerms(b.right(), positive == (b.op() == Expr.BinaryOp.ADD), plus, minus);
                }
                return false;
            }

            /**
             * Every term an auxiliary of the stock's shape, read element for element, used once,
             * and not already flowing the same way for another stock (a flow may drain one stock
             * and fill another).
             */
            private boolean claimable(Stock s, List<Expr.Ref> plus, List<Expr.Ref> minus) {
                List<String> stockDims = s.dimensions().stream().map(VarName::canonical).toList();
                Set<String> seen = new HashSet<>();
                for (int pass = 0; pass < 2; pass++) {
                    for (Expr.Ref r : pass == 0 ? plus : minus) {
                        String id = r.name().id();
                        Variable v = byId.get(id);
                        if (!(v instanceof Aux a) || !seen.add(id) || a.definition().equation() == null
                                || (pass == 0 ? inflowOf : outflowOf).containsKey(id)
                                || !a.dimensions().stream().map(VarName::canonical).toList().equals(stockDims)) {
                            return false;
                        }
                        if (!r.subscripts().isEmpty() && !r.subscripts().stream()
                                .map(x -> x instanceof Subscript.Named n && !n.bang() ? n.id() : "").toList()
                                .equals(stockDims)) {
                            return false;
                        }
                    }
                }
                return true;
            }

            private boolean isFlow(String id) {
                return inflowOf.containsKey(id) || outflowOf.containsKey(id);
            }

            // ---- variables

            /** Whether writing added variables of its own (tables, SAVEPER) to the scope. */
            boolean hasAdditions() {
                return !tables.isEmpty() || converter.savePerUsed();
            }

            void variables() {
                out.start("variables");
                writeAll();
                out.end();
            }

            void writeAll() {
                // planned when written, after any renaming, so that added flows take the stocks' new names
                for (Variable v : variables) {
                    if (v instanceof Stock s) {
                        plans.put(s.name().id(), plan(s));
                    }
                }
                for (Variable v : variables) {
                    variable(v);
                }
                if (converter.savePerUsed() && !shapes.containsKey("saveper")) {
                    savePer();
                }
                for (Map.Entry<GraphicalFunction, VarName> t : tables.entrySet()) {
                    out.start("gf", "name", t.getValue().asWritten(), "type", kind(t.getKey()));
                    gfPoints(t.getKey());
                    out.leaf("doc", "Added by cdyn convert: the inline table of a WITH LOOKUP.");
                    out.end();
                }
            }

            /** Vensim's SAVEPER read by an equation: XMILE has no builtin for it, so a constant. */
            private void savePer() {
                shapes.put("saveper", List.of());
                out.start("aux", "name", "SAVEPER");
                out.leaf("eqn", XmileExprPrinter.number(model.specs().saveStep()));
                out.leaf("units", blankToNull(model.specs().timeUnits()));
                out.leaf("doc", "Added by cdyn convert: Vensim's save interval, equal to <savestep>.");
                out.end();
            }

            private void variable(Variable v) {
                owner = v.name().asWritten();
                if (v instanceof Stock s) {
                    stock(s);
                } else if (v instanceof Flow f) {
                    Leak leak = f.leak();
                    if (leak == null || leak.equals(Leak.EVERYWHERE)) {
                        out.start("flow", "name", name(f));
                    } else {
                        out.start("flow", "name", name(f), "leak_start", XmileExprPrinter.number(leak.zoneStart()),
                                "leak_end", XmileExprPrinter.number(leak.zoneEnd()));
                    }
                    body(f, f.definition());
                    if (f.nonNegative()) {
                        out.empty("non_negative");
                    }
                    if (leak != null) {
                        out.empty("leak"); // the equation above is the leak fraction
                    }
                    unitsAndDoc(f);
                    out.end();
                } else if (v instanceof Aux a) {
                    aux(a);
                } else if (v instanceof ModuleInstance mi) {
                    module(mi);
                }
            }

            private String name(Variable v) {
                VarName r = renames.get(v.name().id());
                return r != null ? r.asWritten() : v.name().asWritten();
            }

            private void aux(Aux a) {
                Definition def = a.definition();
                if (!isFlow(a.name().id()) && !def.isPerElement() && def.equation() == null
                        && def.graphicalFunction() != null) {
                    // a table called like a function: XMILE's stand-alone graphical function
                    out.start("gf", "name", name(a), "type", kind(def.graphicalFunction()));
                    dimensionList(a);
                    gfPoints(def.graphicalFunction());
                    unitsAndDoc(a);
                    out.end();
                    return;
                }
                out.start(isFlow(a.name().id()) ? "flow" : "aux", "name", name(a));
                body(a, def);
                unitsAndDoc(a);
                out.end();
            }

            private void stock(Stock s) {
                StockPlan p = plans.get(s.name().id());
                out.start("stock", "name", name(s));
                body(s, s.initial());
                for (VarName in : p.inflows()) {
                    out.leaf("inflow", XmileExprPrinter.name(in.asWritten()));
                }
                for (VarName o : p.outflows()) {
                    out.leaf("outflow", XmileExprPrinter.name(o.asWritten()));
                }
                if (s.nonNegative()) {
                    out.empty("non_negative");
                }
                Conveyor c = s.conveyor();
                if (c != null) {
                    if (c.exponentialLeak()) {
                        out.start("conveyor", "exponential_leak", "true");
                    } else {
                        out.start("conveyor");
                    }
                    out.leaf("len", expression(s, c.length()));
                    out.leaf("capacity", c.capacity() == null ? null : expression(s, c.capacity()));
                    out.leaf("in_limit", c.inflowLimit() == null ? null : expression(s, c.inflowLimit()));
                    out.end();
                }
                unitsAndDoc(s);
                out.end();
                if (p.netFlow() != null) {
                    out.start("flow", "name", p.netFlow().asWritten());
                    body(s, s.netRate());
                    out.leaf("units", flowUnits(s.units()));
                    out.leaf("doc", "Added by cdyn convert: the net rate of stock " + name(s)
                            + " (Vensim INTEG), as its only inflow.");
                    out.end();
                }
            }

            private String flowUnits(String stockUnits) {
                String t = model.specs().timeUnits();
                if (stockUnits.isBlank() || t == null || t.isBlank()) {
                    return null;
                }
                String u = stockUnits.strip();
                return (u.matches("[\\p{L}\\p{N}_ $]+") ? u : "(" + u + ")") + "/" + t.strip();
            }

            private void module(ModuleInstance mi) {
                out.start("module", "name", mi.name().asWritten(), "model",
                        VarName.canonical(mi.modelName()).equals(mi.name().id()) ? null : mi.modelName());
                for (ModuleInstance.Connection c : mi.connections()) {
                    out.empty("connect", "to", c.to(), "from", c.from());
                }
                unitsAndDoc(mi);
                out.end();
            }

            private void dimensionList(Variable v) {
                if (v.dimensions().isEmpty()) {
                    return;
                }
                out.start("dimensions");
                for (Dimension d : shapes.getOrDefault(v.name().id(), List.of())) {
                    out.empty("dim", "name", d.name().asWritten());
                }
                out.end();
            }

            private void unitsAndDoc(Variable v) {
                out.leaf("units", blankToNull(v.units()));
                out.leaf("doc", blankToNull(v.documentation()));
            }

            /** Dimensions, then one equation for all elements or one {@code <element>} per element. */
            private void body(Variable v, Definition def) {
                dimensionList(v);
                if (def == null) {
                    errors.error("XMILE_WRITE_EQUATION", where(v), "the variable has no equation: give it one");
                    return;
                }
                List<Dimension> shape = shapes.getOrDefault(v.name().id(), List.of());
                if (!def.isPerElement()) {
                    parts(v, def.equation(), def.graphicalFunction(), Context.whole(shape));
                    return;
                }
                // later definitions of an element replace earlier ones, as the compiler reads them
                Map<String, Cell> cellsByKey = new LinkedHashMap<>();
                Map<String, ElementDefinition> defsByKey = new HashMap<>();
                for (ElementDefinition ed : def.elements()) {
                    try {
                        for (Cell c : cells.cells(shape, ed)) {
                            cellsByKey.put(c.key(), c);
                            defsByKey.put(c.key(), ed);
                        }
                    } catch (ElementCells.UnknownSubscript e) {
                        errors.error("XMILE_WRITE_ELEMENT", where(v), e.getMessage());
                    }
                }
                if (def.equation() != null) {
                    // elements without their own definition share the variable's equation
                    ElementDefinition all = new ElementDefinition(shape.stream().map(d -> d.name().asWritten()).toList(),
                            def.equation(), def.graphicalFunction());
                    try {
                        for (Cell c : cells.cells(shape, all)) {
                            if (cellsByKey.putIfAbsent(c.key(), c) == null) {
                                defsByKey.put(c.key(), all);
                            }
                        }
                    } catch (ElementCells.UnknownSubscript e) {
                        errors.error("XMILE_WRITE_ELEMENT", where(v), e.getMessage());
                    }
                }
                if (model.dialect() == Dialect.VENSIM && !tableOnly(def)) {
                    undefinedElements(v, shape, cellsByKey, defsByKey);
                }
                for (Map.Entry<String, Cell> en : cellsByKey.entrySet()) {
                    ElementDefinition ed = defsByKey.get(en.getKey());
                    out.start("element", "subscript", String.join(", ", en.getValue().elements()));
                    parts(v, ed.equation(), ed.graphicalFunction(), new Context(shape, en.getValue().bound()));
                    out.end();
                }
            }

            private static boolean tableOnly(Definition def) {
                return def.elements().stream().allMatch(e -> e.equation() == null && e.graphicalFunction() != null);
            }

            /**
             * Vensim leaves elements without an equation undefined (they read as 0 and are not in its
             * output); XMILE defines every element, so these get the equation 0.
             */
            private void undefinedElements(Variable v, List<Dimension> shape, Map<String, Cell> cellsByKey,
                    Map<String, ElementDefinition> defsByKey) {
                ElementDefinition zero = new ElementDefinition(shape.stream().map(d -> d.name().asWritten()).toList(),
                        new Equation("0", v.line()), null);
                try {
                    for (Cell c : cells.cells(shape, zero)) {
                        if (cellsByKey.putIfAbsent(c.key(), c) == null) {
                            defsByKey.put(c.key(), zero);
                            undefined.add(v.name().asWritten() + "[" + String.join(", ", c.elements()) + "]");
                        }
                    }
                } catch (ElementCells.UnknownSubscript e) {
                    errors.error("XMILE_WRITE_ELEMENT", where(v), e.getMessage());
                }
            }

            /**
             * One equation with its graphical function: a whole-equation WITH LOOKUP is the
             * equation read through its table, ACTIVE INITIAL an equation with an initial one.
             */
            private void parts(Variable v, Equation eq, GraphicalFunction gf, Context ctx) {
                if (eq == null) {
                    if (gf != null) {
                        gf(gf);
                    }
                    return;
                }
                Expr e = parse(eq, v);
                if (e == null) {
                    out.leaf("eqn", model.dialect() == Dialect.XMILE ? eq.text().strip() : null);
                    if (gf != null) {
                        gf(gf);
                    }
                    return;
                }
                String init = null;
                if (gf == null && isCall(e, "with_lookup") && ((Expr.Call) e).args().get(1) instanceof Expr.Table t) {
                    gf = t.table();
                    e = ((Expr.Call) e).args().get(0);
                } else if (isCall(e, "active_initial")) {
                    init = print(((Expr.Call) e).args().get(1), v, eq, ctx);
                    e = ((Expr.Call) e).args().get(0);
                }
                out.leaf("eqn", print(e, v, eq, ctx));
                out.leaf("init_eqn", init);
                if (gf != null) {
                    gf(gf);
                }
            }

            private boolean isCall(Expr e, String id) {
                return e instanceof Expr.Call c && c.function().equals(id) && c.args().size() == 2
                        && !shapes.containsKey(id) && !macroIds.contains(id);
            }

            /** The XMILE text of an equation (used for a macro's result). */
            String equationText(Equation eq, String variable) {
                owner = variable;
                Expr e = parse(eq, variable, eq.line());
                return e == null ? eq.text().strip() : print(e, variable, eq.line(), Context.whole(List.of()));
            }

            /** A conveyor option's expression in XMILE syntax. */
            private String expression(Variable v, Equation eq) {
                Expr e = parse(eq, v);
                if (e == null) {
                    return model.dialect() == Dialect.XMILE ? eq.text().strip() : null;
                }
                return print(e, v, eq, Context.whole(List.of()));
            }

            private Expr parse(Equation eq, Variable v) {
                return parse(eq, v.name().asWritten(), eq.line() > 0 ? eq.line() : v.line());
            }

            /**
             * The equation's tree; null when it cannot be read, which is an error for a Vensim
             * equation (it has no XMILE form) but only a warning for an XMILE one, kept as written
             * (a module input's placeholder is never evaluated).
             */
            private Expr parse(Equation eq, String variable, int line) {
                try {
                    return ExprParser.parse(eq.text(), model.dialect());
                } catch (ParseException pe) {
                    Where w = Where.of(file, variable, line);
                    String what = "cannot read the equation '" + eq.text().strip() + "': " + pe.getMessage();
                    if (model.dialect() == Dialect.XMILE) {
                        warnings.warning("XMILE_WRITE_EQUATION", w, what + "; it is written as it is");
                    } else {
                        errors.error("XMILE_WRITE_EQUATION", w, what + "; correct it before converting");
                    }
                    return null;
                }
            }

            private String print(Expr e, Variable v, Equation eq, Context ctx) {
                return print(e, v.name().asWritten(), eq.line() > 0 ? eq.line() : v.line(), ctx);
            }

            private String print(Expr e, String variable, int line, Context ctx) {
                try {
                    return printer.format(renamed(converter.convert(e, this, ctx)));
                } catch (EquationConverter.Unconvertible u) {
                    errors.error("XMILE_WRITE_EQUATION", Where.of(file, variable, line), u.getMessage());
                    return "";
                }
            }

            /** References to a renamed variable (a macro's result) take its new name. */
            private Expr renamed(Expr e) {
                if (renames.isEmpty()) {
                    return e;
                }
                if (e instanceof Expr.Ref r) {
                    VarName n = renames.get(r.name().id());
                    return new Expr.Ref(n == null ? r.name() : n, r.subscripts().stream().map(this::renamed).toList());
                } else if (e instanceof Expr.Unary u) {
                    return new Expr.Unary(u.op(), renamed(u.operand()));
                } else if (e instanceof Expr.Binary b) {
                    return new Expr.Binary(b.op(), renamed(b.left()), renamed(b.right()));
                } else if (e instanceof Expr.If f) {
                    return new Expr.If(renamed(f.condition()), renamed(f.then()), renamed(f.otherwise()));
                } else if (e instanceof Expr.Call c) {
                    return new Expr.Call(c.function(), c.asWritten(), c.subscripts().stream().map(this::renamed).toList(),
                            c.args().stream().map(this::renamed).toList());
                }
                return e;
            }

            private Subscript renamed(Subscript s) {
                return s instanceof Subscript.Index ix ? new Subscript.Index(renamed(ix.index())) : s;
            }

            private Where where(Variable v) {
                return Where.of(file, v.name().asWritten(), v.line());
            }
        }

        // ---- graphical functions

        private void gf(GraphicalFunction g) {
            out.start("gf", "type", kind(g));
            gfPoints(g);
            out.end();
        }

        /** Scales for the editors that draw the table, then the points themselves. */
        private void gfPoints(GraphicalFunction g) {
            double[] xs = g.xs();
            double[] ys = g.ys();
            out.empty("xscale", "min", XmileExprPrinter.number(xs[0]), "max", XmileExprPrinter.number(xs[xs.length - 1]));
            out.empty("yscale", "min", XmileExprPrinter.number(Arrays.stream(ys).min().orElse(0)),
                    "max", XmileExprPrinter.number(Arrays.stream(ys).max().orElse(0)));
            out.leaf("xpts", numbers(xs));
            out.leaf("ypts", numbers(ys));
        }

        private static String kind(GraphicalFunction g) {
            return g.kind().name().toLowerCase(Locale.ROOT);
        }

        private static String numbers(double[] vs) {
            return Arrays.stream(vs).mapToObj(XmileExprPrinter::number).collect(Collectors.joining(","));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
