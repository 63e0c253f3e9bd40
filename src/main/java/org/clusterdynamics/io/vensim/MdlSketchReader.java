package org.clusterdynamics.io.vensim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.view.View;
import org.clusterdynamics.model.view.ViewElement;
import org.clusterdynamics.model.view.ViewElement.Kind;

/**
 * Reads the sketch section of a Vensim .mdl file (after the equations, between
 * {@code \\\---/// Sketch information} and {@code ///---\\\}): one view per {@code *View} line,
 * with its variables (type 10: a box for a level, shape 3), valves (11) and the flow names that
 * follow them, clouds (12 with 48), and arrows (1: pipes where the shape is 4 or 100, connectors
 * otherwise). Positions are centres; Vensim stores half widths and heights.
 */
public final class MdlSketchReader {
    private MdlSketchReader() {}

    /** The views of the file, none when it has no sketch. */
    public static List<View> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ModelException(Diagnostic.error("IO", Where.file(file.toString()),
                    "cannot read the file: " + e.getMessage()));
        }
        List<View> views = new ArrayList<>();
        boolean inSketch = false;
        Builder current = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("\\\\\\---///")) {
                inSketch = true;
                continue;
            }
            if (!inSketch) {
                continue;
            }
            if (line.startsWith("///---\\\\\\")) {
                break;
            }
            if (line.startsWith("*")) {
                if (current != null) {
                    views.add(current.build());
                }
                current = new Builder(line.substring(1).strip());
            } else if (current != null && !line.isEmpty() && Character.isDigit(line.charAt(0))) {
                current.record(line);
            }
        }
        if (current != null) {
            views.add(current.build());
        }
        views.removeIf(v -> v.elements().isEmpty());
        return views;
    }

    /** Collects one view's records, then joins valves, flow names and pipes. */
    private static final class Builder {
        private final String name;
        private final Map<String, String[]> byId = new HashMap<>();
        private final List<String[]> order = new ArrayList<>();
        /** valve id -> the flow variable's record id. */
        private final Map<String, String> flowOfValve = new HashMap<>();
        /** arrow id -> its first point (the middle of a curved arrow). */
        private final Map<String, double[]> arrowPoint = new HashMap<>();
        private String lastValve;

        Builder(String name) {
            this.name = name;
        }

        void record(String line) {
            String[] f = split(line);
            if (f.length < 2) {
                return;
            }
            byId.put(f[1], f);
            order.add(f);
            int bar = line.indexOf("|(");
            if (f[0].equals("1") && bar >= 0) {
                int close = line.indexOf(')', bar);
                String[] xy = line.substring(bar + 2, close < 0 ? line.length() : close).split(",");
                if (xy.length == 2) {
                    arrowPoint.put(f[1], new double[] {num(xy[0]), num(xy[1])});
                }
            }
            if (f[0].equals("11")) {
                lastValve = f[1];
            } else if (f[0].equals("10") && f.length > 7 && f[7].equals("40") && lastValve != null) {
                flowOfValve.put(lastValve, f[1]);
                lastValve = null;
            }
        }

        /** Splits on commas outside quotes, keeping the points part (after '|') off. */
        private static String[] split(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                    cur.append(c);
                } else if (c == ',' && !quoted) {
                    out.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            out.add(cur.toString());
            return out.toArray(new String[0]);
        }

        View build() {
            List<ViewElement> elements = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            Map<String, String> nameOfId = new HashMap<>();
            Set<String> flowRecords = new HashSet<>(flowOfValve.values());
            for (String[] f : order) {
                if (f[0].equals("10") && f.length > 7) {
                    String n = VarName.cleanWritten(f[2]);
                    nameOfId.put(f[1], n);
                    if (flowRecords.contains(f[1])) {
                        continue;
                    }
                    boolean alias = !seen.add(VarName.canonical(n));
                    Kind kind = alias ? Kind.ALIAS : f[7].equals("3") ? Kind.STOCK : Kind.AUX;
                    double w = kind == Kind.STOCK ? 2 * num(f[5]) : 18;
                    double h = kind == Kind.STOCK ? 2 * num(f[6]) : 18;
                    elements.add(ViewElement.node(kind, n, f[1], num(f[3]), num(f[4]), w, h));
                } else if (f[0].equals("12") && f.length > 6 && f[2].equals("48")) {
                    elements.add(ViewElement.node(Kind.CLOUD, null, f[1], num(f[3]), num(f[4]), 25, 18));
                }
            }
            for (Map.Entry<String, String> v : flowOfValve.entrySet()) {
                String[] valve = byId.get(v.getKey());
                String flowName = VarName.cleanWritten(byId.get(v.getValue())[2]);
                nameOfId.put(v.getKey(), flowName);
                ViewElement.Point tail = null;
                ViewElement.Point head = null;
                for (String[] f : order) {
                    if (f[0].equals("1") && f.length > 4 && f[2].equals(v.getKey())) {
                        String[] end = byId.get(f[3]);
                        if (end == null) {
                            continue;
                        }
                        ViewElement.Point p = new ViewElement.Point(num(end[3]), num(end[4]));
                        if (f[4].equals("4")) {
                            head = p;
                        } else if (f[4].equals("100")) {
                            tail = p;
                        }
                    }
                }
                double x = num(valve[3]);
                double y = num(valve[4]);
                List<ViewElement.Point> pts = new ArrayList<>();
                pts.add(tail != null ? tail : new ViewElement.Point(x - 40, y));
                pts.add(new ViewElement.Point(x, y));
                pts.add(head != null ? head : new ViewElement.Point(x + 40, y));
                elements.add(ViewElement.flow(flowName, v.getKey(), x, y, pts));
            }
            for (String[] f : order) {
                if (f[0].equals("1") && f.length > 4 && !f[4].equals("4") && !f[4].equals("100")) {
                    String from = ref(f[2], nameOfId);
                    String to = ref(f[3], nameOfId);
                    if (from == null || to == null) {
                        continue;
                    }
                    double angle = Double.NaN;
                    String[] src = byId.get(f[2]);
                    double[] mid = arrowPoint.get(f[1]);
                    if (src != null && mid != null && !f[4].equals("0")) {
                        // a curved arrow's point is on its arc: leave the source towards it
                        angle = Math.toDegrees(Math.atan2(-(mid[1] - num(src[4])), mid[0] - num(src[3])));
                    }
                    elements.add(ViewElement.connector(f[1], from, to, angle));
                }
            }
            return new View(name, elements);
        }

        /** The name an arrow's end refers to (a valve stands for its flow), "#id" for an alias. */
        private String ref(String id, Map<String, String> nameOfId) {
            String n = nameOfId.get(id);
            return n;
        }

        private static double num(String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
