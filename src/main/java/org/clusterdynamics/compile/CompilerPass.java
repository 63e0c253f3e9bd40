package org.clusterdynamics.compile;

import java.util.List;
import java.util.Map;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.Variable;

/** One pass of the compiler: what every pass reads of the compilation, and the helpers they share. */
abstract class CompilerPass {
    final Compilation unit;
    final Model model;
    final String file;
    final Diagnostics diags;
    final Map<String, DimInfo> dims;
    final Map<String, VarInfo> vars;
    final List<SlotDef> slots;

    CompilerPass(Compilation unit) {
        this.unit = unit;
        this.model = unit.model;
        this.file = unit.file;
        this.diags = unit.diags;
        this.dims = unit.dims;
        this.vars = unit.vars;
        this.slots = unit.slots;
    }

    Where where(Variable v, String ns) {
        return Where.of(file, ns + v.name().asWritten(), v.line());
    }

    Where where(Scope s) {
        return Where.of(file, s.owner() == null ? null : s.owner().qualifiedWritten, s.line());
    }

    /** A hidden slot for the state or intermediate value of a builtin, named after its owner. */
    int newSlot(SlotKind kind, String what, Scope s) {
        String owner = s.owner() == null ? "model" : s.owner().qualifiedWritten;
        slots.add(new SlotDef("#" + what + "(" + owner + ")#" + slots.size(), kind, "", s.owner(), s.line()));
        return slots.size() - 1;
    }

    static int lineOf(Equation eq, Variable v) {
        return eq != null && eq.line() > 0 ? eq.line() : v.line();
    }

    /** Runs one equation's lowering; an {@link Abandon} means its diagnostic is recorded already. */
    void guarded(Runnable r) {
        try {
            r.run();
        } catch (Abandon a) {
            // diagnostic already recorded
        }
    }
}
