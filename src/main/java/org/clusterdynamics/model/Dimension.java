package org.clusterdynamics.model;

import java.util.List;

/**
 * A named array dimension (Vensim: subscript range) with its elements in order.
 *
 * <p>{@code mapsTo} lists dimensions this one maps onto element by element (Vensim {@code ->}):
 * a dimension's name, or {@code "name: item1, item2"} when the mapping lists, for each element of
 * this dimension in order, the element (or subrange) of that dimension it corresponds to.
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
