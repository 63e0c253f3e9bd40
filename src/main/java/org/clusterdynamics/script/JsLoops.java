package org.clusterdynamics.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.chart.ChartStyle;
import org.clusterdynamics.chart.LoopDominanceChart;
import org.clusterdynamics.structure.DominancePeriod;
import org.clusterdynamics.structure.Loop;
import org.clusterdynamics.structure.LoopAnalysis;
import org.clusterdynamics.structure.LoopFinder;
import org.clusterdynamics.structure.LoopTables;
import org.graalvm.polyglot.Value;

/** The feedback loops of a model and their dominance over one run (Loops That Matter), for scripts. */
final class JsLoops extends ApiObject {
    private final Session session;
    private final JsModel model;
    private final LoopAnalysis analysis;
    private final String scenario;

    JsLoops(Session session, JsModel model, LoopAnalysis analysis, String scenario) {
        super(session, "Loops");
        this.session = session;
        this.model = model;
        this.analysis = analysis;
        this.scenario = scenario;
        fn("list", this::list);
        fn("dominance", this::dominance);
        fn("scores", this::scores);
        fn("times", this::times);
        fn("chart", this::chart);
        field("count", analysis.loops().size());
        field("exhaustive", analysis.exhaustive());
        field("scenario", scenario);
    }

    /** list(): every loop: {id, structure, polarity, polarityFrom, variables, path, partition}. */
    Value list(Value... args) {
        new Args("loops.list", "()", args, 0, 0);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < analysis.loops().size(); i++) {
            Loop l = analysis.loops().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", l.id());
            m.put("structure", LoopFinder.structureId(l));
            m.put("polarity", LoopTables.polarity(analysis, i).symbol);
            m.put("polarityFrom", LoopTables.polaritySource(analysis, l));
            m.put("variables", l.variables());
            m.put("path", l.path());
            m.put("partition", l.part() + 1);
            out.add(m);
        }
        return session.js.of(out);
    }

    /** dominance(partition?): periods [{from, to, loops, share}] of the main partition (or the one given, from 1). */
    Value dominance(Value... args) {
        Args a = new Args("loops.dominance", "(partition?)", args, 0, 1);
        int part = part(a);
        List<Object> out = new ArrayList<>();
        for (DominancePeriod p : analysis.dominance(part)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", p.from());
            m.put("to", p.to());
            m.put("loops", p.loops());
            m.put("share", p.share());
            out.add(m);
        }
        return session.js.of(out);
    }

    private int part(Args a) {
        List<Integer> parts = analysis.parts();
        if (parts.isEmpty()) {
            throw a.error("the model has no feedback loops");
        }
        if (!a.has(0)) {
            return parts.get(0);
        }
        int n = a.integer(a.get(0), "partition", 1, Integer.MAX_VALUE) - 1;
        if (!parts.contains(n)) {
            throw a.error("there is no partition " + (n + 1) + "; the loops lie in partitions "
                    + parts.stream().map(p -> Integer.toString(p + 1)).reduce((x, y) -> x + ", " + y).orElse(""));
        }
        return n;
    }

    /** scores(id): the relative loop score per saved step of a loop (R1[North]) or a structure (R1: its copies summed). */
    Value scores(Value... args) {
        Args a = new Args("loops.scores", "(id)", args, 1, 1);
        String id = a.string(0, "id");
        for (int i = 0; i < analysis.loops().size(); i++) {
            if (analysis.loops().get(i).id().equalsIgnoreCase(id)) {
                return session.js.array(analysis.relativeScore(i));
            }
        }
        for (int part : analysis.parts()) {
            for (Map.Entry<String, double[]> e : analysis.relativeByStructure(part).entrySet()) {
                if (e.getKey().equalsIgnoreCase(id)) {
                    return session.js.array(e.getValue());
                }
            }
        }
        throw a.error("no loop '" + id + "'; loops.list() gives their ids");
    }

    /** times(): the times at which the scores are given (every time step of the run). */
    Value times(Value... args) {
        new Args("loops.times", "()", args, 0, 0);
        return session.js.array(analysis.times());
    }

    /**
     * chart(title?, partition?, names?): relative loop scores of the strongest loops, for chart.write or
     * cdyn.report; names ({R1: 'firm entry'}) label a loop "R1: firm entry" instead of by its path.
     */
    JsChart chart(Value... args) {
        Args a = new Args("loops.chart", "(title?, partition?, names?)", args, 0, 3);
        String title = a.has(0) ? a.string(0, "title") : "Loop dominance: " + model.name;
        Args partArgs = new Args("loops.chart", "(title?, partition?, names?)", a.has(1) ? new Value[] {a.get(1)}
                : new Value[0], 0, 1);
        int part = part(partArgs);
        Map<String, double[]> series = LoopTables.labelled(analysis, part);
        if (a.has(2)) {
            Value names = a.get(2);
            if (!names.hasMembers()) {
                throw a.error("names must be an object such as {R1: 'firm entry'}");
            }
            Map<String, double[]> renamed = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : series.entrySet()) {
                // labels read "R1: path"
                String id = e.getKey().substring(0, Math.max(0, e.getKey().indexOf(':')));
                Value n = names.hasMember(id) ? names.getMember(id) : null;
                renamed.put(n != null && n.isString() ? id + ": " + n.asString() : e.getKey(), e.getValue());
            }
            series = renamed;
        }
        return new JsChart(session, LoopDominanceChart.create(title, analysis.times(), series, model.timeUnits(),
                ChartStyle.defaults()));
    }

    @Override
    String describe() {
        return "Loops of '" + model.name + "' (" + analysis.loops().size() + ", scenario " + scenario + ")";
    }
}
