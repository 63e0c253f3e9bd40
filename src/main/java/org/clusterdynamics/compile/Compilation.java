package org.clusterdynamics.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.model.Macro;
import org.clusterdynamics.model.Model;

/**
 * The state of one compilation, shared by its passes: the side tables they fill (dimensions,
 * variables, slots, discrete updates) and the passes themselves, which call one another because
 * lowering an equation may need another variable lowered first.
 */
final class Compilation {
    final Model model;
    final String file;
    final Diagnostics diags = new Diagnostics();
    final Map<String, DimInfo> dims = new LinkedHashMap<>();
    final Map<String, VarInfo> vars = new LinkedHashMap<>();
    final List<SlotDef> slots = new ArrayList<>();
    final Map<String, Macro> macros = new HashMap<>();
    final List<CompiledModel.Assignment> stepUpdates = new ArrayList<>();
    final List<CompiledModel.FixedDelay> delays = new ArrayList<>();
    final List<CompiledModel.NonNegativeStock> nonNegative = new ArrayList<>();
    final List<CompiledModel.Conveyor> conveyors = new ArrayList<>();
    /** The flows a conveyor computes (its outflow and leakages), each with its conveyor's stock. */
    final Map<VarInfo, VarInfo> conveyorFlows = new IdentityHashMap<>();
    /** Control variables given by equations of time, by name, with their slot. */
    final Map<String, Integer> dynamicControls = new LinkedHashMap<>();
    int randomStreams;
    int macroInstances;

    final Declarations declarations;
    final Conveyors conveyorPlan;
    final VariableLowering variables;
    final ElementExpansion elements;
    final ExpressionLowering expressions;
    final Subscripts subscripts;
    final CallLowering calls;
    final Reductions reductions;
    final StatefulBuiltins statefuls;
    final RandomCalls randoms;
    final MacroExpansion macroExpansion;
    final RunSettings settings;
    final Ordering ordering;

    Compilation(Model model) {
        this.model = model;
        this.file = model.sourceName();
        declarations = new Declarations(this);
        conveyorPlan = new Conveyors(this);
        variables = new VariableLowering(this);
        elements = new ElementExpansion(this);
        expressions = new ExpressionLowering(this);
        subscripts = new Subscripts(this);
        calls = new CallLowering(this);
        reductions = new Reductions(this);
        statefuls = new StatefulBuiltins(this);
        randoms = new RandomCalls(this);
        macroExpansion = new MacroExpansion(this);
        settings = new RunSettings(this);
        ordering = new Ordering(this);
    }
}
