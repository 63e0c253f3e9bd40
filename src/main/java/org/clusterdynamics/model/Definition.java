package org.clusterdynamics.model;

import java.util.List;

/**
 * How a variable (or a stock's initial value) is computed: one equation for a scalar or for every
 * element of an array (apply-to-all), or separate equations for elements, each optionally with a
 * graphical function that reads the equation's value.
 */
public record Definition(Equation equation, GraphicalFunction graphicalFunction, List<ElementDefinition> elements) {
    public Definition {
        elements = elements == null ? List.of() : List.copyOf(elements);
    }

    public static Definition of(String text) {
        return new Definition(Equation.of(text), null, List.of());
    }

    public static Definition of(Equation eq) {
        return new Definition(eq, null, List.of());
    }

    public static Definition of(Equation eq, GraphicalFunction gf) {
        return new Definition(eq, gf, List.of());
    }

    public static Definition perElement(List<ElementDefinition> elements) {
        return new Definition(null, null, elements);
    }

    public boolean isPerElement() {
        return !elements.isEmpty();
    }
}
