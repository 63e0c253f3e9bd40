package org.clusterdynamics.structure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.model.view.View;
import org.clusterdynamics.model.view.ViewElement;
import org.clusterdynamics.model.view.ViewElement.Kind;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * A causal-loop diagram of chosen loops: their variables (stocks as boxes; an array once, whatever
 * its elements), each link once as a curved arrow marked + or - with its polarity, laid out by ELK's
 * layered algorithm.
 */
public final class CausalLoopView {
    private CausalLoopView() {}

    private static String unsubscripted(String name) {
        int bracket = name.indexOf('[');
        return bracket > 0 ? name.substring(0, bracket).strip() : name;
    }

    /** The diagram of the given loops of an analysis (copies of an arrayed loop drawn once). */
    public static View of(LoopAnalysis a, List<Loop> loops) {
        SlotGraph g = a.graph();
        Map<String, Kind> nodes = new LinkedHashMap<>();
        Map<List<String>, Polarity> links = new LinkedHashMap<>();
        for (Loop loop : loops) {
            for (SlotGraph.Link l : loop.links()) {
                // the copies of an arrayed loop are one loop of the diagram: names without subscripts
                String from = unsubscripted(g.displayName(l.from()));
                String to = unsubscripted(g.displayName(l.to()));
                nodes.merge(from, g.isStock(l.from()) && SlotNames.helperRole(g.model().slotNames()[l.from()]).isEmpty()
                        ? Kind.STOCK : Kind.AUX, (x, y) -> x == Kind.STOCK || y == Kind.STOCK ? Kind.STOCK : Kind.AUX);
                if (!from.equals(to)) {
                    // a link met again (another loop, another copy) keeps its sign; copies that differ give "?"
                    links.merge(List.of(from, to), a.linkSign(l).polarity(), Polarity::plus);
                }
            }
        }
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 40.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 70.0);
        Map<String, ElkNode> elk = new LinkedHashMap<>();
        for (Map.Entry<String, Kind> n : nodes.entrySet()) {
            ElkNode e = ElkGraphUtil.createNode(root);
            e.setDimensions(80, ViewElement.defaultHeight(n.getValue()) + 26);
            elk.put(n.getKey(), e);
        }
        for (List<String> l : links.keySet()) {
            ElkGraphUtil.createSimpleEdge(elk.get(l.get(0)), elk.get(l.get(1)));
        }
        Elk.layered(root);
        List<ViewElement> elements = new ArrayList<>();
        Map<String, double[]> at = new LinkedHashMap<>();
        for (Map.Entry<String, Kind> n : nodes.entrySet()) {
            ElkNode e = elk.get(n.getKey());
            double h = ViewElement.defaultHeight(n.getValue());
            double x = e.getX() + e.getWidth() / 2;
            double y = e.getY() + h / 2;
            at.put(n.getKey(), new double[] {x, y});
            elements.add(ViewElement.node(n.getValue(), n.getKey(), null, x, y, ViewElement.defaultWidth(n.getValue()),
                    h));
        }
        for (Map.Entry<List<String>, Polarity> l : links.entrySet()) {
            double[] p = at.get(l.getKey().get(0));
            double[] q = at.get(l.getKey().get(1));
            // bent a little, so that the two links of a pair of variables do not overlap
            double angle = Math.toDegrees(Math.atan2(-(q[1] - p[1]), q[0] - p[0])) + 20;
            elements.add(new ViewElement(Kind.CONNECTOR, l.getValue().symbol, null, 0, 0, 0, 0, List.of(),
                    l.getKey().get(0), l.getKey().get(1), angle));
        }
        return new View("loops", elements);
    }
}
