package org.clusterdynamics.io.vensim;

import java.util.List;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.VarName;

/** One parsed record of the equation section: a subscript range or one (partial) variable definition. */
sealed interface MdlRecord {
    int line();

    /** How a variable record assigns its value. */
    enum Op {
        /** {@code =} */
        EQUALS,
        /** {@code ==} (unchangeable constant) */
        UNCHANGEABLE,
        /** {@code :=} data equation */
        DATA,
        /** {@code name(table)} lookup definition */
        LOOKUP,
        /** a data variable with no equation, filled from a data file at run time */
        NONE
    }

    /** How a data variable reads between its points (Vensim keyword after the name). */
    enum DataMode {
        INTERPOLATE,
        HOLD_BACKWARD,
        LOOK_FORWARD,
        RAW
    }

    /**
     * {@code dim: a, (b1-b3), sub -> map} or {@code dim: GET DIRECT SUBSCRIPT(...)}; elements as
     * written (they may name other ranges or numeric ranges, resolved later), or {@code getCall}
     * when they come from a file.
     */
    record Range(VarName name, List<String> elements, List<String> mapsTo, String getCall, int line)
            implements MdlRecord {}

    /** {@code dim <-> other}: another name for the same elements. */
    record Equivalence(VarName name, String other, int line) implements MdlRecord {}

    /**
     * A definition of a variable or of some of its elements. {@code rhs} is the text after the
     * operator (null for lookups and data variables), {@code table} the lookup of a LOOKUP record
     * (null when the lookup comes from a GET call held in {@code rhs}); {@code range} is the
     * optional {@code [min, max, step]} after the units.
     */
    record Definition(
            VarName name,
            List<String> subscripts,
            List<List<String>> except,
            Op op,
            DataMode dataMode,
            String rhs,
            GraphicalFunction table,
            String units,
            String documentation,
            double[] range,
            int line) implements MdlRecord {}

    /** A reality check ({@code :THE CONDITION:}, {@code :TEST INPUT:}); not part of the simulation. */
    record Ignored(String what, int line) implements MdlRecord {}
}
