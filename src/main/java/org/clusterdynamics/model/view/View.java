package org.clusterdynamics.model.view;

import java.util.List;

/**
 * One stock-and-flow diagram of a model: where each stock, flow, auxiliary, module, alias and
 * cloud sits and which connectors join them, as stored in the file (XMILE {@code <view>}, Vensim
 * sketch) or made by automatic layout. Coordinates are in points, y downwards.
 */
public record View(String name, List<ViewElement> elements) {

    public View {
        name = name == null ? "" : name;
        elements = List.copyOf(elements);
    }

    /** The element of a variable (not an alias), by name as written or canonical, or null. */
    public ViewElement find(String variable) {
        String key = org.clusterdynamics.model.VarName.canonical(variable);
        for (ViewElement e : elements) {
            if (e.kind() != ViewElement.Kind.CONNECTOR && e.kind() != ViewElement.Kind.ALIAS
                    && e.kind() != ViewElement.Kind.CLOUD && e.kind() != ViewElement.Kind.GROUP && e.name() != null
                    && org.clusterdynamics.model.VarName.canonical(e.name()).equals(key)) {
                return e;
            }
        }
        return null;
    }

    /** The element with this uid, or null. */
    public ViewElement byUid(String uid) {
        for (ViewElement e : elements) {
            if (uid != null && uid.equals(e.uid())) {
                return e;
            }
        }
        return null;
    }

    /**
     * The part of the view inside a sector's frame (a GROUP element): the elements whose centre (a
     * flow's valve) lies in it and the connectors between them, the frame included; null when there
     * is no such frame.
     */
    public View sector(String frame) {
        ViewElement g = elements.stream().filter(e -> e.kind() == ViewElement.Kind.GROUP
                && e.name() != null && e.name().equalsIgnoreCase(frame)).findFirst().orElse(null);
        if (g == null) {
            return null;
        }
        java.util.List<ViewElement> inside = new java.util.ArrayList<>();
        java.util.Set<ViewElement> nodes = new java.util.HashSet<>();
        for (ViewElement e : elements) {
            if (e.kind() != ViewElement.Kind.CONNECTOR && e.kind() != ViewElement.Kind.GROUP
                    && Math.abs(e.x() - g.x()) <= g.width() / 2 && Math.abs(e.y() - g.y()) <= g.height() / 2) {
                inside.add(e);
                nodes.add(e);
            }
        }
        View part = new View(g.name(), inside);
        java.util.List<ViewElement> out = new java.util.ArrayList<>(inside);
        out.add(0, g);
        for (ViewElement c : of(ViewElement.Kind.CONNECTOR)) {
            ViewElement a = end(part, c.from());
            ViewElement b = end(part, c.to());
            if (a != null && b != null && nodes.contains(a) && nodes.contains(b)) {
                out.add(c);
            }
        }
        return new View(g.name(), out);
    }

    private static ViewElement end(View v, String ref) {
        return ref == null ? null : ref.startsWith("#") ? v.byUid(ref.substring(1)) : v.find(ref);
    }

    /** The elements of one kind, in order. */
    public List<ViewElement> of(ViewElement.Kind kind) {
        return elements.stream().filter(e -> e.kind() == kind).toList();
    }
}
