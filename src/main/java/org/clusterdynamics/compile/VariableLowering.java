package org.clusterdynamics.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.compile.LExpr.MathFn;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.expr.Expr;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.Dialect;
import org.clusterdynamics.model.Flow;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.Variable;

/**
 * Lowers each variable, element by element, into the initial, dynamic and rate expressions of its
 * slots: stocks with their flows, flows, auxiliaries, Stella constant lists and Vensim control variables.
 */
final class VariableLowering extends CompilerPass {

    /** Names of Vensim's control variables, which become run settings. */
    private static final Map<String, LExpr.Param.Which> CONTROL = Map.of(
            "initial_time", LExpr.Param.Which.START,
            "final_time", LExpr.Param.Which.STOP,
            "time_step", LExpr.Param.Which.DT,
            "saveper", LExpr.Param.Which.SAVE_STEP);

    VariableLowering(Compilation unit) {
        super(unit);
    }

    /** Lowers a variable unless done already; constants needed at compile time are lowered early. */
    void lowerOnce(VarInfo v) {
        if (v.lowered) {
            return;
        }
        v.lowered = true;
        lowerVariable(v);
    }

    void lowerVariable(VarInfo v) {
        Variable var = v.var;
        if (var instanceof Stock stock && stock.conveyor() != null) {
            unit.conveyorPlan.lowerConveyor(v, stock);
            return;
        }
        if (unit.conveyorFlows.containsKey(v)) {
            // the conveyor sets this flow at every step; its equation (a leak fraction) is lowered with the conveyor
            SlotDef s = slots.get(v.base);
            s.init = new LExpr.Const(0);
            s.external = true;
            return;
        }
        if (var instanceof Stock stock) {
            unit.elements.forEachElement(v, stock.initial(), (off, scope, eq, gf) -> {
                SlotDef s = slots.get(v.base + off);
                s.init = withTable(unit.expressions.lowerEquation(eq, scope), gf);
            });
            if (stock.netRate() != null) {
                unit.elements.forEachElement(v, stock.netRate(), (off, scope, eq, gf) -> slots.get(v.base + off).rate =
                        unit.expressions.lowerEquation(eq, scope));
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
        Definition def = Variable.definitionOf(var);
        if (constantList(v, def)) {
            return;
        }
        boolean nonNegFlow = var instanceof Flow f && f.nonNegative();
        unit.elements.forEachElement(v, def, (off, scope, eq, gf) -> {
            SlotDef s = slots.get(v.base + off);
            LExpr e = withTable(unit.expressions.lowerEquation(eq, scope), gf);
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

    /** Stella writes an array of constants as one comma-separated list, element by element. */
    boolean constantList(VarInfo v, Definition def) {
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

    LExpr controlParam(VarInfo v) {
        LExpr.Param.Which w = CONTROL.get(v.var.name().id());
        return w == null ? null : new LExpr.Param(w);
    }

    LExpr withTable(LExpr e, GraphicalFunction gf) {
        return gf == null ? e : new LExpr.Lookup(gf, e, LExpr.LookupMode.AS_DEFINED);
    }

    LExpr flowSum(VarInfo stockVar, int offset, Stock stock) {
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
            unit.nonNegative.add(new CompiledModel.NonNegativeStock(stockVar.base + offset,
                    ins.stream().mapToInt(Integer::intValue).toArray(), outs.stream().mapToInt(Integer::intValue).toArray()));
            // the time loop cuts these flows to what the stock holds: a constant one must be computed
            // again at every step, or a cut would last for the rest of the run
            for (int o : outs) {
                slots.get(o).clipped = true;
            }
        }
        return sum == null ? new LExpr.Const(0) : sum;
    }

    LExpr initialOf(int slot) {
        if (slot < 0 || slot >= slots.size()) {
            return null;
        }
        SlotDef def = slots.get(slot);
        if (def.init == null && def.owner != null && !def.owner.lowered && def.owner.base >= 0) {
            lowerOnce(def.owner);
        }
        return def.init;
    }
}
