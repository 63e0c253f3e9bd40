package org.clusterdynamics.io.vensim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.VarName;

/**
 * What the settings block that Vensim saves after the sketch ({@code :L<%^E!@}, a DEL character may
 * follow the L) says about the simulation: the integration method (line type 15, its fourth number)
 * and the unit equivalences of Vensim's units check (type 22: a unit and its other names). Other
 * types (output file, views, dates shown) do not change results and are ignored.
 */
record MdlSettings(Method method, Map<String, String> unitAliases) {
    private static final MdlSettings NONE = new MdlSettings(null, Map.of());

    MdlSettings {
        unitAliases = Map.copyOf(unitAliases);
    }

    /** The settings of a whole .mdl text; no settings block gives no method and no aliases. */
    static MdlSettings of(String text) {
        int at = marker(text);
        if (at < 0) {
            return NONE;
        }
        Method method = null;
        Map<String, String> aliases = new LinkedHashMap<>();
        for (String line : text.substring(at).split("\r\n|\r|\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String type = line.substring(0, colon).strip();
            String rest = line.substring(colon + 1);
            if (type.equals("15")) {
                method = method(rest);
            } else if (type.equals("22")) {
                equivalence(rest, aliases);
            }
        }
        return new MdlSettings(method, aliases);
    }

    /** Where the lines after the marker start, or -1. */
    private static int marker(String text) {
        for (String m : new String[] {":L\u007f<%^E!@", ":L<%^E!@"}) {
            int i = text.lastIndexOf(m);
            if (i >= 0) {
                return i + m.length();
            }
        }
        return -1;
    }

    /**
     * The fourth number of a type 15 line, as Vensim's own converter (xmutil) reads it: 1 and 5 are
     * the Runge-Kutta 4 variants, 3 and 4 the Runge-Kutta 2 ones, anything else Euler (0) or
     * Difference (2), which steps as Euler does.
     */
    private static Method method(String rest) {
        String[] parts = rest.split(",");
        if (parts.length < 4) {
            return null;
        }
        switch (parts[3].strip()) {
            case "1": case "5": return Method.RK4;
            case "3": case "4": return Method.RK2;
            default: return Method.EULER;
        }
    }

    /** {@code Dollar,Dollars,$s} (or {@code $,Dollar,...}): every other name stands for the first. */
    private static void equivalence(String rest, Map<String, String> aliases) {
        String name = null;
        for (String token : rest.split(",")) {
            String t = token.strip();
            if (t.isEmpty() || t.equals("$")) {
                continue; // "$" marks a currency unit, not a name
            }
            if (name == null) {
                name = t;
            } else if (!VarName.canonical(t).equals(VarName.canonical(name))) {
                aliases.put(VarName.canonical(t), name);
            }
        }
    }
}
