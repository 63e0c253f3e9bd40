package org.clusterdynamics.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One builtin function: its canonical id (XMILE and Vensim spellings fold to ids such as
 * {@code delay_fixed}), how many arguments it takes, and what kind of evaluation it needs.
 */
public record Builtin(String id, int minArgs, int maxArgs, Kind kind) {

    /** What the compiler has to do for a call. */
    public enum Kind {
        /** a pure function of its arguments. */
        MATH,
        /** depends on time or the time settings (STEP, PULSE, TIME...). */
        TIME,
        /** keeps state between steps: becomes stocks or per-step memory. */
        STATEFUL,
        /** draws random numbers once per step from a seeded generator. */
        RANDOM,
        /** reduces an array (SUM, MEAN...). */
        ARRAY,
        /** computes a whole array from whole arrays (VECTOR SORT ORDER, ALLOCATE AVAILABLE...). */
        VECTOR,
        /** reads a table (graphical function / lookup). */
        TABLE
    }

    private static final Map<String, Builtin> TABLE = build();

    private static Map<String, Builtin> build() {
        Map<String, Builtin> m = new LinkedHashMap<>();
        Kind math = Kind.MATH;
        // math
        for (String f : new String[] {"abs", "exp", "ln", "log10", "sqrt", "sin", "cos", "tan", "arcsin", "arccos",
            "arctan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "int", "integer", "sign", "round"}) {
            add(m, f, 1, 1, math);
        }
        add(m, "log", 1, 2, math);
        add(m, "min", 1, 2, math);
        add(m, "max", 1, 2, math);
        add(m, "mod", 2, 2, math);
        add(m, "modulo", 2, 2, math);
        add(m, "power", 2, 2, math);
        add(m, "quantum", 2, 2, math);
        add(m, "pi", 0, 0, math);
        add(m, "inf", 0, 0, math);
        add(m, "safediv", 2, 3, math);
        add(m, "xidz", 3, 3, math);
        add(m, "zidz", 2, 2, math);
        add(m, "game", 1, 1, math);
        // time
        add(m, "time", 0, 0, Kind.TIME);
        add(m, "dt", 0, 0, Kind.TIME);
        add(m, "starttime", 0, 0, Kind.TIME);
        add(m, "stoptime", 0, 0, Kind.TIME);
        add(m, "step", 2, 2, Kind.TIME);
        add(m, "pulse", 1, 3, Kind.TIME);
        add(m, "pulse_train", 4, 4, Kind.TIME);
        add(m, "ramp", 2, 3, Kind.TIME);
        add(m, "get_time_value", 3, 3, Kind.TIME);
        // stateful
        add(m, "smth1", 2, 3, Kind.STATEFUL);
        add(m, "smooth", 2, 2, Kind.STATEFUL);
        add(m, "smoothi", 3, 3, Kind.STATEFUL);
        add(m, "smth3", 2, 3, Kind.STATEFUL);
        add(m, "smooth3", 2, 2, Kind.STATEFUL);
        add(m, "smooth3i", 3, 3, Kind.STATEFUL);
        add(m, "smthn", 3, 4, Kind.STATEFUL);
        add(m, "smooth_n", 4, 4, Kind.STATEFUL);
        add(m, "delay1", 2, 3, Kind.STATEFUL);
        add(m, "delay1i", 3, 3, Kind.STATEFUL);
        add(m, "delay3", 2, 3, Kind.STATEFUL);
        add(m, "delay3i", 3, 3, Kind.STATEFUL);
        add(m, "delayn", 3, 4, Kind.STATEFUL);
        add(m, "delay_n", 4, 4, Kind.STATEFUL);
        add(m, "delay", 2, 3, Kind.STATEFUL);
        add(m, "delay_fixed", 3, 3, Kind.STATEFUL);
        add(m, "delay_material", 4, 4, Kind.STATEFUL);
        add(m, "history", 2, 2, Kind.STATEFUL);
        add(m, "random_pink_noise", 4, 4, Kind.STATEFUL);
        add(m, "trend", 2, 3, Kind.STATEFUL);
        add(m, "forecast", 3, 4, Kind.STATEFUL);
        add(m, "init", 1, 1, Kind.STATEFUL);
        add(m, "initial", 1, 1, Kind.STATEFUL);
        // Vensim: INITIAL that gaming and SyntheSim re-evaluate on a restart; a run starts once
        add(m, "reinitial", 1, 1, Kind.STATEFUL);
        add(m, "previous", 1, 2, Kind.STATEFUL);
        add(m, "sample_if_true", 3, 3, Kind.STATEFUL);
        add(m, "active_initial", 2, 2, Kind.STATEFUL);
        add(m, "integ", 2, 2, Kind.STATEFUL);
        add(m, "sinteg", 7, 7, Kind.STATEFUL);
        add(m, "npv", 4, 4, Kind.STATEFUL);
        // random
        add(m, "random", 0, 3, Kind.RANDOM);
        add(m, "uniform", 2, 3, Kind.RANDOM);
        add(m, "normal", 2, 3, Kind.RANDOM);
        add(m, "exprnd", 1, 2, Kind.RANDOM);
        add(m, "random_0_1", 0, 0, Kind.RANDOM);
        add(m, "random_uniform", 3, 3, Kind.RANDOM);
        add(m, "random_normal", 5, 5, Kind.RANDOM);
        add(m, "random_exponential", 5, 5, Kind.RANDOM);
        add(m, "random_poisson", 6, 6, Kind.RANDOM);
        add(m, "random_triangular", 6, 6, Kind.RANDOM);
        add(m, "random_gamma", 6, 6, Kind.RANDOM);
        add(m, "random_beta", 7, 7, Kind.RANDOM);
        add(m, "random_weibull", 6, 6, Kind.RANDOM);
        add(m, "random_binomial", 7, 7, Kind.RANDOM);
        add(m, "random_negative_binomial", 7, 7, Kind.RANDOM);
        add(m, "poisson", 1, 2, Kind.RANDOM);
        add(m, "lognormal", 2, 3, Kind.RANDOM);
        add(m, "triangular", 3, 4, Kind.RANDOM);
        add(m, "gamma", 2, 3, Kind.RANDOM);
        add(m, "beta", 2, 3, Kind.RANDOM);
        add(m, "weibull", 2, 3, Kind.RANDOM);
        add(m, "binomial", 2, 3, Kind.RANDOM);
        // arrays
        add(m, "sum", 1, 1, Kind.ARRAY);
        add(m, "prod", 1, 1, Kind.ARRAY);
        add(m, "mean", 1, Integer.MAX_VALUE, Kind.ARRAY);
        add(m, "stddev", 1, 1, Kind.ARRAY);
        add(m, "size", 1, 1, Kind.ARRAY);
        add(m, "vmin", 1, 1, Kind.ARRAY);
        add(m, "vmax", 1, 1, Kind.ARRAY);
        add(m, "elmcount", 1, 1, Kind.ARRAY);
        add(m, "vector_select", 5, 5, Kind.VECTOR);
        add(m, "vector_sort_order", 2, 2, Kind.VECTOR);
        add(m, "vector_rank", 2, 2, Kind.VECTOR);
        add(m, "vector_reorder", 2, 2, Kind.VECTOR);
        add(m, "vector_elm_map", 2, 2, Kind.VECTOR);
        add(m, "vector_lookup", 5, 5, Kind.VECTOR);
        // Stella's RANK(array, rank): the index of the element of that rank
        add(m, "rank", 2, 3, Kind.ARRAY);
        add(m, "allocate_by_priority", 5, 5, Kind.VECTOR);
        add(m, "allocate_available", 3, 3, Kind.VECTOR);
        add(m, "invert_matrix", 1, 2, Kind.VECTOR);
        // tables
        add(m, "lookup", 2, 2, Kind.TABLE);
        add(m, "with_lookup", 2, 2, Kind.TABLE);
        add(m, "lookup_extrapolate", 2, 2, Kind.TABLE);
        add(m, "lookup_forward", 2, 2, Kind.TABLE);
        add(m, "lookup_area", 3, 3, Kind.TABLE);
        add(m, "lookup_invert", 2, 2, Kind.TABLE);
        add(m, "lookup_slope", 3, 3, Kind.TABLE);
        add(m, "lookup_backward", 2, 2, Kind.TABLE);
        return Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, Builtin> m, String id, int min, int max, Kind kind) {
        m.put(id, new Builtin(id, min, max, kind));
    }

    /** The builtin with this canonical id, if any. */
    public static Optional<Builtin> find(String id) {
        return Optional.ofNullable(TABLE.get(id));
    }

    public static Map<String, Builtin> all() {
        return TABLE;
    }

    public String arityText() {
        if (minArgs == maxArgs) {
            return minArgs + " argument" + (minArgs == 1 ? "" : "s");
        }
        return maxArgs == Integer.MAX_VALUE ? minArgs + " or more arguments" : minArgs + " to " + maxArgs + " arguments";
    }
}
