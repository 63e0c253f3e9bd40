package org.clusterdynamics.compile;

import java.util.ArrayList;
import java.util.List;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.model.Variable;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.Flow;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.VarName;

/**
 * Conveyors: which flows a conveyor computes (its outflow and leakages), and the level, options and
 * leak fractions that the time loop reads and writes.
 */
final class Conveyors extends CompilerPass {

    Conveyors(Compilation unit) {
        super(unit);
    }

    /**
     * Finds each conveyor's outflow (the one outflow that is not a leakage) and leakages, so that
     * those flows are computed by the conveyor rather than from their equations.
     */
    void planConveyors() {
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
                VarInfo other = unit.conveyorFlows.putIfAbsent(f, v);
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
                    && !unit.conveyorFlows.containsKey(v)) {
                diags.error("E015", Where.of(file, v.qualifiedWritten, f.line()), "'" + v.qualifiedWritten + "' is"
                        + " marked as a leakage (<leak/>) but is not an outflow of a conveyor: make it one, or"
                        + " remove the mark and give it a rate");
            }
        }
    }

    /** A scalar flow of a conveyor, or null after an error. */
    VarInfo conveyorFlow(VarInfo conveyor, Stock st, VarName fn, String role) {
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
    void lowerConveyor(VarInfo v, Stock stock) {
        if (v.count != 1) {
            return; // reported by planConveyors
        }
        SlotDef level = slots.get(v.base);
        level.external = true;
        unit.elements.forEachElement(v, stock.initial(), (off, scope, eq, gf) -> level.init = unit.variables.withTable(unit.expressions.lowerEquation(eq, scope), gf));
        org.clusterdynamics.model.Conveyor c = stock.conveyor();
        int[] option = {-1, -1, -1}; // length, capacity, inflow limit
        Equation[] eqs = {c.length(), c.capacity(), c.inflowLimit()};
        String[] what = {"conveyor transit time", "conveyor capacity", "conveyor inflow limit"};
        for (int i = 0; i < 3; i++) {
            if (eqs[i] == null) {
                continue;
            }
            int k = i;
            unit.elements.forEachElement(v, Definition.of(eqs[i]), (off, scope, eq, gf) -> {
                int slot = newSlot(SlotKind.HIDDEN_AUX, what[k], scope);
                LExpr e = unit.expressions.lowerEquation(eq, scope);
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
            if (f == null || unit.conveyorFlows.get(f.target()) != v) {
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
            unit.elements.forEachElement(flow, Variable.definitionOf(fl), (off, scope, eq, gf) -> {
                int slot = newSlot(SlotKind.HIDDEN_AUX, "leak fraction", scope);
                LExpr e = unit.variables.withTable(unit.expressions.lowerEquation(eq, scope), gf);
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
        unit.conveyors.add(new CompiledModel.Conveyor(v.qualifiedWritten, v.base, ins.stream().mapToInt(Integer::intValue)
                .toArray(), outflow, option[0], option[1], option[2], c.exponentialLeak(), List.copyOf(leaks)));
    }
}
