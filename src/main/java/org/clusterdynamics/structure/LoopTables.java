package org.clusterdynamics.structure;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.clusterdynamics.files.AtomicFiles;

/** The tables of a loop analysis: the loops, their relative scores over time, and the periods of dominance. */
public final class LoopTables {
    private LoopTables() {}

    /** Where a loop's polarity comes from: "equation" when every link's sign shows in its equation, else "run". */
    public static String polaritySource(LoopAnalysis a, Loop loop) {
        for (SlotGraph.Link l : loop.links()) {
            if (!"equation".equals(a.linkSign(l).source())) {
                return "run";
            }
        }
        return "equation";
    }

    /** The polarity to show: the structural one, or the run's where the structure leaves it open. */
    public static Polarity polarity(LoopAnalysis a, int i) {
        Loop l = a.loops().get(i);
        return l.polarity() != Polarity.UNKNOWN ? l.polarity() : a.runPolarity(i);
    }

    /** loops.csv: id, polarity, where it comes from, length, cycle partition, path. */
    public static void writeLoops(LoopAnalysis a, Path file) throws IOException {
        write(file, List.of("loop", "polarity", "polarity from", "variables", "partition", "path"), rows -> {
            for (int i = 0; i < a.loops().size(); i++) {
                Loop l = a.loops().get(i);
                rows.add(List.of(l.id(), polarity(a, i).symbol, polaritySource(a, l),
                        Integer.toString(l.variables().size()), Integer.toString(l.part() + 1), l.path()));
            }
        });
    }

    /** loop-scores.csv: time, then each loop's relative score (and its loop score) per step. */
    public static void writeScores(LoopAnalysis a, Path file) throws IOException {
        List<String> header = new ArrayList<>();
        header.add("time");
        for (Loop l : a.loops()) {
            header.add(l.id() + " relative");
        }
        for (Loop l : a.loops()) {
            header.add(l.id() + " score");
        }
        write(file, header, rows -> {
            double[] t = a.times();
            for (int r = 0; r < t.length; r++) {
                List<String> row = new ArrayList<>();
                row.add(num(t[r]));
                for (int i = 0; i < a.loops().size(); i++) {
                    row.add(num(a.relativeScore(i)[r]));
                }
                for (int i = 0; i < a.loops().size(); i++) {
                    row.add(num(a.score(i)[r]));
                }
                rows.add(row);
            }
        });
    }

    /**
     * loop-dominance.csv: from, to, the dominant loops (by structure), their mean combined share, and
     * all of those loops (the label names a few), the leading one first.
     */
    public static void writeDominance(LoopAnalysis a, Path file) throws IOException {
        write(file, List.of("partition", "from", "to", "dominant loops", "share", "loops"), rows -> {
            for (int part : a.parts()) {
                for (DominancePeriod p : a.dominance(part)) {
                    rows.add(List.of(Integer.toString(part + 1), num(p.from()), num(p.to()), p.label(),
                            num(p.share()), String.join(" + ", p.loops())));
                }
            }
        });
    }

    private interface Rows {
        void fill(List<List<String>> rows);
    }

    private static void write(Path file, List<String> header, Rows fill) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        fill.fill(rows);
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                    .build())) {
                for (List<String> r : rows) {
                    p.printRecord(r);
                }
            }
        });
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** The relative scores by structure in one partition, keyed "R1: A -> B -> A" for legends. */
    public static Map<String, double[]> labelled(LoopAnalysis a, int part) {
        Map<String, double[]> by = a.relativeByStructure(part);
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<Loop>> e : structures(a).entrySet()) {
            if (by.containsKey(e.getKey())) {
                List<String> vs = e.getValue().get(0).structure();
                // short, so that the legend leaves room for the plot; loops.csv has the whole path
                String path = vs.size() <= 2 ? String.join(" -> ", vs) : vs.get(0) + " ... (" + vs.size() + ")";
                out.put(e.getKey() + ": " + path, by.get(e.getKey()));
            }
        }
        return out;
    }

    /** Loops by structure id (R1 -> R1[North], R1[South]). */
    public static Map<String, List<Loop>> structures(LoopAnalysis a) {
        Map<String, List<Loop>> m = new java.util.LinkedHashMap<>();
        for (Loop l : a.loops()) {
            m.computeIfAbsent(LoopFinder.structureId(l), k -> new ArrayList<>()).add(l);
        }
        return m;
    }
}
