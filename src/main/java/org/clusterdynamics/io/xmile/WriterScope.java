package org.clusterdynamics.io.xmile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.expr.Expr;
import org.clusterdynamics.expr.ExprParser;
import org.clusterdynamics.expr.ParseException;
import org.clusterdynamics.expr.Subscript;
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
import org.clusterdynamics.model.ModuleInstance;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.Variable;


/**
 * The variables of one model or macro being written by {@link XmileWriter}: their names and
 * shapes for the converter, fresh names for added variables, and the plan of every stock.
 */
final class WriterScope implements EquationConverter.Scope {
    /** How a stock's rate is written: its inflows and outflows, and the added net flow if any. */
    private record StockPlan(List<VarName> inflows, List<VarName> outflows, VarName netFlow) {}

    private final XmileWriter.Run run;
    private final List<Variable> variables = new ArrayList<>();
    private final Map<String, Variable> byId = new LinkedHashMap<>();
    private final Map<String, List<Dimension>> shapes = new HashMap<>();
    private final Set<String> taken = new HashSet<>();
    final Map<String, VarName> renames = new HashMap<>();
    private final Map<String, StockPlan> plans = new HashMap<>();
    /** Auxiliaries that a stock drains or fills: stock ids by aux id, per direction. */
    private final Map<String, String> inflowOf = new HashMap<>();
    private final Map<String, String> outflowOf = new HashMap<>();
    private final Map<GraphicalFunction, VarName> tables = new LinkedHashMap<>();
    private final XmileExprPrinter printer;
    private final EquationConverter converter;
    private String owner = "";

    WriterScope(XmileWriter.Run run, List<Variable> vars, boolean dropControls, List<String> parameters) {
        this.run = run;
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
        taken.addAll(run.macroIds);
        taken.addAll(run.dims.keySet());
        printer = new XmileExprPrinter(id -> shapes.containsKey(id) || run.macroIds.contains(id)
                || renames.containsKey(id));
        converter = new EquationConverter(run.model.dialect() == Dialect.VENSIM, run.dims, run.nonStandard, run.keptBangs);
    }

    private boolean isControl(Variable v) {
        return v instanceof Aux a && XmileWriter.CONTROLS.contains(v.name().id()) && a.dimensions().isEmpty();
    }

    private List<Dimension> shape(Variable v) {
        List<Dimension> shape = new ArrayList<>();
        for (String d : v.dimensions()) {
            Dimension dim = run.dims.get(VarName.canonical(d));
            if (dim == null) {
                run.errors.error("XMILE_WRITE_DIMENSION", where(v), "the dimension '" + d + "' is not defined:"
                        + " define it or correct the name");
                return List.of();
            }
            shape.add(dim);
        }
        return shape;
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
                Expr e = ExprParser.parse(rate.equation().text(), run.model.dialect());
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
        run.out.start("variables");
        writeAll();
        run.out.end();
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
            run.out.start("gf", "name", t.getValue().asWritten(), "type", XmileWriter.Run.kind(t.getKey()));
            run.gfPoints(t.getKey());
            run.out.leaf("doc", "Added by cdyn convert: the inline table of a WITH LOOKUP.");
            run.out.end();
        }
    }

    /** Vensim's SAVEPER read by an equation: XMILE has no builtin for it, so a constant. */
    private void savePer() {
        shapes.put("saveper", List.of());
        run.out.start("aux", "name", "SAVEPER");
        run.out.leaf("eqn", XmileExprPrinter.number(run.model.specs().saveStep()));
        run.out.leaf("units", XmileWriter.blankToNull(run.model.specs().timeUnits()));
        run.out.leaf("doc", "Added by cdyn convert: Vensim's save interval, equal to <savestep>.");
        run.out.end();
    }

    private void variable(Variable v) {
        owner = v.name().asWritten();
        if (v instanceof Stock s) {
            stock(s);
        } else if (v instanceof Flow f) {
            Leak leak = f.leak();
            if (leak == null || leak.equals(Leak.EVERYWHERE)) {
                run.out.start("flow", "name", name(f));
            } else {
                run.out.start("flow", "name", name(f), "leak_start", XmileExprPrinter.number(leak.zoneStart()),
                        "leak_end", XmileExprPrinter.number(leak.zoneEnd()));
            }
            body(f, f.definition());
            if (f.nonNegative()) {
                run.out.empty("non_negative");
            }
            if (leak != null) {
                run.out.empty("leak"); // the equation above is the leak fraction
            }
            unitsAndDoc(f);
            run.out.end();
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
            run.out.start("gf", "name", name(a), "type", XmileWriter.Run.kind(def.graphicalFunction()));
            dimensionList(a);
            run.gfPoints(def.graphicalFunction());
            unitsAndDoc(a);
            run.out.end();
            return;
        }
        run.out.start(isFlow(a.name().id()) ? "flow" : "aux", "name", name(a));
        body(a, def);
        unitsAndDoc(a);
        run.out.end();
    }

    private void stock(Stock s) {
        StockPlan p = plans.get(s.name().id());
        run.out.start("stock", "name", name(s));
        body(s, s.initial());
        for (VarName in : p.inflows()) {
            run.out.leaf("inflow", XmileExprPrinter.name(in.asWritten()));
        }
        for (VarName o : p.outflows()) {
            run.out.leaf("outflow", XmileExprPrinter.name(o.asWritten()));
        }
        if (s.nonNegative()) {
            run.out.empty("non_negative");
        }
        Conveyor c = s.conveyor();
        if (c != null) {
            if (c.exponentialLeak()) {
                run.out.start("conveyor", "exponential_leak", "true");
            } else {
                run.out.start("conveyor");
            }
            run.out.leaf("len", expression(s, c.length()));
            run.out.leaf("capacity", c.capacity() == null ? null : expression(s, c.capacity()));
            run.out.leaf("in_limit", c.inflowLimit() == null ? null : expression(s, c.inflowLimit()));
            run.out.end();
        }
        unitsAndDoc(s);
        run.out.end();
        if (p.netFlow() != null) {
            run.out.start("flow", "name", p.netFlow().asWritten());
            body(s, s.netRate());
            run.out.leaf("units", flowUnits(s.units()));
            run.out.leaf("doc", "Added by cdyn convert: the net rate of stock " + name(s)
                    + " (Vensim INTEG), as its only inflow.");
            run.out.end();
        }
    }

    private String flowUnits(String stockUnits) {
        String t = run.model.specs().timeUnits();
        if (stockUnits.isBlank() || t == null || t.isBlank()) {
            return null;
        }
        String u = stockUnits.strip();
        return (u.matches("[\\p{L}\\p{N}_ $]+") ? u : "(" + u + ")") + "/" + t.strip();
    }

    private void module(ModuleInstance mi) {
        run.out.start("module", "name", mi.name().asWritten(), "model",
                VarName.canonical(mi.modelName()).equals(mi.name().id()) ? null : mi.modelName());
        for (ModuleInstance.Connection c : mi.connections()) {
            run.out.empty("connect", "to", c.to(), "from", c.from());
        }
        unitsAndDoc(mi);
        run.out.end();
    }

    private void dimensionList(Variable v) {
        if (v.dimensions().isEmpty()) {
            return;
        }
        run.out.start("dimensions");
        for (Dimension d : shapes.getOrDefault(v.name().id(), List.of())) {
            run.out.empty("dim", "name", d.name().asWritten());
        }
        run.out.end();
    }

    private void unitsAndDoc(Variable v) {
        run.out.leaf("units", XmileWriter.blankToNull(v.units()));
        run.out.leaf("doc", XmileWriter.blankToNull(v.documentation()));
    }

    /** Dimensions, then one equation for all elements or one {@code <element>} per element. */
    private void body(Variable v, Definition def) {
        dimensionList(v);
        if (def == null) {
            run.errors.error("XMILE_WRITE_EQUATION", where(v), "the variable has no equation: give it one");
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
                for (Cell c : run.cells.cells(shape, ed)) {
                    cellsByKey.put(c.key(), c);
                    defsByKey.put(c.key(), ed);
                }
            } catch (ElementCells.UnknownSubscript e) {
                run.errors.error("XMILE_WRITE_ELEMENT", where(v), e.getMessage());
            }
        }
        if (def.equation() != null) {
            // elements without their own definition share the variable's equation
            ElementDefinition all = new ElementDefinition(shape.stream().map(d -> d.name().asWritten()).toList(),
                    def.equation(), def.graphicalFunction());
            try {
                for (Cell c : run.cells.cells(shape, all)) {
                    if (cellsByKey.putIfAbsent(c.key(), c) == null) {
                        defsByKey.put(c.key(), all);
                    }
                }
            } catch (ElementCells.UnknownSubscript e) {
                run.errors.error("XMILE_WRITE_ELEMENT", where(v), e.getMessage());
            }
        }
        if (run.model.dialect() == Dialect.VENSIM && !tableOnly(def)) {
            undefinedElements(v, shape, cellsByKey, defsByKey);
        }
        for (Map.Entry<String, Cell> en : cellsByKey.entrySet()) {
            ElementDefinition ed = defsByKey.get(en.getKey());
            run.out.start("element", "subscript", String.join(", ", en.getValue().elements()));
            parts(v, ed.equation(), ed.graphicalFunction(), new Context(shape, en.getValue().bound()));
            run.out.end();
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
            for (Cell c : run.cells.cells(shape, zero)) {
                if (cellsByKey.putIfAbsent(c.key(), c) == null) {
                    defsByKey.put(c.key(), zero);
                    run.undefined.add(v.name().asWritten() + "[" + String.join(", ", c.elements()) + "]");
                }
            }
        } catch (ElementCells.UnknownSubscript e) {
            run.errors.error("XMILE_WRITE_ELEMENT", where(v), e.getMessage());
        }
    }

    /**
     * One equation with its graphical function: a whole-equation WITH LOOKUP is the
     * equation read through its table, ACTIVE INITIAL an equation with an initial one.
     */
    private void parts(Variable v, Equation eq, GraphicalFunction gf, Context ctx) {
        if (eq == null) {
            if (gf != null) {
                run.gf(gf);
            }
            return;
        }
        Expr e = parse(eq, v);
        if (e == null) {
            run.out.leaf("eqn", run.model.dialect() == Dialect.XMILE ? eq.text().strip() : null);
            if (gf != null) {
                run.gf(gf);
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
        run.out.leaf("eqn", print(e, v, eq, ctx));
        run.out.leaf("init_eqn", init);
        if (gf != null) {
            run.gf(gf);
        }
    }

    private boolean isCall(Expr e, String id) {
        return e instanceof Expr.Call c && c.function().equals(id) && c.args().size() == 2
                && !shapes.containsKey(id) && !run.macroIds.contains(id);
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
            return run.model.dialect() == Dialect.XMILE ? eq.text().strip() : null;
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
            return ExprParser.parse(eq.text(), run.model.dialect());
        } catch (ParseException pe) {
            Where w = Where.of(run.file, variable, line);
            String what = "cannot read the equation '" + eq.text().strip() + "': " + pe.getMessage();
            if (run.model.dialect() == Dialect.XMILE) {
                run.warnings.warning("XMILE_WRITE_EQUATION", w, what + "; it is written as it is");
            } else {
                run.errors.error("XMILE_WRITE_EQUATION", w, what + "; correct it before converting");
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
            run.errors.error("XMILE_WRITE_EQUATION", Where.of(run.file, variable, line), u.getMessage());
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
        return Where.of(run.file, v.name().asWritten(), v.line());
    }
}
