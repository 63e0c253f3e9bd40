package org.clusterdynamics.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.compile.LExpr.MathFn;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.expr.Builtin;
import org.clusterdynamics.expr.Expr;
import org.clusterdynamics.expr.ExprParser;
import org.clusterdynamics.expr.ParseException;
import org.clusterdynamics.expr.Subscript;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.Dialect;
import org.clusterdynamics.model.Dimension;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.Flow;
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
 * Turns a {@link Model} into a {@link CompiledModel}: parses every equation, expands arrays to
 * scalar slots, resolves names, desugars stateful builtins into stocks and discrete state, and
 * sorts the equations. Every problem found is a diagnostic; any error stops compilation.
 */
public final class ModelCompiler {

    /** Names of Vensim's control variables, which become run settings. */
    private static final Map<String, LExpr.Param.Which> CONTROL = Map.of(
            "initial_time", LExpr.Param.Which.START,
            "final_time", LExpr.Param.Which.STOP,
            "time_step", LExpr.Param.Which.DT,
            "saveper", LExpr.Param.Which.SAVE_STEP);

    private final Model model;
    private final String file;
    private final Diagnostics diags = new Diagnostics();
    private final Map<String, DimInfo> dims = new LinkedHashMap<>();
    private final Map<String, VarInfo> vars = new LinkedHashMap<>();
    private final List<SlotDef> slots = new ArrayList<>();
    private final Map<Equation, Expr> parsed = new IdentityHashMap<>();
    private final java.util.Set<Equation> unreadable = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<CompiledModel.Assignment> stepUpdates = new ArrayList<>();
    private final List<CompiledModel.FixedDelay> delays = new ArrayList<>();
    private final List<CompiledModel.NonNegativeStock> nonNegative = new ArrayList<>();
    private final List<CompiledModel.Conveyor> conveyors = new ArrayList<>();
    /** The flows a conveyor computes (its outflow and leakages), each with its conveyor's stock. */
    private final Map<VarInfo, VarInfo> conveyorFlows = new IdentityHashMap<>();
    private final Map<String, Macro> macros = new HashMap<>();
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private int randomStreams;
    private int macroInstances;
    private final ArrayBuiltins<Scope> arrayBuiltins = new ArrayBuiltins<>(new ArrayHost());
    private final Map<String, Integer> dynamicControls = new LinkedHashMap<>();

    private ModelCompiler(Model model) {
        this.model = model;
        this.file = model.sourceName();
    }

    /** Compiles the model or throws a {@link ModelException} listing every error found. */
    public static CompiledModel compile(Model model) {
        return new ModelCompiler(model).run();
    }

    /** Compiles and returns the diagnostics (warnings included) without throwing. */
    public static Diagnostics diagnose(Model model) {
        ModelCompiler c = new ModelCompiler(model);
        try {
            c.run();
        } catch (ModelException e) {
            // diagnostics are in c.diags
        }
        return c.diags;
    }

    // ---------------------------------------------------------------- structures

    /** A dimension with canonical element ids. */
    private record DimInfo(String id, String written, List<String> ids, List<String> written_, List<String> mapsTo) {
        int indexOf(String elementId) {
            return ids.indexOf(elementId);
        }
    }

    /** A variable of the (flattened) model: its slots and definitions. */
    private final class VarInfo {
        final Variable var;
        final String ns;
        final String qualifiedWritten;
        final List<DimInfo> dimList;
        int base = -1;
        int count;
        VarInfo alias; // module inputs point at the outer variable
        boolean lowered;
        List<GraphicalFunction> tables; // per element; null when none

        VarInfo(Variable var, String ns, List<DimInfo> dimList) {
            this.var = var;
            this.ns = ns;
            this.qualifiedWritten = ns.isEmpty() ? var.name().asWritten() : ns + var.name().asWritten();
            this.dimList = dimList;
            long n = 1;
            for (DimInfo d : dimList) {
                n = Math.min(n * d.ids().size(), Integer.MAX_VALUE); // sizes are capped, so no overflow
            }
            this.count = (int) n;
        }

        VarInfo target() {
            return alias == null ? this : alias.target();
        }

        boolean isTableOnly() {
            Definition def = definition(var);
            if (var instanceof Stock || def == null) {
                return false;
            }
            if (def.isPerElement()) {
                return def.elements().stream().allMatch(e -> e.equation() == null && e.graphicalFunction() != null);
            }
            return def.equation() == null && def.graphicalFunction() != null;
        }

        int[] tuple(int offset) {
            int[] t = new int[dimList.size()];
            for (int k = dimList.size() - 1; k >= 0; k--) {
                int n = dimList.get(k).ids().size();
                t[k] = offset % n;
                offset /= n;
            }
            return t;
        }

        int offset(int[] tuple) {
            int o = 0;
            for (int k = 0; k < dimList.size(); k++) {
                o = o * dimList.get(k).ids().size() + tuple[k];
            }
            return o;
        }

        String elementName(int offset) {
            if (dimList.isEmpty()) {
                return qualifiedWritten;
            }
            int[] t = tuple(offset);
            StringBuilder sb = new StringBuilder(qualifiedWritten).append('[');
            for (int k = 0; k < t.length; k++) {
                if (k > 0) {
                    sb.append(',');
                }
                sb.append(dimList.get(k).written_().get(t[k]));
            }
            return sb.append(']').toString();
        }
    }

    /** A slot being built. */
    private static final class SlotDef {
        final String name;
        SlotKind kind;
        final String units;
        final VarInfo owner;
        final int line;
        LExpr init;
        LExpr dyn;
        LExpr rate;
        /** Set by the time loop rather than by an equation (a conveyor's level and flows): it changes. */
        boolean external;
        /** Cut by the time loop after it is computed (a conveyor's inflow): recomputed at every evaluation. */
        boolean clipped;

        SlotDef(String name, SlotKind kind, String units, VarInfo owner, int line) {
            this.name = name;
            this.kind = kind;
            this.units = units;
            this.owner = owner;
            this.line = line;
        }
    }

    /** Where an equation is being lowered: owner, element bindings, namespace. */
    private record Scope(VarInfo owner, Map<String, String> binding, String ns, int line, List<LExpr> macroArgs,
            Map<String, Integer> macroParams) {
        Scope bind(String dimId, String elementId) {
            Map<String, String> b = new HashMap<>(binding);
            b.put(dimId, elementId);
            return new Scope(owner, b, ns, line, macroArgs, macroParams);
        }
    }

    /** The most values (array elements included) one model may hold: about a gigabyte of slots. */
    static final int MAX_VALUES = 5_000_000;

    /** Raised to abandon one equation after its diagnostic has been recorded. */
    private static final class Abandon extends RuntimeException {
        Abandon() {
            super(null, null, false, false);
        }
    }

    // ---------------------------------------------------------------- driver

    private CompiledModel run() {
        for (Macro m : model.macros()) {
            macros.put(m.name().id(), m);
        }
        for (Dimension d : model.dimensions()) {
            addDimension(d);
        }
        for (Model sub : model.subModels().values()) {
            for (Dimension d : sub.dimensions()) {
                if (!dims.containsKey(d.name().id())) {
                    addDimension(d);
                }
            }
        }
        declare(model, "");
        diags.throwIfErrors();
        planConveyors();
        diags.throwIfErrors();
        for (VarInfo v : new ArrayList<>(vars.values())) {
            if (v.alias == null && v.base >= 0 && !v.ns.contains("#")) {
                lowerOnce(v);
            }
        }
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
        diags.throwIfErrors();
        SimSpecs specs = resolveSpecs();
        diags.throwIfErrors();
        CompiledModel.RunControls controls = runControls();
        List<CompiledModel.Assignment> init = initOrder();
        diags.throwIfErrors(); // a loop found here would be reported again by the dynamic sort
        List<CompiledModel.Assignment> dynamic = dynamicOrder();
        diags.throwIfErrors();
        List<CompiledModel.StockRate> rates = new ArrayList<>();
        String[] names = new String[slots.size()];
        SlotKind[] kinds = new SlotKind[slots.size()];
        String[] units = new String[slots.size()];
        for (int i = 0; i < slots.size(); i++) {
            SlotDef s = slots.get(i);
            names[i] = s.name;
            kinds[i] = s.kind;
            units[i] = s.units;
            if (s.rate != null) {
                rates.add(new CompiledModel.StockRate(i, s.rate));
            }
        }
        boolean discrete = !stepUpdates.isEmpty() || !delays.isEmpty() || randomStreams > 0 || !conveyors.isEmpty();
        return new CompiledModel(file, specs, names, kinds, units, init, dynamic, rates, List.copyOf(stepUpdates),
                List.copyOf(delays), List.copyOf(nonNegative), randomStreams, discrete, controls, false,
                List.copyOf(conveyors));
    }

    private void addDimension(Dimension d) {
        List<String> ids = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (String e : d.elements()) {
            ids.add(VarName.canonical(e));
            written.add(VarName.cleanWritten(e));
        }
        List<String> maps = d.mapsTo().stream().map(VarName::canonical).toList();
        dims.put(d.name().id(), new DimInfo(d.name().id(), d.name().asWritten(), ids, written, maps));
    }

    /** Allocates slots for every variable of a model (and, recursively, its modules). */
    private void declare(Model m, String ns) {
        for (Variable v : m.variables()) {
            List<DimInfo> dl = new ArrayList<>();
            for (String dn : v.dimensions()) {
                DimInfo d = dims.get(VarName.canonical(dn));
                if (d == null) {
                    diags.error("E006", where(v, ns), "the dimension '" + dn + "' of '" + v.name().asWritten()
                            + "' is not defined: define it among the model's dimensions or correct the name");
                    continue;
                }
                dl.add(d);
            }
            String key = ns + v.name().id();
            if (vars.containsKey(key)) {
                diags.error("E008", where(v, ns), "'" + v.name().asWritten() + "' is defined twice: rename or remove one");
                continue;
            }
            VarInfo info = new VarInfo(v, ns, dl);
            vars.put(key, info);
            if (v instanceof ModuleInstance mi) {
                Model sub = model.subModels().get(VarName.canonical(mi.modelName()));
                if (sub == null) {
                    diags.error("E009", where(v, ns), "module '" + mi.name().asWritten() + "' uses the model '"
                            + mi.modelName() + "', which the file does not define");
                    continue;
                }
                declare(sub, key + ".");
                continue;
            }
            if (info.isTableOnly()) {
                info.tables = tablesOf(info);
                continue;
            }
            if ((long) slots.size() + info.count > MAX_VALUES) {
                diags.error("E014", where(v, ns), "'" + info.qualifiedWritten + "' has " + info.count + " elements, which"
                        + " takes the model past the " + MAX_VALUES + " values the engine holds: check the sizes of"
                        + " its dimensions");
                diags.throwIfErrors();
            }
            info.base = slots.size();
            SlotKind kind = v instanceof Stock ? SlotKind.STOCK : v instanceof Flow ? SlotKind.FLOW : SlotKind.AUX;
            for (int k = 0; k < info.count; k++) {
                slots.add(new SlotDef(info.elementName(k), kind, v.units(), info, v.line()));
            }
        }
        // module connections: an input inside the module becomes an alias of the outer variable
        for (Variable v : m.variables()) {
            if (v instanceof ModuleInstance mi) {
                String modKey = ns + mi.name().id();
                for (ModuleInstance.Connection c : mi.connections()) {
                    String to = VarName.canonical(c.to());
                    String from = VarName.canonical(c.from());
                    String inner = to.startsWith(mi.name().id() + ".") ? ns + to : modKey + "." + to;
                    VarInfo innerVar = vars.get(inner);
                    VarInfo outerVar = vars.get(ns + from);
                    if (innerVar == null || outerVar == null) {
                        diags.error("E009", where(v, ns), "module connection " + c.from() + " -> " + c.to()
                                + " names a variable that does not exist");
                        continue;
                    }
                    innerVar.alias = outerVar;
                }
            }
        }
    }

    private List<GraphicalFunction> tablesOf(VarInfo info) {
        Definition def = definition(info.var);
        List<GraphicalFunction> out = new ArrayList<>();
        for (int k = 0; k < info.count; k++) {
            out.add(null);
        }
        if (!def.isPerElement()) {
            for (int k = 0; k < info.count; k++) {
                out.set(k, def.graphicalFunction());
            }
            return out;
        }
        for (ElementDefinition ed : def.elements()) {
            for (Map<String, String> b : expandSubscripts(info, ed)) {
                out.set(offsetFor(info, b), ed.graphicalFunction());
            }
        }
        return out;
    }

    private static Definition definition(Variable v) {
        if (v instanceof Stock s) {
            return s.initial();
        } else if (v instanceof Flow f) {
            return f.definition();
        } else if (v instanceof Aux a) {
            return a.definition();
        }
        return null;
    }

    private Where where(Variable v, String ns) {
        return Where.of(file, ns + v.name().asWritten(), v.line());
    }

    private Where where(Scope s) {
        return Where.of(file, s.owner == null ? null : s.owner.qualifiedWritten, s.line);
    }

    // ---------------------------------------------------------------- lowering variables

    /** Lowers a variable unless done already; constants needed at compile time are lowered early. */
    private void lowerOnce(VarInfo v) {
        if (v.lowered) {
            return;
        }
        v.lowered = true;
        lowerVariable(v);
    }

    private void lowerVariable(VarInfo v) {
        Variable var = v.var;
        if (var instanceof Stock stock && stock.conveyor() != null) {
            lowerConveyor(v, stock);
            return;
        }
        if (conveyorFlows.containsKey(v)) {
            // the conveyor sets this flow at every step; its equation (a leak fraction) is lowered with the conveyor
            SlotDef s = slots.get(v.base);
            s.init = new LExpr.Const(0);
            s.external = true;
            return;
        }
        if (var instanceof Stock stock) {
            forEachElement(v, stock.initial(), (off, scope, eq, gf) -> {
                SlotDef s = slots.get(v.base + off);
                s.init = withTable(lowerEquation(eq, scope), gf);
            });
            if (stock.netRate() != null) {
                forEachElement(v, stock.netRate(), (off, scope, eq, gf) -> slots.get(v.base + off).rate =
                        lowerEquation(eq, scope));
            } else {
                for (int k = 0; k < v.count; k++) {
                    slots.get(v.base + k).rate = flowSum(v, k, stock);
                }
            }
            for (int k = 0; k < v.count; k++) {
                if (slots.get(v.base + k).rate == null) {
                    slots.get(v.base + k).rate = new LExpr.Const(0);
                }
            }
            return;
        }
        Definition def = definition(var);
        if (constantList(v, def)) {
            return;
        }
        boolean nonNegFlow = var instanceof Flow f && f.nonNegative();
        forEachElement(v, def, (off, scope, eq, gf) -> {
            SlotDef s = slots.get(v.base + off);
            LExpr e = withTable(lowerEquation(eq, scope), gf);
            if (nonNegFlow) {
                e = new LExpr.Fn(MathFn.MAX, List.of(new LExpr.Const(0), e));
            }
            LExpr control = model.dialect() == Dialect.VENSIM && v.ns.isEmpty() ? controlParam(v) : null;
            if (control != null) {
                s.init = e; // the model's value; resolveSpecs reads it, runs read the setting
                s.dyn = control;
                return;
            }
            s.init = e;
            s.dyn = e;
        });
    }

    // ---------------------------------------------------------------- conveyors

    /**
     * Finds each conveyor's outflow (the one outflow that is not a leakage) and leakages, so that
     * those flows are computed by the conveyor rather than from their equations.
     */
    private void planConveyors() {
        for (VarInfo v : new ArrayList<>(vars.values())) {
            if (v.alias != null || v.base < 0 || !(v.var instanceof Stock st) || st.conveyor() == null) {
                continue;
            }
            Where w = Where.of(file, v.qualifiedWritten, st.line());
            if (v.count != 1) {
                diags.error("E015", w, "'" + v.qualifiedWritten + "' is an arrayed conveyor, which this engine does"
                        + " not simulate yet: make it one conveyor per element, without dimensions");
                continue;
            }
            VarInfo outflow = null;
            for (VarName fn : st.outflows()) {
                VarInfo f = conveyorFlow(v, st, fn, "outflow");
                if (f == null) {
                    continue;
                }
                if (((Flow) f.var).leak() == null) {
                    if (outflow != null) {
                        diags.error("E015", w, "conveyor '" + v.qualifiedWritten + "' has two outflows that are not"
                                + " leakages ('" + outflow.qualifiedWritten + "' and '" + f.qualifiedWritten + "'): a"
                                + " conveyor has one outflow for what reaches its end; mark the others <leak/>");
                        continue;
                    }
                    outflow = f;
                }
                VarInfo other = conveyorFlows.putIfAbsent(f, v);
                if (other != null && other != v) {
                    diags.error("E015", w, "the flow '" + f.qualifiedWritten + "' already leaves conveyor '"
                            + other.qualifiedWritten + "': a flow can leave one conveyor only");
                }
            }
            if (outflow == null) {
                diags.error("E015", w, "conveyor '" + v.qualifiedWritten + "' has no outflow (other than leakages):"
                        + " add the flow that carries what reaches its end");
            }
            for (VarName fn : st.inflows()) {
                VarInfo f = conveyorFlow(v, st, fn, "inflow");
                if (f != null) {
                    slots.get(f.base).clipped = true;
                }
            }
        }
        for (VarInfo v : vars.values()) {
            if (v.alias == null && v.base >= 0 && v.var instanceof Flow f && f.leak() != null
                    && !conveyorFlows.containsKey(v)) {
                diags.error("E015", Where.of(file, v.qualifiedWritten, f.line()), "'" + v.qualifiedWritten + "' is"
                        + " marked as a leakage (<leak/>) but is not an outflow of a conveyor: make it one, or"
                        + " remove the mark and give it a rate");
            }
        }
    }

    /** A scalar flow of a conveyor, or null after an error. */
    private VarInfo conveyorFlow(VarInfo conveyor, Stock st, VarName fn, String role) {
        Where w = Where.of(file, conveyor.qualifiedWritten, st.line());
        VarInfo f = vars.get(conveyor.ns + fn.id());
        if (f == null || f.target().base < 0 || !(f.target().var instanceof Flow)) {
            diags.error("E002", w, "the " + role + " '" + fn.asWritten() + "' of conveyor '" + st.name().asWritten()
                    + "' is not a defined flow: define the flow or remove it from the conveyor");
            return null;
        }
        f = f.target();
        if (f.count != 1) {
            diags.error("E015", w, "the " + role + " '" + f.qualifiedWritten + "' of conveyor '"
                    + st.name().asWritten() + "' has dimensions: a conveyor's flows must be scalars");
            return null;
        }
        return f;
    }

    /** A conveyor: its level, options and leakages become slots that the time loop reads and writes. */
    private void lowerConveyor(VarInfo v, Stock stock) {
        if (v.count != 1) {
            return; // reported by planConveyors
        }
        SlotDef level = slots.get(v.base);
        level.external = true;
        forEachElement(v, stock.initial(), (off, scope, eq, gf) -> level.init = withTable(lowerEquation(eq, scope), gf));
        org.clusterdynamics.model.Conveyor c = stock.conveyor();
        int[] option = {-1, -1, -1}; // length, capacity, inflow limit
        Equation[] eqs = {c.length(), c.capacity(), c.inflowLimit()};
        String[] what = {"conveyor transit time", "conveyor capacity", "conveyor inflow limit"};
        for (int i = 0; i < 3; i++) {
            if (eqs[i] == null) {
                continue;
            }
            int k = i;
            forEachElement(v, Definition.of(eqs[i]), (off, scope, eq, gf) -> {
                int slot = newSlot(SlotKind.HIDDEN_AUX, what[k], scope);
                LExpr e = lowerEquation(eq, scope);
                slots.get(slot).init = e;
                // the transit time is taken when the run starts; capacity and inflow limit follow the model
                slots.get(slot).dyn = k == 0 ? null : e;
                option[k] = slot;
            });
        }
        List<Integer> ins = new ArrayList<>();
        for (VarName fn : stock.inflows()) {
            VarInfo f = vars.get(v.ns + fn.id());
            if (f != null && f.target().base >= 0) {
                ins.add(f.target().base);
            }
        }
        int outflow = -1;
        List<CompiledModel.ConveyorLeak> leaks = new ArrayList<>();
        for (VarName fn : stock.outflows()) {
            VarInfo f = vars.get(v.ns + fn.id());
            if (f == null || conveyorFlows.get(f.target()) != v) {
                continue;
            }
            VarInfo flow = f.target();
            Flow fl = (Flow) flow.var;
            if (fl.leak() == null) {
                outflow = flow.base;
                continue;
            }
            double a = fl.leak().zoneStart();
            double b = fl.leak().zoneEnd();
            if (!(a >= 0 && a <= b && b <= 1)) {
                diags.error("E015", Where.of(file, flow.qualifiedWritten, fl.line()), "the leak zone of '"
                        + flow.qualifiedWritten + "' runs from " + a + " to " + b + ": give fractions of the"
                        + " conveyor's length with 0 <= start <= end <= 1");
                continue;
            }
            int[] fraction = {-1};
            forEachElement(flow, definition(fl), (off, scope, eq, gf) -> {
                int slot = newSlot(SlotKind.HIDDEN_AUX, "leak fraction", scope);
                LExpr e = withTable(lowerEquation(eq, scope), gf);
                slots.get(slot).init = e;
                slots.get(slot).dyn = e;
                fraction[0] = slot;
            });
            if (fraction[0] >= 0) {
                leaks.add(new CompiledModel.ConveyorLeak(flow.base, fraction[0], a, b));
            }
        }
        if (option[0] < 0 || outflow < 0) {
            return; // reported
        }
        conveyors.add(new CompiledModel.Conveyor(v.qualifiedWritten, v.base, ins.stream().mapToInt(Integer::intValue)
                .toArray(), outflow, option[0], option[1], option[2], c.exponentialLeak(), List.copyOf(leaks)));
    }

    /** Stella writes an array of constants as one comma-separated list, element by element. */
    private boolean constantList(VarInfo v, Definition def) {
        if (def == null || def.isPerElement() || def.equation() == null || v.dimList.isEmpty()
                || def.graphicalFunction() != null) {
            return false;
        }
        String text = def.equation().text().strip();
        if (!text.contains(",") || !text.matches("[-+0-9.eE,;\\s]+")) {
            return false;
        }
        String[] parts = java.util.Arrays.stream(text.split("[,;]")).filter(p -> !p.isBlank()).toArray(String[]::new);
        if (parts.length != v.count) {
            diags.error("E006", Where.of(file, v.qualifiedWritten, lineOf(def.equation(), v.var)), "the list of "
                    + parts.length + " values does not match the " + v.count + " elements of " + v.qualifiedWritten
                    + ": give one value per element");
            return true;
        }
        for (int k = 0; k < parts.length; k++) {
            try {
                LExpr c = new LExpr.Const(Double.parseDouble(parts[k].strip()));
                slots.get(v.base + k).init = c;
                slots.get(v.base + k).dyn = c;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private LExpr controlParam(VarInfo v) {
        LExpr.Param.Which w = CONTROL.get(v.var.name().id());
        return w == null ? null : new LExpr.Param(w);
    }

    private LExpr withTable(LExpr e, GraphicalFunction gf) {
        return gf == null ? e : new LExpr.Lookup(gf, e, LExpr.LookupMode.AS_DEFINED);
    }

    private LExpr flowSum(VarInfo stockVar, int offset, Stock stock) {
        LExpr sum = null;
        List<Integer> ins = new ArrayList<>();
        List<Integer> outs = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (VarName fn : pass == 0 ? stock.inflows() : stock.outflows()) {
                VarInfo f = vars.get(stockVar.ns + fn.id());
                if (f == null || f.target().base < 0) {
                    diags.error("E002", Where.of(file, stockVar.qualifiedWritten, stock.line()), "the "
                            + (pass == 0 ? "inflow" : "outflow") + " '" + fn.asWritten() + "' of stock '"
                            + stock.name().asWritten() + "' is not defined: define the flow or remove it from the stock");
                    continue;
                }
                f = f.target();
                int slot = f.base + (f.count == stockVar.count ? offset : 0);
                if (f.count != stockVar.count && f.count != 1) {
                    diags.error("E006", Where.of(file, stockVar.qualifiedWritten, stock.line()), "the flow '"
                            + fn.asWritten() + "' has different dimensions from stock '" + stock.name().asWritten()
                            + "': give them the same dimensions");
                    continue;
                }
                (pass == 0 ? ins : outs).add(slot);
                LExpr term = new LExpr.Slot(slot);
                if (sum == null) {
                    sum = pass == 0 ? term : new LExpr.Unary(Expr.UnaryOp.NEG, term);
                } else {
                    sum = new LExpr.Binary(pass == 0 ? Expr.BinaryOp.ADD : Expr.BinaryOp.SUB, sum, term);
                }
            }
        }
        if (stock.nonNegative() && !outs.isEmpty()) {
            nonNegative.add(new CompiledModel.NonNegativeStock(stockVar.base + offset,
                    ins.stream().mapToInt(Integer::intValue).toArray(), outs.stream().mapToInt(Integer::intValue).toArray()));
            // the time loop cuts these flows to what the stock holds: a constant one must be computed
            // again at every step, or a cut would last for the rest of the run
            for (int o : outs) {
                slots.get(o).clipped = true;
            }
        }
        return sum == null ? new LExpr.Const(0) : sum;
    }

    /** Called once per element with the equation and table that define it. */
    private interface ElementAction {
        void apply(int offset, Scope scope, Equation eq, GraphicalFunction gf);
    }

    private void forEachElement(VarInfo v, Definition def, ElementAction action) {
        Variable var = v.var;
        if (def == null) {
            diags.error("E007", Where.of(file, v.qualifiedWritten, var.line()), "'" + var.name().asWritten()
                    + "' has no equation: give it one");
            return;
        }
        boolean[] done = new boolean[v.count];
        if (def.isPerElement()) {
            for (ElementDefinition ed : def.elements()) {
                for (Map<String, String> b : expandSubscripts(v, ed)) {
                    int off = offsetFor(v, b);
                    if (off < 0) {
                        continue;
                    }
                    done[off] = true;
                    Scope scope = new Scope(v, b, v.ns, lineOf(ed.equation(), var), null, null);
                    if (ed.equation() == null && ed.graphicalFunction() == null) {
                        diags.error("E007", where(scope), "element " + v.elementName(off) + " has no equation");
                        continue;
                    }
                    guarded(() -> action.apply(off, scope, ed.equation(), ed.graphicalFunction()));
                }
            }
        }
        if (def.equation() != null || (!def.isPerElement() && def.graphicalFunction() != null)) {
            for (int k = 0; k < v.count; k++) {
                if (done[k]) {
                    continue;
                }
                done[k] = true;
                Map<String, String> b = new HashMap<>();
                int[] t = v.tuple(k);
                for (int d = 0; d < t.length; d++) {
                    b.put(bindingKey(v, d), v.dimList.get(d).ids().get(t[d]));
                }
                int off = k;
                Scope scope = new Scope(v, b, v.ns, lineOf(def.equation(), var), null, null);
                guarded(() -> action.apply(off, scope, def.equation(), def.graphicalFunction()));
            }
        }
        for (int k = 0; k < v.count; k++) {
            if (!done[k] && model.dialect() == Dialect.VENSIM && v.base >= 0) {
                // Vensim leaves elements without an equation undefined: they read as 0 and are not output
                SlotDef undefined = slots.get(v.base + k);
                undefined.kind = SlotKind.HIDDEN_AUX;
                undefined.init = new LExpr.Const(0);
                undefined.dyn = undefined.init;
                if (undefined.rate == null && var instanceof Stock) {
                    undefined.kind = SlotKind.HIDDEN_STOCK;
                    undefined.rate = new LExpr.Const(0);
                    undefined.dyn = null;
                }
                continue;
            }
            if (!done[k]) {
                diags.error("E007", Where.of(file, v.qualifiedWritten, var.line()), "element " + v.elementName(k)
                        + " has no equation: define it or cover it with an equation for the whole dimension");
            }
        }
    }

    private static int lineOf(Equation eq, Variable v) {
        return eq != null && eq.line() > 0 ? eq.line() : v.line();
    }

    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (Abandon a) {
            // diagnostic already recorded
        }
    }

    /** The element bindings an element definition covers (its subscripts may name dimensions). */
    private List<Map<String, String>> expandSubscripts(VarInfo v, ElementDefinition ed) {
        List<Map<String, String>> out = new ArrayList<>();
        if (ed.subscripts().size() != v.dimList.size()) {
            diags.error("E006", Where.of(file, v.qualifiedWritten, lineOf(ed.equation(), v.var)), "the definition of "
                    + v.qualifiedWritten + "[" + String.join(",", ed.subscripts()) + "] has " + ed.subscripts().size()
                    + " subscripts but the variable has " + v.dimList.size() + " dimensions");
            return out;
        }
        expand(v, ed.subscripts(), 0, new LinkedHashMap<>(), out);
        if (!ed.except().isEmpty()) {
            out.removeIf(b -> ed.except().stream().anyMatch(ex -> matchesExcept(v, b, ex)));
        }
        return out;
    }

    private void expand(VarInfo v, List<String> subs, int pos, Map<String, String> b, List<Map<String, String>> out) {
        if (pos == subs.size()) {
            out.add(new HashMap<>(b));
            return;
        }
        DimInfo vd = v.dimList.get(pos);
        String s = VarName.canonical(subs.get(pos));
        String key = bindingKey(v, pos);
        if (vd.ids().contains(s) && !dims.containsKey(s)) {
            b.put(key, s);
            expand(v, subs, pos + 1, b, out);
            b.remove(key);
            return;
        }
        DimInfo sd = dims.get(s);
        if (sd == null) {
            diags.error("E006", Where.of(file, v.qualifiedWritten, v.var.line()), "'" + subs.get(pos)
                    + "' is neither an element of " + vd.written() + " nor a dimension");
            return;
        }
        for (String e : sd.ids()) {
            String mapped = vd.ids().contains(e) ? e : null;
            if (mapped == null && sd.ids().size() == vd.ids().size()) {
                mapped = vd.ids().get(sd.indexOf(e));
            }
            if (mapped == null) {
                continue;
            }
            b.put(key, mapped);
            boolean named = !sd.id().equals(vd.id()) && !b.containsKey(sd.id());
            if (named) {
                b.put(sd.id(), e); // the equation may use the subrange's own name
            }
            expand(v, subs, pos + 1, b, out);
            b.remove(key);
            if (named) {
                b.remove(sd.id());
            }
        }
    }

    /**
     * The key that binds position k of v's subscripts: the dimension's id, or for a dimension that
     * repeats (matrix[dim, dim]) a key of its own for each later position, so both can vary.
     */
    private static String bindingKey(VarInfo v, int k) {
        String id = v.dimList.get(k).id();
        for (int j = 0; j < k; j++) {
            if (v.dimList.get(j).id().equals(id)) {
                return id + "#" + k;
            }
        }
        return id;
    }

    private boolean matchesExcept(VarInfo v, Map<String, String> b, List<String> ex) {
        for (int k = 0; k < ex.size() && k < v.dimList.size(); k++) {
            String s = VarName.canonical(ex.get(k));
            String have = b.get(bindingKey(v, k));
            DimInfo sd = dims.get(s);
            if (sd != null ? !sd.ids().contains(have) : !s.equals(have)) {
                return false;
            }
        }
        return true;
    }

    private int offsetFor(VarInfo v, Map<String, String> b) {
        int[] t = new int[v.dimList.size()];
        for (int k = 0; k < t.length; k++) {
            t[k] = v.dimList.get(k).indexOf(b.get(bindingKey(v, k)));
            if (t[k] < 0) {
                return -1;
            }
        }
        return v.offset(t);
    }

    // ---------------------------------------------------------------- lowering expressions

    private LExpr lowerEquation(Equation eq, Scope scope) {
        if (eq == null) {
            return null;
        }
        Expr e = parsed.get(eq);
        if (e == null) {
            try {
                e = ExprParser.parse(eq.text(), model.dialect());
            } catch (ParseException pe) {
                // report a bad equation once, not once per array element
                if (unreadable.add(eq)) {
                    diags.error("E001", where(scope), "cannot read the equation '" + abbreviate(eq.text()) + "': "
                            + pe.getMessage() + " (at character " + (pe.column() + 1) + ")");
                }
                throw new Abandon();
            }
            parsed.put(eq, e);
        }
        return lower(e, scope);
    }

    private static String abbreviate(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > 80 ? t.substring(0, 77) + "..." : t;
    }

    private LExpr lower(Expr e, Scope s) {
        if (e instanceof Expr.Num n) {
            return new LExpr.Const(n.value());
        } else if (e instanceof Expr.Ref r) {
            return lowerRef(r, s);
        } else if (e instanceof Expr.Unary u) {
            LExpr x = lower(u.operand(), s);
            if (x instanceof LExpr.Const c) {
                return new LExpr.Const(Ops.unary(u.op(), c.value()));
            }
            return new LExpr.Unary(u.op(), x);
        } else if (e instanceof Expr.Binary b) {
            LExpr l = lower(b.left(), s);
            LExpr r = lower(b.right(), s);
            if (l instanceof LExpr.Const lc && r instanceof LExpr.Const rc) {
                return new LExpr.Const(Ops.binary(b.op(), lc.value(), rc.value()));
            }
            return new LExpr.Binary(b.op(), l, r);
        } else if (e instanceof Expr.If f) {
            LExpr c = lower(f.condition(), s);
            if (c instanceof LExpr.Const cc) {
                return cc.value() != 0 ? lower(f.then(), s) : lower(f.otherwise(), s);
            }
            return new LExpr.If(c, lower(f.then(), s), lower(f.otherwise(), s));
        } else if (e instanceof Expr.Call c) {
            return lowerCall(c, s);
        }
        diags.error("E010", where(s), "an inline table can only be the second argument of WITH LOOKUP");
        throw new Abandon();
    }

    private VarInfo findVar(String id, Scope s) {
        VarInfo v = vars.get(s.ns + id);
        if (v == null && !s.ns.isEmpty() && s.macroParams == null) {
            v = null; // module equations see only their own model's names
        }
        return v == null ? null : v.target();
    }

    private LExpr lowerRef(Expr.Ref r, Scope s) {
        String id = r.name().id();
        if (s.macroParams != null && s.macroParams.containsKey(id)) {
            return s.macroArgs.get(s.macroParams.get(id));
        }
        VarInfo v = findVar(id, s);
        if (v == null) {
            LExpr builtin = builtinValue(id);
            if (builtin != null && r.subscripts().isEmpty()) {
                return builtin;
            }
            if (dims.containsKey(id) && s.binding.containsKey(id)) {
                // a dimension used as a value: the position of the current element
                return new LExpr.Const(elementPosition(s.binding.get(id)));
            }
            if (dims.containsKey(id)) {
                DimInfo mapped = boundMapping(dims.get(id), s);
                if (mapped != null) {
                    return new LExpr.Const(mapped.indexOf(s.binding.get(mapped.id())) + 1);
                }
            }
            int position = elementPosition(id);
            if (position > 0 && r.subscripts().isEmpty()) {
                // an element name used as a value (Vensim): its 1-based position in its dimension
                return new LExpr.Const(position);
            }
            diags.error("E002", where(s), "'" + r.name().asWritten() + "' is not defined: define it or correct the"
                    + " spelling" + suggestion(id, s));
            throw new Abandon();
        }
        if (v.base < 0) {
            if (v.tables != null) {
                diags.error("E011", where(s), "'" + r.name().asWritten() + "' is a lookup table, not a value: call it"
                        + " with an input, as " + r.name().asWritten() + "(x)");
            } else {
                diags.error("E011", where(s), "'" + r.name().asWritten() + "' is a module, not a value: refer to one"
                        + " of its outputs as " + r.name().asWritten() + ".name");
            }
            throw new Abandon();
        }
        int off = elementOffset(v, r.subscripts(), s, r.name().asWritten());
        return new LExpr.Slot(v.base + off);
    }

    /**
     * The value of an element name (Vensim): its 1-based position in the largest dimension that holds
     * it (the first declared among equals), so that subranges and reorderings of a range compare
     * equal element by element; 0 when no dimension holds it.
     */
    private int elementPosition(String id) {
        DimInfo best = null;
        for (DimInfo d : dims.values()) {
            if (d.indexOf(id) >= 0 && (best == null || d.ids().size() > best.ids().size())) {
                best = d;
            }
        }
        return best == null ? 0 : best.indexOf(id) + 1;
    }

    /** A dimension bound in this scope that maps element by element onto {@code d}. */
    private DimInfo boundMapping(DimInfo d, Scope s) {
        for (String dimId : s.binding.keySet()) {
            DimInfo bd = dims.get(dimId);
            if (bd != null && !bd.id().equals(d.id()) && mapsOnto(bd, d)) {
                return bd;
            }
        }
        return null;
    }

    private String suggestion(String id, Scope s) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (Map.Entry<String, VarInfo> en : vars.entrySet()) {
            if (!en.getKey().startsWith(s.ns)) {
                continue;
            }
            int d = VarName.editDistance(id, en.getKey().substring(s.ns.length()));
            if (d < bestD) {
                bestD = d;
                best = en.getValue().var.name().asWritten();
            }
        }
        return best != null && bestD <= Math.max(2, id.length() / 4) ? " (did you mean '" + best + "'?)" : "";
    }

    private LExpr builtinValue(String id) {
        switch (id) {
            case "time": return new LExpr.Param(LExpr.Param.Which.TIME);
            case "dt": case "time_step": return new LExpr.Param(LExpr.Param.Which.DT);
            case "starttime": case "initial_time": return new LExpr.Param(LExpr.Param.Which.START);
            case "stoptime": case "final_time": return new LExpr.Param(LExpr.Param.Which.STOP);
            case "saveper": return new LExpr.Param(LExpr.Param.Which.SAVE_STEP);
            case "pi": return new LExpr.Const(Math.PI);
            case "inf": case "infinity": return new LExpr.Const(Double.POSITIVE_INFINITY);
            case "true": return new LExpr.Const(1);
            case "false": return new LExpr.Const(0);
            default: return null;
        }
    }

    /** The element of v that a subscripted reference names in the current scope. */
    private int elementOffset(VarInfo v, List<Subscript> subs, Scope s, String written) {
        int n = v.dimList.size();
        if (n == 0) {
            if (!subs.isEmpty()) {
                diags.error("E006", where(s), "'" + written + "' is not an array but is written with subscripts:"
                        + " remove the [...]");
                throw new Abandon();
            }
            return 0;
        }
        int[] t = new int[n];
        if (subs.isEmpty()) {
            for (int k = 0; k < n; k++) {
                t[k] = implicitElement(v.dimList.get(k), s, written);
            }
            return v.offset(t);
        }
        if (subs.size() != n) {
            diags.error("E006", where(s), "'" + written + "' has " + n + " dimension" + (n == 1 ? "" : "s") + " but is"
                    + " written with " + subs.size() + " subscript" + (subs.size() == 1 ? "" : "s"));
            throw new Abandon();
        }
        for (int k = 0; k < n; k++) {
            t[k] = subscriptElement(v.dimList.get(k), subs.get(k), s, written);
        }
        return v.offset(t);
    }

    private int implicitElement(DimInfo d, Scope s, String written) {
        String bound = s.binding.get(d.id());
        if (bound != null && d.indexOf(bound) >= 0) {
            return d.indexOf(bound);
        }
        // a dimension of the same size or mapped onto it bound in this scope
        for (Map.Entry<String, String> b : s.binding.entrySet()) {
            DimInfo bd = dims.get(b.getKey());
            if (bd != null && mapsOnto(bd, d)) {
                return bd.indexOf(b.getValue());
            }
        }
        diags.error("E006", where(s), "'" + written + "' is an array over " + d.written() + " but is used here without"
                + " subscripts where no element of " + d.written() + " is known: write " + written + "[" + d.written()
                + "] in an equation over " + d.written() + ", or name an element");
        throw new Abandon();
    }

    private boolean mapsOnto(DimInfo from, DimInfo to) {
        return from.ids().size() == to.ids().size()
                && (from.mapsTo().contains(to.id()) || to.mapsTo().contains(from.id()));
    }

    private int subscriptElement(DimInfo d, Subscript sub, Scope s, String written) {
        if (sub instanceof Subscript.Index ix) {
            LExpr e = lower(ix.index(), s);
            double v;
            try {
                v = new ConstantFolder(this::initialOf).eval(e);
            } catch (ConstantFolder.NotConstant nc) {
                diags.error("E006", where(s), "the subscript of '" + written + "' must be constant: " + nc.getMessage());
                throw new Abandon();
            }
            int i = (int) Math.round(v) - 1;
            if (i < 0 || i >= d.ids().size()) {
                diags.error("E006", where(s), "subscript " + (i + 1) + " of '" + written + "' is outside " + d.written()
                        + " (1.." + d.ids().size() + ")");
                throw new Abandon();
            }
            return i;
        }
        if (sub instanceof Subscript.Star) {
            diags.error("E006", where(s), "'" + written + "[*]' names a whole array: use it inside SUM, MEAN, MIN, MAX,"
                    + " PROD, STDDEV or SIZE");
            throw new Abandon();
        }
        Subscript.Named nm = (Subscript.Named) sub;
        String id = nm.id();
        String bound = s.binding.get(id);
        if (bound != null && !nm.bang()) {
            DimInfo bd = dims.get(id);
            if (d.indexOf(bound) >= 0) {
                return d.indexOf(bound);
            }
            if (bd != null && (bd.ids().size() == d.ids().size())) {
                return bd.indexOf(bound); // positional mapping between dimensions of equal size
            }
            diags.error("E006", where(s), "element '" + bound + "' of " + id + " is not in " + d.written() + " of '"
                    + written + "'");
            throw new Abandon();
        }
        if (d.indexOf(id) >= 0 && !dims.containsKey(id)) {
            return d.indexOf(id);
        }
        if (dims.containsKey(id) && !nm.bang()) {
            DimInfo mapped = boundMapping(dims.get(id), s);
            if (mapped != null) {
                // Vensim mapping: the bound element's position carries over to the mapped dimension
                int p = mapped.indexOf(s.binding.get(mapped.id()));
                DimInfo named = dims.get(id);
                String element = named.ids().get(p);
                if (d.indexOf(element) >= 0) {
                    return d.indexOf(element);
                }
                if (named.ids().size() == d.ids().size()) {
                    return p;
                }
            }
        }
        if (dims.containsKey(id)) {
            if (d.id().equals(id) || dims.get(id).ids().size() <= d.ids().size()) {
                // an unbound dimension here means "each element": only valid inside an array function
                diags.error("E006", where(s), "'" + written + "[" + nm.asWritten() + "]' names a whole dimension where"
                        + " a single value is needed: use it in an equation over " + nm.asWritten()
                        + " or inside SUM/MEAN/MIN/MAX");
                throw new Abandon();
            }
        }
        if (d.indexOf(id) >= 0) {
            return d.indexOf(id);
        }
        diags.error("E006", where(s), "'" + nm.asWritten() + "' is not an element of " + d.written() + " (subscript of '"
                + written + "'): use one of " + String.join(", ", d.written_()));
        throw new Abandon();
    }

    private LExpr initialOf(int slot) {
        if (slot < 0 || slot >= slots.size()) {
            return null;
        }
        SlotDef def = slots.get(slot);
        if (def.init == null && def.owner != null && !def.owner.lowered && def.owner.base >= 0) {
            lowerOnce(def.owner);
        }
        return def.init;
    }

    // ---------------------------------------------------------------- calls

    private LExpr lowerCall(Expr.Call c, Scope s) {
        String fn = c.function();
        // a table variable called as a function
        VarInfo tv = s.macroParams != null && s.macroParams.containsKey(fn) ? null : findVar(fn, s);
        if (tv != null && Builtin.find(fn).isEmpty() || tv != null && tv.tables != null) {
            return callTable(tv, c, s);
        }
        Macro macro = macros.get(fn);
        if (macro != null) {
            return expandMacro(macro, c, s);
        }
        Builtin b = Builtin.find(fn).orElse(null);
        if (b == null && fn.equals("a_function_of")) {
            // what Vensim's sketch writes for a variable drawn with arrows but not yet given an equation
            diags.error("E003", where(s), "the equation is still Vensim's placeholder 'A FUNCTION OF(...)': write the"
                    + " variable's equation in terms of the variables listed there");
            throw new Abandon();
        }
        if (b == null) {
            diags.error("E003", where(s), "unknown function '" + c.asWritten() + "': check the spelling, or define a"
                    + " lookup table or macro of that name");
            throw new Abandon();
        }
        int n = c.args().size();
        if (n < b.minArgs() || n > b.maxArgs()) {
            diags.error("E004", where(s), c.asWritten() + " takes " + b.arityText() + " but is given " + n);
            throw new Abandon();
        }
        switch (b.kind()) {
            case VECTOR:
                return arrayBuiltins.lower(fn, c, s);
            case ARRAY:
                return arrayFunction(fn, c, s);
            case TABLE:
                return tableFunction(fn, c, s);
            case STATEFUL:
                return stateful(fn, c, s);
            case RANDOM:
                return random(fn, c, s);
            default:
                break;
        }
        if ((fn.equals("min") || fn.equals("max")) && n == 1) {
            return arrayFunction(fn, c, s);
        }
        if (fn.equals("mean") && n > 1) {
            return new LExpr.Fn(MathFn.MEAN, args(c, s));
        }
        switch (fn) {
            case "game": return lower(c.args().get(0), s); // no gaming input outside Vensim's game mode
            case "time": case "dt": case "starttime": case "stoptime": case "pi": return builtinValue(fn);
            case "inf": return new LExpr.Const(Double.POSITIVE_INFINITY);
            case "get_time_value": return getTimeValue(c, s);
            default: break;
        }
        MathFn m = mathFn(fn);
        List<LExpr> a = args(c, s);
        if (m == MathFn.LOG && a.size() == 1) {
            m = MathFn.LOG10;
        }
        if (m == MathFn.PULSE_VENSIM && a.size() != 2) {
            diags.error("E004", where(s), c.asWritten() + " takes 2 arguments in Vensim (start, width) but is given " + a.size());
            throw new Abandon();
        }
        if (m == MathFn.PULSE_XMILE && a.size() == 1) {
            a.add(new LExpr.Param(LExpr.Param.Which.START)); // Stella's PULSE(volume): one pulse at the start time
        }
        LExpr result = new LExpr.Fn(m, a);
        if (!Ops.isTimeDependent(m) && a.stream().allMatch(x -> x instanceof LExpr.Const)) {
            double[] v = a.stream().mapToDouble(x -> ((LExpr.Const) x).value()).toArray();
            return new LExpr.Const(Ops.math(m, v, Double.NaN, Double.NaN));
        }
        return result;
    }

    /**
     * Vensim's GET TIME VALUE(relativeto, offset, measure) in the model's own time (measure 0): the
     * current (relativeto 0) or initial (1) time plus the offset. Calendar measures and the computer
     * clock need Vensim's date labelling of Time, which model files do not carry.
     */
    private LExpr getTimeValue(Expr.Call c, Scope s) {
        double relativeTo = arrayBuiltins.constantArgument(c, 0, s);
        double measure = arrayBuiltins.constantArgument(c, 2, s);
        if (measure != 0 || (relativeTo != 0 && relativeTo != 1)) {
            diags.error("E012", where(s), c.asWritten() + " with relativeto " + ArrayBuiltins.fmt(relativeTo) + " and measure "
                    + ArrayBuiltins.fmt(measure) + " is not supported: only the model's time (measure 0) relative to the current (0) or initial"
                    + " (1) time is; calendar measures and the computer clock depend on Vensim's date settings");
            throw new Abandon();
        }
        LExpr base = new LExpr.Param(relativeTo == 0 ? LExpr.Param.Which.TIME : LExpr.Param.Which.START);
        return new LExpr.Binary(Expr.BinaryOp.ADD, base, lower(c.args().get(1), s));
    }

    private MathFn mathFn(String fn) {
        boolean vensim = model.dialect() == Dialect.VENSIM;
        switch (fn) {
            case "abs": return MathFn.ABS;
            case "exp": return MathFn.EXP;
            case "ln": return MathFn.LN;
            case "log10": return MathFn.LOG10;
            case "log": return MathFn.LOG;
            case "sqrt": return MathFn.SQRT;
            case "sin": return MathFn.SIN;
            case "cos": return MathFn.COS;
            case "tan": return MathFn.TAN;
            case "arcsin": case "asin": return MathFn.ASIN;
            case "arccos": case "acos": return MathFn.ACOS;
            case "arctan": case "atan": return MathFn.ATAN;
            case "sinh": return MathFn.SINH;
            case "cosh": return MathFn.COSH;
            case "tanh": return MathFn.TANH;
            case "int": return MathFn.FLOOR;
            case "integer": return MathFn.TRUNC;
            case "round": return MathFn.ROUND;
            case "sign": return MathFn.SIGN;
            case "min": return MathFn.MIN;
            case "max": return MathFn.MAX;
            case "mod": return MathFn.MOD_FLOOR;
            case "modulo": return MathFn.MOD_TRUNC;
            case "power": return MathFn.POWER;
            case "quantum": return MathFn.QUANTUM;
            case "safediv": return MathFn.SAFEDIV;
            case "xidz": return MathFn.XIDZ;
            case "zidz": return MathFn.ZIDZ;
            case "step": return MathFn.STEP;
            case "pulse": return vensim ? MathFn.PULSE_VENSIM : MathFn.PULSE_XMILE;
            case "pulse_train": return MathFn.PULSE_TRAIN;
            case "ramp": return MathFn.RAMP;
            default: throw new IllegalStateException("builtin " + fn + " has no arithmetic");
        }
    }

    private List<LExpr> args(Expr.Call c, Scope s) {
        List<LExpr> out = new ArrayList<>();
        for (Expr a : c.args()) {
            out.add(lower(a, s));
        }
        return out;
    }

    private LExpr callTable(VarInfo tv, Expr.Call c, Scope s) {
        if (c.args().size() != 1) {
            diags.error("E004", where(s), "the lookup table '" + c.asWritten() + "' takes 1 input but is given "
                    + c.args().size());
            throw new Abandon();
        }
        GraphicalFunction gf = tableOf(tv, c.subscripts(), s, c.asWritten());
        return new LExpr.Lookup(gf, lower(c.args().get(0), s), LExpr.LookupMode.AS_DEFINED);
    }

    private GraphicalFunction tableOf(VarInfo tv, List<Subscript> subs, Scope s, String written) {
        if (tv.tables == null) {
            // a graphical function with an equation can also be called with another input
            Definition def = definition(tv.var);
            if (def != null && def.graphicalFunction() != null) {
                return def.graphicalFunction();
            }
            if (def != null && def.isPerElement()) {
                List<GraphicalFunction> per = tablesOf(tv);
                GraphicalFunction g = per.get(elementOffset(tv, subs, s, written));
                if (g != null) {
                    return g;
                }
            }
            diags.error("E011", where(s), "'" + written + "' is not a lookup table: only tables can be called with an input");
            throw new Abandon();
        }
        GraphicalFunction g = tv.tables.get(elementOffset(tv, subs, s, written));
        if (g == null) {
            diags.error("E011", where(s), "element of '" + written + "' has no table");
            throw new Abandon();
        }
        return g;
    }

    private LExpr tableFunction(String fn, Expr.Call c, Scope s) {
        if (fn.equals("with_lookup")) {
            Expr t = c.args().get(1);
            if (!(t instanceof Expr.Table table)) {
                diags.error("E010", where(s), "the second argument of WITH LOOKUP must be a table literal"
                        + " ([(xmin,ymin)-(xmax,ymax)],(x1,y1),...)");
                throw new Abandon();
            }
            return new LExpr.Lookup(table.table(), lower(c.args().get(0), s), LExpr.LookupMode.AS_DEFINED);
        }
        Expr first = c.args().get(0);
        if (!(first instanceof Expr.Ref ref)) {
            diags.error("E010", where(s), "the first argument of " + c.asWritten() + " must name a lookup table");
            throw new Abandon();
        }
        VarInfo tv = findVar(ref.name().id(), s);
        if (tv == null) {
            diags.error("E002", where(s), "the table '" + ref.name().asWritten() + "' is not defined");
            throw new Abandon();
        }
        GraphicalFunction gf = tableOf(tv, ref.subscripts(), s, ref.name().asWritten());
        LExpr.LookupMode mode = switch (fn) {
            case "lookup_extrapolate" -> LExpr.LookupMode.EXTRAPOLATE;
            case "lookup_forward" -> LExpr.LookupMode.FORWARD;
            case "lookup_backward" -> LExpr.LookupMode.BACKWARD;
            default -> LExpr.LookupMode.AS_DEFINED;
        };
        return new LExpr.Lookup(gf, lower(c.args().get(1), s), mode);
    }

    // ---------------------------------------------------------------- arrays

    private LExpr arrayFunction(String fn, Expr.Call c, Scope s) {
        if ((fn.equals("size") || fn.equals("elmcount")) && c.args().get(0) instanceof Expr.Ref r
                && dims.containsKey(r.name().id()) && findVar(r.name().id(), s) == null) {
            return new LExpr.Const(dims.get(r.name().id()).ids().size());
        }
        List<LExpr> items = new ArrayList<>();
        for (Expr a : c.args()) {
            List<String> free = new ArrayList<>();
            collectFree(a, s, free);
            if (free.isEmpty()) {
                items.add(lower(a, s));
            } else {
                expandOver(a, s, free, 0, items);
            }
        }
        if (fn.equals("size") || fn.equals("elmcount")) {
            return new LExpr.Const(items.size());
        }
        if (items.size() == 1 && !fn.equals("stddev")) {
            return items.get(0);
        }
        switch (fn) {
            case "sum": return new LExpr.Fn(MathFn.SUM, items);
            case "prod": return new LExpr.Fn(MathFn.PROD, items);
            case "mean": return new LExpr.Fn(MathFn.MEAN, items);
            case "stddev": return new LExpr.Fn(MathFn.STDDEV, items);
            case "min": case "vmin": return fold(MathFn.MIN, items);
            default: return fold(MathFn.MAX, items);
        }
    }

    private LExpr fold(MathFn f, List<LExpr> items) {
        LExpr acc = items.get(0);
        for (int i = 1; i < items.size(); i++) {
            acc = new LExpr.Fn(f, List.of(acc, items.get(i)));
        }
        return acc;
    }

    private void expandOver(Expr a, Scope s, List<String> free, int k, List<LExpr> out) {
        if (k == free.size()) {
            out.add(lower(stripBangs(a), s));
            return;
        }
        DimInfo d = dims.get(free.get(k));
        for (String e : d.ids()) {
            expandOver(a, s.bind(d.id(), e), free, k + 1, out);
        }
    }

    /** Dimensions a reduction iterates over: stars, bangs and dimension names not bound here. */
    private void collectFree(Expr e, Scope s, List<String> free) {
        if (e instanceof Expr.Ref r) {
            VarInfo v = findVar(r.name().id(), s);
            for (int k = 0; k < r.subscripts().size(); k++) {
                Subscript sub = r.subscripts().get(k);
                String dimId = null;
                if (sub instanceof Subscript.Star && v != null && k < v.dimList.size()) {
                    dimId = v.dimList.get(k).id();
                } else if (sub instanceof Subscript.Named nm && dims.containsKey(nm.id())
                        && (nm.bang() || !s.binding.containsKey(nm.id()))) {
                    dimId = nm.id();
                }
                if (dimId != null && !free.contains(dimId)) {
                    free.add(dimId);
                }
            }
            if (r.subscripts().isEmpty() && v != null) {
                for (DimInfo d : v.dimList) {
                    if (!s.binding.containsKey(d.id()) && !free.contains(d.id())) {
                        free.add(d.id());
                    }
                }
            }
        } else if (e instanceof Expr.Unary u) {
            collectFree(u.operand(), s, free);
        } else if (e instanceof Expr.Binary b) {
            collectFree(b.left(), s, free);
            collectFree(b.right(), s, free);
        } else if (e instanceof Expr.If f) {
            collectFree(f.condition(), s, free);
            collectFree(f.then(), s, free);
            collectFree(f.otherwise(), s, free);
        } else if (e instanceof Expr.Call c && Builtin.find(c.function())
                .map(b -> b.kind() != Builtin.Kind.ARRAY && b.kind() != Builtin.Kind.VECTOR).orElse(true)) {
            for (Expr a : c.args()) {
                collectFree(a, s, free);
            }
        }
    }

    /** Stars and bangs become plain dimension names, now bound by the reduction. */
    private Expr stripBangs(Expr e) {
        if (e instanceof Expr.Ref r) {
            List<Subscript> subs = new ArrayList<>();
            VarInfo v = null;
            for (int k = 0; k < r.subscripts().size(); k++) {
                Subscript sub = r.subscripts().get(k);
                if (sub instanceof Subscript.Named nm && nm.bang()) {
                    subs.add(new Subscript.Named(nm.id(), nm.asWritten(), false));
                } else if (sub instanceof Subscript.Star) {
                    if (v == null) {
                        v = vars.get(r.name().id());
                        v = v == null ? null : v.target();
                    }
                    String dimId = v != null && k < v.dimList.size() ? v.dimList.get(k).id() : "*";
                    subs.add(new Subscript.Named(dimId, dimId, false));
                } else {
                    subs.add(sub);
                }
            }
            return new Expr.Ref(r.name(), subs);
        } else if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), stripBangs(u.operand()));
        } else if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), stripBangs(b.left()), stripBangs(b.right()));
        } else if (e instanceof Expr.If f) {
            return new Expr.If(stripBangs(f.condition()), stripBangs(f.then()), stripBangs(f.otherwise()));
        } else if (e instanceof Expr.Call c) {
            return new Expr.Call(c.function(), c.asWritten(), c.subscripts(), c.args().stream().map(this::stripBangs).toList());
        }
        return e;
    }

    /** What {@link ArrayBuiltins} needs of this compiler. */
    private final class ArrayHost implements ArrayBuiltins.Host<Scope> {
        @Override
        public LExpr lower(Expr e, Scope scope) {
            return ModelCompiler.this.lower(e, scope);
        }

        @Override
        public Scope bind(Scope scope, String key, String elementId) {
            return scope.bind(key, elementId);
        }

        @Override
        public boolean isBound(Scope scope, String dimId) {
            return scope.binding.containsKey(dimId);
        }

        @Override
        public List<String> elements(String dimId) {
            DimInfo d = dims.get(dimId);
            return d == null ? null : d.ids();
        }

        @Override
        public List<String> dimensionsOf(String varId, Scope scope) {
            VarInfo v = findVar(varId, scope);
            return v == null ? null : v.dimList.stream().map(DimInfo::id).toList();
        }

        @Override
        public int position(Scope scope, String dimId) {
            DimInfo d = dims.get(dimId);
            String bound = scope.binding.get(dimId);
            if (bound != null && d.indexOf(bound) >= 0) {
                return d.indexOf(bound);
            }
            DimInfo mapped = boundMapping(d, scope);
            return mapped == null ? -1 : mapped.indexOf(scope.binding.get(mapped.id()));
        }

        @Override
        public List<String> ownerDimensions(Scope scope) {
            return scope.owner == null ? List.of() : scope.owner.dimList.stream().map(DimInfo::id).toList();
        }

        @Override
        public ArrayBuiltins.Elements elementsOf(Expr.Ref ref, Scope scope) {
            VarInfo v = findVar(ref.name().id(), scope);
            if (v == null || v.base < 0) {
                throw error(scope, "E002", "'" + ref.name().asWritten() + "' is not a variable with values");
            }
            List<LExpr> all = new ArrayList<>();
            for (int k = 0; k < v.count; k++) {
                all.add(new LExpr.Slot(v.base + k));
            }
            return new ArrayBuiltins.Elements(all, elementOffset(v, ref.subscripts(), scope, ref.name().asWritten()));
        }

        @Override
        public double constant(LExpr e, Scope scope, String what) {
            try {
                return atRunStart().eval(e);
            } catch (ConstantFolder.NotConstant nc) {
                throw error(scope, "E012", what + " must be a constant: " + nc.getMessage());
            }
        }

        @Override
        public java.util.OptionalDouble tryConstant(LExpr e) {
            try {
                return java.util.OptionalDouble.of(new ConstantFolder(ModelCompiler.this::initialOf).eval(e));
            } catch (ConstantFolder.NotConstant nc) {
                return java.util.OptionalDouble.empty();
            }
        }

        @Override
        public RuntimeException error(Scope scope, String code, String message) {
            diags.error(code, where(scope), message);
            return new Abandon();
        }
    }

    // ---------------------------------------------------------------- stateful builtins

    private int newSlot(SlotKind kind, String what, Scope s) {
        String owner = s.owner == null ? "model" : s.owner.qualifiedWritten;
        slots.add(new SlotDef("#" + what + "(" + owner + ")#" + slots.size(), kind, "", s.owner, s.line));
        return slots.size() - 1;
    }

    /** Keeps a computed value in a hidden auxiliary so that rates and initial values share it. */
    private LExpr materialize(LExpr e, String what, Scope s) {
        if (e instanceof LExpr.Const || e instanceof LExpr.Slot || e instanceof LExpr.Param) {
            return e;
        }
        int slot = newSlot(SlotKind.HIDDEN_AUX, what, s);
        slots.get(slot).init = e;
        slots.get(slot).dyn = e;
        return new LExpr.Slot(slot);
    }

    private LExpr hiddenStock(String what, LExpr init, LExpr rate, Scope s) {
        int slot = newSlot(SlotKind.HIDDEN_STOCK, what, s);
        slots.get(slot).init = init;
        slots.get(slot).rate = rate;
        return new LExpr.Slot(slot);
    }

    private static LExpr div(LExpr a, LExpr b) {
        return new LExpr.Binary(Expr.BinaryOp.DIV, a, b);
    }

    private static LExpr mul(LExpr a, LExpr b) {
        return new LExpr.Binary(Expr.BinaryOp.MUL, a, b);
    }

    private static LExpr sub(LExpr a, LExpr b) {
        return new LExpr.Binary(Expr.BinaryOp.SUB, a, b);
    }

    /** The order of SMOOTH N / DELAY N is fixed when the run starts, as in Vensim. */
    private int constantOrder(LExpr e, String fn, Scope s) {
        try {
            double v = atRunStart().eval(e);
            int n = (int) Math.round(v);
            if (n < 1) {
                diags.error("E012", where(s), "the order of " + fn + " must be at least 1, not " + v);
                throw new Abandon();
            }
            return n;
        } catch (ConstantFolder.NotConstant nc) {
            diags.error("E012", where(s), "the order of " + fn + " must be a constant: " + nc.getMessage());
            throw new Abandon();
        }
    }

    private LExpr stateful(String fn, Expr.Call c, Scope s) {
        List<Expr> a = c.args();
        switch (fn) {
            case "npv":
                return npv(a, s);
            case "smth1": case "smooth": case "smoothi":
                return smoothChain(fn, a.get(0), a.get(1), a.size() > 2 ? a.get(2) : null, 1, s);
            case "smth3": case "smooth3": case "smooth3i":
                return smoothChain(fn, a.get(0), a.get(1), a.size() > 2 ? a.get(2) : null, 3, s);
            case "smthn": {
                int n = constantOrder(lower(a.get(2), s), "SMTHN", s);
                return smoothChain(fn, a.get(0), a.get(1), a.size() > 3 ? a.get(3) : null, n, s);
            }
            case "smooth_n": {
                int n = constantOrder(lower(a.get(3), s), "SMOOTH N", s);
                return smoothChain(fn, a.get(0), a.get(1), a.get(2), n, s);
            }
            case "delay1": case "delay1i":
                return delayChain(fn, a.get(0), a.get(1), a.size() > 2 ? a.get(2) : null, 1, false, s);
            case "delay3": case "delay3i":
                return delayChain(fn, a.get(0), a.get(1), a.size() > 2 ? a.get(2) : null, 3, false, s);
            case "delayn": {
                int n = constantOrder(lower(a.get(2), s), "DELAYN", s);
                return delayChain(fn, a.get(0), a.get(1), a.size() > 3 ? a.get(3) : null, n, false, s);
            }
            case "delay_n": {
                int n = constantOrder(lower(a.get(3), s), "DELAY N", s);
                return delayChain(fn, a.get(0), a.get(1), a.get(2), n, true, s);
            }
            case "delay": case "delay_fixed": {
                LExpr input = materialize(lower(a.get(0), s), fn + " input", s);
                LExpr time = lower(a.get(1), s);
                LExpr init = a.size() > 2 ? lower(a.get(2), s) : input;
                int out = newSlot(SlotKind.DISCRETE, fn, s);
                slots.get(out).init = init;
                delays.add(new CompiledModel.FixedDelay(out, input, time, init));
                return new LExpr.Slot(out);
            }
            case "trend": case "forecast": {
                LExpr input = materialize(lower(a.get(0), s), fn + " input", s);
                LExpr avgTime = materialize(lower(a.get(1), s), fn + " time", s);
                Expr initTrendExpr = fn.equals("trend") ? (a.size() > 2 ? a.get(2) : null) : (a.size() > 3 ? a.get(3) : null);
                LExpr initTrend = initTrendExpr == null ? new LExpr.Const(0) : lower(initTrendExpr, s);
                LExpr init = div(input, new LExpr.Binary(Expr.BinaryOp.ADD, new LExpr.Const(1), mul(initTrend, avgTime)));
                LExpr avg = hiddenStock(fn + " average", init, null, s);
                slots.get(((LExpr.Slot) avg).index()).rate = div(sub(input, avg), avgTime);
                LExpr trend = new LExpr.Fn(MathFn.ZIDZ, List.of(sub(input, avg),
                        mul(avgTime, new LExpr.Fn(MathFn.ABS, List.of(avg)))));
                if (fn.equals("trend")) {
                    return trend;
                }
                LExpr horizon = lower(a.get(2), s);
                return mul(input, new LExpr.Binary(Expr.BinaryOp.ADD, new LExpr.Const(1), mul(trend, horizon)));
            }
            case "init": case "initial": case "reinitial": {
                int slot = newSlot(SlotKind.DISCRETE, fn, s);
                slots.get(slot).init = lower(a.get(0), s);
                return new LExpr.Slot(slot);
            }
            case "previous": {
                LExpr x = lower(a.get(0), s);
                int slot = newSlot(SlotKind.DISCRETE, fn, s);
                slots.get(slot).init = a.size() > 1 ? lower(a.get(1), s) : x;
                stepUpdates.add(new CompiledModel.Assignment(slot, x));
                return new LExpr.Slot(slot);
            }
            case "sample_if_true": {
                LExpr cond = lower(a.get(0), s);
                LExpr input = lower(a.get(1), s);
                LExpr init = lower(a.get(2), s);
                int memory = newSlot(SlotKind.DISCRETE, fn + " memory", s);
                slots.get(memory).init = init;
                int value = newSlot(SlotKind.HIDDEN_AUX, fn, s);
                slots.get(value).init = new LExpr.If(cond, input, init);
                slots.get(value).dyn = new LExpr.If(cond, input, new LExpr.Slot(memory));
                stepUpdates.add(new CompiledModel.Assignment(memory, new LExpr.Slot(value)));
                return new LExpr.Slot(value);
            }
            case "active_initial": {
                int value = newSlot(SlotKind.HIDDEN_AUX, fn, s);
                slots.get(value).init = lower(a.get(1), s);
                slots.get(value).dyn = lower(a.get(0), s);
                return new LExpr.Slot(value);
            }
            case "integ": {
                return hiddenStock("integ", lower(a.get(1), s), lower(a.get(0), s), s);
            }
            default:
                throw new IllegalStateException("stateful builtin " + fn + " not lowered");
        }
    }

    /**
     * Vensim's NPV(stream, discount rate, init val, factor), as its documentation defines it:
     * (accumulation + stream * TIME STEP * df) * factor, with accumulation = INTEG(stream * df,
     * init val) and the discount factor df = INTEG(-df * rate / (1 + rate * TIME STEP), 1); the
     * current period's stream is not discounted.
     */
    private LExpr npv(List<Expr> a, Scope s) {
        LExpr stream = materialize(lower(a.get(0), s), "NPV stream", s);
        LExpr rate = materialize(lower(a.get(1), s), "NPV discount rate", s);
        LExpr dt = builtinValue("dt");
        LExpr df = hiddenStock("NPV discount factor", new LExpr.Const(1), null, s);
        slots.get(((LExpr.Slot) df).index()).rate = div(mul(new LExpr.Unary(Expr.UnaryOp.NEG, df), rate),
                new LExpr.Binary(Expr.BinaryOp.ADD, new LExpr.Const(1), mul(rate, dt)));
        LExpr accumulation = hiddenStock("NPV accumulation", lower(a.get(2), s), mul(stream, df), s);
        LExpr value = new LExpr.Binary(Expr.BinaryOp.ADD, accumulation, mul(mul(stream, dt), df));
        return mul(value, lower(a.get(3), s));
    }

    private LExpr smoothChain(String fn, Expr inputE, Expr timeE, Expr initE, int n, Scope s) {
        LExpr input = materialize(lower(inputE, s), fn + " input", s);
        LExpr time = materialize(lower(timeE, s), fn + " time", s);
        LExpr init = initE == null ? input : materialize(lower(initE, s), fn + " initial", s);
        LExpr stageTime = n == 1 ? time : div(time, new LExpr.Const(n));
        LExpr prev = input;
        LExpr stage = null;
        for (int k = 0; k < n; k++) {
            stage = hiddenStock(fn + " stage " + (k + 1), init, null, s);
            slots.get(((LExpr.Slot) stage).index()).rate = div(sub(prev, stage), stageTime);
            prev = stage;
        }
        return stage;
    }

    /**
     * A chain of n first-order stages. Vensim's DELAY N (discrete) also reduces its order so that
     * order x TIME STEP fits in the delay time, and lets a changing delay time travel down the
     * chain: stage k uses the delay time of k - 1 steps before, so that the output depends only on
     * earlier delay times.
     */
    private LExpr delayChain(String fn, Expr inputE, Expr timeE, Expr initE, int n, boolean vensimN, Scope s) {
        LExpr input = materialize(lower(inputE, s), fn + " input", s);
        LExpr time = materialize(lower(timeE, s), fn + " time", s);
        LExpr init = initE == null ? input : materialize(lower(initE, s), fn + " initial", s);
        boolean travels = false;
        if (vensimN) {
            n = orderWithinTimeStep(n, time, s);
            try {
                new ConstantFolder(this::initialOf).eval(time);
            } catch (ConstantFolder.NotConstant nc) {
                travels = n > 1;
            }
        }
        LExpr stageDelay = time;
        LExpr stageTime = materialize(n == 1 ? time : div(time, new LExpr.Const(n)), fn + " stage time", s);
        LExpr inflow = input;
        LExpr outflow = null;
        for (int k = 0; k < n; k++) {
            if (travels && k > 0) {
                int earlier = newSlot(SlotKind.DISCRETE, fn + " delay time " + (k + 1), s);
                slots.get(earlier).init = stageDelay;
                stepUpdates.add(new CompiledModel.Assignment(earlier, stageDelay));
                stageDelay = new LExpr.Slot(earlier);
                stageTime = materialize(div(stageDelay, new LExpr.Const(n)), fn + " stage time " + (k + 1), s);
            }
            LExpr stock = hiddenStock(fn + " stage " + (k + 1), mul(init, stageTime), null, s);
            outflow = materialize(div(stock, stageTime), fn + " outflow " + (k + 1), s);
            slots.get(((LExpr.Slot) stock).index()).rate = sub(inflow, outflow);
            inflow = outflow;
        }
        return outflow;
    }

    /** Vensim's rule for DELAY N: the largest order up to n for which order x TIME STEP <= delay time. */
    private int orderWithinTimeStep(int n, LExpr delay, Scope s) {
        double dt = timeStep();
        double d;
        try {
            d = atRunStart().eval(delay);
        } catch (ConstantFolder.NotConstant nc) {
            return n; // known only once the run starts: keep the order asked for
        }
        if (!(dt > 0) || !(d >= 0)) {
            return n;
        }
        int fit = Math.max(1, (int) Math.floor(d / dt + 1e-9));
        if (fit >= n) {
            return n;
        }
        diags.warning("W012", where(s), "the delay time of DELAY N (" + ArrayBuiltins.fmt(d) + ") is shorter than its"
                + " order " + n + " times TIME STEP (" + ArrayBuiltins.fmt(dt) + "): the order is reduced to " + fit
                + ", as Vensim does");
        return fit;
    }

    private LExpr random(String fn, Expr.Call c, Scope s) {
        List<LExpr> a = args(c, s);
        LExpr.RandomKind kind;
        List<LExpr> params;
        switch (fn) {
            case "random":
                kind = LExpr.RandomKind.UNIFORM;
                params = a.isEmpty() ? List.of(new LExpr.Const(0), new LExpr.Const(1)) : a.subList(0, 2);
                break;
            case "uniform": case "random_uniform":
                kind = LExpr.RandomKind.UNIFORM;
                params = a.subList(0, 2);
                break;
            case "random_0_1":
                kind = LExpr.RandomKind.UNIFORM;
                params = List.of(new LExpr.Const(0), new LExpr.Const(1));
                break;
            case "normal":
                kind = LExpr.RandomKind.NORMAL;
                params = a.subList(0, 2);
                break;
            case "random_normal":
                kind = LExpr.RandomKind.NORMAL_TRUNCATED;
                params = a.subList(0, 4);
                break;
            case "exprnd":
                kind = LExpr.RandomKind.EXPONENTIAL;
                params = a.subList(0, 1);
                break;
            case "random_exponential":
                kind = LExpr.RandomKind.EXPONENTIAL_VENSIM;
                params = a.subList(0, 4);
                break;
            // Vensim's: min, max, the distribution's own parameters, then shift and stretch; the seed is not read
            case "random_poisson":
                kind = LExpr.RandomKind.POISSON_VENSIM;
                params = a.subList(0, 5);
                break;
            case "random_triangular":
                kind = LExpr.RandomKind.TRIANGULAR_VENSIM;
                params = a.subList(0, 5);
                break;
            case "random_gamma":
                kind = LExpr.RandomKind.GAMMA_VENSIM;
                params = a.subList(0, 5);
                break;
            case "random_beta":
                kind = LExpr.RandomKind.BETA_VENSIM;
                params = a.subList(0, 6);
                break;
            case "random_weibull":
                kind = LExpr.RandomKind.WEIBULL_VENSIM;
                params = a.subList(0, 5);
                break;
            case "random_binomial":
                kind = LExpr.RandomKind.BINOMIAL_VENSIM;
                params = a.subList(0, 6);
                break;
            case "random_negative_binomial":
                kind = LExpr.RandomKind.NEGATIVE_BINOMIAL_VENSIM;
                params = a.subList(0, 6);
                break;
            case "poisson":
                // XMILE: "a mean arrival rate of 3 arrivals per unit time", drawn once per step, so the
                // count in one step has mean rate * DT (isee's Vensim converter writes RANDOM POISSON's
                // mean as POISSON(mean / DT))
                kind = LExpr.RandomKind.POISSON;
                params = List.of(new LExpr.Binary(Expr.BinaryOp.MUL, a.get(0), new LExpr.Param(LExpr.Param.Which.DT)));
                break;
            case "lognormal":
                kind = LExpr.RandomKind.LOGNORMAL;
                params = a.subList(0, 2);
                break;
            case "triangular":
                kind = LExpr.RandomKind.TRIANGULAR;
                params = a.subList(0, 3);
                break;
            case "gamma":
                kind = LExpr.RandomKind.GAMMA;
                params = a.subList(0, 2);
                break;
            case "beta":
                kind = LExpr.RandomKind.BETA;
                params = a.subList(0, 2);
                break;
            case "weibull":
                kind = LExpr.RandomKind.WEIBULL;
                params = a.subList(0, 2);
                break;
            case "binomial":
                kind = LExpr.RandomKind.BINOMIAL;
                params = a.subList(0, 2);
                break;
            default:
                throw new IllegalStateException("random builtin " + fn);
        }
        // drawn once per time step with the arguments of that step (the simulator keeps the draw for the
        // step's other evaluations), in a slot of its own so that every step draws, whatever reads it
        LExpr draw = new LExpr.Random(randomStreams++, kind, params);
        int slot = newSlot(SlotKind.HIDDEN_AUX, fn, s);
        slots.get(slot).init = draw;
        slots.get(slot).dyn = draw;
        return new LExpr.Slot(slot);
    }

    // ---------------------------------------------------------------- macros

    private LExpr expandMacro(Macro m, Expr.Call c, Scope s) {
        if (c.args().size() != m.parameters().size()) {
            diags.error("E004", where(s), "macro " + m.name().asWritten() + " takes " + m.parameters().size()
                    + " arguments but is given " + c.args().size());
            throw new Abandon();
        }
        List<LExpr> argv = new ArrayList<>();
        Map<String, Integer> params = new HashMap<>();
        for (int i = 0; i < c.args().size(); i++) {
            argv.add(materialize(lower(c.args().get(i), s), m.name().asWritten() + " argument " + (i + 1), s));
            params.put(VarName.canonical(m.parameters().get(i)), i);
        }
        String ns = m.name().id() + "#" + (++macroInstances) + ".";
        List<VarInfo> body = new ArrayList<>();
        for (Variable v : m.body()) {
            VarInfo info = new VarInfo(v, ns, List.of());
            vars.put(ns + v.name().id(), info);
            if (info.isTableOnly()) {
                info.tables = tablesOf(info);
                continue;
            }
            info.base = slots.size();
            SlotKind kind = v instanceof Stock ? SlotKind.HIDDEN_STOCK : SlotKind.HIDDEN_AUX;
            slots.add(new SlotDef("#macro " + ns + v.name().asWritten(), kind, v.units(), s.owner, v.line()));
            body.add(info);
        }
        VarInfo result = vars.get(ns + m.name().id());
        if (result == null) {
            diags.error("E007", where(s), "macro " + m.name().asWritten() + " does not define its output variable "
                    + m.name().asWritten());
            throw new Abandon();
        }
        for (VarInfo v : body) {
            lowerMacroVariable(v, argv, params);
        }
        return new LExpr.Slot(result.base);
    }

    private void lowerMacroVariable(VarInfo v, List<LExpr> argv, Map<String, Integer> params) {
        Scope scope = new Scope(v, Map.of(), v.ns, v.var.line(), argv, params);
        SlotDef slot = slots.get(v.base);
        guarded(() -> {
            if (v.var instanceof Stock st) {
                slot.init = lowerEquation(st.initial().equation(), scope);
                slot.rate = st.netRate() != null ? lowerEquation(st.netRate().equation(), scope) : flowSum(v, 0, st);
            } else {
                Definition def = definition(v.var);
                LExpr e = withTable(lowerEquation(def.equation(), scope), def.graphicalFunction());
                slot.init = e;
                slot.dyn = e;
            }
        });
    }

    // ---------------------------------------------------------------- time settings

    private SimSpecs resolveSpecs() {
        SimSpecs sp = model.specs();
        double start = sp == null ? Double.NaN : sp.start();
        double stop = sp == null ? Double.NaN : sp.stop();
        double dt = sp == null ? Double.NaN : sp.dt();
        double save = sp == null ? Double.NaN : sp.saveStep();
        start = control("initial_time", start);
        stop = control("final_time", stop);
        dt = control("time_step", dt);
        save = control("saveper", save);
        Where w = Where.file(file);
        if (Double.isNaN(start) || Double.isNaN(stop)) {
            diags.error("E013", w, "the model gives no start or stop time: set them in the sim specs"
                    + " (XMILE <sim_specs><start>/<stop>, Vensim INITIAL TIME / FINAL TIME)");
        }
        if (Double.isNaN(dt)) {
            dt = 1;
        }
        if (!(dt > 0)) {
            diags.error("E013", w, "the time step must be positive, not " + dt);
        }
        if (Double.isNaN(save) || save <= 0) {
            save = dt;
        }
        if (stop < start) {
            diags.error("E013", w, "the stop time " + stop + " is before the start time " + start);
        }
        Method method = sp == null || sp.method() == null ? Method.EULER : sp.method();
        return new SimSpecs(start, stop, dt, save, method, sp == null ? null : sp.timeUnits());
    }

    /** Folds values as they are when the run starts: time at the initial time, DT at the model's step. */
    private ConstantFolder atRunStart() {
        return new ConstantFolder(this::initialOf, initialTime(), timeStep());
    }

    private double timeStep() {
        double dt = model.specs() == null ? Double.NaN : model.specs().dt();
        return Double.isNaN(dt) ? control("time_step", dt) : dt;
    }

    private double initialTime() {
        double start = model.specs() == null ? Double.NaN : model.specs().start();
        return Double.isNaN(start) ? control("initial_time", start) : start;
    }

    private double control(String id, double given) {
        if (model.dialect() != Dialect.VENSIM || !Double.isNaN(given) && given != 0 && !id.equals("saveper")) {
            return given;
        }
        VarInfo v = vars.get(id);
        if (v == null || v.base < 0) {
            return given;
        }
        try {
            return new ConstantFolder(this::initialOf).eval(slots.get(v.base).init);
        } catch (ConstantFolder.NotConstant nc) {
            if (!Double.isNaN(given)) {
                return given;
            }
        }
        // an equation of time or state, which Vensim evaluates as the run goes: start from its value at
        // the initial time (an INITIAL TIME that depends on Time is taken at Time 0, where Vensim starts)
        try {
            double at = id.equals("initial_time") ? 0 : initialTime();
            double value = new ConstantFolder(this::initialOf, at).eval(slots.get(v.base).init);
            dynamicControls.put(id, v.base);
            return value;
        } catch (ConstantFolder.NotConstant nc) {
            diags.error("E013", Where.of(file, v.qualifiedWritten, v.var.line()), v.qualifiedWritten
                    + " cannot be computed at the initial time: " + nc.getMessage());
            return Double.NaN;
        }
    }

    /** Control variables given by equations of time are recomputed at every step; the run follows them. */
    private CompiledModel.RunControls runControls() {
        for (int slot : dynamicControls.values()) {
            slots.get(slot).dyn = slots.get(slot).init;
        }
        return new CompiledModel.RunControls(dynamicControls.getOrDefault("final_time", -1),
                dynamicControls.getOrDefault("time_step", -1), dynamicControls.getOrDefault("saveper", -1));
    }

    // ---------------------------------------------------------------- ordering

    private static void slotRefs(LExpr e, BitSet out) {
        if (e == null) {
            return;
        }
        if (e instanceof LExpr.Slot s) {
            out.set(s.index());
        } else if (e instanceof LExpr.Unary u) {
            slotRefs(u.operand(), out);
        } else if (e instanceof LExpr.Binary b) {
            slotRefs(b.left(), out);
            slotRefs(b.right(), out);
        } else if (e instanceof LExpr.If f) {
            slotRefs(f.condition(), out);
            slotRefs(f.then(), out);
            slotRefs(f.otherwise(), out);
        } else if (e instanceof LExpr.Fn f) {
            for (LExpr a : f.args()) {
                slotRefs(a, out);
            }
        } else if (e instanceof LExpr.Lookup l) {
            slotRefs(l.x(), out);
        } else if (e instanceof LExpr.Random r) {
            for (LExpr a : r.args()) {
                slotRefs(a, out);
            }
        } else if (e instanceof LExpr.ArrayFn a) {
            a.inputs().forEach(x -> slotRefs(x, out));
            a.params().forEach(x -> slotRefs(x, out));
        }
    }

    /** True when the value changes during a run: time, state, or another changing slot. */
    private static boolean readsTime(LExpr e) {
        if (e instanceof LExpr.Param p) {
            return p.which() == LExpr.Param.Which.TIME;
        } else if (e instanceof LExpr.Unary u) {
            return readsTime(u.operand());
        } else if (e instanceof LExpr.Binary b) {
            return readsTime(b.left()) || readsTime(b.right());
        } else if (e instanceof LExpr.If f) {
            return readsTime(f.condition()) || readsTime(f.then()) || readsTime(f.otherwise());
        } else if (e instanceof LExpr.Fn f) {
            return Ops.isTimeDependent(f.fn()) || f.args().stream().anyMatch(ModelCompiler::readsTime);
        } else if (e instanceof LExpr.Lookup l) {
            return readsTime(l.x());
        } else if (e instanceof LExpr.ArrayFn a) {
            return a.inputs().stream().anyMatch(ModelCompiler::readsTime)
                    || a.params().stream().anyMatch(ModelCompiler::readsTime);
        } else {
            return e instanceof LExpr.Random;
        }
    }

    private List<CompiledModel.Assignment> initOrder() {
        int n = slots.size();
        List<BitSet> deps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BitSet b = new BitSet();
            slotRefs(slots.get(i).init, b);
            deps.add(b);
        }
        int[] order = topoSort(n, deps, i -> true, "initial values");
        List<CompiledModel.Assignment> out = new ArrayList<>();
        for (int i : order) {
            if (slots.get(i).init == null) {
                slots.get(i).init = new LExpr.Const(0);
            }
            out.add(new CompiledModel.Assignment(i, slots.get(i).init));
        }
        return out;
    }

    private List<CompiledModel.Assignment> dynamicOrder() {
        int n = slots.size();
        List<BitSet> deps = new ArrayList<>(n);
        boolean[] hasDyn = new boolean[n];
        for (int i = 0; i < n; i++) {
            hasDyn[i] = slots.get(i).dyn != null;
        }
        for (int i = 0; i < n; i++) {
            BitSet b = new BitSet();
            if (hasDyn[i]) {
                slotRefs(slots.get(i).dyn, b);
                for (int j = b.nextSetBit(0); j >= 0; j = b.nextSetBit(j + 1)) {
                    if (!hasDyn[j]) {
                        b.clear(j);
                    }
                }
            }
            deps.add(b);
        }
        int[] order = topoSort(n, deps, i -> hasDyn[i], "equations");
        // keep only what changes during a run; constants are set once by the initial pass
        boolean[] changing = new boolean[n];
        List<CompiledModel.Assignment> out = new ArrayList<>();
        for (int i : order) {
            LExpr e = slots.get(i).dyn;
            BitSet refs = new BitSet();
            slotRefs(e, refs);
            boolean ch = readsTime(e) || !e.equals(slots.get(i).init) || e instanceof LExpr.Param || slots.get(i).clipped;
            for (int j = refs.nextSetBit(0); j >= 0 && !ch; j = refs.nextSetBit(j + 1)) {
                ch = !hasDyn[j] && (slots.get(j).external || slots.get(j).kind != SlotKind.AUX
                        && slots.get(j).kind != SlotKind.FLOW && slots.get(j).kind != SlotKind.HIDDEN_AUX)
                        || changing[j];
            }
            changing[i] = ch;
            if (ch) {
                out.add(new CompiledModel.Assignment(i, e));
            }
        }
        return out;
    }

    private int[] topoSort(int n, List<BitSet> deps, java.util.function.IntPredicate included, String what) {
        int[] state = new int[n]; // 0 new, 1 on stack, 2 done
        int[] order = new int[n];
        int[] count = {0};
        for (int i = 0; i < n; i++) {
            if (included.test(i) && state[i] == 0) {
                visit(i, deps, included, state, order, count, new ArrayDeque<>(), what);
            }
        }
        return Arrays.copyOf(order, count[0]);
    }

    private void visit(int root, List<BitSet> deps, java.util.function.IntPredicate included, int[] state, int[] order,
            int[] count, Deque<Integer> path, String what) {
        // iterative depth-first search: large models would overflow the stack
        Deque<int[]> stack = new ArrayDeque<>();
        stack.push(new int[] {root, -1});
        state[root] = 1;
        path.push(root);
        while (!stack.isEmpty()) {
            int[] top = stack.peek();
            int node = top[0];
            int next = deps.get(node).nextSetBit(top[1] + 1);
            if (next < 0) {
                stack.pop();
                path.pop();
                state[node] = 2;
                order[count[0]++] = node;
                continue;
            }
            top[1] = next;
            if (!included.test(next) || state[next] == 2) {
                continue;
            }
            if (state[next] == 1) {
                reportCycle(path, next, what);
                continue;
            }
            state[next] = 1;
            path.push(next);
            stack.push(new int[] {next, -1});
        }
    }

    private void reportCycle(Deque<Integer> path, int back, String what) {
        List<String> names = new ArrayList<>();
        for (int p : path) {
            names.add(0, displayName(p));
            if (p == back) {
                break;
            }
        }
        names.add(displayName(back));
        SlotDef first = slots.get(back);
        diags.error("E005", Where.of(file, first.owner == null ? first.name : first.owner.qualifiedWritten, first.line),
                "circular definition among " + what + ": " + String.join(" -> ", names)
                        + ". Break the loop with a stock (or a SMOOTH/DELAY), or remove one of the references");
    }

    private String displayName(int slot) {
        SlotDef s = slots.get(slot);
        return s.name.startsWith("#") && s.owner != null ? s.owner.qualifiedWritten : s.name;
    }
}
