package org.clusterdynamics.compile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.model.SimSpecs;

/**
 * A model ready to simulate: every scalar value has a slot in one {@code double[]}, with the
 * order in which slots are initialised, the order in which auxiliaries and flows are recomputed
 * at each evaluation, the stocks' rates, and the once-per-step updates of discrete state.
 *
 * @param initOrder slots in dependency order with the expression that gives their initial value
 * @param dynamicOrder slots recomputed at every evaluation (those that depend on time or state)
 * @param stocks integrated slots with their rate expressions
 * @param stepUpdates discrete state set at the end of every step from values at the step's start
 * @param delays DELAY FIXED pipelines
 * @param nonNegativeStocks XMILE non-negative stocks whose outflows are limited
 * @param randomStreams number of random call sites (each draws from its own stream)
 * @param controls slots of run settings that change during the run
 * @param conveyors XMILE conveyors, advanced once per step by the time loop
 */
public record CompiledModel(
        String source,
        SimSpecs specs,
        String[] slotNames,
        SlotKind[] slotKinds,
        String[] slotUnits,
        List<Assignment> initOrder,
        List<Assignment> dynamicOrder,
        List<StockRate> stocks,
        List<Assignment> stepUpdates,
        List<FixedDelay> delays,
        List<NonNegativeStock> nonNegativeStocks,
        int randomStreams,
        boolean usesDiscreteState,
        RunControls controls,
        boolean singlePrecision,
        List<Conveyor> conveyors) {

    /** A model without conveyors. */
    public CompiledModel(String source, SimSpecs specs, String[] slotNames, SlotKind[] slotKinds, String[] slotUnits,
            List<Assignment> initOrder, List<Assignment> dynamicOrder, List<StockRate> stocks,
            List<Assignment> stepUpdates, List<FixedDelay> delays, List<NonNegativeStock> nonNegativeStocks,
            int randomStreams, boolean usesDiscreteState, RunControls controls, boolean singlePrecision) {
        this(source, specs, slotNames, slotKinds, slotUnits, initOrder, dynamicOrder, stocks, stepUpdates, delays,
                nonNegativeStocks, randomStreams, usesDiscreteState, controls, singlePrecision, List.of());
    }

    /** A double-precision model (what the compiler makes; see {@link SinglePrecision}). */
    public CompiledModel(String source, SimSpecs specs, String[] slotNames, SlotKind[] slotKinds, String[] slotUnits,
            List<Assignment> initOrder, List<Assignment> dynamicOrder, List<StockRate> stocks,
            List<Assignment> stepUpdates, List<FixedDelay> delays, List<NonNegativeStock> nonNegativeStocks,
            int randomStreams, boolean usesDiscreteState, RunControls controls) {
        this(source, specs, slotNames, slotKinds, slotUnits, initOrder, dynamicOrder, stocks, stepUpdates, delays,
                nonNegativeStocks, randomStreams, usesDiscreteState, controls, false, List.of());
    }

    /**
     * Slots whose values set the stop time, time step and save step as the run goes (Vensim control
     * variables given by equations of time), or -1 where the setting is fixed.
     */
    public record RunControls(int stop, int dt, int saveStep) {
        /** All settings fixed. */
        public static final RunControls NONE = new RunControls(-1, -1, -1);

        public boolean any() {
            return stop >= 0 || dt >= 0 || saveStep >= 0;
        }
    }

    /** slot := expression. */
    public record Assignment(int slot, LExpr expr) {}

    /** d(slot)/dt = rate. */
    public record StockRate(int slot, LExpr rate) {}

    /**
     * A DELAY FIXED pipeline: {@code output} holds input(t - delay); the delay time is fixed at
     * the initial time; {@code initial} fills the pipeline. With {@code missing} (not null) it is
     * Vensim's DELAY MATERIAL with a delay time read at every step: each step's input leaves after
     * the delay time of its own step, inputs leaving at the same step are added, and a step where
     * nothing leaves gives {@code missing}.
     */
    public record FixedDelay(int output, LExpr input, LExpr delayTime, LExpr initial, LExpr missing) {
        public FixedDelay(int output, LExpr input, LExpr delayTime, LExpr initial) {
            this(output, input, delayTime, initial, null);
        }

        /** Whether the delay time is read at every step (DELAY MATERIAL with a changing delay time). */
        public boolean material() {
            return missing != null;
        }
    }

    /**
     * An XMILE conveyor. Its stock, outflow and leakage slots have no equations: the time loop sets
     * them from the conveyor's contents. The other fields are slots of values the compiler computes
     * (-1 where absent): {@code length} is set once at the initial time, {@code capacity},
     * {@code inflowLimit} and the leak fractions at every evaluation.
     *
     * @param name the conveyor as written, for messages
     * @param stock the conveyor's level (the sum of what is on it)
     * @param inflows inflow slots; when capacity or the inflow limit binds, the first listed is served first
     * @param outflow the slot of the flow that carries what reaches the end
     */
    public record Conveyor(String name, int stock, int[] inflows, int outflow, int length, int capacity,
            int inflowLimit, boolean exponentialLeak, List<ConveyorLeak> leaks) {}

    /**
     * A conveyor's leakage flow: {@code flow} is its slot, {@code fraction} the slot of its leak
     * fraction; the zone is a part of the length, 0 at the entry and 1 at the exit.
     */
    public record ConveyorLeak(int flow, int fraction, double zoneStart, double zoneEnd) {}

    /** A stock that must not go negative: its outflows, in priority order, are cut to what it holds. */
    public record NonNegativeStock(int stock, int[] inflows, int[] outflows) {}

    public int slotCount() {
        return slotNames.length;
    }

    /** Slots that are written to results: model stocks, flows and auxiliaries. */
    public boolean isSaved(int slot) {
        SlotKind k = slotKinds[slot];
        return k == SlotKind.STOCK || k == SlotKind.FLOW || k == SlotKind.AUX;
    }

    /** The slot of a saved variable by name (as written or canonical), or -1. */
    public int slotOf(String name) {
        return nameIndex().getOrDefault(org.clusterdynamics.model.VarName.outputKey(name), -1);
    }

    private Map<String, Integer> nameIndex() {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < slotNames.length; i++) {
            if (isSaved(i)) {
                m.putIfAbsent(org.clusterdynamics.model.VarName.outputKey(slotNames[i]), i);
            }
        }
        return m;
    }
}
