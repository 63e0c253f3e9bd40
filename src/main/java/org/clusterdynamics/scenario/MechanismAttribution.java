package org.clusterdynamics.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attributes outcomes to mechanisms: runs the base scenario and, for each mechanism, the base with
 * that mechanism's switch off, and reports each outcome's change (switched-off minus base).
 */
public final class MechanismAttribution {
    private MechanismAttribution() {}

    /**
     * The result.
     *
     * @param baseValues baseValues[outcome]
     * @param offValues offValues[mechanism][outcome]
     */
    public record Result(String base, List<String> mechanisms, List<String> switches, List<Output> outcomes,
                         double[] baseValues, double[][] offValues) {

        public Result {
            mechanisms = List.copyOf(mechanisms);
            switches = List.copyOf(switches);
            outcomes = List.copyOf(outcomes);
        }

        /** Mechanism -> change of one outcome when it is switched off, in mechanism order. */
        public Map<String, Double> changes(int outcome) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < mechanisms.size(); i++) {
                m.put(mechanisms.get(i), offValues[i][outcome] - baseValues[outcome]);
            }
            return m;
        }

        public int outcomeIndex(String name) {
            return Output.indexOf(outcomes, name);
        }

        /** One row per mechanism and outcome: base value, value with the mechanism off, change, change in %. */
        public Table table() {
            List<List<Object>> rows = new ArrayList<>();
            for (int k = 0; k < outcomes.size(); k++) {
                for (int i = 0; i < mechanisms.size(); i++) {
                    double b = baseValues[k];
                    double off = offValues[i][k];
                    rows.add(List.of(mechanisms.get(i), switches.get(i), outcomes.get(k).label(), b, off, off - b,
                            b == 0 ? Double.NaN : 100 * (off - b) / Math.abs(b)));
                }
            }
            return new Table(List.of("mechanism", "switch", "output", base, "switched off", "change", "change %"),
                    rows);
        }
    }

    /**
     * Runs the attribution; {@code mechanisms} maps a label ("IIIc spillovers") to the switch
     * constant that turns it off ("Switch IIIc").
     */
    public static Result run(ScenarioModel sm, Scenario base, Map<String, String> mechanisms, List<Output> outcomes,
                             BatchRunner runner) {
        if (mechanisms.isEmpty()) {
            throw new IllegalArgumentException("attribution: no mechanism given; name the switches to turn off");
        }
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("attribution: no outcome given; name the variables to attribute");
        }
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(base);
        for (Map.Entry<String, String> e : mechanisms.entrySet()) {
            scenarios.add(sm.apply(base.named(base.name() + " without " + e.getKey()),
                    new Change.Switch(e.getValue(), false)));
        }
        List<PreparedRun> runs = scenarios.stream().map(sm::prepare).toList();
        List<String> vars = outcomes.stream().map(Output::variable).distinct().toList();
        int[] slots = RunSeries.slots(runs.get(0).compiled(), vars);
        double[][] values = new double[runs.size()][outcomes.size()];
        runner.run("attribution", runs.size(), runs::get,
                (i, sim, run) -> RunSeries.record(sim, run, slots),
                (i, rs) -> {
                    for (int k = 0; k < outcomes.size(); k++) {
                        values[i][k] = outcomes.get(k).of(rs.times(), rs.values()[vars.indexOf(outcomes.get(k).variable())]);
                    }
                },
                i -> scenarios.get(i).name());
        double[][] off = new double[mechanisms.size()][];
        System.arraycopy(values, 1, off, 0, off.length);
        return new Result(base.name(), new ArrayList<>(mechanisms.keySet()), new ArrayList<>(mechanisms.values()),
                outcomes, values[0], off);
    }
}
