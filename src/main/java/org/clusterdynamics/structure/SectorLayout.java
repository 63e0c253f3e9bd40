package org.clusterdynamics.structure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.view.View;
import org.clusterdynamics.model.view.ViewElement;
import org.clusterdynamics.model.view.ViewElement.Kind;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * One stock-and-flow diagram (page) per sector of a model, the sectors given as groups of
 * variables (XMILE {@code <group>}). Each sector's stocks and flows are set out as chains (pipes
 * straight, valves between their stocks, clouds where a flow leaves the sector's stocks); ELK's
 * layered algorithm then places the chains, the auxiliaries and an alias (ghost) of each variable
 * of another sector that the sector reads, so that every connector stays on its page.
 */
public final class SectorLayout {
    /** Stock edge to stock edge along a chain; the valve sits half-way. */
    private static final double GAP = 120;
    /** Stock edge to a cloud. */
    private static final double CLOUD = 100;
    private static final double CHAR_WIDTH = 5.2;
    private static final double LINE_HEIGHT = 11.5;
    private static final int WRAP = 16;
    /** The name of the page that holds the variables no group names. */
    public static final String UNGROUPED = "Other";

    private SectorLayout() {}

    /** The pages of the model's sectors, in the groups' order; variables in no group go on a last page. */
    public static List<View> of(Model model, Map<String, List<String>> groups) {
        VariableGraph g = VariableGraph.of(model);
        List<View> views = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            Set<String> members = new LinkedHashSet<>();
            for (String n : group.getValue()) {
                String id = VarName.canonical(n);
                if (g.variables().containsKey(id) && placed.add(id)) {
                    members.add(id);
                }
            }
            views.add(sector(g, group.getKey(), members));
        }
        Set<String> rest = new LinkedHashSet<>(g.variables().keySet());
        rest.removeAll(placed);
        if (!rest.isEmpty()) {
            views.add(sector(g, UNGROUPED, rest));
        }
        return views;
    }

    /**
     * The sectors' pages as one view, as Stella keeps them: each page framed by a GROUP element with
     * the sector's name (XMILE {@code <group>} in a view), the frames set out in rows; aliases get
     * uids unique in the whole view.
     */
    public static View combined(String name, List<View> sectors) {
        double margin = 20;
        double title = 28;
        double rowWidth = 0;
        for (View v : sectors) {
            rowWidth = Math.max(rowWidth, extent(v)[2] - extent(v)[0] + 2 * margin);
        }
        rowWidth = Math.max(rowWidth, 2400);
        List<ViewElement> out = new ArrayList<>();
        double x = 0;
        double y = 0;
        double rowHeight = 0;
        int page = 0;
        for (View v : sectors) {
            page++;
            double[] b = extent(v);
            double w = b[2] - b[0] + 2 * margin;
            double h = b[3] - b[1] + 2 * margin + title;
            if (x > 0 && x + w > rowWidth) {
                x = 0;
                y += rowHeight + margin;
                rowHeight = 0;
            }
            double dx = x + margin - b[0];
            double dy = y + margin + title - b[1];
            out.add(ViewElement.node(Kind.GROUP, v.name(), null, x + w / 2, y + h / 2, w, h));
            String prefix = "p" + page + "_";
            for (ViewElement e : v.elements()) {
                List<ViewElement.Point> pts = new ArrayList<>();
                e.points().forEach(p -> pts.add(new ViewElement.Point(p.x() + dx, p.y() + dy)));
                boolean moved = e.kind() != Kind.CONNECTOR;
                out.add(new ViewElement(e.kind(), e.name(), e.uid() == null ? null : prefix + e.uid(),
                        moved ? e.x() + dx : e.x(), moved ? e.y() + dy : e.y(), e.width(), e.height(), pts,
                        renamed(e.from(), prefix), renamed(e.to(), prefix), e.angle()));
            }
            x += w + margin;
            rowHeight = Math.max(rowHeight, h);
        }
        return new View(name, out);
    }

    private static String renamed(String ref, String prefix) {
        return ref != null && ref.startsWith("#") ? "#" + prefix + ref.substring(1) : ref;
    }

    /** minX, minY, maxX, maxY of a page's elements with room for their names. */
    private static double[] extent(View v) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (ViewElement e : v.elements()) {
            if (e.kind() == Kind.CONNECTOR) {
                continue;
            }
            List<String> lines = e.name() == null ? List.of() : wrap(e.name());
            double half = Math.max(e.width() / 2, lines.stream().mapToInt(String::length).max().orElse(0)
                    * CHAR_WIDTH / 2 + 4);
            b[0] = Math.min(b[0], e.x() - half);
            b[2] = Math.max(b[2], e.x() + half);
            b[1] = Math.min(b[1], e.y() - e.height() / 2);
            b[3] = Math.max(b[3], e.y() + e.height() / 2 + 4 + lines.size() * LINE_HEIGHT);
            for (ViewElement.Point p : e.points()) {
                b[0] = Math.min(b[0], p.x() - 12);
                b[2] = Math.max(b[2], p.x() + 12);
                b[1] = Math.min(b[1], p.y() - 12);
                b[3] = Math.max(b[3], p.y() + 12);
            }
        }
        return b;
    }

    /** One sector's page: its members drawn, the variables of other sectors that they read as aliases. */
    public static View sector(VariableGraph g, String name, Collection<String> memberIds) {
        Set<String> members = new LinkedHashSet<>(memberIds);
        List<VariableGraph.Pipe> pipes = new ArrayList<>();
        for (VariableGraph.Pipe p : g.pipes()) {
            if (members.contains(p.flow())) {
                pipes.add(new VariableGraph.Pipe(p.flow(), members.contains(p.from()) ? p.from() : null,
                        members.contains(p.to()) ? p.to() : null));
            }
        }
        List<Chain> chains = chains(g, members, pipes);
        Map<String, Chain> chainOf = new HashMap<>();
        chains.forEach(c -> c.centres.keySet().forEach(id -> chainOf.put(id, c)));

        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 16.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
        root.setProperty(CoreOptions.SEPARATE_CONNECTED_COMPONENTS, true);
        root.setProperty(CoreOptions.SPACING_COMPONENT_COMPONENT, 30.0);
        root.setProperty(CoreOptions.ASPECT_RATIO, 1.5);
        // the ELK node of each drawn id (a chain's node for its stocks and flows)
        Map<String, ElkNode> node = new LinkedHashMap<>();
        Map<Chain, ElkNode> chainNode = new LinkedHashMap<>();
        for (Chain c : chains) {
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setDimensions(c.width(), c.height());
            chainNode.put(c, n);
            c.centres.keySet().forEach(id -> node.put(id, n));
        }
        List<String> auxes = new ArrayList<>();
        for (String id : members) {
            if (!node.containsKey(id)) {
                node.put(id, labelled(root, written(g, id)));
                auxes.add(id);
            }
        }
        // an alias of each outside variable the sector reads, named "#alias:id" until it gets a uid
        Map<String, ElkNode> aliases = new LinkedHashMap<>();
        List<VariableGraph.Connector> drawn = new ArrayList<>();
        for (VariableGraph.Connector c : g.connectors()) {
            if (!members.contains(c.to())) {
                continue;
            }
            if (!members.contains(c.from())) {
                aliases.computeIfAbsent(c.from(), id -> labelled(root, written(g, id)));
            }
            drawn.add(c);
        }
        for (VariableGraph.Connector c : drawn) {
            ElkNode from = members.contains(c.from()) ? node.get(c.from()) : aliases.get(c.from());
            ElkNode to = node.get(c.to());
            if (from != to) {
                ElkGraphUtil.createSimpleEdge(from, to);
            }
        }
        Elk.layered(root);

        Map<String, double[]> at = new HashMap<>();
        List<ViewElement> elements = new ArrayList<>();
        for (Chain c : chains) {
            ElkNode n = chainNode.get(c);
            double dx = n.getX() - c.minX;
            double dy = n.getY() - c.minY;
            c.centres.forEach((id, p) -> at.put(id, new double[] {p[0] + dx, p[1] + dy}));
            for (String id : c.centres.keySet()) {
                double[] p = at.get(id);
                if (g.variables().get(id) instanceof Stock) {
                    elements.add(ViewElement.node(Kind.STOCK, written(g, id), null, p[0], p[1],
                            ViewElement.defaultWidth(Kind.STOCK), ViewElement.defaultHeight(Kind.STOCK)));
                }
            }
            for (Map.Entry<String, List<double[]>> f : c.pipePoints.entrySet()) {
                List<ViewElement.Point> pts = new ArrayList<>();
                f.getValue().forEach(p -> pts.add(new ViewElement.Point(p[0] + dx, p[1] + dy)));
                double[] valve = at.get(f.getKey());
                elements.add(ViewElement.flow(written(g, f.getKey()), null, valve[0], valve[1], pts));
            }
        }
        for (String id : auxes) {
            double[] p = circleCentre(node.get(id));
            at.put(id, p);
            elements.add(ViewElement.node(Kind.AUX, written(g, id), null, p[0], p[1], 18, 18));
        }
        Map<String, String> aliasUid = new HashMap<>();
        int uid = 1;
        for (Map.Entry<String, ElkNode> a : aliases.entrySet()) {
            double[] p = circleCentre(a.getValue());
            String u = "a" + uid++;
            aliasUid.put(a.getKey(), u);
            at.put("#" + u, p);
            elements.add(ViewElement.node(Kind.ALIAS, written(g, a.getKey()), u, p[0], p[1], 18, 18));
        }
        List<double[]> obstacles = obstacles(elements);
        for (VariableGraph.Connector c : drawn) {
            boolean inside = members.contains(c.from());
            String from = inside ? written(g, c.from()) : "#" + aliasUid.get(c.from());
            double[] p = at.get(inside ? c.from() : from);
            double[] q = at.get(c.to());
            double angle = Math.toDegrees(Math.atan2(-(q[1] - p[1]), q[0] - p[0]));
            if (inside && chainOf.get(c.from()) != null && chainOf.get(c.from()) == chainOf.get(c.to())) {
                // bowed upwards, so that it runs neither along the pipe between them nor through the names under it
                angle += Math.abs(angle) > 90 ? -40 : 40;
            } else {
                angle = clearest(p, q, angle, obstacles);
            }
            elements.add(ViewElement.connector(null, from, written(g, c.to()), angle));
        }
        return new View(name, elements);
    }

    /** Boxes (x0, y0, x1, y1) that a connector should not cross: each element and its name under it. */
    private static List<double[]> obstacles(List<ViewElement> elements) {
        List<double[]> out = new ArrayList<>();
        for (ViewElement e : elements) {
            if (e.kind() == Kind.CONNECTOR || e.name() == null) {
                continue;
            }
            double hw = e.kind() == Kind.FLOW ? 6 : e.width() / 2;
            double hh = e.kind() == Kind.FLOW ? 6 : e.height() / 2;
            List<String> lines = wrap(e.name());
            double lw = lines.stream().mapToInt(String::length).max().orElse(0) * CHAR_WIDTH / 2;
            out.add(new double[] {e.x() - hw, e.y() - hh, e.x() + hw, e.y() + hh});
            out.add(new double[] {e.x() - lw, e.y() + hh + 2, e.x() + lw, e.y() + hh + 2 + lines.size() * LINE_HEIGHT});
        }
        return out;
    }

    /**
     * The connector's angle (the straight one, or bent by up to 36 degrees) whose curve, drawn as a
     * quadratic from p towards q, meets the fewest other elements and names.
     */
    private static double clearest(double[] p, double[] q, double straight, List<double[]> obstacles) {
        double best = straight;
        int fewest = Integer.MAX_VALUE;
        for (double bend : new double[] {0, 12, -12, 24, -24, 36, -36}) {
            double a = Math.toRadians(straight + bend);
            double d = Math.hypot(q[0] - p[0], q[1] - p[1]);
            double cx = p[0] + Math.cos(a) * d / 2;
            double cy = p[1] - Math.sin(a) * d / 2;
            int hits = 0;
            for (double[] box : obstacles) {
                if (contains(box, p) || contains(box, q)) {
                    continue; // its own ends and their names
                }
                for (int i = 2; i <= 18; i++) {
                    double t = i / 20.0;
                    double x = (1 - t) * (1 - t) * p[0] + 2 * (1 - t) * t * cx + t * t * q[0];
                    double y = (1 - t) * (1 - t) * p[1] + 2 * (1 - t) * t * cy + t * t * q[1];
                    if (x > box[0] - 2 && x < box[2] + 2 && y > box[1] - 2 && y < box[3] + 2) {
                        hits++;
                        break;
                    }
                }
            }
            if (hits < fewest) {
                fewest = hits;
                best = straight + bend;
            }
        }
        return best;
    }

    private static boolean contains(double[] box, double[] p) {
        return p[0] >= box[0] - 1 && p[0] <= box[2] + 1 && p[1] >= box[1] - 1 && p[1] <= box[3] + 1;
    }

    private static String written(VariableGraph g, String id) {
        return g.variables().get(id).name().asWritten();
    }

    /** A node with room for an 18-point circle and its name wrapped under it. */
    private static ElkNode labelled(ElkNode root, String name) {
        List<String> lines = wrap(name);
        int longest = lines.stream().mapToInt(String::length).max().orElse(0);
        ElkNode n = ElkGraphUtil.createNode(root);
        n.setDimensions(Math.max(24, longest * CHAR_WIDTH + 6), 18 + 4 + lines.size() * LINE_HEIGHT);
        return n;
    }

    private static double[] circleCentre(ElkNode n) {
        return new double[] {n.getX() + n.getWidth() / 2, n.getY() + 9};
    }

    /** The name's lines as the diagram draws them: the layout and the drawing share this one rule. */
    public static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.replace('_', ' ').split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WRAP) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Stocks and flows joined by pipes, laid out in a row: local centres and the points of each pipe. */
    private static final class Chain {
        final Map<String, double[]> centres = new LinkedHashMap<>();
        final Map<String, List<double[]>> pipePoints = new LinkedHashMap<>();
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;

        void cover(double x, double y, double halfWidth, double above, double below) {
            minX = Math.min(minX, x - halfWidth);
            maxX = Math.max(maxX, x + halfWidth);
            minY = Math.min(minY, y - above);
            maxY = Math.max(maxY, y + below);
        }

        double width() {
            return maxX - minX;
        }

        double height() {
            return maxY - minY;
        }
    }

    private static List<Chain> chains(VariableGraph g, Set<String> members, List<VariableGraph.Pipe> pipes) {
        // stocks joined through their flows, in the order the sector lists them
        Map<String, Set<String>> next = new LinkedHashMap<>();
        Map<String, Set<String>> near = new LinkedHashMap<>();
        for (String id : members) {
            if (g.variables().get(id) instanceof Stock) {
                next.put(id, new LinkedHashSet<>());
                near.put(id, new LinkedHashSet<>());
            }
        }
        for (VariableGraph.Pipe p : pipes) {
            if (p.from() != null && p.to() != null) {
                next.get(p.from()).add(p.to());
                near.get(p.from()).add(p.to());
                near.get(p.to()).add(p.from());
            }
        }
        List<Chain> chains = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String start : next.keySet()) {
            if (done.contains(start)) {
                continue;
            }
            // the stocks of one component, each after the stock that feeds it where there is one
            List<String> component = new ArrayList<>();
            List<String> todo = new ArrayList<>(List.of(start));
            Set<String> seen = new LinkedHashSet<>(todo);
            while (!todo.isEmpty()) {
                String s = todo.remove(0);
                component.add(s);
                for (String t : near.get(s)) {
                    if (seen.add(t)) {
                        todo.add(t);
                    }
                }
            }
            done.addAll(component);
            chains.add(row(g, order(component, next), pipes));
        }
        for (VariableGraph.Pipe p : pipes) {
            if (p.from() == null && p.to() == null) {
                // a flow between two clouds
                Chain c = new Chain();
                c.centres.put(p.flow(), new double[] {0, 0});
                c.pipePoints.put(p.flow(), List.of(new double[] {-CLOUD / 2, 0}, new double[] {0, 0},
                        new double[] {CLOUD / 2, 0}));
                c.cover(0, 0, CLOUD / 2 + 10, 20, label(g, p.flow()));
                chains.add(c);
            }
        }
        return chains;
    }

    /** Sources first, then along the pipes. */
    private static List<String> order(List<String> component, Map<String, Set<String>> next) {
        Set<String> fed = new LinkedHashSet<>();
        component.forEach(s -> fed.addAll(next.get(s)));
        List<String> out = new ArrayList<>();
        List<String> starts = new ArrayList<>(component.stream().filter(s -> !fed.contains(s)).toList());
        if (starts.isEmpty()) {
            starts.add(component.get(0));
        }
        for (String s : starts) {
            walk(s, next, out);
        }
        component.forEach(s -> walk(s, next, out));
        return out;
    }

    private static void walk(String s, Map<String, Set<String>> next, List<String> out) {
        if (out.contains(s)) {
            return;
        }
        out.add(s);
        next.get(s).forEach(t -> walk(t, next, out));
    }

    private static double label(VariableGraph g, String id) {
        return 10 + wrap(written(g, id)).size() * LINE_HEIGHT;
    }

    /** The stocks in a row; flows between neighbours straight, from or to clouds at the sides, above or below. */
    private static Chain row(VariableGraph g, List<String> stocks, List<VariableGraph.Pipe> pipes) {
        Chain c = new Chain();
        double hw = ViewElement.defaultWidth(Kind.STOCK) / 2;
        double hh = ViewElement.defaultHeight(Kind.STOCK) / 2;
        double x = 0;
        Set<String> laid = new LinkedHashSet<>();
        Map<String, double[]> stockAt = new LinkedHashMap<>();
        for (int i = 0; i < stocks.size(); i++) {
            String s = stocks.get(i);
            boolean fedByPrevious = i > 0 && pipes.stream().anyMatch(p -> s.equals(p.to())
                    && stocks.get(stocks.indexOf(s) - 1).equals(p.from()));
            if (!fedByPrevious) {
                VariableGraph.Pipe in = pipes.stream().filter(p -> s.equals(p.to()) && p.from() == null
                        && !laid.contains(p.flow())).findFirst().orElse(null);
                if (in != null) {
                    x += i == 0 ? 0 : GAP / 2;
                    straight(c, g, in.flow(), x, x + CLOUD, 0, true, false);
                    laid.add(in.flow());
                    x += CLOUD + hw;
                } else {
                    x += i == 0 ? hw : GAP / 2 + hw;
                }
            }
            stockAt.put(s, new double[] {x, 0});
            c.centres.put(s, new double[] {x, 0});
            c.cover(x, 0, Math.max(hw, 38), hh, hh + label(g, s));
            String after = i + 1 < stocks.size() ? stocks.get(i + 1) : null;
            VariableGraph.Pipe link = pipes.stream().filter(p -> s.equals(p.from()) && after != null
                    && after.equals(p.to())).findFirst().orElse(null);
            if (link != null) {
                straight(c, g, link.flow(), x + hw, x + hw + GAP, 0, false, false);
                laid.add(link.flow());
                x += hw + GAP + hw;
                continue;
            }
            VariableGraph.Pipe out = pipes.stream().filter(p -> s.equals(p.from()) && p.to() == null
                    && !laid.contains(p.flow())).findFirst().orElse(null);
            if (out != null) {
                straight(c, g, out.flow(), x + hw, x + hw + CLOUD, 0, false, true);
                laid.add(out.flow());
                x += hw + CLOUD;
            } else {
                x += hw;
            }
        }
        // the other flows: into or out of a stock from above, between stocks under the row
        Map<String, Integer> above = new HashMap<>();
        Map<String, Integer> below = new HashMap<>();
        int under = 0;
        for (VariableGraph.Pipe p : pipes) {
            if (laid.contains(p.flow()) || (p.from() == null && p.to() == null)
                    || (p.from() != null && !stockAt.containsKey(p.from()))
                    || (p.to() != null && !stockAt.containsKey(p.to()))) {
                continue;
            }
            laid.add(p.flow());
            if (p.from() == null || p.to() == null) {
                // up from the stock's top (its name is under it), then sideways: outflows to the right, inflows
                // from the left, the valve on the level part so that its name sits under the pipe
                boolean in = p.from() == null;
                String s = in ? p.to() : p.from();
                int k = (in ? above : below).merge(s, 1, Integer::sum) - 1;
                double sx = stockAt.get(s)[0] + (in ? -1 : 1) * (8 + 6 * k);
                double level = -hh - 55 - 45 * k;
                double far = sx + (in ? -1 : 1) * CLOUD;
                List<double[]> pts = in
                        ? List.of(new double[] {far, level}, new double[] {sx, level}, new double[] {sx, -hh})
                        : List.of(new double[] {sx, -hh}, new double[] {sx, level}, new double[] {far, level});
                double[] valve = {(sx + far) / 2, level};
                c.centres.put(p.flow(), valve);
                c.pipePoints.put(p.flow(), pts);
                c.cover(far, level, 14, 12, 12);
                c.cover(valve[0], level, 42, 14, 8 + label(g, p.flow()));
            } else {
                // between two stocks that are not neighbours: down, along under the row, up
                double depth = hh + 60 + 40 * under++;
                double[] s = stockAt.get(p.from());
                double[] t = stockAt.get(p.to());
                List<double[]> pts = List.of(new double[] {s[0], hh}, new double[] {s[0], depth},
                        new double[] {t[0], depth}, new double[] {t[0], hh});
                double[] valve = {(s[0] + t[0]) / 2, depth};
                c.centres.put(p.flow(), valve);
                c.pipePoints.put(p.flow(), pts);
                c.cover(valve[0], depth, 40, 10, label(g, p.flow()));
            }
        }
        return c;
    }

    /** A horizontal flow from x0 to x1 at height y, with a cloud at its start or end when told. */
    private static void straight(Chain c, VariableGraph g, String flow, double x0, double x1, double y,
            boolean cloudAtStart, boolean cloudAtEnd) {
        double[] valve = {(x0 + x1) / 2, y};
        c.centres.put(flow, valve);
        c.pipePoints.put(flow, List.of(new double[] {x0, y}, new double[] {x1, y}));
        c.cover(valve[0], y, 42, 14, 8 + label(g, flow));
        if (cloudAtStart) {
            c.cover(x0, y, 14, 12, 12);
        }
        if (cloudAtEnd) {
            c.cover(x1, y, 14, 12, 12);
        }
    }
}
