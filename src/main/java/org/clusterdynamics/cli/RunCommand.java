package org.clusterdynamics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.clusterdynamics.chart.ChartExport;
import org.clusterdynamics.chart.ChartSpec;
import org.clusterdynamics.chart.ExportOptions;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.compile.SinglePrecision;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.files.AtomicFiles;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.sim.CsvRowStream;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.ResultsCsv;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code cdyn run} command: simulates a model and writes its results as CSV or TSV. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a model (.xmile, .stmx, .itmx, .mdl) and writes every stock, flow and auxiliary per save step.",
        footerHeading = "%nExamples:%n",
        footer = {"  cdyn run models/punjab-clusters.xmile --output base.csv",
            "  cdyn run teacup.xmile --set \"Room Temperature=30\" --method rk4 --dt 0.125",
            "  cdyn run teacup.xmile --chart \"Teacup Temperature\" --out teacup.png"})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model file.")
    Path modelFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Results file (.csv, or .tsv/.tab for tab-separated); standard output when omitted.")
    Path output;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Set a constant for this run (repeatable).")
    List<String> sets = List.of();

    @Option(names = "--set-file", paramLabel = "FILE", description = "Set the constants of a settings file (NAME = VALUE"
            + " lines, e.g. calibrated.txt from cdyn calibrate); --set overrides them (repeatable).")
    List<Path> setFiles = List.of();

    @Option(names = "--method", paramLabel = "euler|rk2|rk4|adaptive", description = "Integration method.")
    String method;

    @Option(names = "--dt", description = "Time step.")
    Double dt;

    @Option(names = "--start", description = "Start time.")
    Double start;

    @Option(names = "--stop", description = "Stop time.")
    Double stop;

    @Option(names = "--save-step", description = "Interval between saved rows.")
    Double saveStep;

    @Option(names = "--data", paramLabel = "FILE", description = "Data file for a Vensim model's data variables"
            + " (tab or comma separated, time in the first column; repeatable).")
    List<Path> dataFiles = List.of();

    @Option(names = "--data-root", paramLabel = "DIR", description = "A folder whose files the model's GET XLS / GET"
            + " DIRECT functions may read, besides the model's own folder (repeatable).")
    List<Path> dataRoots = List.of();

    @Option(names = "--seed", description = "Seed of the random functions (default 0).")
    Long seed;

    @Option(names = "--precision", paramLabel = "double|single", defaultValue = "double",
            description = "Arithmetic of the run: double (default), or single to reproduce Vensim's single-precision"
                    + " editions (Euler only).")
    String precision;

    @Option(names = "--chart", arity = "1..*", paramLabel = "NAME", description = "Variables to chart into --out.")
    List<String> chartVars;

    @Option(names = "--out", paramLabel = "FILE", description = "Chart file (.png, .svg, .pdf) for --chart.")
    Path chartOut;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            RunOptions options = options();
            if (chartVars != null && chartOut == null) {
                err.println("--chart needs --out FILE.png|svg|pdf to say where the chart goes");
                return 2;
            }
            boolean single;
            switch (precision.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "double": single = false; break;
                case "single": single = true; break;
                default:
                    err.println("--precision '" + precision + "' is not one of double, single");
                    return 2;
            }
            List<Path> inputs = new java.util.ArrayList<>(dataFiles);
            inputs.addAll(setFiles);
            inputs.add(modelFile);
            // both checked, so that both problems are reported at once
            boolean resultsOk = InputFiles.checkNotAnInput(err, inputs, output, "the results");
            boolean chartOk = InputFiles.checkNotAnInput(err, inputs, chartOut, "the chart");
            if (!resultsOk || !chartOk) {
                return 2;
            }
            if (!InputFiles.checkFoldersExist(err, output, chartOut)) {
                return 1;
            }
            AtomicFiles.Written resultsPlan = output == null ? null : AtomicFiles.plan(output);
            AtomicFiles.Written chartPlan = chartOut == null ? null : AtomicFiles.plan(chartOut);
            if (resultsPlan != null && !resultsPlan.inPlace() && !RunChecks.knownResultsExtension(output, err)) {
                return 2;
            }
            Model model = ModelFiles.read(modelFile, dataFiles, InputFiles.dataRoots(modelFile, dataRoots));
            CompiledModel compiled;
            try {
                compiled = ModelCompiler.compile(model);
            } catch (ModelException e) {
                throw Reporting.located(e, model);
            }
            if (single) {
                compiled = SinglePrecision.of(compiled);
            }
            if (!RunChecks.saveStepFits(compiled.specs(), dt, saveStep, err)) {
                return 2;
            }
            Simulator simulator = new Simulator(compiled);
            // a results file (not a chart, not a pipe) is written while the run goes on
            CsvRowStream stream = output != null && chartVars == null && !resultsPlan.inPlace()
                    ? CsvRowStream.start(output, simulator.savedNames()) : null;
            Results results;
            try {
                results = simulator.runWithRows(options, stream);
            } catch (ModelException e) {
                abort(stream);
                throw Reporting.located(e, model);
            } catch (RuntimeException | Error e) {
                abort(stream); // no temporary file left behind, whatever stopped the run
                throw e;
            }
            // the chart first: an unknown variable then stops the run before any file is written
            if (chartVars != null) {
                Map<String, Results> one = new LinkedHashMap<>();
                String name = modelFile.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                one.put(name, results);
                ChartSpec chart = ChartSpec.of(chartVars).withTimeUnits(compiled.specs().timeUnits());
                ChartExport.write(one, chart, chartOut, ExportOptions.defaults());
                Reporting.noteWritten(chartPlan, err);
            }
            if (stream != null) {
                stream.finish();
                Reporting.noteWritten(resultsPlan, err);
            } else if (output != null) {
                ResultsCsv.write(results, output);
                Reporting.noteWritten(resultsPlan, err);
            } else if (chartVars == null) {
                PrintWriter w = spec.commandLine().getOut();
                ResultsCsv.write(results, w, CSVFormat.DEFAULT);
                w.flush();
            }
            return 0;
        } catch (ModelException e) {
            return Reporting.fail(e, err);
        } catch (IllegalArgumentException e) {
            err.println(modelFile + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("cannot write the results: " + Reporting.ioReason(e));
            return 1;
        }
    }

    private static void abort(CsvRowStream stream) {
        if (stream != null) {
            stream.abort();
        }
    }

    private RunOptions options() {
        RunOptions o = RunOptions.defaults();
        if (method != null) {
            Method m = Method.parse(method);
            if (m == null) {
                throw new IllegalArgumentException("--method '" + method + "' is not one of euler, rk2, rk4, adaptive");
            }
            o = o.withMethod(m);
        }
        RunChecks.timeOptions(dt, start, stop, saveStep);
        if (dt != null) {
            o = o.withDt(dt);
        }
        if (start != null) {
            o = o.withStart(start);
        }
        if (stop != null) {
            o = o.withStop(stop);
        }
        if (saveStep != null) {
            o = o.withSaveStep(saveStep);
        }
        if (seed != null) {
            o = o.withSeed(seed);
        }
        try {
            for (Map.Entry<String, Double> e : FitOptions.settingsFiles(setFiles).entrySet()) {
                o = o.withConstant(e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--set-file: cannot read " + e.getMessage());
        }
        for (String s : sets) {
            int eq = s.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set '" + s + "' must be NAME=VALUE, e.g. --set \"Room Temperature=30\"");
            }
            String name = s.substring(0, eq).strip();
            String value = s.substring(eq + 1).strip();
            try {
                o = o.withConstant(name, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--set " + name + ": '" + value + "' is not a number");
            }
        }
        return o;
    }
}
