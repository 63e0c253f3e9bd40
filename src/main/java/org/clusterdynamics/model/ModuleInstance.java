package org.clusterdynamics.model;

import java.util.List;

/**
 * An XMILE module: an instance of another model of the file, with its inputs connected to
 * variables of the enclosing model ({@code to} in the module = {@code from} outside).
 */
public record ModuleInstance(
        VarName name,
        String modelName,
        List<Connection> connections,
        String units,
        String documentation,
        int line) implements Variable {

    /** Binds a module input {@code to} (inside) to {@code from} (outside, or module.var). */
    public record Connection(String from, String to) {}

    public ModuleInstance {
        connections = List.copyOf(connections);
        units = units == null ? "" : units;
        documentation = documentation == null ? "" : documentation;
    }

    @Override
    public List<String> dimensions() {
        return List.of();
    }
}
