package org.clusterdynamics.io.xmile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Conveyor;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.Flow;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModuleInstance;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.Variable;

/**
 * Turns a model with modules into one flat list of variables. Every variable of a module
 * instance is copied under the qualified name {@code Instance.variable} (nested instances
 * {@code Outer.Inner.variable}), with its equations' references to its own model renamed to
 * match, so the later stages see one model.
 *
 * <p>A {@code <connect to="..." from="..."/>} makes its target (an input of a module, or an
 * input placeholder of the model that holds the module) equal to its source. Names in a connect
 * are read relative to the model that holds the {@code <module>}: {@code .x} is that model's
 * {@code x}, {@code M.x} is {@code x} inside its module {@code M} (Stella writes both ends this
 * way, and may write a connection between two sibling modules on either module, or on both); a
 * {@code to} without a dot is the module's own input (as in the XMILE 1.0 examples).
 */
final class ModuleFlattener {
    private final Map<String, Model> subModels;
    private final Set<Variable> inputs;
    private final String file;
    private final Diagnostics diags;
    /** Every flat variable by its flat canonical id, with the ids local to its model. */
    private final Map<String, Placed> placed = new LinkedHashMap<>();
    /** Connection targets (flat ids) to their sources (flat ids). */
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final Set<ModuleInstance> visiting = Collections.newSetFromMap(new IdentityHashMap<>());

    private record Placed(Variable var, String prefix, Set<String> localIds, String modelName) {}

    private record Link(String source, String asWritten, int line, String module) {}

    /**
     * @param inputs the variables declared with {@code access="input"} (by identity), which may
     *     have no equation of their own when something is connected to them
     */
    ModuleFlattener(Map<String, Model> subModels, Set<Variable> inputs, String file, Diagnostics diags) {
        this.subModels = subModels;
        this.inputs = inputs;
        this.file = file;
        this.diags = diags;
    }

    /** The root's variables with every module instance replaced by its renamed variables. */
    List<Variable> flatten(List<Variable> root, Set<String> dimensionAndElementIds) {
        place(root, "", "the root model");
        List<Variable> out = new ArrayList<>();
        for (Map.Entry<String, Placed> en : placed.entrySet()) {
            Placed p = en.getValue();
            Link link = links.get(en.getKey());
            EquationRenamer renamer = new EquationRenamer(p.prefix(), p.localIds(), dimensionAndElementIds);
            if (link != null) {
                Placed src = placed.get(link.source());
                out.add(new Aux(VarName.of(p.prefix() + p.var().name().asWritten()),
                        // the equation comes from the <module> whose <connect> feeds the input
                        Definition.of(new Equation(EquationRenamer.quoted(src.prefix() + src.var().name().asWritten()),
                                link.line())),
                        p.var().dimensions(), p.var().units(), p.var().documentation(), p.var().line()));
            } else if (inputs.contains(p.var()) && !hasEquation(p.var())) {
                diags.error("XMILE_BAD_MODULE", Where.of(file, p.prefix() + p.var().name().asWritten(), p.var().line()),
                        "this input of " + p.modelName() + " has no equation and nothing is connected to it; connect"
                                + " it with <connect to=\"...\" from=\"...\"/> in the module, or give it an <eqn>");
            } else {
                out.add(renamed(p, renamer));
            }
        }
        return out;
    }

    private static boolean hasEquation(Variable v) {
        Definition d = v instanceof Stock s ? s.initial() : v instanceof Flow f ? f.definition()
                : v instanceof Aux a ? a.definition() : null;
        return d != null && (d.equation() != null || d.graphicalFunction() != null || d.isPerElement());
    }

    /** Records the variables of one model under {@code prefix}, recursing into its modules. */
    private void place(List<Variable> vars, String prefix, String modelName) {
        Set<String> local = new HashSet<>();
        for (Variable v : vars) {
            local.add(v.name().id());
        }
        for (Variable v : vars) {
            if (v instanceof ModuleInstance mi) {
                Model sub = subModels.get(VarName.canonical(mi.modelName()));
                if (sub == null) {
                    continue; // reported by the reader
                }
                if (!visiting.add(mi)) {
                    diags.error("XMILE_BAD_MODULE", where(mi, prefix), "model '" + mi.modelName() + "' contains"
                            + " itself through its modules; a module cannot instantiate the model it is in");
                    continue;
                }
                place(sub.variables(), prefix + mi.name().asWritten() + ".", "module '" + prefix
                        + mi.name().asWritten() + "' (model " + mi.modelName() + ")");
                visiting.remove(mi);
            } else {
                placed.put(VarName.canonical(prefix + v.name().asWritten()), new Placed(v, prefix, local, modelName));
            }
        }
        for (Variable v : vars) {
            if (v instanceof ModuleInstance mi && subModels.containsKey(VarName.canonical(mi.modelName()))) {
                for (ModuleInstance.Connection c : mi.connections()) {
                    connect(mi, c, prefix);
                }
            }
        }
    }

    private void connect(ModuleInstance mi, ModuleInstance.Connection c, String prefix) {
        String to = c.to().strip();
        String target = to.contains(".") ? qualified(to, prefix) : VarName.canonical(prefix + mi.name().asWritten()
                + "." + unquoted(to));
        String source = qualified(c.from().strip(), prefix);
        String what = "the connection from '" + c.from() + "' to '" + c.to() + "'";
        if (!placed.containsKey(target)) {
            diags.error("XMILE_BAD_MODULE", where(mi, prefix), what + " names no variable as its target: '" + c.to()
                    + "' should be an input of a module (Module.input) or of this model (.input)");
            return;
        }
        if (!placed.containsKey(source)) {
            diags.error("XMILE_BAD_MODULE", where(mi, prefix), what + " names no variable as its source: '" + c.from()
                    + "' should be a variable of this model (.name) or of one of its modules (Module.name)");
            return;
        }
        if (target.equals(source)) {
            return; // a variable connected to itself adds nothing
        }
        Link earlier = links.get(target);
        if (earlier != null && !earlier.source().equals(source)) {
            diags.error("XMILE_BAD_MODULE", where(mi, prefix), what + " feeds an input that module '" + earlier.module()
                    + "' already connects to '" + earlier.asWritten() + "'; an input takes one source, so remove one");
            return;
        }
        links.put(target, new Link(source, c.from(), mi.line(), mi.name().asWritten()));
    }

    /** The flat id of a connect path read in the model whose variables carry {@code prefix}. */
    private static String qualified(String path, String prefix) {
        String p = path.startsWith(".") ? path.substring(1) : path;
        StringBuilder sb = new StringBuilder(prefix);
        for (String part : p.split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            if (sb.length() > prefix.length()) {
                sb.append('.');
            }
            sb.append(unquoted(part));
        }
        return VarName.canonical(sb.toString());
    }

    private static String unquoted(String part) {
        String s = part.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private Where where(ModuleInstance mi, String prefix) {
        return Where.of(file, prefix + mi.name().asWritten(), mi.line());
    }

    /** The variable under its flat name, its equations and flow names renamed to flat names. */
    private static Variable renamed(Placed p, EquationRenamer r) {
        Variable v = p.var();
        if (p.prefix().isEmpty()) {
            return v;
        }
        VarName name = VarName.of(p.prefix() + v.name().asWritten());
        if (v instanceof Stock s) {
            Conveyor c = s.conveyor();
            Conveyor cc = c == null ? null : new Conveyor(r.equation(c.length()), r.equation(c.capacity()),
                    r.equation(c.inflowLimit()), c.exponentialLeak());
            return new Stock(name, r.definition(s.initial()), r.names(s.inflows()), r.names(s.outflows()),
                    r.definition(s.netRate()), s.nonNegative(), s.dimensions(), s.units(), s.documentation(), s.line(),
                    cc);
        } else if (v instanceof Flow f) {
            return new Flow(name, r.definition(f.definition()), f.nonNegative(), f.dimensions(), f.units(),
                    f.documentation(), f.line(), f.leak());
        } else if (v instanceof Aux a) {
            return new Aux(name, r.definition(a.definition()), a.dimensions(), a.units(), a.documentation(), a.line());
        }
        return v;
    }

    /** Renames a module's references to its own variables inside equation text. */
    static final class EquationRenamer {
        private final String prefix;
        private final Set<String> local;
        private final Set<String> dimensionAndElementIds;

        EquationRenamer(String prefix, Set<String> local, Set<String> dimensionAndElementIds) {
            this.prefix = prefix;
            this.local = local;
            this.dimensionAndElementIds = dimensionAndElementIds;
        }

        static String quoted(String written) {
            return "\"" + written.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }

        List<VarName> names(List<VarName> ns) {
            return ns.stream().map(n -> VarName.of(prefix + n.asWritten())).toList();
        }

        Definition definition(Definition d) {
            if (d == null || prefix.isEmpty()) {
                return d;
            }
            List<ElementDefinition> elements = new ArrayList<>();
            for (ElementDefinition e : d.elements()) {
                elements.add(new ElementDefinition(e.subscripts(), equation(e.equation()), e.graphicalFunction(),
                        e.except()));
            }
            return new Definition(equation(d.equation()), d.graphicalFunction(), elements);
        }

        Equation equation(Equation e) {
            return e == null || prefix.isEmpty() ? e : new Equation(text(e.text()), e.line());
        }

        /**
         * The text with every name of the module's own variables replaced by its quoted flat
         * name; numbers, operators, function names, dimensions and {comments} are kept.
         */
        String text(String src) {
            StringBuilder out = new StringBuilder(src.length() + 16);
            int depth = 0;
            int i = 0;
            while (i < src.length()) {
                char c = src.charAt(i);
                if (c == '{') {
                    int end = src.indexOf('}', i);
                    end = end < 0 ? src.length() : end + 1;
                    out.append(src, i, end);
                    i = end;
                } else if (c == '"') {
                    int j = i + 1;
                    while (j < src.length() && src.charAt(j) != '"') {
                        j += src.charAt(j) == '\\' ? 2 : 1;
                    }
                    j = Math.min(j + 1, src.length());
                    out.append(name(src.substring(i, j), depth));
                    i = j;
                } else if (Character.isDigit(c) || (c == '.' && i + 1 < src.length()
                        && Character.isDigit(src.charAt(i + 1)))) {
                    int j = i;
                    while (j < src.length() && (Character.isDigit(src.charAt(j)) || src.charAt(j) == '.')) {
                        j++;
                    }
                    if (j < src.length() && (src.charAt(j) == 'e' || src.charAt(j) == 'E')) {
                        int k = j + 1;
                        if (k < src.length() && (src.charAt(k) == '+' || src.charAt(k) == '-')) {
                            k++;
                        }
                        if (k < src.length() && Character.isDigit(src.charAt(k))) {
                            j = k;
                            while (j < src.length() && Character.isDigit(src.charAt(j))) {
                                j++;
                            }
                        }
                    }
                    out.append(src, i, j);
                    i = j;
                } else if (isNameStart(c)) {
                    int j = i + 1;
                    while (j < src.length() && isNamePart(src.charAt(j))) {
                        j++;
                    }
                    out.append(name(src.substring(i, j), depth));
                    i = j;
                } else {
                    depth += c == '[' ? 1 : c == ']' ? -1 : 0;
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        private String name(String token, int depth) {
            String id = VarName.canonical(token);
            if (!local.contains(id) || (depth > 0 && dimensionAndElementIds.contains(id))) {
                return token;
            }
            return quoted(prefix + VarName.cleanWritten(token));
        }

        private static boolean isNameStart(char c) {
            return Character.isLetter(c) || c == '_' || c == '$' || Character.getType(c) == Character.OTHER_SYMBOL;
        }

        private static boolean isNamePart(char c) {
            return isNameStart(c) || Character.isDigit(c) || c == '.';
        }
    }
}
