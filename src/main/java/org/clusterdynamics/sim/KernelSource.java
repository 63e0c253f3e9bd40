package org.clusterdynamics.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.LExpr;
import org.clusterdynamics.expr.Expr.BinaryOp;
import org.clusterdynamics.expr.Expr.UnaryOp;
import org.clusterdynamics.model.GraphicalFunction;

/**
 * Writes the Java source of a {@link Kernel} subclass for one compiled model: straight-line code
 * over the frame's {@code double[]}, one statement per equation, split into methods small enough
 * for the JIT. Every operation is written so that it computes exactly what the interpreter does:
 * the same operators in the same order, and the same {@code Ops}, {@link Lookups} and
 * {@link RandomDraws} methods for everything else.
 */
final class KernelSource {
    /** Package and simple name of every generated class (each lives in its own class loader). */
    static final String CLASS_NAME = "org.clusterdynamics.sim.generated.GeneratedKernel";

    /**
     * Expression nodes per generated method, at first. At about 8 bytes of bytecode per node this
     * keeps methods well under HotSpot's 8000-byte limit, above which the JIT does not compile a
     * method at all, and leaves room for the JIT to inline the table reads they call.
     */
    static final int NODES_PER_METHOD = 300;

    /**
     * Tables of at most this many points are read by unrolled comparison trees (small enough for the
     * JIT to inline up to about 12 points); larger ones by a hinted binary search over their arrays.
     */
    static final int TREE_POINTS = 64;

    /** The generated class and the tables its constructor takes, in order. */
    record Unit(String className, String source, List<GraphicalFunction> tables, int classes) {}

    private final int nodesPerMethod;
    private final List<GraphicalFunction> tables = new ArrayList<>();
    private final Map<GraphicalFunction, Integer> tableIndex = new IdentityHashMap<>();
    /** Chunk and helper methods (with their scratch fields) by part, each part one class of its own. */
    private final KernelParts parts;
    private final Map<String, String> treeCalls = new HashMap<>();
    private final StringBuilder fields = new StringBuilder();
    private final List<Phase> phases = new ArrayList<>();
    private final StringBuilder ctor = new StringBuilder();
    private static final String PRIVATE = KernelParts.PRIVATE;
    private int lookupSites;
    private int methodCount;
    /** Expression nodes written since the last statement, the size estimate for chunking. */
    private int nodes;

    /**
     * Source characters per part class: small enough that a part's constants (doubles, slot
     * indices over 32767, names) stay well within the 65,535 entries of one class's constant pool.
     */
    static final int PART_CHARS = 150_000;

    private KernelSource(int nodesPerMethod, int partChars) {
        this.nodesPerMethod = nodesPerMethod;
        this.parts = new KernelParts(partChars);
    }

    /**
     * The source with methods of about {@code nodesPerMethod} expression nodes each, in part classes
     * of about {@code partChars} characters each.
     */
    static Unit generate(CompiledModel m, int nodesPerMethod, int partChars) {
        return new KernelSource(nodesPerMethod, partChars).unit(m);
    }

    private Unit unit(CompiledModel m) {
        StringBuilder body = new StringBuilder();
        List<String> init = new ArrayList<>();
        List<Integer> initCost = new ArrayList<>();
        for (CompiledModel.Assignment a : m.initOrder()) {
            init.add("if (!fx[" + a.slot() + "]) v[" + a.slot() + "] = " + expr(a.expr()) + ";");
            initCost.add(takeNodes());
        }
        phase(body, "public void initial(Frame f, boolean[] fx)", init, initCost);
        List<String> dyn = new ArrayList<>();
        List<Integer> dynCost = new ArrayList<>();
        for (CompiledModel.Assignment a : m.dynamicOrder()) {
            dyn.add("v[" + a.slot() + "] = " + expr(a.expr()) + ";");
            dynCost.add(takeNodes());
        }
        phase(body, "public void dynamic(Frame f)", dyn, dynCost);
        outputs(body, "public void rates(Frame f, double[] o)", m.stocks().stream().map(CompiledModel.StockRate::rate)
                .toList());
        List<String> euler = new ArrayList<>();
        List<Integer> eulerCost = new ArrayList<>();
        for (int i = 0; i < m.stocks().size(); i++) {
            int slot = m.stocks().get(i).slot();
            euler.add("v[" + slot + "] = v[" + slot + "] + dt * o[" + i + "];");
            eulerCost.add(3);
        }
        phase(body, "public void euler(Frame f, double[] o, double dt)", euler, eulerCost);
        // non-negative stocks: the same steps as Simulator.limitOutflows, without its table walk
        List<String> limits = new ArrayList<>();
        List<Integer> limitCost = new ArrayList<>();
        for (CompiledModel.NonNegativeStock nn : m.nonNegativeStocks()) {
            StringBuilder b = new StringBuilder("{ double a = v[" + nn.stock() + "] / dt;");
            for (int in : nn.inflows()) {
                b.append(" a += v[").append(in).append("];");
            }
            for (int out : nn.outflows()) {
                b.append(" if (v[").append(out).append("] > a) v[").append(out).append("] = Math.max(a, 0.0); a -= v[")
                        .append(out).append("];");
            }
            limits.add(b.append(" }").toString());
            limitCost.add(2 + 2 * nn.inflows().length + 4 * nn.outflows().length);
        }
        phase(body, "public void limitOutflows(Frame f, double dt)", limits, limitCost);
        outputs(body, "public void updates(Frame f, double[] o)", m.stepUpdates().stream()
                .map(CompiledModel.Assignment::expr).toList());
        outputs(body, "public void delayInputs(Frame f, double[] o)", delayInputs(m));
        List<String> setup = new ArrayList<>();
        List<Integer> setupCost = new ArrayList<>();
        for (int i = 0; i < m.delays().size(); i++) {
            CompiledModel.FixedDelay d = m.delays().get(i);
            // time then initial value, delay by delay, as the interpreter evaluates them
            setup.add("o[" + i + "] = " + expr(d.delayTime()) + ";");
            setupCost.add(takeNodes());
            setup.add("o2[" + i + "] = " + expr(d.initial()) + ";");
            setupCost.add(takeNodes());
        }
        phase(body, "public void delaySetup(Frame f, double[] o, double[] o2)", setup, setupCost);

        String pkg = CLASS_NAME.substring(0, CLASS_NAME.lastIndexOf('.'));
        String simple = CLASS_NAME.substring(CLASS_NAME.lastIndexOf('.') + 1);
        StringBuilder src = new StringBuilder();
        src.append("package ").append(pkg).append(";\n\n")
                .append("import org.clusterdynamics.compile.ArrayOps;\n")
                .append("import org.clusterdynamics.compile.ComputedSubscript;\n")
                .append("import org.clusterdynamics.compile.Ops;\n")
                .append("import org.clusterdynamics.compile.LExpr;\n")
                .append("import org.clusterdynamics.model.GraphicalFunction;\n")
                .append("import org.clusterdynamics.sim.Frame;\n")
                .append("import org.clusterdynamics.sim.Lookups;\n")
                .append("import org.clusterdynamics.sim.RandomDraws;\n\n")
                .append("/** Generated from ").append(comment(m.source())).append(". */\n")
                .append("public final class ").append(simple).append(" extends org.clusterdynamics.sim.Kernel {\n")
                .append(fields)
                .append("  " + PRIVATE + "final int[] hint = new int[").append(Math.max(1, lookupSites)).append("];\n")
                .append("  public ").append(simple).append("(GraphicalFunction[] g) {\n").append(ctor).append("  }\n")
                .append("  public boolean limitsOutflows() {\n    return true;\n  }\n");
        renderPhases(body);
        src.append(body);
        boolean one = parts.size() == 1;
        if (one) {
            src.append(parts.get(0));
        } else {
            // a model too large for one class: each part an inner class (own constant pool) of the kernel
            for (int k = 0; k < parts.size(); k++) {
                src.append("  final Part").append(k).append(" part").append(k).append(" = new Part").append(k)
                        .append("();\n  final class Part").append(k).append(" {\n").append(parts.get(k)).append("  }\n");
            }
        }
        src.append("}\n");
        String code = src.toString().replace(PRIVATE, one ? "private " : "");
        code = Pattern.compile(KernelParts.PART_MARK + "(\\d+)" + KernelParts.PART_MARK).matcher(code).replaceAll(one ? "" : "part$1.");
        return new Unit(CLASS_NAME, code, List.copyOf(tables), parts.size());
    }

    private int takeNodes() {
        int n = nodes;
        nodes = 0;
        return n;
    }

    /**
     * Values for an output array: computed into locals first and stored at the end of each method,
     * since the JIT cannot tell that a store into {@code o} leaves {@code v} unchanged and would
     * otherwise load again, and divide again, what the previous statement already had.
     */
    /**
     * What the pipelines read at every step: each input, then for each material delay (in order) its
     * delay time and missing value.
     */
    static List<LExpr> delayInputs(CompiledModel m) {
        List<LExpr> out = new ArrayList<>();
        m.delays().forEach(d -> out.add(d.input()));
        m.delays().stream().filter(CompiledModel.FixedDelay::material).forEach(d -> {
            out.add(d.delayTime());
            out.add(d.missing());
        });
        return out;
    }

    private void outputs(StringBuilder body, String signature, List<LExpr> exprs) {
        List<String> stmts = new ArrayList<>();
        List<String> stores = new ArrayList<>();
        List<Integer> cost = new ArrayList<>();
        for (int i = 0; i < exprs.size(); i++) {
            stmts.add("double r" + i + " = " + expr(exprs.get(i)) + ";");
            stores.add("o[" + i + "] = r" + i + ";");
            cost.add(takeNodes() + 1);
        }
        phase(body, signature, stmts, stores, cost);
    }

    private void phase(StringBuilder body, String signature, List<String> stmts, List<Integer> cost) {
        phase(body, signature, stmts, null, cost);
    }

    /**
     * A public phase method that calls private chunk methods of about nodesPerMethod nodes each;
     * {@code stores} (or null) are written at the end of the chunk of their statement.
     */
    private void phase(StringBuilder body, String signature, List<String> stmts, List<String> stores,
            List<Integer> cost) {
        String params = signature.substring(signature.indexOf('(') + 1, signature.indexOf(')'));
        StringBuilder args = new StringBuilder();
        for (String p : params.split(",")) {
            args.append(", ").append(p.strip().split(" ")[1]);
        }
        String chunkParams = "double[] v, " + params;
        Phase phase = new Phase(signature, args.toString(), chunkParams, new ArrayList<>(), new ArrayList<>());
        phases.add(phase);
        int i = 0;
        while (i < stmts.size()) {
            int budget = 0;
            int j = i;
            while (j < stmts.size() && (j == i || budget + cost.get(j) <= nodesPerMethod)) {
                budget += cost.get(j);
                j++;
            }
            String name = "m" + methodCount++;
            int part = parts.part();
            StringBuilder helpers = parts.get(part);
            phase.chunkParts().add(part);
            phase.chunks().add(name);
            helpers.append("  " + PRIVATE + "void ").append(name).append("(").append(chunkParams).append(") {\n");
            for (int k = i; k < j; k++) {
                helpers.append("    ").append(stmts.get(k)).append('\n');
            }
            for (int k = i; stores != null && k < j; k++) {
                helpers.append("    ").append(stores.get(k)).append('\n');
            }
            helpers.append("  }\n");
            i = j;
        }
    }

    /** A phase method's signature and its chunk methods in order, with the part of each. */
    private record Phase(String signature, String args, String chunkParams, List<Integer> chunkParts,
            List<String> chunks) {}

    /** Chunk calls per dispatching method in part classes: well within the JIT's method size. */
    static final int CALLS_PER_DISPATCH = 400;

    /**
     * The phase methods: in one class each calls its chunks; over several part classes it calls a
     * few dispatching methods in the parts, each calling that part's chunks, so that neither the
     * phase method's bytecode nor the kernel's constant pool grows with the number of chunks.
     */
    private void renderPhases(StringBuilder body) {
        boolean one = parts.size() == 1;
        int dispatchers = 0;
        for (Phase ph : phases) {
            body.append("  ").append(ph.signature()).append(" {\n    double[] v = f.v;\n");
            int i = 0;
            while (i < ph.chunks().size()) {
                if (one) {
                    body.append("    ").append(ph.chunks().get(i)).append("(v").append(ph.args()).append(");\n");
                    i++;
                    continue;
                }
                int part = ph.chunkParts().get(i);
                int j = i;
                while (j < ph.chunks().size() && ph.chunkParts().get(j) == part && j - i < CALLS_PER_DISPATCH) {
                    j++;
                }
                String name = "d" + dispatchers++;
                StringBuilder b = parts.get(part);
                b.append("  void ").append(name).append("(").append(ph.chunkParams()).append(") {\n");
                for (int k = i; k < j; k++) {
                    b.append("    ").append(ph.chunks().get(k)).append("(v").append(ph.args()).append(");\n");
                }
                b.append("  }\n");
                body.append("    part").append(part).append('.').append(name).append("(v").append(ph.args()).append(");\n");
                i = j;
            }
            body.append("  }\n");
        }
    }

    /** The Java expression for e; counts its nodes. */
    private String expr(LExpr e) {
        nodes++;
        if (e instanceof LExpr.Const c) {
            return literal(c.value());
        } else if (e instanceof LExpr.Slot s) {
            return "v[" + s.index() + "]";
        } else if (e instanceof LExpr.Param p) {
            switch (p.which()) {
                case TIME: return "f.time";
                case DT: return "f.dt";
                case START: return "f.start";
                case STOP: return "f.stop";
                default: return "f.saveStep";
            }
        } else if (e instanceof LExpr.Unary u) {
            String x = expr(u.operand());
            switch (u.op()) {
                case NEG: return "(-" + x + ")";
                case NOT: return "(" + x + " == 0.0 ? 1.0 : 0.0)";
                default: return x;
            }
        } else if (e instanceof LExpr.Binary b) {
            if (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR || b.op().isComparison()) {
                nodes--;
                return "(" + cond(b) + " ? 1.0 : 0.0)";
            }
            String l = expr(b.left());
            String r = expr(b.right());
            switch (b.op()) {
                case ADD: return "(" + l + " + " + r + ")";
                case SUB: return "(" + l + " - " + r + ")";
                case MUL: return "(" + l + " * " + r + ")";
                case DIV: return "(" + l + " / " + r + ")";
                case POW: return "Math.pow(" + l + ", " + r + ")";
                case MOD: return "Ops.modFloor(" + l + ", " + r + ")";
                default: throw new IllegalStateException("no arithmetic for " + b.op());
            }
        } else if (e instanceof LExpr.If i) {
            return "(" + cond(i.condition()) + " ? " + expr(i.then()) + " : " + expr(i.otherwise()) + ")";
        } else if (e instanceof LExpr.Fn fn) {
            return function(fn);
        } else if (e instanceof LExpr.Lookup l) {
            return lookup(l);
        } else if (e instanceof LExpr.Random r) {
            return random(r);
        } else if (e instanceof LExpr.ArrayFn a) {
            return arrayFunction(a);
        } else if (e instanceof LExpr.ElementAt at) {
            return elementAt(at);
        }
        throw new IllegalArgumentException("no code for " + e);
    }

    /**
     * A Java boolean that is true where the interpreter finds e non-zero: comparisons and AND / OR /
     * NOT directly, without making 1.0 or 0.0 and testing it (same operands, same order, same short
     * circuits).
     */
    private String cond(LExpr e) {
        if (e instanceof LExpr.Binary b) {
            if (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR) {
                nodes++;
                return "(" + cond(b.left()) + (b.op() == BinaryOp.AND ? " && " : " || ") + cond(b.right()) + ")";
            }
            if (b.op().isComparison()) {
                nodes++;
                String l = expr(b.left());
                String r = expr(b.right());
                switch (b.op()) {
                    case EQ: return "(" + l + " == " + r + ")";
                    case NE: return "(" + l + " != " + r + ")";
                    case LT: return "(" + l + " < " + r + ")";
                    case LE: return "(" + l + " <= " + r + ")";
                    case GT: return "(" + l + " > " + r + ")";
                    default: return "(" + l + " >= " + r + ")";
                }
            }
        } else if (e instanceof LExpr.Unary u && u.op() == UnaryOp.NOT) {
            nodes++;
            return "!" + cond(u.operand());
        }
        return "(" + expr(e) + " != 0.0)";
    }

    private String function(LExpr.Fn fn) {
        List<LExpr> a = fn.args();
        String[] x = new String[a.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = expr(a.get(i));
        }
        switch (fn.fn()) {
            case ABS: return call("Math.abs", x[0]);
            case EXP: return call("Math.exp", x[0]);
            case LN: return call("Math.log", x[0]);
            case LOG10: return call("Math.log10", x[0]);
            case LOG:
                if (x.length == 1) {
                    return call("Math.log10", x[0]);
                }
                // LOG(x, 10): the logarithm of a constant base is a constant, computed by the same Math.log
                return "(Math.log(" + x[0] + ") / " + (a.get(1) instanceof LExpr.Const c ? literal(Math.log(c.value()))
                        : "Math.log(" + x[1] + ")") + ")";
            case SQRT: return call("Math.sqrt", x[0]);
            case SIN: return call("Math.sin", x[0]);
            case COS: return call("Math.cos", x[0]);
            case TAN: return call("Math.tan", x[0]);
            case ASIN: return call("Math.asin", x[0]);
            case ACOS: return call("Math.acos", x[0]);
            case ATAN: return call("Math.atan", x[0]);
            case SINH: return call("Math.sinh", x[0]);
            case COSH: return call("Math.cosh", x[0]);
            case TANH: return call("Math.tanh", x[0]);
            case FLOOR: return call("Math.floor", x[0]);
            case TRUNC: return call("Ops.trunc", x[0]);
            case ROUND: return call("Ops.round", x[0]);
            case SIGN: return call("Math.signum", x[0]);
            case MIN: return call("Math.min", x[0], x[1]);
            case MAX: return call("Math.max", x[0], x[1]);
            case MOD_FLOOR: return call("Ops.modFloor", x[0], x[1]);
            case MOD_TRUNC: return "(" + x[0] + " % " + x[1] + ")";
            case POWER: return call("Math.pow", x[0], x[1]);
            case QUANTUM: return call("Ops.quantum", x[0], x[1]);
            case TO_SINGLE: return "((double) (float) (" + x[0] + "))";
            case SAFEDIV: return call("Ops.safeDiv", x[0], x[1], x.length > 2 ? x[2] : "0.0");
            case XIDZ: return call("Ops.xidz", x[0], x[1], x[2]);
            case ZIDZ: return call("Ops.zidz", x[0], x[1]);
            case STEP: return call("Ops.step", x[0], x[1], "f.time");
            case PULSE_XMILE: return call("Ops.pulseXmile", x[0], x[1], x.length > 2 ? x[2] : "0.0", "f.time", "f.dt");
            case PULSE_VENSIM: return call("Ops.pulseVensim", x[0], x[1], "f.time", "f.dt");
            case PULSE_TRAIN: return call("Ops.pulseTrain", x[0], x[1], x[2], x[3], "f.time");
            case RAMP: return call("Ops.ramp", x[0], x[1], x.length > 2 ? x[2] : "Double.NaN", "f.time");
            case SUM: return parts.fold("0.0", "+", x, "");
            case PROD: return parts.fold("1.0", "*", x, "");
            case MEAN: return parts.fold("0.0", "+", x, " / " + literal(x.length));
            default: return parts.viaOps(fn.fn(), x);
        }
    }

    private static String call(String name, String... args) {
        return name + "(" + String.join(", ", args) + ")";
    }

    /** An array builtin: a helper fills scratch inputs and parameters and calls ArrayOps, as the interpreter does. */
    private String arrayFunction(LExpr.ArrayFn fn) {
        String[] in = new String[fn.inputs().size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = expr(fn.inputs().get(i));
        }
        String[] p = new String[fn.params().size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = expr(fn.params().get(i));
        }
        return parts.arrayHelper(fn, in, p);
    }

    /** An element chosen during the run: a helper computes the indices and calls ComputedSubscript, as the interpreter does. */
    private String elementAt(LExpr.ElementAt at) {
        String[] x = new String[at.indices().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = expr(at.indices().get(i));
        }
        return parts.elementHelper(at, x);
    }

    /** A Java string literal for s: quotes, backslashes and anything outside printable ASCII escaped. */
    static String stringLiteral(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20 || ch > 0x7e) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.append('"').toString();
    }

    private String lookup(LExpr.Lookup l) {
        String x = expr(l.x());
        GraphicalFunction g = l.table();
        Integer id = tableIndex.get(g);
        if (id == null) {
            id = tables.size();
            tables.add(g);
            tableIndex.put(g, id);
            fields.append("  " + PRIVATE + "final GraphicalFunction g").append(id).append(";\n")
                    .append("  " + PRIVATE + "final double[] x").append(id).append(", y").append(id).append(";\n");
            ctor.append("    g").append(id).append(" = g[").append(id).append("];\n")
                    .append("    x").append(id).append(" = g").append(id).append(".xs();\n")
                    .append("    y").append(id).append(" = g").append(id).append(".ys();\n");
        }
        GraphicalFunction.Kind how = l.mode() == LExpr.LookupMode.EXTRAPOLATE ? GraphicalFunction.Kind.EXTRAPOLATE
                : g.kind();
        switch (l.mode()) {
            case AS_DEFINED:
            case EXTRAPOLATE:
                if (!Lookups.fast(g)) {
                    return "g" + id + ".lookup(" + x + ", GraphicalFunction.Kind." + how.name() + ")";
                }
                if (g.xs().length <= TREE_POINTS) {
                    return searchTree(id, g, how) + "(" + x + ")";
                }
                int site = lookupSites++;
                String withG = "(x" + id + ", y" + id + ", g" + id + ", hint, " + site + ", " + x + ")";
                switch (how) {
                    case DISCRETE: return "Lookups.discrete" + withG;
                    case EXTRAPOLATE: return "Lookups.extrapolate" + withG;
                    default:
                        return Lookups.innerZero(g) ? "Lookups.continuousZ" + withG
                                : "Lookups.continuous(x" + id + ", y" + id + ", hint, " + site + ", " + x + ")";
                }
            case FORWARD:
                return "g" + id + ".lookupForward(" + x + ")";
            case BACKWARD:
                return "g" + id + ".lookupBackward(" + x + ")";
            default:
                return "Ops.lookup(g" + id + ", LExpr.LookupMode." + l.mode().name() + ", " + x + ")";
        }
    }

    /**
     * The name of a method that reads table {@code id} as {@code how} by a tree of comparisons with
     * the x values written as constants, and interpolates with constant slopes: the reference's
     * arithmetic ({@code GraphicalFunction.lookup}) with nothing loaded from arrays.
     */
    private String searchTree(int id, GraphicalFunction g, GraphicalFunction.Kind how) {
        String name = "t" + id + how.name().charAt(0);
        String known = treeCalls.get(name);
        if (known != null) {
            return known;
        }
        int part = parts.part();
        treeCalls.put(name, KernelParts.in(part) + name);
        LookupTreeSource.write(parts.get(part), PRIVATE, name, id, g, how);
        return KernelParts.in(part) + name;
    }

    private String random(LExpr.Random r) {
        String[] x = new String[RandomDraws.arity(r.kind())];
        for (int i = 0; i < x.length; i++) {
            x[i] = expr(r.args().get(i));
        }
        String[] callArgs = new String[x.length + 1];
        callArgs[0] = "f.random[" + r.stream() + "]";
        System.arraycopy(x, 0, callArgs, 1, x.length);
        // one draw per step at each call site: a step's later evaluations (Runge-Kutta stages) read it again
        int i = r.stream();
        return "(f.drawnAt[" + i + "] == f.step ? f.drawn[" + i + "] : RandomDraws.keep(f, " + i + ", "
                + call("RandomDraws." + RandomDraws.method(r.kind()), callArgs) + "))";
    }

    /** A Java literal that parses to exactly this double. */
    static String literal(double d) {
        if (Double.isNaN(d)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        // Double.toString round-trips; parentheses keep a minus sign from meeting an operator
        String s = Double.toString(d);
        return d < 0 || (d == 0 && 1 / d < 0) ? "(" + s + ")" : s;
    }

    private static String comment(String s) {
        return s == null ? "a model" : s.replace("*/", "* /").replace('\n', ' ').replace("\\u", "\\ u");
    }
}
