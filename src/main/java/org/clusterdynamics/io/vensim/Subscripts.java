package org.clusterdynamics.io.vensim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.model.Dimension;
import org.clusterdynamics.model.VarName;

/**
 * The subscript ranges of a file, resolved: numeric ranges expanded, subranges listed inside
 * another range replaced by their elements, copies and equivalences filled in.
 */
final class Subscripts {
    private static final Pattern NUMERIC_END = Pattern.compile("(.*?)(\\d+)");

    private final Map<String, Dimension> byId = new LinkedHashMap<>();
    private final Map<String, String> elementWritten = new LinkedHashMap<>();

    private Subscripts() {}

    /**
     * Resolves the ranges; {@code fromFile} reads a GET DIRECT SUBSCRIPT call into element names
     * (null when it failed and said why).
     */
    static Subscripts resolve(List<MdlRecord> records, String file, Diagnostics diags,
            Function<MdlRecord.Range, List<String>> fromFile) {
        Map<String, MdlRecord> raw = new LinkedHashMap<>();
        for (MdlRecord r : records) {
            VarName name = r instanceof MdlRecord.Range g ? g.name()
                    : r instanceof MdlRecord.Equivalence q ? q.name() : null;
            if (name == null) {
                continue;
            }
            if (raw.containsKey(name.id())) {
                diags.error("VENSIM_SUBSCRIPT", Where.of(file, name.asWritten(), r.line()),
                        "the subscript range '" + name + "' is defined twice (also on line "
                                + raw.get(name.id()).line() + "): keep one definition");
                continue;
            }
            raw.put(name.id(), r);
        }
        Subscripts s = new Subscripts();
        Map<String, List<String>> done = new LinkedHashMap<>();
        for (String id : raw.keySet()) {
            s.elements(id, raw, done, new LinkedHashSet<>(), file, diags, fromFile);
        }
        for (Map.Entry<String, MdlRecord> e : raw.entrySet()) {
            List<String> els = done.get(e.getKey());
            if (els == null) {
                continue;
            }
            MdlRecord r = e.getValue();
            if (r instanceof MdlRecord.Range g) {
                s.byId.put(e.getKey(), new Dimension(g.name(), els, g.mapsTo()));
            } else if (r instanceof MdlRecord.Equivalence q) {
                s.byId.put(e.getKey(), new Dimension(q.name(), els, List.of(q.other())));
            }
            for (String el : els) {
                s.elementWritten.putIfAbsent(VarName.canonical(el), el);
            }
        }
        return s;
    }

    private List<String> elements(String id, Map<String, MdlRecord> raw, Map<String, List<String>> done,
            Set<String> visiting, String file, Diagnostics diags, Function<MdlRecord.Range, List<String>> fromFile) {
        if (done.containsKey(id)) {
            return done.get(id);
        }
        MdlRecord r = raw.get(id);
        if (!visiting.add(id)) {
            diags.error("VENSIM_SUBSCRIPT", Where.of(file, null, r.line()),
                    "subscript ranges " + visiting + " are defined in terms of each other: list the elements of one of them");
            return null;
        }
        List<String> out = new ArrayList<>();
        if (r instanceof MdlRecord.Equivalence q) {
            String other = VarName.canonical(q.other());
            if (!raw.containsKey(other)) {
                diags.error("VENSIM_SUBSCRIPT", Where.of(file, q.name().asWritten(), q.line()),
                        "'" + q.name() + " <-> " + q.other() + "' names an undefined subscript range: define '"
                                + q.other() + "'");
                return null;
            }
            List<String> els = elements(other, raw, done, visiting, file, diags, fromFile);
            if (els == null) {
                return null;
            }
            out.addAll(els);
        } else {
            MdlRecord.Range g = (MdlRecord.Range) r;
            if (g.getCall() != null) {
                List<String> els = fromFile.apply(g);
                if (els == null) {
                    return null;
                }
                out.addAll(els);
            }
            for (String item : g.elements()) {
                String key = VarName.canonical(item);
                if (item.startsWith("(")) {
                    List<String> els = numericRange(item, g, file, diags);
                    if (els == null) {
                        return null;
                    }
                    out.addAll(els);
                } else if (raw.containsKey(key) && !key.equals(id)) {
                    List<String> els = elements(key, raw, done, visiting, file, diags, fromFile);
                    if (els == null) {
                        return null;
                    }
                    out.addAll(els);
                } else if (key.isEmpty()) {
                    diags.error("VENSIM_SUBSCRIPT", Where.of(file, g.name().asWritten(), g.line()),
                            "the subscript range '" + g.name() + "' has an empty element: remove the extra comma");
                    return null;
                } else {
                    out.add(VarName.cleanWritten(item));
                }
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String el : out) {
            if (!seen.add(VarName.canonical(el))) {
                diags.error("VENSIM_SUBSCRIPT", Where.of(file, null, r.line()),
                        "the subscript range on line " + r.line() + " lists the element '" + el
                                + "' twice: remove one");
                return null;
            }
        }
        visiting.remove(id);
        done.put(id, out);
        return out;
    }

    /** {@code (a1-a10)} to a1, a2, ..., a10, keeping zero padding of the first bound. */
    private static List<String> numericRange(String item, MdlRecord.Range g, String file, Diagnostics diags) {
        String inner = item.substring(1, item.endsWith(")") ? item.length() - 1 : item.length());
        int dash = inner.lastIndexOf('-');
        Matcher a = dash < 0 ? null : NUMERIC_END.matcher(inner.substring(0, dash).strip());
        Matcher b = dash < 0 ? null : NUMERIC_END.matcher(inner.substring(dash + 1).strip());
        if (a == null || !a.matches() || !b.matches() || !a.group(1).equals(b.group(1))
                || Long.parseLong(a.group(2)) > Long.parseLong(b.group(2))) {
            diags.error("VENSIM_SUBSCRIPT", Where.of(file, g.name().asWritten(), g.line()),
                    "cannot read the numeric range '" + item + "' of '" + g.name()
                            + "': write it as (prefix1-prefix9), both ends with the same prefix and the first number not larger");
            return null;
        }
        List<String> out = new ArrayList<>();
        long from = Long.parseLong(a.group(2));
        long to = Long.parseLong(b.group(2));
        if (to - from >= Dimension.MAX_ELEMENTS) {
            diags.error("VENSIM_SUBSCRIPT", Where.of(file, g.name().asWritten(), g.line()), "the numeric range '" + item
                    + "' of '" + g.name() + "' has " + (to - from + 1) + " elements, more than the "
                    + Dimension.MAX_ELEMENTS + " a range may have: check the bounds");
            return null;
        }
        int width = a.group(2).length();
        for (long k = from; k <= to; k++) {
            String num = Long.toString(k);
            while (num.length() < width) {
                num = "0" + num;
            }
            out.add(a.group(1) + num);
        }
        return out;
    }

    List<Dimension> dimensions() {
        return List.copyOf(byId.values());
    }

    boolean isDimension(String name) {
        return byId.containsKey(VarName.canonical(name));
    }

    Dimension dimension(String name) {
        return byId.get(VarName.canonical(name));
    }

    boolean isElement(String name) {
        return elementWritten.containsKey(VarName.canonical(name));
    }

    /** The elements a subscript stands for: all of a range, or the one element; null when unknown. */
    List<String> expand(String sub) {
        Dimension d = dimension(sub);
        if (d != null) {
            return d.elements();
        }
        String el = elementWritten.get(VarName.canonical(sub));
        return el == null ? null : List.of(el);
    }

    /**
     * The range that position {@code pos} of a variable ranges over, given the subscripts used there
     * by its definitions: the smallest range holding them all, preferring one used by name, then the
     * first defined.
     */
    Dimension family(List<String> usedAtPosition) {
        Set<String> covered = new LinkedHashSet<>();
        for (String u : usedAtPosition) {
            List<String> els = expand(u);
            if (els == null) {
                return null;
            }
            for (String e : els) {
                covered.add(VarName.canonical(e));
            }
        }
        Dimension best = null;
        boolean bestUsed = false;
        for (Dimension d : byId.values()) {
            Set<String> ids = new LinkedHashSet<>();
            for (String e : d.elements()) {
                ids.add(VarName.canonical(e));
            }
            if (!ids.containsAll(covered)) {
                continue;
            }
            boolean used = usedAtPosition.stream().anyMatch(u -> VarName.canonical(u).equals(d.name().id()));
            if (best == null || d.size() < best.size() || (d.size() == best.size() && used && !bestUsed)) {
                best = d;
                bestUsed = used;
            }
        }
        return best;
    }
}
