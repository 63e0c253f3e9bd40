package org.clusterdynamics.compile;

import java.util.ArrayList;
import java.util.List;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.model.Dimension;
import org.clusterdynamics.model.Macro;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.SimSpecs;

/**
 * Turns a {@link Model} into a {@link CompiledModel}: parses every equation, expands arrays to
 * scalar slots, resolves names, desugars stateful builtins into stocks and discrete state, and
 * sorts the equations. Every problem found is a diagnostic; any error stops compilation.
 *
 * <p>The work is done by passes that share one {@link Compilation}: {@link Declarations},
 * {@link Conveyors}, {@link VariableLowering} (with {@link ElementExpansion},
 * {@link ExpressionLowering}, {@link Subscripts}, {@link CallLowering}, {@link Reductions},
 * {@link StatefulBuiltins}, {@link RandomCalls}, {@link MacroExpansion}), {@link RunSettings}
 * and {@link Ordering}. This class runs them in order and assembles the result.
 */
public final class ModelCompiler {

    private final Compilation unit;

    private ModelCompiler(Model model) {
        this.unit = new Compilation(model);
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
            // diagnostics are in c.unit.diags
        }
        return c.unit.diags;
    }

    private CompiledModel run() {
        Model model = unit.model;
        Diagnostics diags = unit.diags;
        for (Macro m : model.macros()) {
            unit.macros.put(m.name().id(), m);
        }
        for (Dimension d : model.dimensions()) {
            unit.declarations.addDimension(d);
        }
        for (Model sub : model.subModels().values()) {
            for (Dimension d : sub.dimensions()) {
                if (!unit.dims.containsKey(d.name().id())) {
                    unit.declarations.addDimension(d);
                }
            }
        }
        unit.declarations.declare(model, "");
        diags.throwIfErrors();
        unit.conveyorPlan.planConveyors();
        diags.throwIfErrors();
        for (VarInfo v : new ArrayList<>(unit.vars.values())) {
            if (v.alias == null && v.base >= 0 && !v.ns.contains("#")) {
                unit.variables.lowerOnce(v);
            }
        }
        diags.throwIfErrors();
        SimSpecs specs = unit.settings.resolveSpecs();
        diags.throwIfErrors();
        CompiledModel.RunControls controls = unit.settings.runControls();
        List<CompiledModel.Assignment> init = unit.ordering.initOrder();
        diags.throwIfErrors(); // a loop found here would be reported again by the dynamic sort
        List<CompiledModel.Assignment> dynamic = unit.ordering.dynamicOrder();
        diags.throwIfErrors();
        List<SlotDef> slots = unit.slots;
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
        boolean discrete = !unit.stepUpdates.isEmpty() || !unit.delays.isEmpty() || unit.randomStreams > 0
                || !unit.conveyors.isEmpty();
        return new CompiledModel(unit.file, specs, names, kinds, units, init, dynamic, rates,
                List.copyOf(unit.stepUpdates), List.copyOf(unit.delays), List.copyOf(unit.nonNegative),
                unit.randomStreams, discrete, controls, false, List.copyOf(unit.conveyors));
    }
}
