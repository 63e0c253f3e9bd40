package org.clusterdynamics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.clusterdynamics.chart.ChartExport;
import org.clusterdynamics.chart.ChartStyle;
import org.clusterdynamics.chart.ExportOptions;
import org.clusterdynamics.chart.Figure;
import org.clusterdynamics.chart.SensitivityChart;
import org.clusterdynamics.fit.FitParameter;
import org.clusterdynamics.fit.Sensitivity;
import org.clusterdynamics.fit.SensitivityResult;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.scenario.BatchRunner;
import org.clusterdynamics.scenario.Output;
import org.clusterdynamics.scenario.Scenario;
import org.clusterdynamics.scenario.ScenarioModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code cdyn sensitivity} command: Sobol indices or Morris screening of outputs to constants. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"Global sensitivity of outputs to constants varied over ranges: Sobol first-order and total"
                + " indices (Saltelli sampling, Jansen estimators, bootstrap 95%% intervals) or Morris elementary"
                + " effects, with one-at-a-time swings for a tornado chart. The same --seed gives the same indices"
                + " for any --threads.",
            "With --out DIR it writes indices.csv, tornado.csv, indices.png and tornado.png (charts of the first output)."},
        footerHeading = "%nExamples:%n",
        footer = {"  cdyn sensitivity sir.xmile --vary \"Contact Rate=0.3..0.8\" --vary \"Recovery Rate=0.1..0.3\" --output Infected:max",
            "  cdyn sensitivity model.xmile --vary \"A=0..1\" --vary \"B=1..2\" --output X@2000 --method morris --samples 20"})
public final class SensitivityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model file.")
    Path modelFile;

    @Option(names = "--vary", required = true, paramLabel = "NAME=LO..HI", description = "A constant and its range (repeatable).")
    List<String> vary = List.of();

    @Option(names = "--output", required = true, paramLabel = "NAME[@T|:STAT]",
            description = "An output: a variable's final value, its value at time T, or a statistic (max, min, mean,"
                    + " initial, timeOfMax, timeOfMin) (repeatable).")
    List<String> outputs = List.of();

    @Option(names = "--method", paramLabel = "sobol|morris", defaultValue = "sobol", description = "Default sobol.")
    String method;

    @Option(names = "--samples", paramLabel = "N", description = "Sobol: base sample N, N (k + 2) runs (default 1024);"
            + " Morris: trajectories r, r (k + 1) runs (default 20).")
    Integer samples;

    @Option(names = "--levels", paramLabel = "P", defaultValue = "4", description = "Morris grid levels (even; default 4).")
    int levels;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "200", description = "Sobol bootstrap resamples (default 200).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the design and the bootstrap.")
    long seed;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Hold a constant at a value (repeatable).")
    List<String> sets = List.of();

    @Option(names = "--set-file", paramLabel = "FILE", description = "Constants from a settings file (e.g. calibrated.txt).")
    List<Path> setFiles = List.of();

    @Option(names = "--threads", paramLabel = "T", description = "Threads for the runs (default: one per core).")
    Integer threads;

    @Option(names = "--spark", paramLabel = "MASTER", description = SparkOption.HELP)
    String spark;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "0", description = "Stop after this long (0: no limit).")
    double timeout;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the tables and charts.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<FitParameter> factors = new ArrayList<>();
        List<Output> outs = new ArrayList<>();
        Sensitivity.Method m;
        Map<String, Double> fixed;
        try {
            for (String v : vary) {
                factors.add(FitParameter.parse(v));
            }
            for (String o : outputs) {
                outs.add(Sensitivity.output(o));
            }
            m = Sensitivity.Method.parse(method);
            fixed = FitOptions.settingsFiles(setFiles);
            fixed.putAll(FitOptions.pairs("--set", sets));
            if (threads != null && threads < 1 || timeout < 0 || bootstrap < 0) {
                throw new IllegalArgumentException("--threads must be at least 1, --timeout and --bootstrap at least 0");
            }
        } catch (IllegalArgumentException | IOException e) {
            return FitOptions.optionError(err, "sensitivity", e);
        }
        if (!FitOptions.checkOutFolder(err, out)) {
            return 2;
        }
        return FitOptions.onExecutor(err, "sensitivity", spark, executor -> runOn(executor, err, factors, outs, m, fixed));
    }

    private int runOn(org.clusterdynamics.scenario.RunExecutor executor, PrintWriter err, List<FitParameter> factors,
                      List<Output> outs, Sensitivity.Method m, Map<String, Double> fixed) {
        return FitOptions.runLimited(err, "sensitivity", timeout, cancel -> {
            ScenarioModel sm = new ScenarioModel(ModelFiles.read(modelFile));
            Scenario base = FitOptions.baseScenario(sm, "sensitivity", fixed);
            int n = samples != null ? samples : m == Sensitivity.Method.SOBOL ? 1024 : 20;
            Sensitivity.Spec s = new Sensitivity.Spec(base, factors, outs, m, n, levels, seed, bootstrap);
            BatchRunner runner = FitOptions.runner(threads, cancel).withExecutor(executor);
            long t0 = System.nanoTime();
            double cpu0 = FitOptions.cpuSeconds();
            SensitivityResult r = Sensitivity.run(sm, s, runner);
            err.println(FitOptions.timing("sensitivity", r.runs(), t0, cpu0, runner));
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(r.summary());
            stdout.flush();
            if (out != null) {
                writeAll(r);
                err.println("wrote " + out + ": indices.csv, tornado.csv, indices.png, tornado.png");
            }
            return 0;
        });
    }

    private void writeAll(SensitivityResult r) throws IOException {
        byte[] indices = ChartExport.png(indicesChart(r, 0), ExportOptions.defaults());
        byte[] tornado = ChartExport.png(tornadoChart(r, 0), ExportOptions.defaults());
        java.nio.file.Files.createDirectories(out);
        r.indicesTable().writeCsv(out.resolve("indices.csv"));
        r.tornadoTable().writeCsv(out.resolve("tornado.csv"));
        FitOptions.write(out, "indices.png", o -> o.write(indices));
        FitOptions.write(out, "tornado.png", o -> o.write(tornado));
    }

    /** The bar chart of one output's indices. */
    static Figure indicesChart(SensitivityResult r, int output) {
        SensitivityResult.OutputIndices o = r.outputs().get(output);
        List<String> names = r.factors().stream().map(FitParameter::name).toList();
        if (o.sobol() != null) {
            return SensitivityChart.indices("Sobol indices: " + o.output(), names, List.of("first order (S1)",
                    "total (ST)"), new double[][] {o.sobol().first(), o.sobol().total()}, "Share of variance",
                    ChartStyle.defaults());
        }
        return SensitivityChart.indices("Morris elementary effects: " + o.output(), names, List.of("mu*", "sigma"),
                new double[][] {o.morris().muStar(), o.morris().sigma()}, "Effect per range of the input",
                ChartStyle.defaults());
    }

    static Figure tornadoChart(SensitivityResult r, int output) {
        SensitivityResult.OutputIndices o = r.outputs().get(output);
        return SensitivityChart.tornado(o.output(), r.factors().stream().map(FitParameter::name).toList(),
                o.baseValue(), o.low(), o.high(), ChartStyle.defaults());
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
