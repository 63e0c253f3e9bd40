package org.clusterdynamics.io.xmile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.files.AtomicFiles;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Dialect;
import org.clusterdynamics.model.Dimension;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.Macro;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.Model;
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
    static final Set<String> CONTROLS = Set.of("initial_time", "final_time", "time_step", "saveper");

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

    /** One conversion: the model, its dimensions, the errors found and the XMILE being built. */
    static final class Run {
        final Model model;
        final String file;
        final Diagnostics errors = new Diagnostics();
        final Diagnostics warnings = new Diagnostics();
        final Map<String, Dimension> dims = new LinkedHashMap<>();
        final ElementCells cells;
        final Set<String> nonStandard = new TreeSet<>();
        final Set<String> keptBangs = new TreeSet<>();
        final Set<String> undefined = new LinkedHashSet<>();
        final Set<String> macroIds = new HashSet<>();
        final XmlOut out = new XmlOut();

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
            WriterScope root = new WriterScope(this, model.variables(), model.dialect() == Dialect.VENSIM, List.of());
            out.start("model");
            root.variables();
            out.end();
            // sorted: the model keeps these in a map without order, and the same model should give the same file
            for (Map.Entry<String, Model> sub : new TreeMap<>(model.subModels()).entrySet()) {
                out.start("model", "name", sub.getValue().name() == null ? sub.getKey() : sub.getValue().name());
                new WriterScope(this, sub.getValue().variables(), false, List.of()).variables();
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
            WriterScope scope = new WriterScope(this, body, model.dialect() == Dialect.VENSIM, m.parameters());
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


        // ---- graphical functions

        void gf(GraphicalFunction g) {
            out.start("gf", "type", kind(g));
            gfPoints(g);
            out.end();
        }

        /** Scales for the editors that draw the table, then the points themselves. */
        void gfPoints(GraphicalFunction g) {
            double[] xs = g.xs();
            double[] ys = g.ys();
            out.empty("xscale", "min", XmileExprPrinter.number(xs[0]), "max", XmileExprPrinter.number(xs[xs.length - 1]));
            out.empty("yscale", "min", XmileExprPrinter.number(Arrays.stream(ys).min().orElse(0)),
                    "max", XmileExprPrinter.number(Arrays.stream(ys).max().orElse(0)));
            out.leaf("xpts", numbers(xs));
            out.leaf("ypts", numbers(ys));
        }

        static String kind(GraphicalFunction g) {
            return g.kind().name().toLowerCase(Locale.ROOT);
        }

        private static String numbers(double[] vs) {
            return Arrays.stream(vs).mapToObj(XmileExprPrinter::number).collect(Collectors.joining(","));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
