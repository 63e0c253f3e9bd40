package org.clusterdynamics.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.clusterdynamics.model.VarName;

/** Suggestions of known names close to a misspelt one, for "did you mean" hints. */
public final class Names {
    private Names() {}

    /** Up to three known names that contain the given one or are a few edits away, closest first. */
    public static List<String> closest(String wanted, Collection<String> known) {
        if (wanted.length() > 1000) {
            return List.of();
        }
        String w = VarName.canonical(wanted.replaceAll("\\[.*$", ""));
        record Scored(String name, int score) {}
        List<Scored> hits = new ArrayList<>();
        for (String k : known) {
            String c = VarName.canonical(k);
            int d = VarName.editDistance(w, c);
            int limit = Math.max(2, w.length() / 3);
            if (d <= limit) {
                hits.add(new Scored(k, d));
            } else if (w.length() >= 3 && (c.contains(w) || w.contains(c) && c.length() >= 4 || wordPrefixes(w, c))) {
                hits.add(new Scored(k, limit + 1 + Math.abs(c.length() - w.length())));
            }
        }
        hits.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::name));
        return hits.stream().limit(3).map(Scored::name).toList();
    }

    /** A name for a message: as given, or its start and its length when it is very long. */
    public static String shown(String name) {
        if (name == null || name.length() <= 80) {
            return name;
        }
        return name.substring(0, 60) + "... (" + name.length() + " characters)";
    }

    /** " Did you mean 'A' or 'B'?" or "" when nothing is close. */
    public static String hint(String wanted, Collection<String> known) {
        List<String> c = closest(wanted, known);
        if (c.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" Did you mean ");
        for (int i = 0; i < c.size(); i++) {
            sb.append(i == 0 ? "" : i == c.size() - 1 ? " or " : ", ").append('\'').append(c.get(i)).append('\'');
        }
        return sb.append('?').toString();
    }

    /** True when each word of {@code w} starts a word of {@code c} in order ("copy_lag" in "copying_lag"). */
    static boolean wordPrefixes(String w, String c) {
        String[] ws = w.split("_");
        String[] cs = c.split("_");
        int j = 0;
        for (String part : ws) {
            while (j < cs.length && !cs[j].startsWith(part)) {
                j++;
            }
            if (j == cs.length) {
                return false;
            }
            j++;
        }
        return true;
    }
}
