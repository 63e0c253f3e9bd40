package org.clusterdynamics.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.model.SimSpecs;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.scenario.Change;
import org.clusterdynamics.scenario.ScenarioModel;
import org.clusterdynamics.scenario.VariableInfo;

/**
 * The controls of the what-if page, read from the model's own metadata: every scalar constant with
 * a range in the model file (or in the shipped layout) is a lever; 0/1 constants named as switches
 * (or with the range 0..1 in steps of 1, or listed in a layout family) are switches; constants in
 * the model's time units whose name says "start" are start years. Every other scalar constant can
 * still be given a slider from the page, with a range around its value (the run's span for a year).
 */
public final class Controls {

    /** Where a lever's range comes from: the model file, the shipped layout, or around its value. */
    public enum RangeSource { MODEL, LAYOUT, DERIVED }

    /** A constant shown as a slider. */
    public record Lever(String name, String units, String doc, double value, double min, double max, double step,
                        RangeSource range) {}

    /** A 0/1 constant shown as a toggle. */
    public record Switch(String name, String doc, double value) {}

    /** Switches under one heading. */
    public record Family(String title, List<Switch> switches) {}

    /**
     * The year a time-based policy starts; {@code never} when the model's value lies after the run
     * (such a programme does not start within the run).
     */
    public record StartYear(String name, String units, String doc, double value, double min, double max,
                            boolean never) {}

    /** A variable the page can chart (array elements one by one). */
    public record OutputVar(String name, String units, String kind) {}

    private final ScenarioModel model;
    private final List<Lever> levers = new ArrayList<>();
    private final List<Lever> otherConstants = new ArrayList<>();
    private final List<Family> families = new ArrayList<>();
    private final List<StartYear> startYears = new ArrayList<>();
    private final List<OutputVar> outputs = new ArrayList<>();
    /** Canonical name to the checked range of a lever or start year. */
    private final Map<String, double[]> checkedRanges = new LinkedHashMap<>();
    private final Map<String, String> rangeNotes = new LinkedHashMap<>();
    private final Set<String> switchIds = new LinkedHashSet<>();

    /**
     * @param ranges canonical variable name to {min, max, step} as the model file gives them
     */
    public Controls(ScenarioModel model, Map<String, double[]> ranges, Layout layout) {
        this.model = model;
        SimSpecs specs = model.compiled().specs();
        Map<String, VariableInfo> constants = new LinkedHashMap<>();
        for (VariableInfo v : model.variables()) {
            if (v.isConstant() && v.dimensions().isEmpty()) {
                constants.put(VarName.canonical(v.name()), v);
            }
        }
        // switches: layout families first, then every other switch-like constant under "Switches"
        for (Layout.Family f : layout.families()) {
            List<Switch> members = new ArrayList<>();
            for (String n : f.switches()) {
                VariableInfo v = constants.get(VarName.canonical(n));
                if (v != null && isZeroOne(v) && switchIds.add(id(v))) {
                    members.add(new Switch(v.name(), v.documentation(), v.value()));
                }
            }
            if (!members.isEmpty()) {
                families.add(new Family(f.title(), members));
            }
        }
        List<Switch> rest = new ArrayList<>();
        for (VariableInfo v : constants.values()) {
            double[] r = ranges.get(id(v));
            boolean named = v.name().toLowerCase(Locale.ROOT).contains("switch");
            boolean ranged = r != null && r[0] == 0 && r[1] == 1 && r[2] == 1;
            if (isZeroOne(v) && (named || ranged) && switchIds.add(id(v))) {
                rest.add(new Switch(v.name(), v.documentation(), v.value()));
            }
        }
        if (!rest.isEmpty()) {
            families.add(new Family(families.isEmpty() ? "Switches" : "Other switches", rest));
        }
        // start years of time-based policies
        for (VariableInfo v : constants.values()) {
            if (!switchIds.contains(id(v)) && isStartYear(v, specs)) {
                double lo = specs.start();
                double hi = specs.stop();
                startYears.add(new StartYear(v.name(), v.units(), v.documentation(), v.value(), lo, hi,
                        v.value() > hi || v.value() < lo));
                checkedRanges.put(id(v), new double[] {lo, Double.POSITIVE_INFINITY});
                rangeNotes.put(id(v), "a start year from " + num(lo) + " on (a year after " + num(hi) + " means never within the run)");
            }
        }
        // levers: the layout's, then those the model gives a range
        Set<String> taken = new LinkedHashSet<>(switchIds);
        startYears.forEach(s -> taken.add(VarName.canonical(s.name())));
        for (Layout.LeverHint h : layout.levers()) {
            VariableInfo v = constants.get(VarName.canonical(h.name()));
            if (v != null && taken.add(id(v))) {
                double[] r = ranges.get(id(v));
                Lever l = r != null ? lever(v, r[0], r[1], r[2], RangeSource.MODEL)
                        : !Double.isNaN(h.min()) && !Double.isNaN(h.max()) && h.min() < h.max()
                        ? lever(v, h.min(), h.max(), h.step(), RangeSource.LAYOUT) : derived(v, specs);
                levers.add(l);
            }
        }
        for (VariableInfo v : constants.values()) {
            double[] r = ranges.get(id(v));
            if (r != null && taken.add(id(v))) {
                levers.add(lever(v, r[0], r[1], r[2], RangeSource.MODEL));
            }
        }
        for (Lever l : levers) {
            if (l.range() != RangeSource.DERIVED) {
                checkedRanges.put(VarName.canonical(l.name()), new double[] {l.min(), l.max()});
                rangeNotes.put(VarName.canonical(l.name()), num(l.min()) + " .. " + num(l.max())
                        + (l.range() == RangeSource.MODEL ? " (the model's range)" : " (the page layout's range)"));
            }
        }
        for (VariableInfo v : constants.values()) {
            if (!taken.contains(id(v))) {
                otherConstants.add(derived(v, specs));
            }
        }
        CompiledModel cm = model.compiled();
        for (int i = 0; i < cm.slotCount(); i++) {
            if (cm.isSaved(i)) {
                String name = cm.slotNames()[i];
                String base = name.replaceAll("\\[.*$", "");
                String kind = model.variable(base).map(VariableInfo::kind).orElse("aux");
                outputs.add(new OutputVar(name, cm.slotUnits()[i] == null ? "" : cm.slotUnits()[i], kind));
            }
        }
    }

    public List<Lever> levers() {
        return levers;
    }

    public List<Lever> otherConstants() {
        return otherConstants;
    }

    public List<Family> families() {
        return families;
    }

    public List<StartYear> startYears() {
        return startYears;
    }

    public List<OutputVar> outputs() {
        return outputs;
    }

    /**
     * Checks one setting as {@code cdyn run --set} does (the variable exists, a change of it is
     * allowed) and against the range of its control; returns null when it is fine, else the message.
     */
    public String problem(String name, double value) {
        if (!Double.isFinite(value)) {
            return "'" + name + "': the value must be a finite number";
        }
        try {
            model.check(new Change.SetValue(name, value));
        } catch (RuntimeException e) {
            return Messages.of(e);
        }
        String key = VarName.canonical(name);
        if (switchIds.contains(key) && value != 0 && value != 1) {
            return "'" + name + "' is a switch: give 0 (off) or 1 (on), not " + num(value);
        }
        double[] r = checkedRanges.get(key);
        if (r != null && (value < r[0] || value > r[1])) {
            return "'" + name + "' = " + num(value) + " is outside its range " + rangeNotes.get(key)
                    + "; give a value inside it";
        }
        return null;
    }

    public boolean isSwitch(String name) {
        return switchIds.contains(VarName.canonical(name));
    }

    /** The range a value of this constant is checked against ({min, max}), or null when unchecked. */
    public double[] checkedRange(String name) {
        double[] r = checkedRanges.get(VarName.canonical(name));
        return r == null ? null : r.clone();
    }

    private static boolean isZeroOne(VariableInfo v) {
        return v.value() == 0 || v.value() == 1;
    }

    private static boolean isStartYear(VariableInfo v, SimSpecs specs) {
        String units = v.units().strip().toLowerCase(Locale.ROOT);
        String time = specs.timeUnits() == null ? "" : specs.timeUnits().strip().toLowerCase(Locale.ROOT);
        boolean timeUnits = inTimeUnits(units, time);
        boolean named = v.name().toLowerCase(Locale.ROOT).contains("start");
        return timeUnits && named && Double.isFinite(v.value()) && v.value() >= specs.start();
    }

    private static boolean inTimeUnits(String units, String time) {
        return !units.isEmpty() && (units.equals(time) || units.equals(time + "s") || (units + "s").equals(time));
    }

    private static Lever lever(VariableInfo v, double min, double max, double step, RangeSource src) {
        double s = Double.isNaN(step) || step <= 0 ? niceStep(max - min) : step;
        return new Lever(v.name(), v.units(), v.documentation(), v.value(), min, max, s, src);
    }

    /** A range around the value: 0 to twice it (or 0 to 1 for 0); a year inside the run: the run. */
    private static Lever derived(VariableInfo v, SimSpecs specs) {
        double x = v.value();
        String time = specs.timeUnits() == null ? "" : specs.timeUnits().strip().toLowerCase(Locale.ROOT);
        if (inTimeUnits(v.units().strip().toLowerCase(Locale.ROOT), time) && x >= specs.start() && x <= specs.stop()
                && specs.start() < specs.stop()) {
            return lever(v, specs.start(), specs.stop(), Double.NaN, RangeSource.DERIVED);
        }
        double min = x > 0 ? 0 : x < 0 ? 2 * x : 0;
        double max = x > 0 ? 2 * x : x < 0 ? 0 : 1;
        return lever(v, min, max, Double.NaN, RangeSource.DERIVED);
    }

    /** A round step giving about a hundred positions over the span. */
    static double niceStep(double span) {
        double raw = span / 100;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        return (f < 2 ? 1 : f < 5 ? 2 : 5) * mag;
    }

    private static String id(VariableInfo v) {
        return VarName.canonical(v.name());
    }

    /** Numbers as people read them: "0.6", "1985", not "0.6000000000000001" or "1985.0". */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
