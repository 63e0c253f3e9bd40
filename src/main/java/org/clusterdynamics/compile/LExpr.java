package org.clusterdynamics.compile;

import java.util.List;
import org.clusterdynamics.expr.Expr.BinaryOp;
import org.clusterdynamics.expr.Expr.UnaryOp;
import org.clusterdynamics.model.GraphicalFunction;

/**
 * A lowered expression: names resolved to slot indices, arrays expanded to scalars, stateful
 * builtins replaced by state slots. The interpreter and the code generator both consume it.
 */
public sealed interface LExpr {

    /** A number. */
    record Const(double value) implements LExpr {}

    /** The current value of a slot. */
    record Slot(int index) implements LExpr {}

    /** A run setting known only when the run starts. */
    record Param(Which which) implements LExpr {
        /** Which setting. */
        public enum Which { TIME, DT, START, STOP, SAVE_STEP }
    }

    /** A unary operation. */
    record Unary(UnaryOp op, LExpr operand) implements LExpr {}

    /** A binary operation. */
    record Binary(BinaryOp op, LExpr left, LExpr right) implements LExpr {}

    /** A conditional; only the chosen branch is evaluated. */
    record If(LExpr condition, LExpr then, LExpr otherwise) implements LExpr {}

    /** A builtin function of its arguments (and of time for the time functions). */
    record Fn(MathFn fn, List<LExpr> args) implements LExpr {
        public Fn {
            args = List.copyOf(args);
        }
    }

    /** A table read. */
    record Lookup(GraphicalFunction table, LExpr x, LookupMode mode) implements LExpr {}

    /** A draw from a seeded random stream (one stream per call site). */
    record Random(int stream, RandomKind kind, List<LExpr> args) implements LExpr {
        public Random {
            args = List.copyOf(args);
        }
    }

    /**
     * An element of an array chosen by subscripts computed during the run (Stella's
     * {@code a[index expression]}): {@code elements} are the candidate slots in row-major order over
     * the computed subscripts, whose 1-based {@code indices} must lie within {@code sizes}; outside,
     * the run stops with an error naming {@code reader} (the variable whose equation reads it),
     * {@code array} as written and the time ({@link ComputedSubscript}).
     */
    record ElementAt(String source, String reader, String array, List<Integer> elements, List<LExpr> indices,
            List<Integer> sizes) implements LExpr {
        public ElementAt {
            elements = List.copyOf(elements);
            indices = List.copyOf(indices);
            sizes = List.copyOf(sizes);
        }
    }

    /**
     * One element of a builtin that computes a whole array from whole arrays (VECTOR SORT ORDER,
     * ALLOCATE AVAILABLE...): the function of the flattened {@code inputs}, laid out as {@link ArrayKind}
     * says, and of the scalar {@code params}, taken at {@code outputIndex}. {@link ArrayOps} holds the
     * arithmetic.
     */
    record ArrayFn(ArrayKind kind, List<LExpr> inputs, List<LExpr> params, int outputIndex) implements LExpr {
        public ArrayFn {
            inputs = List.copyOf(inputs);
            params = List.copyOf(params);
        }
    }

    /** Array-valued builtins; each says how its inputs are laid out (n elements per vector). */
    enum ArrayKind {
        /** VECTOR SELECT: inputs selection[n] then expression[n]; params missing, action, error action; one value. */
        VECTOR_SELECT,
        /** VECTOR SORT ORDER: inputs vector[n]; params direction (> 0 ascending); 0-based positions. */
        SORT_ORDER,
        /** VECTOR RANK: inputs vector[n]; params direction (> 0 ascending); 1-based ranks. */
        RANK,
        /** VECTOR REORDER: inputs vector[n] then order[n] (0-based positions, as SORT ORDER gives). */
        REORDER,
        /** VECTOR ELM MAP: inputs every element of a variable; params offset; outputIndex is the base element. */
        ELM_MAP,
        /** ALLOCATE BY PRIORITY: inputs request[n] then priority[n]; params width, supply. */
        ALLOCATE_BY_PRIORITY,
        /** ALLOCATE AVAILABLE: inputs request[n] then n profiles (ptype, ppriority, pwidth, pextra); params available. */
        ALLOCATE_AVAILABLE,
        /** INVERT MATRIX: inputs an n by n matrix, row by row; the inverse, row by row. */
        INVERT_MATRIX,
        /** Stella's RANK: inputs vector[n]; params rank (1 the smallest); the 1-based position of that element. */
        RANK_POSITION,
        /** VECTOR LOOKUP: inputs y values at n evenly spaced x; params x, xmin, xmax, mode (0, 2, 3 or 4). */
        VECTOR_LOOKUP
    }

    /** How a table is read. */
    /**
     * How a table is read: as defined, extrapolated, forward, backward; or Vensim's area from its first
     * point, slope (with 0, the closest segment's slope, or :NA: outside its points) and inverse.
     */
    enum LookupMode { AS_DEFINED, EXTRAPOLATE, FORWARD, BACKWARD, AREA, SLOPE_ZERO_OUTSIDE, SLOPE_EXTRAPOLATED,
        SLOPE_NA_OUTSIDE, INVERT }

    /** Distributions for random draws. */
    enum RandomKind {
        /** uniform(min, max). */
        UNIFORM,
        /** normal(mean, sd). */
        NORMAL,
        /** normal(mean, sd) truncated to [min, max]: args min, max, mean, sd. */
        NORMAL_TRUNCATED,
        /** exponential(mean). */
        EXPONENTIAL,
        /** Vensim RANDOM EXPONENTIAL(min, max, shift, stretch, seed). */
        EXPONENTIAL_VENSIM,
        /** Poisson count of a mean: XMILE POISSON(rate[, seed]) with the mean rate * DT. */
        POISSON,
        /** XMILE LOGNORMAL(mean, sd[, seed]), the mean and sd of the value itself. */
        LOGNORMAL,
        /** Stella TRIANGULAR(lower, mode, upper[, seed]). */
        TRIANGULAR,
        /** Stella GAMMA(shape, scale[, seed]). */
        GAMMA,
        /** Stella BETA(alpha, beta[, seed]). */
        BETA,
        /** Stella WEIBULL(shape, scale[, seed]). */
        WEIBULL,
        /** Stella BINOMIAL(trials, probability[, seed]). */
        BINOMIAL,
        /** Vensim RANDOM POISSON(min, max, mean, shift, stretch, seed). */
        POISSON_VENSIM,
        /** Vensim RANDOM TRIANGULAR(min, max, start, peak, end, seed). */
        TRIANGULAR_VENSIM,
        /** Vensim RANDOM GAMMA(min, max, order, shift, stretch, seed). */
        GAMMA_VENSIM,
        /** Vensim RANDOM BETA(min, max, alpha, beta, shift, stretch, seed). */
        BETA_VENSIM,
        /** Vensim RANDOM WEIBULL(min, max, shape, shift, stretch, seed). */
        WEIBULL_VENSIM,
        /** Vensim RANDOM BINOMIAL(min, max, probability, trials, shift, stretch, seed). */
        BINOMIAL_VENSIM,
        /** Vensim RANDOM NEGATIVE BINOMIAL(min, max, probability, successes, shift, stretch, seed). */
        NEGATIVE_BINOMIAL_VENSIM
    }

    /** Pure and time-dependent builtin functions. */
    enum MathFn {
        ABS, EXP, LN, LOG10, LOG, SQRT, SIN, COS, TAN, ASIN, ACOS, ATAN, SINH, COSH, TANH,
        FLOOR, TRUNC, ROUND, SIGN, MIN, MAX, MOD_FLOOR, MOD_TRUNC, POWER, QUANTUM,
        SAFEDIV, XIDZ, ZIDZ,
        /** The nearest single-precision value: every result of a {@link SinglePrecision} model goes through it. */
        TO_SINGLE,
        /** STEP(height, time). */
        STEP,
        /** XMILE PULSE(magnitude, first, interval): magnitude/DT for one step. */
        PULSE_XMILE,
        /** Vensim PULSE(start, width): 1 for width time units. */
        PULSE_VENSIM,
        /** Vensim PULSE TRAIN(start, width, interval, end). */
        PULSE_TRAIN,
        /** RAMP(slope, start, end). */
        RAMP,
        /** sum of any number of arguments (expanded array reductions). */
        SUM,
        PROD,
        MEAN,
        STDDEV
    }
}
