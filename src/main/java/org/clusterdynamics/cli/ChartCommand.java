package org.clusterdynamics.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clusterdynamics.chart.ChartExport;
import org.clusterdynamics.chart.ChartSpec;
import org.clusterdynamics.chart.ExportOptions;
import org.clusterdynamics.chart.Layout;
import org.clusterdynamics.chart.Report;
import org.clusterdynamics.chart.ReportPdf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code cdyn chart} command: charts variables of saved results, one CSV per scenario. */
@Command(
        name = "chart",
        mixinStandardHelpOptions = true,
        description = {
            "Charts variables of saved results to a PNG, SVG or PDF file, one line per scenario.",
            "Each results file is one scenario, named after the file (base.csv -> base)."
        },
        footerHeading = "%nExample:%n",
        footer = "  cdyn chart base.csv subsidy.csv --var Employment --time-units years --out employment.png")
public final class ChartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "Results CSV/TSV files, one per scenario.")
    List<Path> results;

    @Option(names = "--var", arity = "1..*", required = true, paramLabel = "NAME",
            description = "Variables to chart, as named in the results (repeat or list several).")
    List<String> vars;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Output file: .png, .svg or .pdf.")
    Path out;

    @Option(names = "--title", paramLabel = "TEXT", description = "Chart title (default: the variable names).")
    String title;

    @Option(names = "--units", paramLabel = "UNITS",
            description = "Units for the value axis (CSV files carry none).")
    String units;

    @Option(names = "--time-units", paramLabel = "UNITS", description = "The model's time units, e.g. years.")
    String timeUnits;

    @Option(names = "--layout", defaultValue = "auto", paramLabel = "auto|overlay|grid",
            description = "Several variables on one chart (overlay) or one panel each (grid); "
                    + "auto overlays only variables with the same known units. Default: ${DEFAULT-VALUE}.")
    String layout;

    @Option(names = "--report",
            description = "Write a multi-page PDF report instead of one chart: the scenarios, a table of the "
                    + "variables' final values and one chart per variable (--out must end in .pdf).")
    boolean report;

    @Option(names = "--width", defaultValue = "1800", paramLabel = "PX", description = "Width in pixels (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "1200", paramLabel = "PX", description = "Height in pixels (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--dpi", defaultValue = "300", paramLabel = "N",
            description = "Resolution; width/dpi is the size in inches in every format (default ${DEFAULT-VALUE}).")
    int dpi;

    @Override
    public Integer call() {
        try {
            Layout l = switch (layout.toLowerCase(Locale.ROOT)) {
                case "auto" -> Layout.AUTO;
                case "overlay" -> Layout.OVERLAY;
                case "grid" -> Layout.GRID;
                default -> throw new IllegalArgumentException("--layout '" + layout + "' is not one of auto, overlay, grid");
            };
            if (!InputFiles.checkNotAnInput(spec.commandLine().getErr(), results, out, "the chart")) {
                return 2;
            }
            ChartSpec chart = new ChartSpec(title, vars, units, timeUnits);
            ExportOptions size = new ExportOptions(width, height, dpi);
            var plan = org.clusterdynamics.files.AtomicFiles.plan(out);
            if (report) {
                ReportPdf.write(Report.comparison(ChartExport.readScenarios(results), chart), out);
            } else {
                ChartExport.write(ChartExport.readScenarios(results), chart, l, out, size);
            }
            Reporting.noteWritten(plan, spec.commandLine().getErr());
            return 0;
        } catch (NoSuchFileException e) {
            return fail(e.getFile() + ": " + (e.getReason() != null ? e.getReason() : "file not found"), 2);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage(), 2);
        } catch (IOException e) {
            return fail(Reporting.ioReason(e), 1);
        }
    }

    /** Exit codes as in {@code cdyn run}: 2 for bad input, 1 when a file cannot be read or written. */
    private int fail(String message, int code) {
        // the chart package names itself in some messages: say it once
        String m = message != null && message.startsWith("chart: ") ? message.substring("chart: ".length()) : message;
        spec.commandLine().getErr().println("cdyn chart: " + m);
        return code;
    }
}
