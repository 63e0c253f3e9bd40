package org.clusterdynamics.structure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModuleInstance;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.Variable;
import org.clusterdynamics.model.view.View;
import org.clusterdynamics.model.view.ViewElement;
import org.clusterdynamics.model.view.ViewElement.Kind;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays out a stock-and-flow diagram for a model that has none (or when asked), with the Eclipse
 * Layout Kernel's layered algorithm run as a plain library (no Eclipse runtime): causes to the
 * left of their effects, stocks, flows and auxiliaries as nodes, with room under each for its name.
 */
public final class AutoLayout {
    /** Space under each element for its name (two short lines). */
    private static final double LABEL_ROOM = 26;
    private static final double LABEL_WIDTH = 70;

    private AutoLayout() {}

    /** A diagram of every variable of the model. */
    public static View layout(Model model) {
        return layout(VariableGraph.of(model), "auto");
    }

    /** A diagram of a graph's variables. */
    public static View layout(VariableGraph g, String name) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 18.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 40.0);
        root.setProperty(CoreOptions.SEPARATE_CONNECTED_COMPONENTS, true);
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        Map<String, Kind> kinds = new LinkedHashMap<>();
        java.util.Set<String> flows = new java.util.HashSet<>();
        g.pipes().forEach(p -> flows.add(p.flow()));
        for (Map.Entry<String, Variable> e : g.variables().entrySet()) {
            Variable v = e.getValue();
            Kind kind = v instanceof Stock ? Kind.STOCK : v instanceof ModuleInstance ? Kind.MODULE
                    : flows.contains(e.getKey()) ? Kind.FLOW : Kind.AUX;
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setDimensions(Math.max(LABEL_WIDTH, ViewElement.defaultWidth(kind)),
                    ViewElement.defaultHeight(kind) + LABEL_ROOM);
            nodes.put(e.getKey(), n);
            kinds.put(e.getKey(), kind);
        }
        for (VariableGraph.Pipe p : g.pipes()) {
            if (p.from() != null && nodes.containsKey(p.from())) {
                ElkGraphUtil.createSimpleEdge(nodes.get(p.from()), nodes.get(p.flow()));
            }
            if (p.to() != null && nodes.containsKey(p.to())) {
                ElkGraphUtil.createSimpleEdge(nodes.get(p.flow()), nodes.get(p.to()));
            }
        }
        Map<VariableGraph.Connector, org.eclipse.elk.graph.ElkEdge> routes = new LinkedHashMap<>();
        for (VariableGraph.Connector c : g.connectors()) {
            routes.put(c, ElkGraphUtil.createSimpleEdge(nodes.get(c.from()), nodes.get(c.to())));
        }
        Elk.layered(root);

        List<ViewElement> elements = new ArrayList<>();
        Map<String, double[]> centre = new LinkedHashMap<>();
        for (Map.Entry<String, ElkNode> e : nodes.entrySet()) {
            ElkNode n = e.getValue();
            Kind kind = kinds.get(e.getKey());
            double h = ViewElement.defaultHeight(kind);
            double cx = n.getX() + n.getWidth() / 2;
            double cy = n.getY() + h / 2;
            centre.put(e.getKey(), new double[] {cx, cy});
            String written = g.variables().get(e.getKey()).name().asWritten();
            if (kind != Kind.FLOW) {
                elements.add(ViewElement.node(kind, written, null, cx, cy, ViewElement.defaultWidth(kind), h));
            }
        }
        for (VariableGraph.Pipe p : g.pipes()) {
            double[] valve = centre.get(p.flow());
            List<ViewElement.Point> pts = new ArrayList<>();
            pts.add(end(centre.get(p.from()), valve, -1));
            pts.add(new ViewElement.Point(valve[0], valve[1]));
            pts.add(end(centre.get(p.to()), valve, +1));
            elements.add(ViewElement.flow(g.variables().get(p.flow()).name().asWritten(), null, valve[0], valve[1],
                    pts));
        }
        for (VariableGraph.Connector c : g.connectors()) {
            // ELK's route, so that connectors go round the elements instead of across them
            List<ViewElement.Point> bends = new ArrayList<>();
            for (org.eclipse.elk.graph.ElkEdgeSection section : routes.get(c).getSections()) {
                section.getBendPoints().forEach(b -> bends.add(new ViewElement.Point(b.getX(), b.getY())));
            }
            elements.add(new ViewElement(Kind.CONNECTOR, null, null, 0, 0, 0, 0, bends,
                    g.variables().get(c.from()).name().asWritten(), g.variables().get(c.to()).name().asWritten(),
                    Double.NaN));
        }
        return new View(name, elements);
    }

    /** The end of a pipe: the stock's edge facing the valve, or a cloud 45 units from the valve. */
    private static ViewElement.Point end(double[] stock, double[] valve, int side) {
        if (stock == null) {
            return new ViewElement.Point(valve[0] + side * 45, valve[1]);
        }
        double dx = valve[0] - stock[0];
        double dy = valve[1] - stock[1];
        double hw = ViewElement.defaultWidth(Kind.STOCK) / 2;
        double hh = ViewElement.defaultHeight(Kind.STOCK) / 2;
        double t = Math.min(dx == 0 ? Double.MAX_VALUE : hw / Math.abs(dx), dy == 0 ? Double.MAX_VALUE
                : hh / Math.abs(dy));
        t = Math.min(t, 1);
        return new ViewElement.Point(stock[0] + dx * t, stock[1] + dy * t);
    }
}
