package org.clusterdynamics.structure;

import java.util.List;

/**
 * One feedback loop: its slots in causal order (starting at a stock), the names the modeller
 * knows them by, its polarity and the cycle partition it belongs to.
 *
 * @param id R1, B2, U3...: reinforcing, balancing or undetermined, numbered by length
 * @param slots the loop's slots in causal order; the last links back to the first
 * @param variables the loop's variables in causal order, with their elements (helpers shown as their variable)
 * @param structure the variables without elements: the same for every element of an arrayed loop
 * @param links the links in causal order, slots[i] -> slots[i + 1] and the last back to the first
 * @param polarity the product of the link polarities (from the equations, or the run where they do not show it)
 * @param part the cycle partition: loops are compared only with loops of the same partition
 */
public record Loop(String id, int[] slots, List<String> variables, List<String> structure, List<SlotGraph.Link> links,
        Polarity polarity, int part) {

    public Loop {
        variables = List.copyOf(variables);
        structure = List.copyOf(structure);
        links = List.copyOf(links);
    }

    /** "A -> B -> C -> A". */
    public String path() {
        StringBuilder sb = new StringBuilder();
        for (String v : variables) {
            sb.append(v).append(" -> ");
        }
        return sb.append(variables.get(0)).toString();
    }

    /** The elements an arrayed loop runs through ("Daska" or "Daska, Okara"), or "". */
    public String elements() {
        java.util.LinkedHashSet<String> es = new java.util.LinkedHashSet<>();
        for (int i = 0; i < variables.size(); i++) {
            String v = variables.get(i);
            String s = structure.get(i);
            if (v.length() > s.length() + 2 && v.startsWith(s) && v.endsWith("]")) {
                es.add(v.substring(s.length() + 1, v.length() - 1));
            }
        }
        return String.join(", ", es);
    }
}
