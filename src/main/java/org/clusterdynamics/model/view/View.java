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
                    && e.kind() != ViewElement.Kind.CLOUD && e.name() != null
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

    /** The elements of one kind, in order. */
    public List<ViewElement> of(ViewElement.Kind kind) {
        return elements.stream().filter(e -> e.kind() == kind).toList();
    }
}
