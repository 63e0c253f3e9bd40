package org.clusterdynamics.model;

import java.util.List;

/**
 * The equation of some elements of an arrayed variable. Each subscript is an element name, a
 * dimension or subrange name (the equation then applies to all its elements), and
 * {@code except} lists element tuples excluded (Vensim :EXCEPT:).
 */
public record ElementDefinition(
        List<String> subscripts, Equation equation, GraphicalFunction graphicalFunction,
        List<List<String>> except) {
    public ElementDefinition {
        subscripts = List.copyOf(subscripts);
        except = except == null ? List.of() : List.copyOf(except);
    }

    public ElementDefinition(List<String> subscripts, Equation equation, GraphicalFunction gf) {
        this(subscripts, equation, gf, List.of());
    }
}
