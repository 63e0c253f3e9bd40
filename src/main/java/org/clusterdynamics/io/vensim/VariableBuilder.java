package org.clusterdynamics.io.vensim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.expr.ExprParser;
import org.clusterdynamics.io.vensim.ExternalData.DataException;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.Dimension;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.Variable;

/** Turns all the records that define one variable into one model {@link Variable}. */
final class VariableBuilder {
    private final String file;
    private final Diagnostics diags;
    private final Subscripts subscripts;
    private final ExternalData data;
    private final DataFiles dataFiles;

    VariableBuilder(String file, Diagnostics diags, Subscripts subscripts, ExternalData data, DataFiles dataFiles) {
        this.file = file;
        this.diags = diags;
        this.subscripts = subscripts;
        this.data = data;
        this.dataFiles = dataFiles;
    }

    /** The variable defined by {@code defs} (same name, file order), or null after a diagnostic. */
    Variable build(List<MdlRecord.Definition> defs) {
        MdlRecord.Definition first = defs.get(0);
        String name = first.name().asWritten();
        String units = "";
        String doc = "";
        for (MdlRecord.Definition d : defs) {
            units = units.isEmpty() ? d.units() : units;
            doc = doc.isEmpty() ? d.documentation() : doc;
        }
        int arity = first.subscripts().size();
        for (MdlRecord.Definition d : defs) {
            if (d.subscripts().size() != arity) {
                return error(d, "'" + name + "' is defined with " + arity + " subscripts on line " + first.line()
                        + " but with " + d.subscripts().size() + " here: use the same number of subscripts");
            }
            for (String s : d.subscripts()) {
                if (subscripts.expand(s) == null) {
                    return error(d, "unknown subscript '" + s + "' in the definition of '" + name
                            + "': define it in a subscript range ('range: " + s + ", ...')");
                }
            }
            for (List<String> ex : d.except()) {
                if (ex.size() != arity) {
                    return error(d, "the :EXCEPT: list " + ex + " of '" + name + "' needs " + arity + " subscripts");
                }
                for (String s : ex) {
                    if (subscripts.expand(s) == null) {
                        return error(d, "unknown subscript '" + s + "' in :EXCEPT: of '" + name
                                + "': define it in a subscript range");
                    }
                }
            }
        }
        if (arity == 0 && defs.size() > 1) {
            return error(defs.get(1), "'" + name + "' is defined more than once (first on line " + first.line()
                    + "): keep one equation, or add subscripts to define elements separately");
        }
        boolean whole = defs.size() == 1 && first.except().isEmpty()
                && first.subscripts().stream().allMatch(subscripts::isDimension);
        List<String> dims = new ArrayList<>();
        for (int pos = 0; pos < arity; pos++) {
            if (whole) {
                dims.add(subscripts.dimension(first.subscripts().get(pos)).name().asWritten());
                continue;
            }
            List<String> used = new ArrayList<>();
            for (MdlRecord.Definition d : defs) {
                used.add(d.subscripts().get(pos));
            }
            Dimension fam = subscripts.family(used);
            if (fam == null) {
                return error(first, "the subscripts " + used + " used in position " + (pos + 1) + " of '" + name
                        + "' do not all belong to one subscript range: define a range that holds them");
            }
            dims.add(fam.name().asWritten());
        }
        int integs = 0;
        for (MdlRecord.Definition d : defs) {
            if (isInteg(d)) {
                integs++;
            }
        }
        if (integs > 0 && integs < defs.size()) {
            return error(first, "some elements of '" + name + "' are stocks (INTEG) and others are not:"
                    + " define every element with INTEG, or give the others another name");
        }
        if (integs > 0) {
            return stock(defs, whole, dims, units, doc);
        }
        List<ElementDefinition> items = new ArrayList<>();
        for (MdlRecord.Definition d : defs) {
            List<ElementDefinition> got = items(d);
            if (got == null) {
                return null;
            }
            items.addAll(got);
        }
        Definition def;
        if (whole && items.size() == 1 && items.get(0).subscripts().equals(first.subscripts())) {
            ElementDefinition only = items.get(0);
            def = new Definition(only.equation(), only.graphicalFunction(), List.of());
        } else {
            def = Definition.perElement(items);
        }
        return new Aux(first.name(), def, dims, units, doc, first.line());
    }

    private Variable stock(List<MdlRecord.Definition> defs, boolean whole, List<String> dims, String units,
            String doc) {
        MdlRecord.Definition first = defs.get(0);
        List<ElementDefinition> initial = new ArrayList<>();
        List<ElementDefinition> rates = new ArrayList<>();
        for (MdlRecord.Definition d : defs) {
            String inner = d.rhs().substring(d.rhs().indexOf('(') + 1, d.rhs().length() - 1);
            List<String> args = Text.splitTopLevel(inner, ",");
            if (args.size() != 2 || args.get(0).isEmpty() || args.get(1).isEmpty()) {
                return error(d, "INTEG takes two arguments, the net rate and the initial value, but '"
                        + d.name() + "' gives " + args.size() + ": write INTEG(rate, initial value)");
            }
            List<List<String>> except = exceptTuples(d);
            rates.add(new ElementDefinition(d.subscripts(), new Equation(args.get(0), d.line()), null, except));
            initial.add(new ElementDefinition(d.subscripts(), new Equation(args.get(1), d.line()), null, except));
        }
        Definition init = whole ? Definition.of(initial.get(0).equation()) : Definition.perElement(initial);
        Definition rate = whole ? Definition.of(rates.get(0).equation()) : Definition.perElement(rates);
        return new Stock(first.name(), init, List.of(), List.of(), rate, false, dims, units, doc, first.line());
    }

    private static boolean isInteg(MdlRecord.Definition d) {
        if (d.rhs() == null || d.op() == MdlRecord.Op.LOOKUP || d.op() == MdlRecord.Op.NONE) {
            return false;
        }
        String r = d.rhs();
        int open = r.indexOf('(');
        return open > 0 && Text.functionKey(r.substring(0, open)).equals("INTEG")
                && Text.closing(r, open) == r.length() - 1;
    }

    /** The element definitions one record contributes; null after a diagnostic. */
    private List<ElementDefinition> items(MdlRecord.Definition d) {
        List<List<String>> except = exceptTuples(d);
        if (d.op() == MdlRecord.Op.NONE) {
            return fromDataFiles(d, except);
        }
        if (d.table() != null) {
            return List.of(new ElementDefinition(d.subscripts(), null, d.table(), except));
        }
        GetCalls.Call call;
        try {
            call = GetCalls.parse(d.rhs());
        } catch (DataException e) {
            ExternalData.report(diags, file, d.name().asWritten(), d.line(), e);
            return null;
        }
        if (call != null) {
            return fromFile(d, call);
        }
        if (d.op() == MdlRecord.Op.LOOKUP) {
            return error(d, "the lookup '" + d.name() + "' holds '" + d.rhs() + "', which is not a table:"
                    + " write points (x1,y1),(x2,y2) or a GET XLS LOOKUPS call");
        }
        List<String> parts = constantList(d.rhs());
        if (parts != null) {
            List<List<String>> tuples = tuples(d.subscripts(), null);
            if (tuples.size() != parts.size()) {
                return error(d, "'" + d.name() + "' lists " + parts.size() + " values but " + d.subscripts()
                        + " has " + tuples.size() + " elements: give one value per element (rows separated by ';')");
            }
            List<ElementDefinition> out = new ArrayList<>();
            for (int k = 0; k < tuples.size(); k++) {
                out.add(new ElementDefinition(tuples.get(k), new Equation(parts.get(k).replaceAll("\\s+", ""), d.line()),
                        null, except));
            }
            return out;
        }
        return List.of(new ElementDefinition(d.subscripts(), new Equation(timeBase(d.rhs()), d.line()), null, except));
    }

    /**
     * Vensim's {@code TIME BASE(start, slope)}, which must be the whole right-hand side, is
     * {@code start + Time * slope} (the call only marks the variable as a time base for Vensim's
     * displays); other text is returned as it is.
     */
    static String timeBase(String rhs) {
        int open = rhs.indexOf('(');
        if (open > 0 && Text.functionKey(rhs.substring(0, open)).equals("TIME BASE")
                && Text.closing(rhs, open) == rhs.length() - 1) {
            List<String> args = Text.splitTopLevel(rhs.substring(open + 1, rhs.length() - 1), ",");
            if (args.size() == 2) {
                return "(" + args.get(0).strip() + ") + Time * (" + args.get(1).strip() + ")";
            }
        }
        return rhs;
    }

    /** A data variable without equation takes its series from the data files given to the reader. */
    private List<ElementDefinition> fromDataFiles(MdlRecord.Definition d, List<List<String>> except) {
        List<List<String>> tuples = tuples(d.subscripts(), null);
        List<ElementDefinition> out = new ArrayList<>();
        for (List<String> t : tuples) {
            double[][] pts = dataFiles.series(d.name().asWritten(), t);
            if (pts == null) {
                String col = t.isEmpty() ? d.name().asWritten() : d.name() + "[" + String.join(",", t) + "]";
                return error(d, "the data variable '" + d.name() + "' has no equation and no data file has a column '"
                        + col + "': pass a data file with that column, or write '" + d.name()
                        + " := GET XLS DATA(...)'");
            }
            double[] xs = new double[pts.length];
            double[] ys = new double[pts.length];
            for (int i = 0; i < pts.length; i++) {
                xs[i] = pts[i][0];
                ys[i] = pts[i][1];
            }
            out.add(new ElementDefinition(t, new Equation("TIME", d.line()), series(xs, ys, d.dataMode()), except));
        }
        if (out.size() == 1) {
            ElementDefinition only = out.get(0);
            return List.of(new ElementDefinition(d.subscripts(), only.equation(), only.graphicalFunction(), except));
        }
        return out;
    }

    /** A data series read between points as the keyword says (INTERPOLATE when none is given). */
    private static GraphicalFunction series(double[] xs, double[] ys, MdlRecord.DataMode mode) {
        MdlRecord.DataMode m = mode == null ? MdlRecord.DataMode.INTERPOLATE : mode;
        GraphicalFunction gf = new GraphicalFunction(xs, ys, m == MdlRecord.DataMode.INTERPOLATE
                ? GraphicalFunction.Kind.CONTINUOUS : GraphicalFunction.Kind.DISCRETE);
        if (m == MdlRecord.DataMode.RAW) {
            return raw(gf);
        }
        return m == MdlRecord.DataMode.LOOK_FORWARD ? lookForward(gf) : gf;
    }

    /**
     * Vensim's RAW data has a value only at its data points and is :NA: everywhere else (before,
     * between and after them). As a step table: each point's value holds over a window too narrow
     * to reach the neighbouring points (so a time that rounding put a hair off a data point still
     * reads it), and NA holds from the end of that window to the next one.
     */
    static GraphicalFunction raw(GraphicalFunction gf) {
        double[] xs = gf.xs();
        double[] ys = gf.ys();
        int n = xs.length;
        double[] px = new double[3 * n];
        double[] py = new double[3 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double gap = Math.min(i > 0 ? xs[i] - xs[i - 1] : Double.POSITIVE_INFINITY,
                    i + 1 < n ? xs[i + 1] - xs[i] : Double.POSITIVE_INFINITY);
            double half = Math.min(1e-9 * Math.max(1, Math.abs(xs[i])), gap / 4);
            if (!(half > 0)) { // a repeated x: the later point wins, as in any table
                half = Math.ulp(xs[i]);
            }
            px[k] = xs[i] - 2 * half;
            py[k++] = ExprParser.VENSIM_NA;
            px[k] = xs[i] - half;
            py[k++] = ys[i];
            px[k] = xs[i] + half;
            py[k++] = ExprParser.VENSIM_NA;
        }
        return new GraphicalFunction(px, py, GraphicalFunction.Kind.DISCRETE);
    }

    /**
     * The numbers of a constant list ({@code 1, 2; 3, 4;}) or of {@code TABBED ARRAY(1 2 \n 3 4)},
     * row-major; null when the text is not one.
     */
    private static List<String> constantList(String rhs) {
        int open = rhs.indexOf('(');
        if (open > 0 && Text.functionKey(rhs.substring(0, open)).equals("TABBED ARRAY")
                && Text.closing(rhs, open) == rhs.length() - 1) {
            String inner = rhs.substring(open + 1, rhs.length() - 1).strip();
            List<String> nums = inner.isEmpty() ? List.of() : List.of(inner.split("[\\s,;]+"));
            return !nums.isEmpty() && nums.stream().allMatch(Text::isNumber) ? nums : null;
        }
        List<String> parts = new ArrayList<>(Text.splitTopLevel(rhs, ",;"));
        if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return parts.size() > 1 && parts.stream().allMatch(Text::isNumber) ? parts : null;
    }

    private List<ElementDefinition> fromFile(MdlRecord.Definition d, GetCalls.Call call) {
        // subscripts naming a range vary across the cells; element names stay fixed
        List<Integer> varying = new ArrayList<>();
        for (int pos = 0; pos < d.subscripts().size(); pos++) {
            if (subscripts.isDimension(d.subscripts().get(pos))) {
                varying.add(pos);
            }
        }
        int[] shape = new int[varying.size()];
        for (int k = 0; k < shape.length; k++) {
            shape[k] = subscripts.expand(d.subscripts().get(varying.get(k))).size();
        }
        List<List<String>> tuples = tuples(d.subscripts(), null);
        List<List<String>> except = exceptTuples(d);
        List<ElementDefinition> out = new ArrayList<>();
        try {
            switch (call.kind()) {
                case CONSTANTS -> {
                    double[] values = GetCalls.constants(call, data, shape);
                    for (int k = 0; k < values.length; k++) {
                        out.add(new ElementDefinition(tuples.get(k), new Equation(number(values[k]), d.line()), null,
                                except));
                    }
                }
                case LOOKUPS -> {
                    List<GraphicalFunction> gfs = GetCalls.series(call, data, tuples.size(),
                            GraphicalFunction.Kind.CONTINUOUS);
                    for (int k = 0; k < gfs.size(); k++) {
                        out.add(new ElementDefinition(tuples.get(k), null, gfs.get(k), except));
                    }
                }
                case DATA -> {
                    List<GraphicalFunction> gfs = GetCalls.series(call, data, tuples.size(),
                            GraphicalFunction.Kind.CONTINUOUS);
                    for (GraphicalFunction raw : gfs) {
                        out.add(new ElementDefinition(tuples.get(out.size()), new Equation("TIME", d.line()),
                                series(raw.xs(), raw.ys(), d.dataMode()), except));
                    }
                }
                case SUBSCRIPT -> {
                    return error(d, call.function() + " defines subscript range elements: use it as 'range: "
                            + call.function() + "(...)', not in the equation of '" + d.name() + "'");
                }
                default -> throw new IllegalStateException("unhandled " + call.kind());
            }
        } catch (DataException e) {
            ExternalData.report(diags, file, d.name().asWritten(), d.line(), e);
            return null;
        }
        if (tuples.size() == 1 && out.size() == 1) {
            // a single cell keeps the subscripts as written, so a scalar stays a plain definition
            ElementDefinition only = out.get(0);
            return List.of(new ElementDefinition(d.subscripts(), only.equation(), only.graphicalFunction(), except));
        }
        return out;
    }

    /**
     * Vensim's LOOK FORWARD data takes, between two points, the value of the later one. As a step
     * table that holds each value from just after the previous x on, it reads the same at every x.
     */
    static GraphicalFunction lookForward(GraphicalFunction gf) {
        double[] xs = gf.xs();
        double[] shifted = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            shifted[i] = i == 0 ? xs[0] : Math.max(Math.nextUp(xs[i - 1]), shifted[i - 1]);
        }
        return new GraphicalFunction(shifted, gf.ys(), GraphicalFunction.Kind.DISCRETE);
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).toUpperCase(Locale.ROOT);
    }

    /** All element tuples the subscripts stand for, last position fastest. */
    private List<List<String>> tuples(List<String> subs, List<String> prefix) {
        List<List<String>> out = new ArrayList<>();
        out.add(prefix == null ? List.of() : prefix);
        for (String s : subs) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> t : out) {
                for (String e : subscripts.expand(s)) {
                    List<String> u = new ArrayList<>(t);
                    u.add(e);
                    next.add(u);
                }
            }
            out = next;
        }
        return out;
    }

    private List<List<String>> exceptTuples(MdlRecord.Definition d) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> ex : d.except()) {
            out.addAll(tuples(ex, null));
        }
        return out;
    }

    private <T> T error(MdlRecord.Definition d, String message) {
        diags.error("VENSIM_DEFINITION", Where.of(file, d.name().asWritten(), d.line()), message);
        return null;
    }
}
