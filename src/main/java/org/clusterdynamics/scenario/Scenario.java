package org.clusterdynamics.scenario;

import java.util.ArrayList;
import java.util.List;
import org.clusterdynamics.model.VarName;

/**
 * A named what-if: the changes made to a base model, its time settings and the seed of the model's
 * random functions. Immutable; every {@code with...} method returns a new scenario. A later change
 * of the same variable replaces the earlier one.
 *
 * @param seed seed of the model's random functions (RANDOM UNIFORM, NORMAL, ...)
 */
public record Scenario(String name, List<Change> changes, TimeSettings time, long seed) implements java.io.Serializable {

    public Scenario {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a scenario needs a name, e.g. 'baseline' or 'cfc-1975'");
        }
        name = name.strip();
        changes = List.copyOf(changes);
        time = time == null ? TimeSettings.MODEL : time;
    }

    /** The model as it is, under a name. */
    public static Scenario of(String name) {
        return new Scenario(name, List.of(), TimeSettings.MODEL, 0L);
    }

    public Scenario named(String newName) {
        return new Scenario(newName, changes, time, seed);
    }

    /** Adds a change, replacing an earlier change of the same variable (same canonical name). */
    public Scenario with(Change c) {
        List<Change> out = new ArrayList<>();
        String key = key(c.target());
        for (Change old : changes) {
            if (!key(old.target()).equals(key)) {
                out.add(old);
            }
        }
        out.add(c);
        return new Scenario(name, out, time, seed);
    }

    public Scenario withAll(List<? extends Change> cs) {
        Scenario s = this;
        for (Change c : cs) {
            s = s.with(c);
        }
        return s;
    }

    /** These time settings with every setting given in {@code t} replacing the current one. */
    public Scenario withTime(TimeSettings t) {
        return new Scenario(name, changes, time.overriddenBy(t), seed);
    }

    public Scenario withSeed(long s) {
        return new Scenario(name, changes, time, s);
    }

    /** The change of a variable, or null. */
    public Change changeOf(String target) {
        String key = key(target);
        for (Change c : changes) {
            if (key(c.target()).equals(key)) {
                return c;
            }
        }
        return null;
    }

    /** One line per change and for changed time settings, for tables and reports. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Change c : changes) {
            out.add(c.describe());
        }
        if (!time.isModel()) {
            out.add(time.describe());
        }
        return out;
    }

    /** Canonical key of a target: case, spaces and underscores do not matter, nor spaces in subscripts. */
    static String key(String target) {
        return VarName.outputKey(target.replace('_', ' '));
    }
}
