package org.clusterdynamics.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.chart.ChartExport;
import org.clusterdynamics.chart.ChartStyle;
import org.clusterdynamics.chart.StockFlowDiagram;
import org.clusterdynamics.cli.Main;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.io.xmile.XmileViewReader;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.Variable;
import org.clusterdynamics.model.view.View;
import org.clusterdynamics.model.view.ViewElement;
import org.clusterdynamics.model.view.ViewElement.Kind;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The cluster model's sector views (a framed page per XMILE group in one view, written by cdyn
 * diagram --by-group):
 * they parse, draw every variable of their sector with its name, connect only what is on the page,
 * are what the command writes (twice the same), and leave the model's results as they were.
 */
class ClusterModelViewsTest {
    private static final Path MODEL = Path.of("models", "punjab-clusters.xmile");

    @TempDir
    Path dir;

    private static int cdyn(String... args) {
        StringWriter out = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int exit = cl.execute(args);
        assertEquals(0, exit, String.join(" ", args) + ": " + out);
        return exit;
    }

    @Test
    void everySectorHasAViewThatDrawsEachOfItsVariablesOnce() throws Exception {
        Model model = ModelFiles.read(MODEL);
        Map<String, List<String>> groups = XmileViewReader.groups(MODEL);
        List<View> all = XmileViewReader.read(MODEL);
        // one view holds the sectors, each in a frame, as Stella keeps them; each frame reads back as a view
        assertEquals("Sectors", all.get(0).name());
        List<View> views = all.subList(1, all.size());
        assertTrue(groups.size() >= 10, "sectors: " + groups.keySet());
        assertEquals(groups.keySet().stream().toList(), views.stream().map(View::name).toList());
        List<ViewElement> frames = all.get(0).of(Kind.GROUP);
        assertEquals(groups.size(), frames.size());
        for (int i = 0; i < frames.size(); i++) {
            for (int j = i + 1; j < frames.size(); j++) {
                ViewElement a = frames.get(i);
                ViewElement b = frames.get(j);
                assertTrue(Math.abs(a.x() - b.x()) >= (a.width() + b.width()) / 2
                        || Math.abs(a.y() - b.y()) >= (a.height() + b.height()) / 2, a.name() + " overlaps " + b.name());
            }
        }
        Set<String> drawn = new HashSet<>();
        for (View v : views) {
            Set<String> members = new HashSet<>();
            groups.get(v.name()).forEach(n -> members.add(VarName.canonical(n)));
            for (String m : members) {
                assertNotNull(v.find(m), v.name() + " does not draw " + m);
            }
            for (ViewElement e : v.elements()) {
                if (e.kind() == Kind.STOCK || e.kind() == Kind.FLOW || e.kind() == Kind.AUX) {
                    String id = VarName.canonical(e.name());
                    assertTrue(members.contains(id), v.name() + " draws " + e.name() + " of another sector");
                    assertTrue(drawn.add(id), e.name() + " is drawn (not as an alias) on two pages");
                } else if (e.kind() == Kind.ALIAS) {
                    assertFalse(members.contains(VarName.canonical(e.name())), v.name() + ": alias of its own " + e.name());
                    assertTrue(model.variable(VarName.canonical(e.name())).isPresent(), v.name() + ": alias of no variable "
                            + e.name());
                }
            }
        }
        Set<String> variables = new HashSet<>();
        for (Variable var : model.variables()) {
            variables.add(var.name().id());
        }
        assertEquals(variables, drawn, "every variable is drawn on one page");
    }

    @Test
    void eachPageIsDrawnWithItsNamesConnectorsOnTheirEndsAndValvesOnTheirPipes() throws Exception {
        List<View> all = XmileViewReader.read(MODEL);
        for (View v : all.subList(1, all.size())) {
            String svg = ChartExport.svg(StockFlowDiagram.figure(v.name(), v, ChartStyle.defaults()),
                    StockFlowDiagram.exportOptions(v, 72));
            DiagramTest.checkDrawn(v, svg);
            Map<String, Element> g = DiagramTest.groups(svg);
            for (ViewElement a : v.of(Kind.ALIAS)) {
                assertEquals(a.name().replace('_', ' '), DiagramTest.text(g.get("alias:" + a.name())), v.name());
            }
            for (ViewElement c : v.of(Kind.CONNECTOR)) {
                // every connector starts on the page: at a variable of the sector or at an alias
                assertNotNull(c.from().startsWith("#") ? v.byUid(c.from().substring(1)) : v.find(c.from()),
                        v.name() + ": connector from " + c.from());
            }
            for (ViewElement f : v.of(Kind.FLOW)) {
                List<ViewElement.Point> pts = f.points();
                assertTrue(pts.size() >= 2, f.name());
                assertTrue(onPipe(pts, f.x(), f.y()), v.name() + ": the valve of " + f.name() + " is off its pipe");
                for (ViewElement.Point p : List.of(pts.get(0), pts.get(pts.size() - 1))) {
                    ViewElement s = stockAt(v, p);
                    // a pipe's end is on a stock's edge or free (a cloud), never inside a stock
                    if (s != null) {
                        double dx = Math.abs(p.x() - s.x()) - s.width() / 2;
                        double dy = Math.abs(p.y() - s.y()) - s.height() / 2;
                        assertTrue(Math.abs(Math.max(dx, dy)) < 0.6, f.name() + " ends inside " + s.name());
                    }
                }
            }
        }
    }

    @Test
    void fewConnectorsCrossOtherElementsOrTheirNames() {
        // a connector drawn as the diagram draws it (a curve leaving at its angle) through the box of an
        // element that is not one of its ends, or of that element's name
        List<View> all = XmileViewReader.read(MODEL);
        int connectors = 0;
        int crossing = 0;
        for (View v : all.subList(1, all.size())) {
            for (ViewElement c : v.of(Kind.CONNECTOR)) {
                ViewElement f = c.from().startsWith("#") ? v.byUid(c.from().substring(1)) : v.find(c.from());
                ViewElement t = v.find(c.to());
                double d = Math.hypot(t.x() - f.x(), t.y() - f.y());
                double a = Math.toRadians(c.angle());
                double cx = f.x() + Math.cos(a) * d / 2;
                double cy = f.y() - Math.sin(a) * d / 2;
                connectors++;
                boolean hits = false;
                for (ViewElement e : v.elements()) {
                    if (e == f || e == t || e.kind() == Kind.CONNECTOR || e.kind() == Kind.GROUP) {
                        continue;
                    }
                    double hw = e.kind() == Kind.FLOW ? 6 : e.width() / 2;
                    double hh = e.kind() == Kind.FLOW ? 6 : e.height() / 2;
                    int lines = SectorLayout.wrap(e.name()).size();
                    for (int i = 1; i < 20 && !hits; i++) {
                        double s = i / 20.0;
                        double x = (1 - s) * (1 - s) * f.x() + 2 * (1 - s) * s * cx + s * s * t.x();
                        double y = (1 - s) * (1 - s) * f.y() + 2 * (1 - s) * s * cy + s * s * t.y();
                        hits = Math.abs(x - e.x()) < Math.max(hw, 20) && y > e.y() - hh && y < e.y() + hh + 2 + lines * 11;
                    }
                }
                crossing += hits ? 1 : 0;
            }
        }
        System.out.printf("cluster model pages: %d of %d connectors cross another element or its name%n", crossing,
                connectors);
        assertTrue(crossing * 5 < connectors, crossing + " of " + connectors + " connectors cross other elements");
    }

    @Test
    void flowsJoinTheirOwnStocks() {
        Model model = ModelFiles.read(MODEL);
        VariableGraph graph = VariableGraph.of(model);
        Map<String, View> pageOf = new HashMap<>();
        List<View> all = XmileViewReader.read(MODEL);
        for (View v : all.subList(1, all.size())) {
            for (ViewElement e : v.elements()) {
                if (e.kind() == Kind.FLOW || e.kind() == Kind.STOCK) {
                    pageOf.put(VarName.canonical(e.name()), v);
                }
            }
        }
        for (VariableGraph.Pipe p : graph.pipes()) {
            View v = pageOf.get(p.flow());
            ViewElement f = v.find(p.flow());
            List<ViewElement.Point> pts = f.points();
            check(v, p.from(), pts.get(0), f.name());
            check(v, p.to(), pts.get(pts.size() - 1), f.name());
        }
    }

    private static void check(View v, String stock, ViewElement.Point end, String flow) {
        ViewElement at = stockAt(v, end);
        if (stock == null || v.find(stock) == null) {
            assertNull(at, flow + " should end in a cloud");
        } else {
            assertNotNull(at, flow + " should end on " + stock);
            assertEquals(VarName.canonical(stock), VarName.canonical(at.name()), flow);
        }
    }

    private static ViewElement stockAt(View v, ViewElement.Point p) {
        for (ViewElement s : v.of(Kind.STOCK)) {
            if (Math.abs(p.x() - s.x()) <= s.width() / 2 + 0.6 && Math.abs(p.y() - s.y()) <= s.height() / 2 + 0.6) {
                return s;
            }
        }
        return null;
    }

    private static boolean onPipe(List<ViewElement.Point> pts, double x, double y) {
        for (int i = 1; i < pts.size(); i++) {
            ViewElement.Point a = pts.get(i - 1);
            ViewElement.Point b = pts.get(i);
            double minX = Math.min(a.x(), b.x()) - 0.6;
            double maxX = Math.max(a.x(), b.x()) + 0.6;
            double minY = Math.min(a.y(), b.y()) - 0.6;
            double maxY = Math.max(a.y(), b.y()) + 0.6;
            if (x >= minX && x <= maxX && y >= minY && y <= maxY) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theCommittedViewsAreWhatTheCommandWritesAndWritingTwiceChangesNothing() throws Exception {
        Path copy = dir.resolve("clusters.xmile");
        Files.copy(MODEL, copy);
        cdyn("diagram", copy.toString(), "--by-group", "--write-views", copy.toString());
        byte[] once = Files.readAllBytes(copy);
        cdyn("diagram", copy.toString(), "--by-group", "--write-views", copy.toString());
        assertArrayEquals(once, Files.readAllBytes(copy), "writing the views twice");
        assertEquals(Files.readString(MODEL), new String(once, java.nio.charset.StandardCharsets.UTF_8),
                "the model's views are not those the command writes: run the two regeneration steps of"
                        + " models/source/README.md");
    }

    @Test
    void theViewsLeaveTheResultsAsTheyWere() throws Exception {
        String text = Files.readString(MODEL);
        String without = text.replaceAll("(?s)\\s*<views>.*</views>", "");
        assertTrue(text.contains("<view ") && !without.contains("<view"), "views stripped");
        Path bare = dir.resolve("bare.xmile");
        Files.writeString(bare, without);
        Results with = new Simulator(ModelCompiler.compile(ModelFiles.read(MODEL))).run(RunOptions.defaults());
        Results none = new Simulator(ModelCompiler.compile(ModelFiles.read(bare))).run(RunOptions.defaults());
        assertEquals(none.names(), with.names());
        for (String n : with.names()) {
            assertArrayEquals(none.column(n), with.column(n), 0, n);
        }
    }
}
