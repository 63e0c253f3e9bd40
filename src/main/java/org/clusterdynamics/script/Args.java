package org.clusterdynamics.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.scenario.Names;
import org.graalvm.polyglot.Value;

/**
 * The arguments of one API call, read with checks that name the function, its signature and
 * what was wrong, so that a script's mistake reads as a sentence and not as a Java type error.
 */
final class Args {
    private final String function;
    private final String signature;
    private final Value[] values;

    Args(String function, String signature, Value[] values, int min, int max) {
        this.function = function;
        this.signature = signature;
        this.values = values == null ? new Value[0] : values;
        int n = count();
        if (n < min || n > max) {
            throw error((n < min ? "too few" : "too many") + " arguments (" + n + " given, "
                    + (min == max ? "" + min : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max)
                    + " expected)");
        }
    }

    /** Number of arguments given, not counting trailing undefined ones. */
    int count() {
        int n = values.length;
        while (n > 0 && (values[n - 1] == null || values[n - 1].isNull())) {
            n--;
        }
        return n;
    }

    boolean has(int i) {
        return i < values.length && values[i] != null && !values[i].isNull();
    }

    Value get(int i) {
        return has(i) ? values[i] : null;
    }

    /** The problem prefixed with the function and its signature, once (a message already prefixed stays as it is). */
    ScriptError error(String problem) {
        String prefix = function + signature + ": ";
        return new ScriptError(problem.startsWith(prefix) ? problem : prefix + problem);
    }

    String string(int i, String what) {
        return string(get(i), what);
    }

    String string(Value v, String what) {
        if (v == null || !v.isString()) {
            throw error(what + " must be text, got " + describe(v));
        }
        return v.asString();
    }

    double number(int i, String what) {
        return number(get(i), what);
    }

    double number(Value v, String what) {
        if (v == null || !v.isNumber() || !v.fitsInDouble()) {
            throw error(what + " must be a number, got " + describe(v));
        }
        double d = v.asDouble();
        if (!Double.isFinite(d)) {
            throw error(what + " must be a finite number, got " + num(d));
        }
        return d;
    }

    boolean bool(Value v, String what) {
        if (v == null || !v.isBoolean()) {
            throw error(what + " must be true or false, got " + describe(v));
        }
        return v.asBoolean();
    }

    int integer(Value v, String what, int min, int max) {
        double d = number(v, what);
        if (d != Math.rint(d) || d < min || d > max) {
            throw error(what + " must be a whole number from " + min + " to " + max + ", got " + num(d));
        }
        return (int) d;
    }

    long seed(Value v, String what) {
        double d = number(v, what);
        if (d != Math.rint(d) || Math.abs(d) > 9.007199254740991E15) {
            throw error(what + " must be a whole number, got " + num(d));
        }
        return (long) d;
    }

    /** Numbers from an array (or a single number). */
    double[] numbers(Value v, String what) {
        if (v != null && v.isNumber()) {
            return new double[] {number(v, what)};
        }
        if (v == null || !v.hasArrayElements()) {
            throw error(what + " must be an array of numbers, got " + describe(v));
        }
        double[] out = new double[(int) v.getArraySize()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(v.getArrayElement(i), what + "[" + i + "]");
        }
        return out;
    }

    /** Names from text or an array of texts. */
    List<String> strings(Value v, String what) {
        if (v != null && v.isString()) {
            return List.of(v.asString());
        }
        if (v == null || !v.hasArrayElements()) {
            throw error(what + " must be a name or an array of names, got " + describe(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.getArraySize(); i++) {
            out.add(string(v.getArrayElement(i), what + "[" + i + "]"));
        }
        return out;
    }

    /** A plain object's members in the order written; throws for arrays and API objects. */
    Map<String, Value> members(Value v, String what) {
        if (v == null || isApi(v) || v.hasArrayElements() || !v.hasMembers() || v.isString() || v.canExecute()) {
            throw error(what + " must be an object such as {name: value}, got " + describe(v));
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (String k : v.getMemberKeys()) {
            out.put(k, v.getMember(k));
        }
        return out;
    }

    /** An options object whose keys must all be known, with a hint for misspelt ones. */
    Map<String, Value> options(int i, Set<String> known) {
        if (!has(i)) {
            return Map.of();
        }
        return options(get(i), "the options", known);
    }

    Map<String, Value> options(Value v, String what, Set<String> known) {
        Map<String, Value> m = members(v, what);
        for (String k : m.keySet()) {
            if (!known.contains(k)) {
                throw error("unknown option '" + k + "'." + Names.hint(k, known)
                        + " Known options: " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
        return m;
    }

    /** The API object of a given class, or an error naming what was expected. */
    <T> T handle(Value v, Class<T> type, String what) {
        if (v != null && v.isProxyObject() && type.isInstance(v.asProxyObject())) {
            return type.cast(v.asProxyObject());
        }
        String t = type.getSimpleName().replaceFirst("^Js", "");
        throw error(what + " must be " + ("AEIOU".indexOf(t.charAt(0)) >= 0 ? "an " : "a ") + t + " object, got "
                + describe(v));
    }

    boolean isHandle(Value v, Class<?> type) {
        return v != null && v.isProxyObject() && type.isInstance(v.asProxyObject());
    }

    /** True for objects of the API (Model, Run, ...), as opposed to the script's own data. */
    static boolean isApi(Value v) {
        return v != null && v.isProxyObject() && v.asProxyObject() instanceof ApiObject;
    }

    /** A number as people write it: 2, 0.25, 1e+12, Infinity (never Java's 1.0E12). */
    static String num(double d) {
        return org.clusterdynamics.scenario.Change.number(d);
    }

    /** "the text 'abc'", "the number 3", "an array", "undefined", "a Run". */
    static String describe(Value v) {
        if (v == null || v.isNull()) {
            return "nothing (undefined or null)";
        }
        if (v.isString()) {
            String s = v.asString();
            return "the text '" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
        }
        if (v.isNumber()) {
            return "the number " + (v.fitsInDouble() ? num(v.asDouble()) : v.toString());
        }
        if (v.isBoolean()) {
            return "the value " + v.asBoolean();
        }
        if (isApi(v)) {
            String t = ((ApiObject) v.asProxyObject()).type();
            return ("AEIOU".indexOf(t.charAt(0)) >= 0 ? "an " : "a ") + t + " object";
        }
        if (v.hasArrayElements()) {
            return "an array of " + v.getArraySize();
        }
        if (v.canExecute()) {
            return "a function";
        }
        return "an object";
    }
}
