package org.clusterdynamics.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.expr.Expr;
import org.clusterdynamics.expr.ExprParser;
import org.clusterdynamics.expr.ParseException;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.Dialect;
import org.clusterdynamics.model.Dimension;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.Flow;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModuleInstance;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.Variable;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.RunStopped;
import org.clusterdynamics.sim.Simulator;

/**
 * A base model that scenarios are made from: checks each change against the model (so mistakes are
 * reported where they are made), compiles each distinct set of changed equations once, and turns
 * a scenario into a run. Safe to share between threads.
 */
public final class ScenarioModel {
    private final Model base;
    private final CompiledModel compiled;
    private final Map<String, VariableInfo> infos = new LinkedHashMap<>();
    private final Map<String, Variable> variables;
    private final Map<List<Change>, CompiledModel> variants = new ConcurrentHashMap<>();
    /** Multi-word names, longest first, for writing them with underscores in new equations. */
    private final List<String> spacedNames;

    /** Compiles the base model; throws {@link ModelException} when it has errors. */
    public ScenarioModel(Model base) {
        this.base = base;
        this.compiled = ModelCompiler.compile(base);
        this.variables = base.variablesById();
        for (Variable v : base.variables()) {
            infos.put(v.name().id(), info(v));
        }
        List<String> spaced = new ArrayList<>();
        for (Variable v : base.variables()) {
            if (v.name().asWritten().contains(" ")) {
                spaced.add(v.name().asWritten());
            }
        }
        spaced.sort((a, b) -> b.length() - a.length());
        this.spacedNames = List.copyOf(spaced);
    }

    public Model model() {
        return base;
    }

    public CompiledModel compiled() {
        return compiled;
    }

    /** The model file's name for messages. */
    public String file() {
        return base.sourceName();
    }

    /** Every variable in model order. */
    public List<VariableInfo> variables() {
        return List.copyOf(infos.values());
    }

    /** A variable by name as written or canonical (subscripts ignored). */
    public Optional<VariableInfo> variable(String name) {
        return Optional.ofNullable(infos.get(VarName.canonical(Target.parse(name).name())));
    }

    /** The model as it is, named "baseline". */
    public Scenario baseline() {
        return Scenario.of("baseline");
    }

    /**
     * The scenario with the change added, after checking it against the model; a changed equation
     * or table is compiled at once so that a mistake in it is reported now.
     */
    public Scenario apply(Scenario s, Change c) {
        check(c);
        if (c instanceof Change.SetValue v && v.target().contains("[")) {
            // element names as the model writes them, so that the run finds them
            c = new Change.SetValue(resolveTarget(v.target()), v.value());
        }
        if (c instanceof Change.SetTable t && t.input() == null) {
            // on a lookup the points replace its points; say so in the scenario's description
            Lookup l = lookupOf(Variable.definitionOf(require(Target.parse(t.target()))));
            if (l != null) {
                c = t.forLookup(l.input() == null ? "" : l.input().text().strip());
            }
        }
        Scenario out = s.with(c);
        if (c.structural()) {
            variant(out);
        }
        return out;
    }

    /** The scenario with its time settings changed, after checking them against the model's. */
    public Scenario withTime(Scenario s, TimeSettings t) {
        Scenario out = s.withTime(t);
        TimeSettings eff = out.time();
        double start = Double.isNaN(eff.start()) ? base.specs().start() : eff.start();
        double stop = Double.isNaN(eff.stop()) ? base.specs().stop() : eff.stop();
        if (stop < start) {
            throw error("S010", null, "scenario '" + s.name() + "': the run would stop at " + Change.number(stop)
                    + " before it starts at " + Change.number(start) + "; give both start and stop");
        }
        return out;
    }

    /**
     * The scenario with a variable set to a value from a time on ("CFC Active is 1 from 1975"); before
     * that time the variable keeps its equation (or the value or equation the scenario gave it).
     */
    public Scenario stepChange(Scenario s, String target, double time, double value) {
        Target t = Target.parse(target);
        Variable v = require(t);
        if (!t.subscripts().isEmpty()) {
            throw error("S006", v, "'" + target + "': a change from a time on cannot target one array element yet;"
                    + " change the whole variable, or give the model a separate constant for that element");
        }
        refuseStock(v, "set from a time on");
        String before;
        Change prior = s.changeOf(target);
        if (prior instanceof Change.SetValue sv) {
            before = Change.number(sv.value());
        } else if (prior instanceof Change.Switch sw) {
            before = Change.number(sw.value());
        } else if (prior instanceof Change.SetEquation se) {
            before = se.equation();
        } else if (prior instanceof Change.SetTable) {
            throw error("S007", v, "'" + v.name() + "' already follows a table in scenario '" + s.name()
                    + "'; put the change at " + Change.number(time) + " into that table instead");
        } else {
            Definition d = Variable.definitionOf(v);
            if (d == null || d.equation() == null || lookupOf(d) != null || d.isPerElement()) {
                throw error("S007", v, "'" + v.name() + "' has no single equation to keep before "
                        + Change.number(time) + " (it is a table or has per-element equations); give it a"
                        + " table of values over time instead");
            }
            before = d.equation().text();
        }
        String eq = base.dialect() == Dialect.VENSIM
                ? "IF THEN ELSE(Time >= " + Change.number(time) + ", " + Change.number(value) + ", " + before + ")"
                : "IF TIME >= " + Change.number(time) + " THEN " + Change.number(value) + " ELSE (" + before + ")";
        String note = v.name().asWritten() + " = " + Change.number(value) + " from " + Change.number(time);
        return apply(s, new Change.SetEquation(v.name().asWritten(), eq, note));
    }

    /** Checks that a change fits the model: the variable exists and can be changed that way. */
    public void check(Change c) {
        Target t = Target.parse(c.target());
        Variable v = require(t);
        if (v instanceof ModuleInstance) {
            throw error("S002", v, "'" + v.name() + "' is a module; change one of the variables inside it"
                    + " instead");
        }
        checkSubscripts(t, v);
        VariableInfo info = infos.get(v.name().id());
        if (info.kind().equals("table") && !(c instanceof Change.SetTable)) {
            throw error("S002", v, "'" + v.name() + "' is a lookup table that other equations call like a function;"
                    + " it has no value or equation to change. Give it new points with scenario.table('" + v.name()
                    + "', [[x, y], ...]), or change the variable that calls it");
        }
        Definition def = Variable.definitionOf(v);
        if (c instanceof Change.SetTable && def != null && def.isPerElement()
                && def.elements().stream().anyMatch(e -> e.graphicalFunction() != null)) {
            throw error("S006", v, "'" + v.name() + "' has a lookup per array element; a scenario cannot replace"
                    + " their points yet. Give the model a separate lookup for the element you want to change");
        }
        if (c instanceof Change.Switch) {
            if (!info.isConstant()) {
                throw error("S004", v, "'" + v.name() + "' is not a constant (its equation is '" + info.equation()
                        + "'), so it cannot be switched on or off; switch a 0/1 constant that the model multiplies"
                        + " the mechanism by, e.g. one of: " + String.join(", ", switchLike()));
            }
        }
        if (c.structural()) {
            if (!t.subscripts().isEmpty()) {
                throw error("S006", v, "'" + c.target() + "': a new equation or table cannot target one array element"
                        + " yet; change the whole variable '" + v.name() + "' instead");
            }
            refuseStock(v, c instanceof Change.SetTable ? "given a table over time" : "given a new equation");
        }
    }

    /** Names of constants that look like mechanism switches (0 or 1), for hints. */
    public List<String> switchLike() {
        List<String> out = new ArrayList<>();
        for (VariableInfo i : infos.values()) {
            if (i.isConstant() && (i.value() == 0 || i.value() == 1)
                    && i.name().toLowerCase(Locale.ROOT).contains("switch")) {
                out.add(i.name());
            }
        }
        if (out.isEmpty()) {
            for (VariableInfo i : infos.values()) {
                if (i.isConstant() && (i.value() == 0 || i.value() == 1) && out.size() < 8) {
                    out.add(i.name());
                }
            }
        }
        return out;
    }

    /** The compiled model and run options of a scenario. */
    public PreparedRun prepare(Scenario s) {
        CompiledModel cm = variant(s);
        RunOptions o = RunOptions.defaults().withSeed(s.seed());
        TimeSettings t = s.time();
        if (!Double.isNaN(t.start())) {
            o = o.withStart(t.start());
        }
        if (!Double.isNaN(t.stop())) {
            o = o.withStop(t.stop());
        }
        if (!Double.isNaN(t.dt())) {
            o = o.withDt(t.dt());
        }
        if (!Double.isNaN(t.saveStep())) {
            o = o.withSaveStep(t.saveStep());
        }
        if (t.method() != null) {
            o = o.withMethod(t.method());
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Change c : s.changes()) {
            if (c instanceof Change.SetValue v) {
                values.put(v.target(), v.value());
            } else if (c instanceof Change.Switch w) {
                values.put(w.target(), w.value());
            }
        }
        return new PreparedRun(s, cm, o.withConstants(values));
    }

    /** Runs a scenario and keeps every saved variable. */
    public Results run(Scenario s) {
        return run(s, new CancelToken());
    }

    /** Runs a scenario, giving up with {@link CancelToken.Cancelled} once the token is cancelled. */
    public Results run(Scenario s, CancelToken cancel) {
        PreparedRun p = prepare(s);
        cancel.check();
        try {
            return new Simulator(p.compiled()).stopWhen(cancel::isCancelled).run(p.options());
        } catch (RunStopped e) {
            cancel.check();
            throw e;
        }
    }

    /** Runs scenarios in parallel and keeps all their results, in the order given. */
    public List<Results> runAll(List<Scenario> scenarios, BatchRunner runner) {
        List<PreparedRun> runs = scenarios.stream().map(this::prepare).toList();
        Results[] out = new Results[runs.size()];
        runner.run("scenarios", runs.size(), runs::get, (i, sim, run) -> sim.run(run.options()), (i, r) -> out[i] = r,
                i -> "scenario '" + scenarios.get(i).name() + "'");
        return List.of(out);
    }

    // ------------------------------------------------------------------ variants

    private CompiledModel variant(Scenario s) {
        List<Change> structural = s.changes().stream().filter(Change::structural).toList();
        if (structural.isEmpty()) {
            return compiled;
        }
        CompiledModel cm = variants.get(structural);
        if (cm != null) {
            return cm;
        }
        cm = compileVariant(s.name(), structural);
        CompiledModel prior = variants.putIfAbsent(structural, cm);
        return prior != null ? prior : cm;
    }

    private CompiledModel compileVariant(String scenario, List<Change> structural) {
        Map<String, Change> byId = new LinkedHashMap<>();
        for (Change c : structural) {
            byId.put(VarName.canonical(c.target()), c);
        }
        List<Variable> vs = new ArrayList<>();
        for (Variable v : base.variables()) {
            Change c = byId.get(v.name().id());
            vs.add(c == null ? v : replaced(v, definitionOf(c, Variable.definitionOf(v))));
        }
        try {
            return ModelCompiler.compile(base.withVariables(vs));
        } catch (ModelException e) {
            Diagnostics ds = new Diagnostics();
            for (Diagnostic d : e.diagnostics().errors()) {
                String var = d.where().variable();
                Change c = var == null ? null : byId.get(VarName.canonical(var));
                String text = c instanceof Change.SetEquation se ? "the new equation of '" + var + "' ('" + se.equation()
                        + "')" : c != null ? "the table given to '" + var + "'" : null;
                String msg = "scenario '" + scenario + "': " + (text != null ? text + " does not work: "
                        : "after the scenario's changes, ") + d.message()
                        + (text != null && c instanceof Change.SetEquation ? ". Write equations in the model's "
                        + (base.dialect() == Dialect.VENSIM ? "Vensim" : "XMILE") + " syntax with the variables' names"
                        + " as in the model" : "");
                ds.add(Diagnostic.error(d.code(), new Where(file(), var, lineOf(var), Double.NaN), msg));
            }
            throw new ModelException(ds);
        }
    }

    /**
     * The new definition a change gives a variable. A variable with a graphical function keeps it:
     * a new equation becomes the lookup's new input, new points replace its points (it keeps its
     * input and, unless the points are steps, how it reads between and beyond them).
     */
    private Definition definitionOf(Change c, Definition old) {
        Lookup lookup = lookupOf(old);
        GraphicalFunction oldGf = lookup == null ? null : lookup.table();
        if (c instanceof Change.SetTable t) {
            GraphicalFunction.Kind kind = t.steps() ? GraphicalFunction.Kind.DISCRETE
                    : oldGf != null ? oldGf.kind() : GraphicalFunction.Kind.CONTINUOUS;
            GraphicalFunction gf = new GraphicalFunction(t.times(), t.values(), kind);
            if (oldGf != null) {
                return Definition.of(lookup.input(), gf);
            }
            return Definition.of(Equation.of(base.dialect() == Dialect.VENSIM ? "Time" : "TIME"), gf);
        }
        return Definition.of(Equation.of(withUnderscores(((Change.SetEquation) c).equation())), oldGf);
    }

    private Lookup lookupOf(Definition d) {
        return Lookup.of(d, base.dialect());
    }

    /**
     * In XMILE equations names with spaces need underscores; people write them as shown in the
     * model, so known multi-word names outside quotes get their underscores here.
     */
    String withUnderscores(String eq) {
        if (base.dialect() == Dialect.VENSIM || spacedNames.isEmpty()) {
            return eq;
        }
        StringBuilder out = new StringBuilder();
        String[] parts = eq.split("\"", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i % 2 == 0) {
                for (String n : spacedNames) {
                    String re = "(?<![\\p{L}\\p{N}_])" + Pattern.quote(n).replace(" ", "\\E[ _]+\\Q") + "(?![\\p{L}\\p{N}_])";
                    p = Pattern.compile(re, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(p)
                            .replaceAll(Matcher.quoteReplacement(n.replace(' ', '_')));
                }
            }
            out.append(i == 0 ? "" : "\"").append(p);
        }
        return out.toString();
    }

    private static Variable replaced(Variable v, Definition d) {
        if (v instanceof Aux a) {
            return new Aux(a.name(), d, a.dimensions(), a.units(), a.documentation(), a.line());
        }
        Flow f = (Flow) v;
        return new Flow(f.name(), d, f.nonNegative(), f.dimensions(), f.units(), f.documentation(), f.line(), f.leak());
    }

    // ------------------------------------------------------------------ checks

    /** A change target split into the variable name and its subscripts. */
    record Target(String name, List<String> subscripts) {
        static Target parse(String text) {
            String s = text.strip();
            int open = s.indexOf('[');
            if (open < 0) {
                return new Target(s, List.of());
            }
            if (!s.endsWith("]")) {
                throw new IllegalArgumentException("'" + text + "' opens a subscript with '[' but does not close it;"
                        + " write name[element] or name[element1, element2]");
            }
            List<String> subs = new ArrayList<>();
            for (String p : s.substring(open + 1, s.length() - 1).split(",")) {
                subs.add(p.strip());
            }
            return new Target(s.substring(0, open).strip(), subs);
        }
    }

    private Variable require(Target t) {
        Variable v = variables.get(VarName.canonical(t.name()));
        if (v == null) {
            List<String> names = new ArrayList<>();
            for (VariableInfo i : infos.values()) {
                names.add(i.name());
            }
            throw new ModelException(Diagnostic.error("S001", new Where(file(), Names.shown(t.name()), 0, Double.NaN),
                    "the model has no variable '" + Names.shown(t.name()) + "'."
                            + Names.hint(t.name(), names)
                            + " List the model's variables with model.variables() to see their names"));
        }
        return v;
    }

    /**
     * The target as the model writes it: "Cluster Firms[Mian Channun]" becomes
     * "Cluster Firms[MianChannun]". Element names match as variable names do (case, spaces and
     * underscores aside), and also with spaces left out or added; an unknown element is reported
     * with the closest ones.
     */
    public String resolveTarget(String target) {
        Target t = Target.parse(target);
        Variable v = require(t);
        List<String> elements = checkSubscripts(t, v);
        return elements.isEmpty() ? v.name().asWritten() : v.name().asWritten() + "[" + String.join(", ", elements) + "]";
    }

    /** The key under which element names match loosely: without case, spaces or underscores. */
    private static String looseKey(String name) {
        return VarName.canonical(name).replace("_", "");
    }

    /** The elements named by the target's subscripts, as the model writes them; none without subscripts. */
    private List<String> checkSubscripts(Target t, Variable v) {
        if (t.subscripts().isEmpty()) {
            return List.of();
        }
        List<String> dims = v.dimensions();
        if (dims.isEmpty()) {
            throw error("S003", v, "'" + v.name() + "' is not an array, so it takes no subscript; write just '"
                    + v.name() + "'");
        }
        if (dims.size() != t.subscripts().size()) {
            throw error("S003", v, "'" + v.name() + "' has " + dims.size() + " dimension(s) (" + String.join(", ", dims)
                    + ") but " + t.subscripts().size() + " subscript(s) were given");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            String given = t.subscripts().get(i);
            Optional<Dimension> d = base.dimension(dims.get(i));
            if (d.isEmpty()) {
                out.add(given); // the compiler reports unknown dimensions
                continue;
            }
            List<String> elements = d.get().elements();
            String wanted = VarName.canonical(given);
            Optional<String> exact = elements.stream().filter(e -> VarName.canonical(e).equals(wanted)).findFirst();
            List<String> loose = elements.stream().filter(e -> looseKey(e).equals(looseKey(given))).toList();
            if (exact.isPresent()) {
                out.add(exact.get());
            } else if (loose.size() == 1) {
                out.add(loose.get(0));
            } else {
                throw error("S003", v, "'" + given + "' is not an element of dimension '" + dims.get(i) + "' of '"
                        + v.name() + "'." + Names.hint(given, elements) + " Its elements are "
                        + String.join(", ", elements.size() > 20 ? elements.subList(0, 20) : elements)
                        + (elements.size() > 20 ? ", ..." : ""));
            }
        }
        return out;
    }

    private void refuseStock(Variable v, String verb) {
        if (v instanceof Stock) {
            throw error("S002", v, "'" + v.name() + "' is a stock, whose equation is the sum of its flows, so it cannot be "
                    + verb + ". Change one of its flows instead, or set its initial value with set()");
        }
    }

    private ModelException error(String code, Variable v, String message) {
        return new ModelException(Diagnostic.error(code, new Where(file(), v == null ? null : v.name().asWritten(),
                v == null ? 0 : v.line(), Double.NaN), message));
    }

    private int lineOf(String var) {
        if (var == null) {
            return 0;
        }
        Variable v = variables.get(VarName.canonical(var));
        return v == null ? 0 : v.line();
    }

    // ------------------------------------------------------------------ info

    private VariableInfo info(Variable v) {
        Definition d = Variable.definitionOf(v);
        String kind;
        String eq = "";
        double value = Double.NaN;
        if (v instanceof Stock) {
            kind = "stock";
        } else if (v instanceof Flow) {
            kind = "flow";
        } else if (v instanceof ModuleInstance) {
            kind = "module";
        } else if (d != null && d.equation() == null && d.graphicalFunction() != null) {
            kind = "table";
        } else if (lookupOf(d) != null) {
            kind = "lookup";
        } else {
            kind = "aux";
        }
        Lookup lookup = lookupOf(d);
        if (lookup != null && lookup.input() != null) {
            eq = lookup.input().text().strip();
        } else if (d != null && d.equation() != null) {
            eq = d.equation().text().strip();
        } else if (d != null && d.isPerElement()) {
            eq = "(one equation per element)";
        }
        if (kind.equals("aux") && d != null && d.graphicalFunction() == null) {
            if (d.isPerElement()) {
                boolean all = d.elements().stream().allMatch(e -> e.graphicalFunction() == null
                        && !Double.isNaN(number(e.equation().text())));
                if (all) {
                    kind = "constant";
                }
            } else if (d.equation() != null) {
                value = number(eq);
                if (!Double.isNaN(value)) {
                    kind = "constant";
                }
            }
        }
        double[][] points = null;
        if (lookup != null) {
            GraphicalFunction gf = lookup.table();
            points = new double[gf.xs().length][];
            for (int i = 0; i < points.length; i++) {
                points[i] = new double[] {gf.xs()[i], gf.ys()[i]};
            }
        }
        return new VariableInfo(v.name().asWritten(), kind, v.units(), v.documentation(), v.dimensions(), eq,
                v.dimensions().isEmpty() ? value : Double.NaN, v.line(), points);
    }

    /** The value of an equation that is just a number (possibly signed), NaN otherwise. */
    private double number(String text) {
        try {
            Expr e = ExprParser.parse(text, base.dialect());
            if (e instanceof Expr.Num n) {
                return n.value();
            }
            if (e instanceof Expr.Unary u && u.operand() instanceof Expr.Num n) {
                return u.op() == Expr.UnaryOp.NEG ? -n.value() : u.op() == Expr.UnaryOp.PLUS ? n.value() : Double.NaN;
            }
        } catch (ParseException | RuntimeException e) {
            // not a number; the compiler has already accepted the model, so this is only a classification
        }
        return Double.NaN;
    }

    /** Unmodifiable view used by tests. */
    Map<List<Change>, CompiledModel> variantCache() {
        return Collections.unmodifiableMap(variants);
    }
}
