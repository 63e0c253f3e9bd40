package org.clusterdynamics.compile;

/**
 * The arithmetic of the array-valued builtins ({@link LExpr.ArrayFn}) in one place, shared by the
 * interpreter, the constant folder and generated code. It allocates nothing: callers pass the
 * evaluated inputs and parameters and {@link #workSize} doubles of scratch space. Conditions that
 * Vensim reports as errors (an out-of-range offset, a singular matrix) give NaN, which a run reports
 * with the variable's name.
 */
public final class ArrayOps {
    private ArrayOps() {}

    /** Vensim's priority profile types (ptype) for ALLOCATE AVAILABLE. */
    public static final int RECTANGULAR = 1;
    public static final int TRIANGULAR = 2;
    public static final int NORMAL = 3;
    public static final int EXPONENTIAL = 4;

    /** Elements of one ALLOCATE AVAILABLE priority profile: ptype, ppriority, pwidth, pextra. */
    public static final int PROFILE_SIZE = 4;

    /** How many scratch doubles {@link #eval} needs for this kind and number of inputs. */
    public static int workSize(LExpr.ArrayKind kind, int inputCount) {
        switch (kind) {
            case SORT_ORDER: case RANK: case INVERT_MATRIX: case RANK_POSITION:
                return 2 * inputCount;
            default:
                return 0;
        }
    }

    /**
     * Element {@code out} of the function applied to {@code in} (laid out as {@code kind} says) and
     * {@code params}.
     */
    public static double eval(LExpr.ArrayKind kind, double[] in, double[] params, int out, double[] work) {
        switch (kind) {
            case VECTOR_SELECT: return vectorSelect(in, params[0], params[1], params[2]);
            case SORT_ORDER: {
                sortOrder(in, in.length, params[0] > 0, work);
                return work[out];
            }
            case RANK: {
                int n = in.length;
                sortOrder(in, n, params[0] > 0, work);
                for (int p = 0; p < n; p++) {
                    if ((int) work[p] == out) {
                        return p + 1;
                    }
                }
                return Double.NaN;
            }
            case REORDER: {
                int n = in.length / 2;
                double at = Math.floor(in[n + out] + 0.5);
                return at >= 0 && at < n ? in[(int) at] : Double.NaN;
            }
            case ELM_MAP: {
                double at = out + Math.floor(params[0] + 0.5);
                return at >= 0 && at < in.length ? in[(int) at] : Double.NaN;
            }
            case ALLOCATE_BY_PRIORITY:
                return params[0] > 0 ? allocate(in, in.length / 2, true, params[0], params[1], out) : Double.NaN;
            case ALLOCATE_AVAILABLE:
                return allocate(in, in.length / (1 + PROFILE_SIZE), false, 0, params[0], out);
            case INVERT_MATRIX:
                return invert(in, out, work);
            case RANK_POSITION: {
                // isee: RANK(array, rank) is the index of the element of that rank, 1 the smallest; ties
                // keep the array's order
                double r = Math.floor(params[0] + 0.5);
                if (!(r >= 1 && r <= in.length)) {
                    return Double.NaN;
                }
                sortOrder(in, in.length, true, work);
                return work[(int) r - 1] + 1;
            }
            case VECTOR_LOOKUP:
                return vectorLookup(in, params[0], params[1], params[2], (int) params[3]);
            default:
                throw new IllegalStateException("no arithmetic for " + kind);
        }
    }

    // ---------------------------------------------------------------- VECTOR LOOKUP

    /**
     * Vensim's VECTOR LOOKUP (https://vensim.com/documentation/fn_vector_lookup.html): the y values in
     * {@code y} at x evenly spaced from xmin to xmax, read at x as LOOKUP (mode 0: interpolated, held at
     * the ends), LOOKUP BACKWARD (2), LOOKUP EXTRAPOLATE (3) or LOOKUP FORWARD (4) reads a table; the
     * area from xmin (1, extrapolated 7), the inverse (5, 8) and the slope (6, 9) as {@link LookupMath}.
     */
    static double vectorLookup(double[] y, double x, double xmin, double xmax, int mode) {
        int n = y.length;
        double grid = n > 1 ? (xmax - xmin) / (n - 1) : 0;
        switch (mode) {
            // the reference's modes 1 and 5-9: LOOKUP AREA (from xmin), INVERT and SLOPE, 7-9 extrapolated
            case 1: return LookupMath.area(null, y, xmin, grid, x, false);
            case 5: return LookupMath.invert(null, y, xmin, grid, x, false);
            case 6: return LookupMath.slope(null, y, xmin, grid, x, 0);
            case 7: return LookupMath.area(null, y, xmin, grid, x, true);
            case 8: return LookupMath.invert(null, y, xmin, grid, x, true);
            case 9: return LookupMath.slope(null, y, xmin, grid, x, 1);
            default: break;
        }
        if (n == 1 || Double.isNaN(x)) {
            return n == 1 ? y[0] : Double.NaN;
        }
        double step = (xmax - xmin) / (n - 1);
        double pos = (x - xmin) / step;
        if (pos <= 0 || pos >= n - 1) {
            boolean low = pos <= 0;
            if (mode == 3 && pos != 0 && pos != n - 1) {
                int a = low ? 0 : n - 2;
                return y[a] + (y[a + 1] - y[a]) * (pos - a);
            }
            return low ? y[0] : y[n - 1];
        }
        int i = (int) Math.floor(pos);
        double frac = pos - i;
        switch (mode) {
            case 2:
                return y[i];
            case 4:
                return frac == 0 ? y[i] : y[i + 1];
            default:
                return frac == 0 ? y[i] : y[i] + (y[i + 1] - y[i]) * frac;
        }
    }

    // ---------------------------------------------------------------- VECTOR SELECT

    private static double vectorSelect(double[] in, double missing, double actionValue, double errorValue) {
        int n = in.length / 2;
        int action = (int) actionValue;
        int onError = (int) errorValue;
        if (action < 0 || action > 10) {
            return Double.NaN;
        }
        double acc;
        switch (action) {
            case 1: case 5: case 7: acc = 1; break;
            case 2: case 8: acc = Double.POSITIVE_INFINITY; break;
            case 3: case 9: acc = Double.NEGATIVE_INFINITY; break;
            default: acc = 0; break;
        }
        int selected = 0;
        for (int i = 0; i < n; i++) {
            double s = in[i];
            if (s == 0) {
                continue;
            }
            selected++;
            double x = in[n + i];
            // 0-4 weigh by the selection; 5 raises to it (Vensim computes x^s, though its help says s^x)
            double v = action <= 4 ? s * x : action == 5 ? Math.pow(x, s) : x;
            switch (action) {
                case 1: case 5: case 7: acc *= v; break;
                case 2: case 8: acc = Math.min(acc, v); break;
                case 3: case 9: acc = Math.max(acc, v); break;
                default: acc += v; break;
            }
        }
        if (selected == 0) {
            return onError == 1 || onError == 3 ? Double.NaN : missing;
        }
        if (selected > 1 && (onError == 2 || onError == 3)) {
            return Double.NaN;
        }
        return action == 4 || action == 10 ? acc / selected : acc;
    }

    // ---------------------------------------------------------------- sorting

    /**
     * Writes into work[0..n) the positions of in[0..n) in sorted order; a stable merge sort, so
     * that equal values keep their order, using work[n..2n) as the merge buffer.
     */
    private static void sortOrder(double[] in, int n, boolean ascending, double[] work) {
        for (int i = 0; i < n; i++) {
            work[i] = i;
        }
        double[] a = work;
        int from = 0; // the sorted run lives at [from, from + n)
        for (int width = 1; width < n; width *= 2) {
            int to = from == 0 ? n : 0;
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    double x = in[(int) a[from + i]];
                    double y = in[(int) a[from + j]];
                    boolean takeRight = ascending ? y < x : y > x;
                    a[to + k++] = takeRight ? a[from + j++] : a[from + i++];
                }
                while (i < mid) {
                    a[to + k++] = a[from + i++];
                }
                while (j < hi) {
                    a[to + k++] = a[from + j++];
                }
            }
            from = to;
        }
        if (from != 0) {
            System.arraycopy(a, from, a, 0, n);
        }
    }

    // ---------------------------------------------------------------- allocation

    /**
     * One requester's allocation when the available supply is short: each requester receives
     * request x fraction(x) of a priority curve, and the market priority x is the one at which the
     * allocations add up to the supply (found by bisection; the total never rises with x).
     * ALLOCATE BY PRIORITY is the rectangular curve of the given width centred on each priority.
     */
    private static double allocate(double[] in, int n, boolean byPriority, double width, double supply, int out) {
        double request = Math.max(in[out], 0);
        double total = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (in[i] <= 0) {
                continue;
            }
            total += in[i];
            double p = priority(in, n, byPriority, i);
            double reach = reach(in, n, byPriority, width, i);
            if (Double.isNaN(reach)) {
                return Double.NaN;
            }
            lo = Math.min(lo, p - reach);
            hi = Math.max(hi, p + reach);
        }
        if (supply >= total) {
            return request;
        }
        if (supply <= 0 || request == 0) {
            return 0;
        }
        // at lo every curve gives (all but nothing of) its request, at hi none
        for (int iter = 0; iter < 200; iter++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (allocated(in, n, byPriority, width, mid) > supply) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double x = 0.5 * (lo + hi);
        return request * fraction(in, n, byPriority, width, out, x);
    }

    private static double allocated(double[] in, int n, boolean byPriority, double width, double x) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (in[i] > 0) {
                sum += in[i] * fraction(in, n, byPriority, width, i, x);
            }
        }
        return sum;
    }

    private static double priority(double[] in, int n, boolean byPriority, int i) {
        return byPriority ? in[n + i] : in[n + PROFILE_SIZE * i + 1];
    }

    /** How far from its priority a requester's curve reaches (beyond it the fraction is 1 or 0). */
    private static double reach(double[] in, int n, boolean byPriority, double width, int i) {
        int type = byPriority ? RECTANGULAR : (int) in[n + PROFILE_SIZE * i];
        double w = byPriority ? width : in[n + PROFILE_SIZE * i + 2];
        if (!(w > 0)) {
            return Double.NaN;
        }
        switch (type) {
            case RECTANGULAR: case TRIANGULAR: return w / 2;
            case NORMAL: return 40 * w; // the normal tail beyond 40 sd is below the smallest double
            case EXPONENTIAL: return 750 * w; // exp(-750) underflows to 0
            default: return Double.NaN; // fixed quantity, constant elasticity and integer types
        }
    }

    /** The fraction of its request that requester i receives at market priority x. */
    private static double fraction(double[] in, int n, boolean byPriority, double width, int i, double x) {
        int type = byPriority ? RECTANGULAR : (int) in[n + PROFILE_SIZE * i];
        double p = priority(in, n, byPriority, i);
        double w = byPriority ? width : in[n + PROFILE_SIZE * i + 2];
        switch (type) {
            case RECTANGULAR: {
                if (x <= p - w / 2) {
                    return 1;
                }
                return x < p + w / 2 ? (p + w / 2 - x) / w : 0;
            }
            case TRIANGULAR: {
                if (x <= p - w / 2) {
                    return 1;
                }
                if (x < p) {
                    double d = x - p + w / 2;
                    return 1 - 2 * d * d / (w * w);
                }
                if (x < p + w / 2) {
                    double d = p + w / 2 - x;
                    return 2 * d * d / (w * w);
                }
                return 0;
            }
            case NORMAL:
                return normalUpperTail((x - p) / w);
            default: // EXPONENTIAL: a Laplace distribution around the priority
                return x < p ? 1 - 0.5 * Math.exp((x - p) / w) : 0.5 * Math.exp((p - x) / w);
        }
    }

    /**
     * The upper tail Q(z) = P(Z > z) of the unit normal distribution as Vensim's normal priority
     * curve computes it: the polynomial approximation of Abramowitz and Stegun 26.2.16 (Hastings),
     * |error| < 1e-5. Vensim's allocations are reproduced to their six printed digits by this
     * approximation and not by the exact distribution (test_allocate_available of the SDXorg suite,
     * where the exact curve is off by up to 150 times the conformance tolerance).
     */
    static double normalUpperTail(double z) {
        if (z < 0) {
            return 1 - normalUpperTail(-z);
        }
        double t = 1 / (1 + 0.33267 * z);
        double density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        return density * t * (0.4361836 + t * (-0.1201676 + t * 0.9372980));
    }

    // ---------------------------------------------------------------- matrices

    /** Gauss-Jordan elimination with partial pivoting on a copy; NaN for a singular matrix. */
    private static double invert(double[] in, int out, double[] work) {
        int n = (int) Math.round(Math.sqrt(in.length));
        int nn = n * n;
        System.arraycopy(in, 0, work, 0, nn);
        for (int i = 0; i < nn; i++) {
            work[nn + i] = i / n == i % n ? 1 : 0;
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(work[r * n + c]) > Math.abs(work[pivot * n + c])) {
                    pivot = r;
                }
            }
            double pv = work[pivot * n + c];
            if (pv == 0 || Double.isNaN(pv)) {
                return Double.NaN;
            }
            if (pivot != c) {
                for (int k = 0; k < n; k++) {
                    swap(work, pivot * n + k, c * n + k);
                    swap(work, nn + pivot * n + k, nn + c * n + k);
                }
            }
            for (int k = 0; k < n; k++) {
                work[c * n + k] /= pv;
                work[nn + c * n + k] /= pv;
            }
            for (int r = 0; r < n; r++) {
                double factor = work[r * n + c];
                if (r == c || factor == 0) {
                    continue;
                }
                for (int k = 0; k < n; k++) {
                    work[r * n + k] -= factor * work[c * n + k];
                    work[nn + r * n + k] -= factor * work[nn + c * n + k];
                }
            }
        }
        return work[nn + out];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
