package org.clusterdynamics.io.xmile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Conveyor;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.Dimension;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.Flow;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.Variable;

/**
 * Stella's ways of naming an element that a bare name would leave ambiguous, rewritten into the
 * plain form the later stages read:
 * <ul>
 * <li>{@code Dimension.Element} in a subscript is that element (its name, or its position when
 *     the name is also a dimension's);
 * <li>an element named like a dimension ({@code Colonoscopies}, an element of
 *     {@code Modality_points} and a dimension of its own) is the element wherever the variable's
 *     dimension at that place has such an element, and the dimension elsewhere. The dimension is
 *     renamed ({@code Colonoscopies_dim}) so that the name left in the model means the element,
 *     as Stella reads it.
 * </ul>
 */
final class ElementReferences {
    private final Map<String, Dimension> dims = new LinkedHashMap<>();
    /** Dimensions named like an element of another dimension: their new names by old id. */
    private final Map<String, String> renamed = new HashMap<>();
    private final Map<String, List<String>> varDims = new HashMap<>();

    private ElementReferences(List<Dimension> dimensions, List<Variable> vars) {
        Set<String> elementIds = new HashSet<>();
        Set<String> taken = new HashSet<>();
        for (Dimension d : dimensions) {
            dims.put(d.name().id(), d);
            taken.add(d.name().id());
            d.elements().forEach(e -> elementIds.add(VarName.canonical(e)));
        }
        for (Variable v : vars) {
            taken.add(v.name().id());
            varDims.put(v.name().id(), v.dimensions().stream().map(VarName::canonical).toList());
        }
        for (Dimension d : dimensions) {
            if (elementIds.contains(d.name().id()) && !d.elements().stream().map(VarName::canonical)
                    .toList().contains(d.name().id())) {
                String name = d.name().asWritten() + "_dim";
                for (int n = 2; taken.contains(VarName.canonical(name)); n++) {
                    name = d.name().asWritten() + "_dim" + n;
                }
                taken.add(VarName.canonical(name));
                renamed.put(d.name().id(), name);
            }
        }
    }

    /** The model's dimensions and variables with element references made plain (unchanged when none). */
    record Result(List<Dimension> dimensions, List<Variable> variables) {}

    static Result resolve(List<Dimension> dimensions, List<Variable> vars) {
        ElementReferences r = new ElementReferences(dimensions, vars);
        List<Dimension> ds = new ArrayList<>();
        for (Dimension d : dimensions) {
            String n = r.renamed.get(d.name().id());
            ds.add(n == null ? d : new Dimension(VarName.of(n), d.elements(), d.mapsTo()));
        }
        List<Variable> vs = new ArrayList<>();
        for (Variable v : vars) {
            vs.add(r.variable(v));
        }
        return new Result(ds, vs);
    }

    private Variable variable(Variable v) {
        List<String> dl = v.dimensions().stream().map(d -> renamed.getOrDefault(VarName.canonical(d), d)).toList();
        if (v instanceof Stock s) {
            Conveyor c = s.conveyor();
            Conveyor cc = c == null ? null : new Conveyor(equation(c.length()), equation(c.capacity()),
                    equation(c.inflowLimit()), c.exponentialLeak());
            return new Stock(s.name(), definition(v, s.initial()), s.inflows(), s.outflows(),
                    definition(v, s.netRate()), s.nonNegative(), dl, s.units(), s.documentation(), s.line(), cc);
        } else if (v instanceof Flow f) {
            return new Flow(f.name(), definition(v, f.definition()), f.nonNegative(), dl, f.units(),
                    f.documentation(), f.line(), f.leak());
        } else if (v instanceof Aux a) {
            return new Aux(a.name(), definition(v, a.definition()), dl, a.units(), a.documentation(), a.line());
        }
        return v;
    }

    private Definition definition(Variable v, Definition d) {
        if (d == null) {
            return null;
        }
        List<ElementDefinition> elements = new ArrayList<>();
        List<String> own = varDims.getOrDefault(v.name().id(), List.of());
        for (ElementDefinition e : d.elements()) {
            List<String> subs = new ArrayList<>();
            for (int k = 0; k < e.subscripts().size(); k++) {
                subs.add(subscript(e.subscripts().get(k), k < own.size() ? own.get(k) : null));
            }
            elements.add(new ElementDefinition(subs, equation(e.equation()), e.graphicalFunction(), e.except()));
        }
        return new Definition(equation(d.equation()), d.graphicalFunction(), elements);
    }

    /** One subscript written at a place whose dimension is {@code placeDim} (null when unknown). */
    private String subscript(String written, String placeDim) {
        String id = VarName.canonical(written);
        int dot = written.indexOf('.');
        if (dot > 0 && dims.containsKey(VarName.canonical(written.substring(0, dot)))) {
            Dimension d = dims.get(VarName.canonical(written.substring(0, dot)));
            String element = written.substring(dot + 1).strip();
            int position = d.elements().stream().map(VarName::canonical).toList().indexOf(VarName.canonical(element));
            if (position >= 0) {
                return dims.containsKey(VarName.canonical(element)) ? Integer.toString(position + 1) : element;
            }
            return written;
        }
        String newName = renamed.get(id);
        if (newName == null) {
            return written;
        }
        Dimension place = placeDim == null ? null : dims.get(placeDim);
        boolean isElementThere = place != null && !place.name().id().equals(id)
                && place.elements().stream().map(VarName::canonical).anyMatch(id::equals);
        return isElementThere ? written : newName;
    }

    private Equation equation(Equation e) {
        if (e == null || (renamed.isEmpty() && e.text().indexOf('.') < 0)) {
            return e;
        }
        String t = text(e.text());
        return t.equals(e.text()) ? e : new Equation(t, e.line());
    }

    /** A subscript list being read: the variable it follows, the place, and parentheses inside it. */
    private static final class Bracket {
        final String varId;
        int position;
        int parens;

        Bracket(String varId) {
            this.varId = varId;
        }
    }

    /** The equation with its subscripts rewritten; names, numbers and {comments} otherwise kept. */
    String text(String src) {
        StringBuilder out = new StringBuilder(src.length() + 8);
        Deque<Bracket> open = new ArrayDeque<>();
        String lastName = null;
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '{') {
                int end = src.indexOf('}', i);
                end = end < 0 ? src.length() : end + 1;
                out.append(src, i, end);
                i = end;
                continue;
            }
            if (c == '"' || Character.isLetter(c) || c == '_') {
                int j = i + 1;
                if (c == '"') {
                    while (j < src.length() && src.charAt(j) != '"') {
                        j += src.charAt(j) == '\\' ? 2 : 1;
                    }
                    j = Math.min(j + 1, src.length());
                } else {
                    while (j < src.length() && (Character.isLetterOrDigit(src.charAt(j)) || src.charAt(j) == '_'
                            || src.charAt(j) == '.' || src.charAt(j) == '$')) {
                        j++;
                    }
                }
                String token = src.substring(i, j);
                Bracket b = open.peek();
                if (b != null && b.parens == 0) {
                    List<String> ds = varDims.get(b.varId);
                    String place = ds != null && b.position < ds.size() ? ds.get(b.position) : null;
                    String plain = subscript(VarName.cleanWritten(token), place);
                    out.append(plain.equals(VarName.cleanWritten(token)) ? token : plain);
                } else {
                    String newName = renamed.get(VarName.canonical(token));
                    out.append(newName == null || varDims.containsKey(VarName.canonical(token)) ? token : newName);
                }
                lastName = VarName.canonical(token);
                i = j;
                continue;
            }
            if (c == '[') {
                open.push(new Bracket(lastName));
            } else if (c == ']' && !open.isEmpty()) {
                open.pop();
            } else if (!open.isEmpty() && (c == '(' || c == ')')) {
                open.peek().parens += c == '(' ? 1 : -1;
            } else if (c == ',' && !open.isEmpty() && open.peek().parens == 0) {
                open.peek().position++;
            }
            if (!Character.isWhitespace(c)) {
                lastName = c == ']' ? lastName : null;
            }
            if (Character.isDigit(c)) {
                int j = i;
                while (j < src.length() && (Character.isLetterOrDigit(src.charAt(j)) || src.charAt(j) == '.')) {
                    j++; // a number, exponent included, is not a name
                }
                out.append(src, i, j);
                i = j;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
