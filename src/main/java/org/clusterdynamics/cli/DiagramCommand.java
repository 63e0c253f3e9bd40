package org.clusterdynamics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.clusterdynamics.chart.ChartExport;
import org.clusterdynamics.chart.ChartStyle;
import org.clusterdynamics.chart.ExportOptions;
import org.clusterdynamics.chart.StockFlowDiagram;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.io.vensim.MdlSketchReader;
import org.clusterdynamics.io.xmile.XmileViewReader;
import org.clusterdynamics.io.xmile.XmileViewWriter;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.view.View;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.structure.AutoLayout;
import org.clusterdynamics.structure.CausalLoopView;
import org.clusterdynamics.structure.Loop;
import org.clusterdynamics.structure.LoopAnalysis;
import org.clusterdynamics.structure.LoopFinder;
import org.clusterdynamics.structure.SectorLayout;
import org.clusterdynamics.structure.VariableGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code cdyn diagram} command: draws a model's stock-and-flow diagram, or a causal-loop view of some loops. */
@Command(name = "diagram", mixinStandardHelpOptions = true,
        description = "Draws a model's stock-and-flow diagram from the layout stored in the file (XMILE views,"
                + " Vensim sketch), or laid out automatically; or, with --loops, a causal-loop diagram of loops.",
        footerHeading = "%nExamples:%n",
        footer = {"  cdyn diagram teacup.xmile --out teacup.svg",
            "  cdyn diagram models/punjab-clusters.xmile --layout auto --out clusters.png",
            "  cdyn diagram models/punjab-clusters.xmile --loops R1,B3 --out loops.png",
            "  cdyn diagram models/punjab-clusters.xmile --by-group --write-views models/punjab-clusters.xmile"})
public final class DiagramCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model file.")
    Path modelFile;

    @Option(names = "--out", paramLabel = "FILE", description = "The picture: .png, .svg or .pdf (may be left"
            + " out with --write-views).")
    Path out;

    @Option(names = "--view", paramLabel = "NAME", description = "Which of the file's diagrams (default: the first).")
    String viewName;

    @Option(names = "--layout", paramLabel = "file|auto", defaultValue = "file",
            description = "file: the layout stored in the model (auto when it has none); auto: lay it out anew.")
    String layout;

    @Option(names = "--loops", split = ",", paramLabel = "ID", description = "Draw these loops (ids as cdyn loops"
            + " lists them, e.g. R1,B2) as a causal-loop diagram instead.")
    List<String> loops;

    @Option(names = "--hide-constants", description = "With automatic layout: leave out constants and tables"
            + " that read nothing (parameters, switches), which make a large model's diagram unreadable.")
    boolean hideConstants;

    @Option(names = "--write-views", paramLabel = "FILE.xmile", description = "Also write a copy of the (XMILE)"
            + " model with this diagram as its view, so that Stella opens it with the same picture.")
    Path writeViews;

    @Option(names = "--by-group", description = "With --write-views: lay out a page per group of the XMILE file"
            + " (<group>: sectors), framed and named in one view 'Sectors', variables of other groups as aliases;"
            + " the file itself may be the target, its views are then replaced. --view SECTOR draws one page.")
    boolean byGroup;

    @Option(names = "--dpi", defaultValue = "150", description = "Resolution of a PNG (default ${DEFAULT-VALUE}).")
    int dpi;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        String mode = layout.strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("file") && !mode.equals("auto")) {
            err.println("--layout '" + layout + "' is not one of file, auto");
            return 2;
        }
        if (out == null && writeViews == null) {
            err.println("give --out FILE for the picture, or --write-views FILE.xmile (or both)");
            return 2;
        }
        if (byGroup && (writeViews == null || loops != null)) {
            err.println("--by-group lays out one view per group into the file given by --write-views; give"
                    + " --write-views and no --loops");
            return 2;
        }
        if (out != null && !InputFiles.checkNotAnInput(err, List.of(modelFile), out, "the diagram")
                || writeViews != null && !byGroup
                        && !InputFiles.checkNotAnInput(err, List.of(modelFile), writeViews, "the views")) {
            return 2;
        }
        if (writeViews != null && (loops != null || ModelFiles.formatOf(modelFile).orElse(null)
                != ModelFiles.Format.XMILE)) {
            err.println("--write-views writes a stock-and-flow diagram into a copy of an XMILE model: give an .xmile,"
                    + " .stmx or .itmx model and no --loops");
            return 2;
        }
        if (!InputFiles.checkFoldersExist(err, out, writeViews)) {
            return 1;
        }
        try {
            if (out != null) {
                org.clusterdynamics.chart.ExportFormat.of(out);
            }
            Model model = ModelFiles.read(modelFile);
            if (byGroup) {
                return writeGroupViews(model, stdout, err);
            }
            View view;
            String title;
            long started = System.nanoTime();
            if (loops != null && !loops.isEmpty()) {
                LoopAnalysis a = LoopAnalysis.of(ModelCompiler.compile(model), RunOptions.defaults(),
                        LoopFinder.DEFAULT_MAX_LOOPS);
                List<Loop> chosen = choose(a, loops);
                view = CausalLoopView.of(a, chosen);
                title = "Loops " + String.join(", ", loops);
            } else {
                view = mode.equals("auto") ? null : stored(model, err);
                if (view == null && viewName != null && mode.equals("file")) {
                    return 2;
                }
                if (view == null) {
                    VariableGraph g = VariableGraph.of(model);
                    view = AutoLayout.layout(hideConstants ? g.withoutConstants() : g, "auto");
                }
                title = model.name();
            }
            if (writeViews != null) {
                XmileViewWriter.write(modelFile, view, writeViews);
            }
            if (out == null) {
                stdout.println("wrote the view '" + view.name() + "' into " + writeViews);
                stdout.flush();
                return 0;
            }
            ExportOptions options = StockFlowDiagram.exportOptions(view, dpi);
            ChartExport.write(StockFlowDiagram.figure(title, view, ChartStyle.defaults()), out, options);
            stdout.println("wrote " + out + " (" + view.elements().size() + " elements, view '" + view.name() + "', "
                    + (System.nanoTime() - started) / 1_000_000 + " ms)");
            stdout.flush();
            return 0;
        } catch (ModelException e) {
            return Reporting.fail(e, err);
        } catch (IllegalArgumentException e) {
            err.println(modelFile + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("cannot write the diagram: " + e.getMessage());
            return 1;
        }
    }

    /** The name of the view that holds the sectors' frames. */
    static final String SECTORS_VIEW = "Sectors";

    /** --by-group: a view per group written into the file; the one asked for (or the first) drawn too when --out is given. */
    private int writeGroupViews(Model model, PrintWriter stdout, PrintWriter err) throws IOException {
        long started = System.nanoTime();
        java.util.Map<String, List<String>> groups = XmileViewReader.groups(modelFile);
        if (groups.isEmpty()) {
            err.println(modelFile + ": the file has no <group> elements to make views of; add a <group name=\"...\">"
                    + " with an <entity name=\"...\"/> per variable to <variables> (one group per sector)");
            return 2;
        }
        List<View> views = SectorLayout.of(model, groups);
        View drawn = views.get(0);
        if (viewName != null) {
            drawn = views.stream().filter(v -> v.name().equalsIgnoreCase(viewName.strip())).findFirst().orElse(null);
            if (drawn == null) {
                err.println(modelFile + ": no group '" + viewName + "'; the file has "
                        + String.join(", ", groups.keySet()));
                return 2;
            }
        }
        // one view with a frame per sector, as Stella keeps sectors; cdyn reads each frame back as a view
        XmileViewWriter.write(modelFile, SectorLayout.combined(SECTORS_VIEW, views), writeViews);
        if (out != null) {
            ChartExport.write(StockFlowDiagram.figure(drawn.name(), drawn, ChartStyle.defaults()), out,
                    StockFlowDiagram.exportOptions(drawn, dpi));
        }
        int elements = views.stream().mapToInt(v -> v.elements().size()).sum();
        stdout.println("wrote the view '" + SECTORS_VIEW + "' with " + views.size() + " sectors (" + elements
                + " elements) into " + writeViews
                + (out == null ? "" : " and drew '" + drawn.name() + "' into " + out) + " ("
                + (System.nanoTime() - started) / 1_000_000 + " ms)");
        stdout.flush();
        return 0;
    }

    /** The stored view asked for, or the first; null when there is none (or the asked one is missing: said on err). */
    private View stored(Model model, PrintWriter err) {
        List<View> views = switch (ModelFiles.formatOf(modelFile).orElseThrow()) {
            case XMILE -> XmileViewReader.read(modelFile);
            case VENSIM -> MdlSketchReader.read(modelFile);
        };
        if (viewName == null) {
            return views.isEmpty() ? null : views.get(0);
        }
        for (View v : views) {
            if (v.name().equalsIgnoreCase(viewName.strip())) {
                return v;
            }
        }
        List<String> names = new ArrayList<>();
        views.forEach(v -> names.add(v.name()));
        err.println(modelFile + ": no view '" + viewName + "'; the file has " + (names.isEmpty() ? "no views (use"
                + " --layout auto)" : String.join(", ", names)));
        return null;
    }

    private static List<Loop> choose(LoopAnalysis a, List<String> ids) {
        Set<Loop> chosen = new LinkedHashSet<>();
        for (String id : ids) {
            String want = id.strip();
            boolean any = false;
            for (Loop l : a.loops()) {
                if (l.id().equalsIgnoreCase(want) || LoopFinder.structureId(l).equalsIgnoreCase(want)) {
                    chosen.add(l);
                    any = true;
                }
            }
            if (!any) {
                throw new IllegalArgumentException("no loop '" + want + "'; cdyn loops lists the model's loops and"
                        + " their ids");
            }
        }
        return new ArrayList<>(chosen);
    }
}
