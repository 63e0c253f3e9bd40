package org.clusterdynamics.check;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A unit as a product of base units with integer powers ("people/year" = people^1 year^-1).
 * The empty product is dimensionless. {@link #ANY} is the unit of a bare number, which fits
 * anything, as in Stella's and Vensim's lenient checks.
 */
public record Units(Map<String, Integer> powers, boolean any) {

    public static final Units DIMENSIONLESS = new Units(Map.of(), false);
    public static final Units ANY = new Units(Map.of(), true);

    public Units {
        powers = Map.copyOf(powers);
    }

    public Units times(Units o) {
        if (any || o.any) {
            return ANY;
        }
        Map<String, Integer> m = new TreeMap<>(powers);
        o.powers.forEach((k, v) -> m.merge(k, v, Integer::sum));
        m.values().removeIf(v -> v == 0);
        return new Units(m, false);
    }

    public Units inverse() {
        if (any) {
            return ANY;
        }
        Map<String, Integer> m = new TreeMap<>();
        powers.forEach((k, v) -> m.put(k, -v));
        return new Units(m, false);
    }

    public Units dividedBy(Units o) {
        return times(o.inverse());
    }

    public Units pow(int p) {
        if (any) {
            return ANY;
        }
        Map<String, Integer> m = new TreeMap<>();
        powers.forEach((k, v) -> m.put(k, v * p));
        m.values().removeIf(v -> v == 0);
        return new Units(m, false);
    }

    public boolean isDimensionless() {
        return !any && powers.isEmpty();
    }

    /** Equal, or one side is a bare number. */
    public boolean fits(Units o) {
        return any || o.any || powers.equals(o.powers);
    }

    @Override
    public String toString() {
        if (any) {
            return "(any)";
        }
        if (powers.isEmpty()) {
            return "dimensionless";
        }
        StringBuilder num = new StringBuilder();
        StringBuilder den = new StringBuilder();
        for (Map.Entry<String, Integer> e : new TreeMap<>(powers).entrySet()) {
            StringBuilder sb = e.getValue() > 0 ? num : den;
            if (sb.length() > 0) {
                sb.append('*');
            }
            sb.append(e.getKey());
            int p = Math.abs(e.getValue());
            if (p != 1) {
                sb.append('^').append(p);
            }
        }
        String n = num.length() == 0 ? "1" : num.toString();
        return den.length() == 0 ? n : n + "/" + (den.indexOf("*") >= 0 ? "(" + den + ")" : den);
    }

    /** Canonical spelling of a base unit: as written, with time units' plurals and abbreviations folded. */
    static String baseName(String s) {
        String n = s.strip().replace(' ', '_');
        switch (n.toLowerCase(Locale.ROOT)) {
            case "years": case "yr": case "yrs": case "year": return "year";
            case "months": case "month": case "mo": return "month";
            case "weeks": case "week": case "wk": return "week";
            case "days": case "day": case "d": return "day";
            case "hours": case "hour": case "hr": case "h": return "hour";
            case "minutes": case "minute": case "min": return "minute";
            case "seconds": case "second": case "sec": case "s": return "second";
            default: return n;
        }
    }
}
