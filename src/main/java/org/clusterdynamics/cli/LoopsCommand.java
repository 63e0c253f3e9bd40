package org.clusterdynamics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.clusterdynamics.chart.ChartExport;
import org.clusterdynamics.chart.ChartStyle;
import org.clusterdynamics.chart.ExportOptions;
import org.clusterdynamics.chart.Figure;
import org.clusterdynamics.chart.LoopDominanceChart;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.structure.DominancePeriod;
import org.clusterdynamics.structure.Loop;
import org.clusterdynamics.structure.LoopAnalysis;
import org.clusterdynamics.structure.LoopFinder;
import org.clusterdynamics.structure.LoopTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code cdyn loops} command: lists a model's feedback loops and, with --scores, their dominance over a run. */
@Command(name = "loops", mixinStandardHelpOptions = true,
        description = "Lists the feedback loops of a model with their polarities; with --scores, scores them over a"
                + " run (Loops That Matter) and tells which loops dominate when.",
        footerHeading = "%nExamples:%n",
        footer = {"  cdyn loops models/punjab-clusters.xmile",
            "  cdyn loops models/punjab-clusters.xmile --scores --out loops/"})
public final class LoopsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model file.")
    Path modelFile;

    @Option(names = "--scores", description = "Score the loops over a run and print the periods of dominance.")
    boolean scores;

    @Option(names = "--out", paramLabel = "DIR", description = "With --scores: folder for loops.csv,"
            + " loop-scores.csv, loop-dominance.csv and loop-dominance.png/.svg.")
    Path outDir;

    @Option(names = "--max-loops", paramLabel = "N", defaultValue = "" + LoopFinder.DEFAULT_MAX_LOOPS,
            description = "Stop with a message beyond this many loops (default ${DEFAULT-VALUE}).")
    int maxLoops;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Set a constant for the run (repeatable).")
    List<String> sets = List.of();

    @Option(names = "--dt", description = "Time step of the run that scores the loops.")
    Double dt;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (outDir != null && !scores) {
            err.println("--out writes the loop scores: add --scores");
            return 2;
        }
        if (maxLoops < 1) {
            err.println("--max-loops " + maxLoops + " must be at least 1");
            return 2;
        }
        if (outDir != null && Files.exists(outDir) && !Files.isDirectory(outDir)) {
            err.println("--out " + outDir + " is a file; give a folder for the tables and the chart");
            return 2;
        }
        try {
            RunOptions options = RunOptions.defaults();
            for (String s : sets) {
                int eq = s.lastIndexOf('=');
                if (eq <= 0) {
                    err.println("--set '" + s + "' must be NAME=VALUE, e.g. --set \"contact rate=5\"");
                    return 2;
                }
                try {
                    options = options.withConstant(s.substring(0, eq).strip(),
                            Double.parseDouble(s.substring(eq + 1).strip()));
                } catch (NumberFormatException e) {
                    err.println("--set " + s + ": '" + s.substring(eq + 1).strip() + "' is not a number");
                    return 2;
                }
            }
            if (dt != null) {
                options = options.withDt(dt);
            }
            CompiledModel compiled = ModelCompiler.compile(ModelFiles.read(modelFile));
            LoopAnalysis a = LoopAnalysis.of(compiled, options, maxLoops);
            list(a, out);
            if (scores) {
                dominance(a, out);
                if (outDir != null) {
                    write(a, compiled);
                    out.println("wrote loops.csv, loop-scores.csv, loop-dominance.csv, loop-dominance.png and"
                            + " loop-dominance.svg into " + outDir);
                }
            }
            out.flush();
            return 0;
        } catch (ModelException e) {
            return Reporting.fail(e, err);
        } catch (IllegalArgumentException e) {
            err.println(modelFile + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("cannot write into " + outDir + ": " + e.getMessage());
            return 1;
        }
    }

    private void list(LoopAnalysis a, PrintWriter out) {
        Map<String, List<Loop>> structures = LoopTables.structures(a);
        if (!a.exhaustive()) {
            out.println("More than " + maxLoops + " loops: listed are the loops the strongest-path search found"
                    + " (those that matter at some step of the run; weak loops may be missing).");
        }
        out.println(modelFile + ": " + a.loops().size() + " feedback loop" + (a.loops().size() == 1 ? "" : "s")
                + (structures.size() != a.loops().size() ? " (" + structures.size() + " by structure, arrays"
                + " counted once)" : ""));
        for (Map.Entry<String, List<Loop>> e : structures.entrySet()) {
            Loop first = e.getValue().get(0);
            int i = a.loops().indexOf(first);
            String copies = e.getValue().size() > 1 ? "  (" + e.getValue().size() + " copies: "
                    + e.getValue().stream().map(Loop::elements).reduce((x, y) -> x + "; " + y).orElse("") + ")" : "";
            out.println(String.format("%-5s %s %-8s %s%s", e.getKey(), LoopTables.polarity(a, i).symbol,
                    "(" + LoopTables.polaritySource(a, first) + ")", String.join(" -> ", first.structure()) + " -> "
                            + first.structure().get(0), copies));
        }
    }

    private void dominance(LoopAnalysis a, PrintWriter out) {
        out.println();
        out.println("Dominant loops (the fewest loops explaining at least half of the change), by cycle partition:");
        for (int part : a.parts()) {
            List<String> stocks = a.stocksOf(part);
            out.println("partition " + (part + 1) + " (stocks: " + String.join(", ", stocks.subList(0,
                    Math.min(8, stocks.size()))) + (stocks.size() > 8 ? ", ..." : "") + ")");
            for (DominancePeriod p : a.dominance(part)) {
                out.println(String.format("  %s to %s: %s (%.0f%%)", LoopTablesFormat.num(p.from()),
                        LoopTablesFormat.num(p.to()), p.label(), 100 * p.share()));
            }
        }
    }

    private void write(LoopAnalysis a, CompiledModel compiled) throws IOException {
        Files.createDirectories(outDir);
        LoopTables.writeLoops(a, outDir.resolve("loops.csv"));
        LoopTables.writeScores(a, outDir.resolve("loop-scores.csv"));
        LoopTables.writeDominance(a, outDir.resolve("loop-dominance.csv"));
        String name = modelFile.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        int main = a.parts().get(0);
        Figure f = LoopDominanceChart.create("Loop dominance: " + name, a.times(), LoopTables.labelled(a, main),
                compiled.specs().timeUnits(), ChartStyle.defaults());
        ChartExport.write(f, outDir.resolve("loop-dominance.png"), ExportOptions.defaults());
        ChartExport.write(f, outDir.resolve("loop-dominance.svg"), ExportOptions.defaults());
    }

    /** Times printed without trailing zeros. */
    private static final class LoopTablesFormat {
        static String num(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                    : String.format(java.util.Locale.ROOT, "%.4g", v);
        }
    }
}
