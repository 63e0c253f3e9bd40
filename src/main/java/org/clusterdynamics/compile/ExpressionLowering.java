package org.clusterdynamics.compile;

import java.util.List;
import java.util.Map;
import org.clusterdynamics.compile.LExpr.MathFn;
import org.clusterdynamics.expr.Expr;
import org.clusterdynamics.expr.ExprParser;
import org.clusterdynamics.expr.ParseException;
import org.clusterdynamics.model.Dialect;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.VarName;

/**
 * Lowers an equation (parsed once) to an {@link LExpr} in a scope: numbers, operators, IF, and
 * names resolved to slots, builtin values, dimension positions or element positions.
 */
final class ExpressionLowering extends CompilerPass {

    private boolean divisionRuleSaid;
    /** A file saved by Stella or iThink, whose arithmetic follows isee's rules. */
    private final boolean stellaFile;
    private final Map<Equation, Expr> parsed = new java.util.IdentityHashMap<>();
    private final java.util.Set<Equation> unreadable = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    ExpressionLowering(Compilation unit) {
        super(unit);
        String name = unit.model.source() == null ? "" : unit.model.source().getFileName().toString()
                .toLowerCase(java.util.Locale.ROOT);
        stellaFile = unit.model.dialect() == Dialect.XMILE && (name.endsWith(".stmx") || name.endsWith(".itmx"));
    }

    LExpr lowerEquation(Equation eq, Scope scope) {
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

    static String abbreviate(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > 80 ? t.substring(0, 77) + "..." : t;
    }

    LExpr lower(Expr e, Scope s) {
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
            if (b.op() == Expr.BinaryOp.DIV && stellaFile && !(r instanceof LExpr.Const rc && rc.value() != 0)) {
                return stellaDivision(l, r, s);
            }
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
            return unit.calls.lowerCall(c, s);
        }
        diags.error("E010", where(s), "an inline table can only be the second argument of WITH LOOKUP");
        throw new Abandon();
    }

    /**
     * Division in a model saved by Stella or iThink (.stmx, .itmx): a division by zero gives 0 (0/0
     * included) instead of stopping the run. This rule comes from issue 13's account of Stella, not from
     * a document: the stored copy of isee's Operators page
     * (https://iseesystems.com/resources/help/v3/Content/08-Reference/07-Builtins/Operators.htm) holds
     * only its beginning, which does not state it, and the XMILE 1.0 standard (section Operators) gives
     * no rule. Other files keep IEEE arithmetic, whose infinity or NaN stops the run with an error
     * naming the variable, as Vensim stops on a floating-point error (its user guide, chapter 7,
     * http://www.vensim.com/documentation/html/usr07.htm, and https://vensim.com/documentation/20530.html:
     * a division by a zero "causes an error"). Said once per model. See docs/functions.md.
     */
    private LExpr stellaDivision(LExpr l, LExpr r, Scope s) {
        if (!divisionRuleSaid) {
            divisionRuleSaid = true;
            diags.warning("W013", where(s), "divisions by zero in this model give 0, the rule this engine applies to"
                    + " Stella's .stmx/.itmx files (Vensim would stop with a floating-point error; isee's help pages"
                    + " read for this engine do not state Stella's rule, see docs/functions.md): guard a division"
                    + " whose divisor can be 0 with SAFEDIV or an IF when another value is meant");
        }
        LExpr q = new LExpr.Fn(MathFn.SAFEDIV, List.of(l, r));
        if (l instanceof LExpr.Const lc && r instanceof LExpr.Const rc) {
            return new LExpr.Const(Ops.safeDiv(lc.value(), rc.value(), 0));
        }
        return q;
    }

    VarInfo findVar(String id, Scope s) {
        VarInfo v = vars.get(s.ns() + id);
        if (v == null && !s.ns().isEmpty() && s.macroParams() == null) {
            v = null; // module equations see only their own model's names
        }
        return v == null ? null : v.target();
    }

    LExpr lowerRef(Expr.Ref r, Scope s) {
        String id = r.name().id();
        if (s.macroParams() != null && s.macroParams().containsKey(id)) {
            return s.macroArgs().get(s.macroParams().get(id));
        }
        VarInfo v = findVar(id, s);
        if (v == null) {
            LExpr builtin = builtinValue(id);
            if (builtin != null && r.subscripts().isEmpty()) {
                return builtin;
            }
            if (id.equals("self") && r.subscripts().isEmpty() && s.owner() != null && s.owner().base >= 0
                    && s.macroParams() == null) {
                // Stella's SELF: the element being defined (as in PREVIOUS(SELF, init))
                int off = unit.elements.offsetFor(s.owner(), s.binding());
                if (off >= 0) {
                    return new LExpr.Slot(s.owner().base + off);
                }
            }
            if (dims.containsKey(id) && s.binding().containsKey(id)) {
                // a dimension used as a value: the position of the current element
                return new LExpr.Const(unit.subscripts.elementPosition(s.binding().get(id)));
            }
            if (dims.containsKey(id)) {
                DimInfo mapped = unit.subscripts.boundMapping(dims.get(id), s);
                if (mapped != null) {
                    return new LExpr.Const(mapped.indexOf(s.binding().get(mapped.id())) + 1);
                }
            }
            int position = unit.subscripts.elementPosition(id);
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
        return unit.subscripts.reference(v, r.subscripts(), s, r.name().asWritten());
    }

    String suggestion(String id, Scope s) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (Map.Entry<String, VarInfo> en : vars.entrySet()) {
            if (!en.getKey().startsWith(s.ns())) {
                continue;
            }
            int d = VarName.editDistance(id, en.getKey().substring(s.ns().length()));
            if (d < bestD) {
                bestD = d;
                best = en.getValue().var.name().asWritten();
            }
        }
        return best != null && bestD <= Math.max(2, id.length() / 4) ? " (did you mean '" + best + "'?)" : "";
    }

    LExpr builtinValue(String id) {
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
}
