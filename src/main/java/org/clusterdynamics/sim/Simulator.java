package org.clusterdynamics.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.SlotKind;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.model.Method;

/**
 * Runs a compiled model with fixed-step Euler, RK2 or RK4 (Vensim and Stella conventions:
 * auxiliaries at every evaluation point, discrete state updated once per step, rows saved at save
 * steps) or with Hipparchus' adaptive Dormand-Prince. One instance serves many runs on one thread;
 * {@link #copy()} makes another for another thread.
 *
 * <p>Every run evaluates the equations through a {@link Kernel}: interpreter trees (the reference)
 * or the model compiled to JVM bytecode ({@link GeneratedCode}), which give identical results. With {@link Backend#AUTO} a simulator interprets its first runs, which needs no
 * compilation, and switches to generated code once it has done enough work to repay compiling.
 */
public final class Simulator {
    /**
     * Interpreted work (equation evaluations) after which {@link Backend#AUTO} compiles the model:
     * about the time that compiling takes, so that single runs never pay for it.
     */
    static final long AUTO_COMPILE_WORK = 5_000_000L;

    /** Which code evaluates the equations. */
    public enum Backend {
        /** Interpret first, then generate code once the runs have done enough work. */
        AUTO,
        /** Always the interpreter (the reference path). */
        INTERPRETER,
        /** Generated code from the start; the constructor fails if the model cannot be compiled. */
        GENERATED
    }

    private final CompiledModel model;
    private final Backend backend;
    private GeneratedCode generated;
    private Kernel generatedKernel;
    private String generationFailure;
    /** Compile-once code and interpreted work shared with this simulator's copies (other threads). */
    private final SharedCode shared;
    private boolean lastRunGenerated;
    private final int[][] nonNegative;
    /** Saved slots as runs of consecutive slots: {first slot, first column, length}. */
    private final int[][] savedSegments;
    private Results.Layout layout;
    private final int[] initSlots;
    private final Evaluator[] initEvals;
    private final int[] dynSlots;
    private final Evaluator[] dynEvals;
    final int[] stockSlots;
    private final Evaluator[] rateEvals;
    final int[] updSlots;
    private final Evaluator[] updEvals;
    final int[] delayOut;
    /** How many values the pipelines read at every step (inputs, then material delays' times and missing values). */
    int delayInputCount() {
        return delayIn.length;
    }

    private final Evaluator[] delayIn;
    private final Evaluator[] delayTime;
    private final Evaluator[] delayInit;
    private final int[] savedSlots;
    /** Works out each run's settings from its options; remembers the slots of the names batches set. */
    private final RunSettings runSettings;
    /** Asked every {@link #STOP_CHECK_INTERVAL} steps whether to give up the run (a time limit). */
    private BooleanSupplier stopRequested = () -> false;
    /** Steps between two stop checks: rare enough to cost nothing, frequent enough to stop in time. */
    static final int STOP_CHECK_INTERVAL = 1024;
    /** The most values one run's results can hold: one Java array (a run keeping more must stream them). */
    static final long MAX_SAVED_VALUES = Integer.MAX_VALUE - 8;

    /** A simulator that starts interpreting and compiles the model when it has run enough ({@link Backend#AUTO}). */
    public Simulator(CompiledModel model) {
        this(model, Backend.AUTO);
    }

    public Simulator(CompiledModel model, Backend backend) {
        this(model, backend, new SharedCode(model));
        if (backend == Backend.GENERATED) {
            useGenerated(GeneratedCode.compile(model));
            shared.offer(generated);
        }
    }

    /** A simulator ({@link Backend#GENERATED}) running code already generated for this model. */
    public Simulator(CompiledModel model, GeneratedCode code) {
        this(model, Backend.GENERATED, new SharedCode(model));
        useGenerated(code);
        shared.offer(code);
    }

    /**
     * A simulator ({@link Backend#AUTO}) whose generated code is compiled once for all simulators
     * given the same holder, on any thread (batches: one holder per model, one simulator per thread).
     */
    public Simulator(SharedCode shared) {
        this(shared.model(), Backend.AUTO, shared);
    }

    private Simulator(CompiledModel model, Backend backend, SharedCode shared) {
        this.model = model;
        this.runSettings = new RunSettings(model);
        this.backend = backend;
        this.shared = shared;
        if (shared.ready() != null) {
            useGenerated(shared.ready());
        }
        int n = model.initOrder().size();
        initSlots = new int[n];
        initEvals = new Evaluator[n];
        for (int i = 0; i < n; i++) {
            initSlots[i] = model.initOrder().get(i).slot();
            initEvals[i] = Interpreter.build(model.initOrder().get(i).expr());
        }
        n = model.dynamicOrder().size();
        dynSlots = new int[n];
        dynEvals = new Evaluator[n];
        for (int i = 0; i < n; i++) {
            dynSlots[i] = model.dynamicOrder().get(i).slot();
            dynEvals[i] = Interpreter.build(model.dynamicOrder().get(i).expr());
        }
        n = model.stocks().size();
        stockSlots = new int[n];
        rateEvals = new Evaluator[n];
        for (int i = 0; i < n; i++) {
            stockSlots[i] = model.stocks().get(i).slot();
            rateEvals[i] = Interpreter.build(model.stocks().get(i).rate());
        }
        n = model.stepUpdates().size();
        updSlots = new int[n];
        updEvals = new Evaluator[n];
        for (int i = 0; i < n; i++) {
            updSlots[i] = model.stepUpdates().get(i).slot();
            updEvals[i] = Interpreter.build(model.stepUpdates().get(i).expr());
        }
        n = model.delays().size();
        delayOut = new int[n];
        delayIn = KernelSource.delayInputs(model).stream().map(Interpreter::build).toArray(Evaluator[]::new);
        delayTime = new Evaluator[n];
        delayInit = new Evaluator[n];
        for (int i = 0; i < n; i++) {
            CompiledModel.FixedDelay d = model.delays().get(i);
            delayOut[i] = d.output();
            delayTime[i] = Interpreter.build(d.delayTime());
            delayInit[i] = Interpreter.build(d.initial());
        }
        List<Integer> saved = new ArrayList<>();
        for (int i = 0; i < model.slotCount(); i++) {
            if (model.isSaved(i)) {
                saved.add(i);
            }
        }
        savedSlots = saved.stream().mapToInt(Integer::intValue).toArray();
        List<int[]> segs = new ArrayList<>();
        for (int j = 0; j < savedSlots.length; j++) {
            int[] last = segs.isEmpty() ? null : segs.get(segs.size() - 1);
            if (last != null && last[0] + last[2] == savedSlots[j]) {
                last[2]++;
            } else {
                segs.add(new int[] {savedSlots[j], j, 1});
            }
        }
        savedSegments = segs.toArray(int[][]::new);
        // per stock: stock slot, inflow count, inflows..., outflows... (no iterators in the loop)
        nonNegative = new int[model.nonNegativeStocks().size()][];
        for (int i = 0; i < nonNegative.length; i++) {
            CompiledModel.NonNegativeStock nn = model.nonNegativeStocks().get(i);
            int[] row = new int[2 + nn.inflows().length + nn.outflows().length];
            row[0] = nn.stock();
            row[1] = nn.inflows().length;
            System.arraycopy(nn.inflows(), 0, row, 2, nn.inflows().length);
            System.arraycopy(nn.outflows(), 0, row, 2 + nn.inflows().length, nn.outflows().length);
            nonNegative[i] = row;
        }
    }

    private void useGenerated(GeneratedCode code) {
        generated = code;
        generatedKernel = code.newKernel();
    }

    /**
     * Another simulator of the same model for another thread; it shares the generated code (if
     * any) but no mutable state.
     */
    public Simulator copy() {
        Simulator s = new Simulator(model, backend, shared);
        if (generated != null && s.generated == null) {
            s.useGenerated(generated);
        }
        s.generationFailure = generationFailure;
        s.stopRequested = stopRequested;
        return s;
    }

    /**
     * Makes runs give up with {@link RunStopped} once {@code stop} answers true; it is asked every
     * {@value #STOP_CHECK_INTERVAL} steps, so a time limit also ends one long run, not only a batch.
     */
    public Simulator stopWhen(BooleanSupplier stop) {
        stopRequested = stop == null ? () -> false : stop;
        return this;
    }

    /** Throws {@link RunStopped} when a stop has been requested; {@code count} counts steps or evaluations. */
    void checkStop(long count, double time) {
        if (count % STOP_CHECK_INTERVAL == STOP_CHECK_INTERVAL - 1 && stopRequested.getAsBoolean()) {
            throw new RunStopped(model.source(), time);
        }
    }

    /** The generated code, once compiled (null before, or when the model cannot be compiled). */
    public GeneratedCode generatedCode() {
        return generated;
    }

    /** Why the model could not be compiled to JVM code, or null. */
    public String generationFailure() {
        return generationFailure;
    }

    /** Whether the last run evaluated the equations with generated code. */
    public boolean lastRunUsedGeneratedCode() {
        return lastRunGenerated;
    }

    /** The number of time steps a fixed-step run with these options takes. */
    public int stepCount(RunOptions options) {
        return settings(options).steps;
    }

    /** The slots of the saved variables, in the order of {@link Results#names()} (a copy). */
    public int[] savedSlots() {
        return savedSlots.clone();
    }

    public static Results run(CompiledModel model, RunOptions options) {
        return new Simulator(model).run(options);
    }

    public CompiledModel model() {
        return model;
    }

    /** Runs and keeps every saved variable at every save step. */
    public Results run(RunOptions options) {
        return runWithRows(options, null);
    }

    /** The names of the saved variables, as {@link Results#names()} of a run will give them. */
    public List<String> savedNames() {
        List<String> names = new ArrayList<>();
        for (int slot : savedSlots) {
            names.add(model.slotNames()[slot]);
        }
        return names;
    }

    /** Receives each saved row as it is kept: {@code values[offset .. offset + width)} in {@link #savedNames()} order. */
    @FunctionalInterface
    public interface RowListener {
        void row(double time, double[] values, int offset, int width);
    }

    /**
     * Runs as {@link #run(RunOptions)}, also handing each saved row to {@code listener} (when not null)
     * as soon as it is kept and checked, so that it can be written while the run goes on.
     */
    public Results runWithRows(RunOptions options, RowListener listener) {
        Settings s = settings(options);
        int width = savedSlots.length;
        long values = (long) s.rows * (width + 1);
        long heap = Runtime.getRuntime().maxMemory();
        if (values > MAX_SAVED_VALUES || values * Double.BYTES > heap / 10 * 8) {
            throw new ModelException(Diagnostic.error("E013", Where.file(model.source()), "the run would keep "
                    + s.rows + " saved rows of " + width + " variables (" + (values * Double.BYTES >> 20) + " MB), more"
                    + " than one result can hold here (" + (heap >> 20) + " MB of memory, at most " + MAX_SAVED_VALUES
                    + " values): take a longer save step (--save-step) or a shorter run"));
        }
        double[][] buffers = {new double[s.rows * width], new double[s.rows]}; // data, times
        int[][] segments = savedSegments;
        Recorder rec = (row, f) -> {
            if (row == buffers[1].length) {
                // more rows than the initial settings give: the run follows changing settings
                int capacity = Math.max(16, 2 * row);
                buffers[0] = java.util.Arrays.copyOf(buffers[0], capacity * width);
                buffers[1] = java.util.Arrays.copyOf(buffers[1], capacity);
            }
            double[] data = buffers[0];
            buffers[1][row] = f.time;
            int base = row * width;
            double[] v = f.v;
            for (int[] seg : segments) {
                System.arraycopy(v, seg[0], data, base + seg[1], seg[2]);
            }
            for (int j = 0; j < width; j++) {
                if (!Double.isFinite(data[base + j])) {
                    throw nonFinite(savedSlots[j], f.time);
                }
            }
            if (listener != null) {
                listener.row(f.time, data, base, width);
            }
        };
        int rows = execute(s, rec);
        if (layout == null) {
            Map<String, String> units = new LinkedHashMap<>();
            for (int slot : savedSlots) {
                units.put(model.slotNames()[slot], model.slotUnits()[slot]);
            }
            layout = Results.Layout.of(savedNames(), units);
        }
        double[] data = buffers[0];
        double[] times = buffers[1];
        if (rows != times.length) {
            return new Results(java.util.Arrays.copyOf(times, rows), layout, java.util.Arrays.copyOf(data, rows * width));
        }
        return new Results(times, layout, data);
    }

    /** Runs and keeps nothing (for benchmarks and aggregating batches); returns the final state. */
    public double[] runDiscarding(RunOptions options) {
        Settings s = settings(options);
        Frame[] last = new Frame[1];
        execute(s, (row, f) -> last[0] = f);
        return last[0] == null ? new double[0] : last[0].v;
    }

    /** Runs and hands each saved row to the recorder (frame values are valid during the call only). */
    public void run(RunOptions options, Recorder recorder) {
        execute(settings(options), recorder);
    }

    /** Receives each saved row. */
    @FunctionalInterface
    public interface Recorder {
        void record(int row, Frame frame);
    }

    /** The effective settings of one run. */
    record Settings(Method method, double start, double stop, double dt, double saveStep, int steps, int saveEvery,
            int rows, double[] overrideValues, int[] overrideSlots, long seed, CompiledModel.RunControls controls) {}

    /** The options of the last run and their settings: benchmarks and sweeps repeat the same options. */
    private record SettingsOf(RunOptions options, Settings settings) {}

    private SettingsOf lastSettings;

    Settings settings(RunOptions o) {
        SettingsOf last = lastSettings;
        if (last != null && last.options() == o) {
            return last.settings();
        }
        Settings s = runSettings.of(o);
        lastSettings = new SettingsOf(o, s);
        return s;
    }

    Frame newFrame(Settings s) {
        Frame f = new Frame(model.slotCount(), model.randomStreams());
        f.dt = s.dt;
        f.start = s.start;
        f.stop = s.stop;
        f.saveStep = s.saveStep;
        f.time = s.start;
        SplittableRandom root = new SplittableRandom(s.seed);
        for (int i = 0; i < f.random.length; i++) {
            f.random[i] = root.split();
        }
        return f;
    }

    /**
     * Sets the overridden constants (marking them in {@code fixed}), chooses the kernel for the run
     * and computes every other initial value in dependency order.
     */
    Kernel start(Frame f, Settings s, boolean[] fixed) {
        double[] v = f.v;
        for (int i = 0; i < s.overrideSlots.length; i++) {
            fixed[s.overrideSlots[i]] = true;
            v[s.overrideSlots[i]] = model.singlePrecision() ? (float) s.overrideValues[i] : s.overrideValues[i];
        }
        Kernel kernel = kernelFor(fixed, s.steps);
        kernel.initial(f, fixed);
        return kernel;
    }

    private int execute(Settings s, Recorder rec) {
        if (s.method == Method.ADAPTIVE) {
            return new AdaptiveRunner(this, s).run(rec);
        }
        return new FixedStepRunner(this, s).run(rec);
    }

    /**
     * The kernel for one run: generated code unless a fixed (overridden) slot is one that the
     * equations recompute, which only the interpreter can skip; AUTO compiles here when due.
     */
    private Kernel kernelFor(boolean[] fixed, int steps) {
        boolean fixesDynamic = false;
        for (int slot : dynSlots) {
            if (fixed[slot]) {
                fixesDynamic = true;
                break;
            }
        }
        if (!fixesDynamic) {
            if (generatedKernel == null && backend == Backend.AUTO && generationFailure == null) {
                // another sharer may have compiled already; else compile once all sharers did enough work
                GeneratedCode code = shared.ready();
                try {
                    if (code == null && shared.work() >= AUTO_COMPILE_WORK) {
                        code = shared.compileOrNull();
                    }
                } catch (IllegalStateException e) {
                    generationFailure = e.getMessage();
                }
                if (code != null) {
                    useGenerated(code);
                }
            }
            if (generatedKernel != null) {
                lastRunGenerated = true;
                return generatedKernel;
            }
        }
        lastRunGenerated = false;
        shared.addWork((long) (steps + 1) * (dynSlots.length + stockSlots.length));
        return new InterpretedKernel(initSlots, initEvals, activeDynamic(fixed), activeDynamicEvals(fixed),
                stockSlots, rateEvals, updEvals, delayIn, delayTime, delayInit);
    }

    /** Cuts outflows of non-negative stocks, in the generated code when the kernel has it. */
    void limitOutflows(Kernel kernel, Frame f, double dt) {
        if (kernel.limitsOutflows()) {
            kernel.limitOutflows(f, dt);
        } else {
            limitOutflows(f.v, dt);
        }
    }

    void limitOutflows(double[] v, double dt) {
        for (int[] nn : nonNegative) {
            double available = v[nn[0]] / dt;
            int firstOut = 2 + nn[1];
            for (int i = 2; i < firstOut; i++) {
                available += v[nn[i]];
            }
            for (int i = firstOut; i < nn.length; i++) {
                int out = nn[i];
                double want = v[out];
                if (want > available) {
                    v[out] = Math.max(available, 0);
                }
                available -= v[out];
            }
        }
    }

    private int[] activeDynamic(boolean[] fixed) {
        return java.util.stream.IntStream.range(0, dynSlots.length).filter(i -> !fixed[dynSlots[i]])
                .map(i -> dynSlots[i]).toArray();
    }

    private Evaluator[] activeDynamicEvals(boolean[] fixed) {
        return java.util.stream.IntStream.range(0, dynSlots.length).filter(i -> !fixed[dynSlots[i]])
                .mapToObj(i -> dynEvals[i]).toArray(Evaluator[]::new);
    }

    boolean hasDiscreteState() {
        return updSlots.length > 0 || delayOut.length > 0 || !model.conveyors().isEmpty();
    }

    void checkFinite(double[] rates, double time) {
        for (int i = 0; i < rates.length; i++) {
            if (!Double.isFinite(rates[i])) {
                throw nonFinite(stockSlots[i], time);
            }
        }
    }

    /** Names the first non-finite value in evaluation order, the likely origin. */
    ModelException nonFinite(int fallbackSlot, double time) {
        return nonFiniteAt(fallbackSlot, time, null);
    }

    ModelException nonFiniteAt(int fallbackSlot, double time, double[] v) {
        String name = displayName(fallbackSlot);
        String what = "the rate of stock '" + name + "'";
        if (model.isSaved(fallbackSlot) && model.slotKinds()[fallbackSlot] != SlotKind.STOCK) {
            what = "'" + name + "'";
        }
        return new ModelException(Diagnostic.error("E100", new Where(model.source(), name, 0, time), what
                + " became NaN or infinite (a division by zero, the log or square root of a negative number,"
                + " or an overflow?): check its equation and its inputs at that time, or guard it with"
                + " XIDZ/ZIDZ, MAX or an IF"));
    }

    private String displayName(int slot) {
        String n = model.slotNames()[slot];
        if (n.startsWith("#")) {
            int a = n.indexOf('(');
            int b = n.lastIndexOf(")#");
            return a >= 0 && b > a ? n.substring(a + 1, b) : n;
        }
        return n;
    }
}
