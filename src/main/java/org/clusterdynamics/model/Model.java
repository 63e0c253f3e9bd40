package org.clusterdynamics.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A format-neutral model: what both readers produce and the only contract with later stages.
 *
 * @param source the file it was read from (for messages), may be null for built models
 * @param subModels other models of the file, by canonical name, instantiated by modules
 * @param unitAliases unit definitions ("people" = "person"), canonical alias to definition
 * @param dataDirectory folder against which data file names (GET XLS ...) are resolved
 */
public record Model(
        Path source,
        String name,
        Dialect dialect,
        SimSpecs specs,
        List<Variable> variables,
        List<Dimension> dimensions,
        Map<String, Model> subModels,
        List<Macro> macros,
        Map<String, String> unitAliases) {

    public Model {
        variables = List.copyOf(variables);
        dimensions = List.copyOf(dimensions);
        subModels = subModels == null ? Map.of() : Map.copyOf(subModels);
        macros = macros == null ? List.of() : List.copyOf(macros);
        unitAliases = unitAliases == null ? Map.of() : Map.copyOf(unitAliases);
    }

    /** The file name for messages ("<model>" when built in memory). */
    public String sourceName() {
        return source == null ? "<" + (name == null || name.isEmpty() ? "model" : name) + ">" : source.toString();
    }

    public Optional<Variable> variable(String id) {
        String key = VarName.canonical(id);
        for (Variable v : variables) {
            if (v.name().id().equals(key)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    public Map<String, Variable> variablesById() {
        Map<String, Variable> m = new LinkedHashMap<>();
        for (Variable v : variables) {
            m.put(v.name().id(), v);
        }
        return m;
    }

    public Optional<Dimension> dimension(String id) {
        String key = VarName.canonical(id);
        return dimensions.stream().filter(d -> d.name().id().equals(key)).findFirst();
    }

    public Model withSpecs(SimSpecs s) {
        return new Model(source, name, dialect, s, variables, dimensions, subModels, macros, unitAliases);
    }

    public Model withVariables(List<Variable> vs) {
        return new Model(source, name, dialect, specs, vs, dimensions, subModels, macros, unitAliases);
    }
}
