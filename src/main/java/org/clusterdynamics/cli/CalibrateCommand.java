package org.clusterdynamics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.clusterdynamics.chart.ChartExport;
import org.clusterdynamics.chart.ChartStyle;
import org.clusterdynamics.chart.ExportOptions;
import org.clusterdynamics.chart.FitChart;
import org.clusterdynamics.fit.Calibration;
import org.clusterdynamics.fit.CalibrationResult;
import org.clusterdynamics.fit.DataReader;
import org.clusterdynamics.fit.FitParameter;
import org.clusterdynamics.fit.ObservedData;
import org.clusterdynamics.fit.Payoff;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.scenario.BatchRunner;
import org.clusterdynamics.scenario.Scenario;
import org.clusterdynamics.scenario.ScenarioModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code cdyn calibrate} command: fits constants of a model to observed data. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fits constants of a model to observed data and reports the estimates with 95%% intervals"
                + " (covariance and profile likelihood), their correlations and per variable R2, RMSE, MAPE and"
                + " Theil's statistics.",
            "With --out DIR it writes parameters.csv, correlation.csv, statistics.csv, fit.csv, fit.png and"
                + " calibrated.txt (the fitted values, for cdyn run --set-file)."},
        footerHeading = "%nExamples:%n",
        footer = {"  cdyn calibrate sir.xmile --data cases.csv --fit \"Contact Rate=0.1..2\" --fit \"Recovery Rate=0.01..1\"",
            "  cdyn calibrate bass.xmile --data adopters.csv --fit \"Imitation=0.05..1\" --method cmaes --until 20 --out fit"})
public final class CalibrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model file.")
    Path modelFile;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Observed data: CSV/TSV with a Time column and columns named as model variables, or a"
                    + " Vensim .tab/.csv export.")
    Path dataFile;

    @Option(names = "--fit", required = true, paramLabel = "NAME=LO..HI",
            description = "A constant to fit and its range (repeatable).")
    List<String> fits = List.of();

    @Option(names = "--method", paramLabel = "lm|cmaes", defaultValue = "lm",
            description = "lm: Levenberg-Marquardt (default); cmaes: CMA-ES over the ranges, then lm.")
    String method;

    @Option(names = "--starts", paramLabel = "N", defaultValue = "1",
            description = "Levenberg-Marquardt starts: the model's values, then N-1 points spread over the ranges.")
    int starts;

    @Option(names = "--payoff", paramLabel = "sse|wsse|gaussian|poisson|negbin", defaultValue = "sse",
            description = "How data and model are compared (default sse).")
    String payoff;

    @Option(names = "--weight", paramLabel = "VAR=W", description = "Weight of a data variable (repeatable): a scale"
            + " for wsse, 1/sigma for gaussian, a multiplier for poisson, the dispersion for negbin.")
    List<String> weights = List.of();

    @Option(names = "--until", paramLabel = "T", description = "Fit to data up to time T; report the error after it.")
    Double until;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Hold a constant at a value (repeatable).")
    List<String> sets = List.of();

    @Option(names = "--set-file", paramLabel = "FILE", description = "Constants from a settings file (NAME = VALUE lines).")
    List<Path> setFiles = List.of();

    @Option(names = "--no-profile", description = "Skip the profile-likelihood intervals (they refit the model many times).")
    boolean noProfile;

    @Option(names = "--max-trials", paramLabel = "N", defaultValue = "3000", description = "CMA-ES trial runs at most.")
    int maxTrials;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of CMA-ES and of the extra starts.")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Threads for trial runs (default: one per core).")
    Integer threads;

    @Option(names = "--spark", paramLabel = "MASTER", description = SparkOption.HELP)
    String spark;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop after this long (default 0: no limit).")
    double timeout;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the tables, chart and settings file.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        List<FitParameter> params = new ArrayList<>();
        Map<String, Double> w;
        Map<String, Double> fixed;
        Calibration.Method m;
        Payoff po;
        try {
            for (String f : fits) {
                params.add(FitParameter.parse(f));
            }
            w = FitOptions.pairs("--weight", weights);
            fixed = FitOptions.settingsFiles(setFiles);
            fixed.putAll(FitOptions.pairs("--set", sets));
            m = Calibration.Method.parse(method);
            po = Payoff.parse(payoff);
            if (threads != null && threads < 1 || starts < 1 || timeout < 0 || maxTrials < 1) {
                throw new IllegalArgumentException("--threads, --starts and --max-trials must be at least 1, --timeout"
                        + " at least 0");
            }
        } catch (IllegalArgumentException | IOException e) {
            return FitOptions.optionError(err, "calibrate", e);
        }
        if (!FitOptions.checkOutFolder(err, out)) {
            return 2;
        }
        return FitOptions.onExecutor(err, "calibrate", spark, executor -> runOn(executor, err, stdout, params, w, fixed, m, po));
    }

    private int runOn(org.clusterdynamics.scenario.RunExecutor executor, PrintWriter err, PrintWriter stdout,
                      List<FitParameter> params, Map<String, Double> w, Map<String, Double> fixed,
                      Calibration.Method m, Payoff po) {
        return FitOptions.runLimited(err, "calibrate", timeout, cancel -> {
            ObservedData data = DataReader.read(dataFile);
            ScenarioModel sm = new ScenarioModel(ModelFiles.read(modelFile));
            Scenario base = FitOptions.baseScenario(sm, "calibration", fixed);
            Calibration.Spec cs = new Calibration.Spec(base, data, params, po, w, until == null ? Double.NaN : until, m,
                    starts, seed, !noProfile, maxTrials);
            BatchRunner runner = FitOptions.runner(threads, cancel).withExecutor(executor);
            long t0 = System.nanoTime();
            double cpu0 = FitOptions.cpuSeconds();
            CalibrationResult r = Calibration.run(sm, cs, runner, s -> {
                err.println(s);
                err.flush();
            });
            err.println(FitOptions.timing("calibrate", r.runs(), t0, cpu0, runner));
            stdout.print(r.summary());
            stdout.flush();
            if (out != null) {
                writeAll(r, sm);
                err.println("wrote " + out + ": parameters.csv, correlation.csv, statistics.csv, fit.csv, fit.png,"
                        + " calibrated.txt");
            }
            return 0;
        });
    }

    private void writeAll(CalibrationResult r, ScenarioModel sm) throws IOException {
        List<FitChart.Series> series = new ArrayList<>();
        for (CalibrationResult.VariableFit v : r.variables()) {
            series.add(new FitChart.Series(v.name(), v.dataTimes(), v.data(), v.modelTimes(), v.model()));
        }
        byte[] png = ChartExport.png(FitChart.create(null, series, r.until(), sm.model().specs().timeUnits(),
                ChartStyle.defaults()), ExportOptions.defaults());
        r.parametersTable().writeCsv(tmp("parameters.csv"));
        r.correlationTable().writeCsv(tmp("correlation.csv"));
        r.statisticsTable().writeCsv(tmp("statistics.csv"));
        r.seriesTable().writeCsv(tmp("fit.csv"));
        FitOptions.write(out, "fit.png", o -> o.write(png));
        FitOptions.writeText(out, "calibrated.txt", r.settingsText());
    }

    private Path tmp(String name) throws IOException {
        java.nio.file.Files.createDirectories(out);
        return out.resolve(name);
    }
}
