package org.clusterdynamics.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.clusterdynamics.chart.ChartExport;
import org.clusterdynamics.chart.ChartStyle;
import org.clusterdynamics.chart.StockFlowDiagram;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.io.vensim.MdlSketchReader;
import org.clusterdynamics.io.xmile.XmileViewReader;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModelBuilder;
import org.clusterdynamics.model.view.View;
import org.clusterdynamics.model.view.ViewElement;
import org.clusterdynamics.model.view.ViewElement.Kind;
import org.clusterdynamics.sim.RunOptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Diagrams drawn as SVG and read back: every element with its name, every connector ending on its variable. */
class DiagramTest {
    private static final Path SAMPLES = Path.of("../shared/test-models/samples");

    /** Groups of the SVG by id ("stock:Name", "connector:A->B"). */
    static Map<String, Element> groups(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList gs = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("g");
        Map<String, Element> out = new HashMap<>();
        for (int i = 0; i < gs.getLength(); i++) {
            Element g = (Element) gs.item(i);
            if (!g.getAttribute("id").isEmpty()) {
                out.put(g.getAttribute("id"), g);
            }
        }
        return out;
    }

    static String text(Element group) {
        NodeList ts = group.getElementsByTagName("text");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < ts.getLength(); i++) {
            parts.add(ts.item(i).getTextContent().strip());
        }
        return String.join(" ", parts);
    }

    /** The last point of the first path of a group, in the diagram's coordinates. */
    private static double[] lastPoint(Element group) {
        String d = ((Element) group.getElementsByTagName("path").item(0)).getAttribute("d");
        String[] nums = d.replaceAll("[A-Za-z]", " ").trim().split("[ ,]+");
        return new double[] {Double.parseDouble(nums[nums.length - 2]), Double.parseDouble(nums[nums.length - 1])};
    }

    /** How far a point is from an element's outline (0 on it). */
    private static double offOutline(ViewElement e, double[] p) {
        if (e.kind() == Kind.STOCK || e.kind() == Kind.MODULE) {
            double dx = Math.abs(p[0] - e.x()) - e.width() / 2;
            double dy = Math.abs(p[1] - e.y()) - e.height() / 2;
            return Math.min(Math.abs(dx) + Math.max(0, dy), Math.abs(dy) + Math.max(0, dx));
        }
        double r = e.kind() == Kind.FLOW ? 6 : Math.min(e.width(), e.height()) / 2;
        return Math.abs(Math.hypot(p[0] - e.x(), p[1] - e.y()) - r);
    }

    static void checkDrawn(View view, String svg) throws Exception {
        Map<String, Element> g = groups(svg);
        int connectors = 0;
        for (ViewElement e : view.elements()) {
            switch (e.kind()) {
                case STOCK, FLOW, AUX -> {
                    String id = e.kind().name().toLowerCase() + ":" + e.name();
                    assertNotNull(g.get(id), "no group " + id);
                    assertEquals(e.name().replace('_', ' '), text(g.get(id)), id);
                }
                case CONNECTOR -> {
                    Element c = g.get("connector:" + e.from() + "->" + e.to());
                    assertNotNull(c, "connector " + e.from() + " -> " + e.to());
                    ViewElement target = e.to().startsWith("#") ? view.byUid(e.to().substring(1)) : view.find(e.to());
                    double off = offOutline(target, lastPoint(c));
                    assertTrue(off < 0.5, e.from() + " -> " + e.to() + " ends " + off + " from " + e.to());
                    connectors++;
                }
                default -> {
                }
            }
        }
        assertTrue(connectors > 0);
    }

    @Test
    void theSirModelsStoredViewIsDrawnWithEveryNameAndConnector() throws Exception {
        Path sir = SAMPLES.resolve("SIR/SIR.xmile");
        assumeTrue(Files.exists(sir), "the SDXorg suite is not next to the checkout");
        List<View> views = XmileViewReader.read(sir);
        assertEquals(1, views.size());
        View v = views.get(0);
        assertEquals(3, v.of(Kind.STOCK).size());
        assertEquals(2, v.of(Kind.FLOW).size());
        assertEquals(3, v.of(Kind.AUX).size());
        assertEquals(6, v.of(Kind.CONNECTOR).size());
        checkDrawn(v, ChartExport.svg(StockFlowDiagram.figure("SIR", v, ChartStyle.defaults()),
                StockFlowDiagram.exportOptions(v, 150)));
    }

    @Test
    void aVensimSketchIsRead() throws Exception {
        Path teacup = SAMPLES.resolve("teacup/teacup.mdl");
        assumeTrue(Files.exists(teacup), "the SDXorg suite is not next to the checkout");
        View v = MdlSketchReader.read(teacup).get(0);
        assertEquals(List.of("Teacup Temperature"), v.of(Kind.STOCK).stream().map(ViewElement::name).toList());
        assertEquals(List.of("Heat Loss to Room"), v.of(Kind.FLOW).stream().map(ViewElement::name).toList());
        assertEquals(2, v.of(Kind.AUX).size());
        assertEquals(1, v.of(Kind.CLOUD).size());
        assertEquals(3, v.of(Kind.CONNECTOR).size());
        // the pipe runs from the stock to the cloud
        ViewElement flow = v.of(Kind.FLOW).get(0);
        assertEquals(307, flow.points().get(0).x(), 1e-9);
        assertEquals(479, flow.points().get(2).x(), 1e-9);
        checkDrawn(v, ChartExport.svg(StockFlowDiagram.figure("teacup", v, ChartStyle.defaults()),
                StockFlowDiagram.exportOptions(v, 150)));
    }

    @Test
    void aModelWithoutLayoutIsLaidOutAutomatically() throws Exception {
        Model m = ModelBuilder.xmile().time(0, 10, 1)
                .stock("Population", "100", List.of("births"), List.of("deaths"))
                .flow("births", "Population * birth_rate").flow("deaths", "Population / lifetime")
                .aux("birth rate", "0.03").aux("lifetime", "70").build();
        View v = AutoLayout.layout(m);
        assertEquals(1, v.of(Kind.STOCK).size());
        assertEquals(2, v.of(Kind.FLOW).size());
        assertEquals(2, v.of(Kind.AUX).size());
        assertEquals(4, v.of(Kind.CONNECTOR).size());
        checkDrawn(v, ChartExport.svg(StockFlowDiagram.figure("auto", v, ChartStyle.defaults()),
                StockFlowDiagram.exportOptions(v, 150)));
    }

    @Test
    void aCausalLoopViewMarksEachLinkWithItsPolarity() throws Exception {
        Model m = ModelBuilder.xmile().time(0, 5, 0.25)
                .stock("Prey", "100", List.of("prey births"), List.of("prey deaths"))
                .stock("Predators", "10", List.of("predator births"), List.of())
                .flow("prey births", "0.5 * Prey").flow("prey deaths", "0.02 * Prey * Predators")
                .flow("predator births", "0.01 * Prey * Predators").build();
        LoopAnalysis a = LoopAnalysis.of(ModelCompiler.compile(m), RunOptions.defaults(), 100);
        Loop predation = a.loops().stream().filter(l -> l.variables().size() == 4).findFirst().orElseThrow();
        View v = CausalLoopView.of(a, List.of(predation));
        String svg = ChartExport.svg(StockFlowDiagram.figure("B", v, ChartStyle.defaults()),
                StockFlowDiagram.exportOptions(v, 150));
        Element link = groups(svg).get("connector:prey deaths->Prey");
        assertEquals("-", text(link));
        assertEquals("+", text(groups(svg).get("connector:Predators->prey deaths")));
    }

    @Test
    void aModelOfMoreThanAThousandVariablesIsDrawn() throws Exception {
        // 250 four-variable chains: 1,000 variables; the time is printed, not asserted
        ModelBuilder b = ModelBuilder.xmile().time(0, 1, 1);
        for (int i = 0; i < 250; i++) {
            b.stock("S" + i, "1", List.of("in" + i), List.of())
                    .flow("in" + i, "S" + i + " * k" + i + " + a" + i).aux("k" + i, "0.1")
                    .aux("a" + i, i == 0 ? "1" : "S" + (i - 1) + " / 100");
        }
        Model m = b.build();
        long t0 = System.nanoTime();
        View v = AutoLayout.layout(m);
        long t1 = System.nanoTime();
        byte[] png = ChartExport.png(StockFlowDiagram.figure("big", v, ChartStyle.defaults()),
                StockFlowDiagram.exportOptions(v, 50));
        long t2 = System.nanoTime();
        System.out.printf("1,000-variable diagram: layout %d ms, PNG %d ms (%d bytes)%n", (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, png.length);
        assertEquals(1000, v.elements().stream().filter(e -> e.kind() != Kind.CONNECTOR).count());
        assertFalse(png.length == 0);
    }

    @Test
    void anAutomaticLayoutIsWrittenIntoACopyOfTheModelAndReadBack(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path sir = SAMPLES.resolve("SIR/SIR.xmile");
        assumeTrue(Files.exists(sir), "the SDXorg suite is not next to the checkout");
        View auto = AutoLayout.layout(ModelFiles.read(sir));
        Path copy = dir.resolve("sir-views.xmile");
        org.clusterdynamics.io.xmile.XmileViewWriter.write(sir, auto, copy);
        List<View> back = XmileViewReader.read(copy);
        assertEquals(1, back.size());
        for (Kind k : List.of(Kind.STOCK, Kind.FLOW, Kind.AUX, Kind.CONNECTOR)) {
            assertEquals(auto.of(k).size(), back.get(0).of(k).size(), k.name());
        }
        assertEquals(ModelFiles.read(sir).variables().size(), ModelFiles.read(copy).variables().size());
        checkDrawn(back.get(0), ChartExport.svg(StockFlowDiagram.figure("back", back.get(0), ChartStyle.defaults()),
                StockFlowDiagram.exportOptions(back.get(0), 150)));
    }

    @Test
    void suiteModelsReadTheirViews() {
        Path hares = SAMPLES.resolve("bpowers-hares_and_lynxes_modules/model.xmile");
        assumeTrue(Files.exists(hares), "the SDXorg suite is not next to the checkout");
        View v = XmileViewReader.read(hares).get(0);
        assertEquals(2, v.of(Kind.MODULE).size());
        assertEquals("size of one time lynx harvest", v.of(Kind.AUX).get(1).name().replace('_', ' '));
        assertNotNull(ModelFiles.read(hares));
    }
}
