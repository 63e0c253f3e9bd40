package org.clusterdynamics.model;

import java.util.List;

/**
 * A named array dimension (Vensim: subscript range) with its elements in order.
 *
 * <p>{@code mapsTo} lists dimensions this one maps onto element by element (Vensim {@code ->}).
 */
public record Dimension(VarName name, List<String> elements, List<String> mapsTo) {
    /** The most elements a dimension may have: readers refuse larger ones before listing them. */
    public static final int MAX_ELEMENTS = 100_000;

    public Dimension {
        elements = List.copyOf(elements);
        mapsTo = mapsTo == null ? List.of() : List.copyOf(mapsTo);
    }

    public Dimension(VarName name, List<String> elements) {
        this(name, elements, List.of());
    }

    public int size() {
        return elements.size();
    }
}
