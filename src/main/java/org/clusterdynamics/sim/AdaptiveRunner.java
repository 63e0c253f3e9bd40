package org.clusterdynamics.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.LExpr;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Where;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;

/**
 * Adaptive Dormand-Prince 5(4) integration with Hipparchus. Discontinuities are handled two ways:
 * the switch times of STEP, PULSE and RAMP with constant times are breakpoints where integration
 * stops and restarts, and every comparison in a changing equation (IF conditions) is an event
 * detector, so the integrator lands on the switch instead of stepping across it.
 */
final class AdaptiveRunner {
    private static final int MAX_DETECTORS = 64;
    private final Simulator sim;
    private final Simulator.Settings s;
    private final CompiledModel model;

    AdaptiveRunner(Simulator sim, Simulator.Settings s) {
        this.sim = sim;
        this.s = s;
        this.model = sim.model();
    }

    int run(Simulator.Recorder rec) {
        if (sim.hasDiscreteState() || model.randomStreams() > 0) {
            throw new ModelException(Diagnostic.error("E021", Where.file(model.source()), "the adaptive method cannot"
                    + " run a model with DELAY FIXED, PREVIOUS, SAMPLE IF TRUE, Vensim's DELAY N with a changing delay"
                    + " time or random functions, whose values"
                    + " change once per time step: use --method euler or --method rk4"));
        }
        Frame f = new Frame(model.slotCount(), 0);
        f.dt = s.dt();
        f.start = s.start();
        f.stop = s.stop();
        f.saveStep = s.saveStep();
        f.time = s.start();
        boolean[] fixed = new boolean[model.slotCount()];
        // the same kernel as a fixed-step run: generated code when the simulator has it
        Kernel kernel = sim.start(f, s, fixed);
        int n = sim.stockSlots.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = f.v[sim.stockSlots[i]];
        }
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            private long evaluations;

            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public double[] computeDerivatives(double t, double[] state) {
                sim.checkStop(evaluations++, t);
                load(f, t, state, kernel);
                double[] d = new double[n];
                kernel.rates(f, d);
                return d;
            }
        };
        double span = Math.max(s.stop() - s.start(), 1e-12);
        DormandPrince54Integrator integrator = new DormandPrince54Integrator(span * 1e-12, s.saveStep(), 1e-9, 1e-9);
        for (ODEEventDetector d : detectors(f, kernel)) {
            integrator.addEventDetector(d);
        }
        TreeSet<Double> breaks = breakpoints();
        int row = 0;
        rec.record(row++, f);
        double t = s.start();
        for (int j = 1; j < s.rows(); j++) {
            double target = s.start() + j * s.saveStep();
            if (target > s.stop() + 1e-9 * span) {
                break;
            }
            while (t < target) {
                Double b = breaks.higher(t + 1e-12 * span);
                double end = b != null && b < target ? b : target;
                if (end - t > 1e-12 * span) {
                    try {
                        ODEStateAndDerivative out = integrator.integrate(ode, new ODEState(t, y), end);
                        y = out.getPrimaryState();
                    } catch (MathRuntimeException e) {
                        throw new ModelException(Diagnostic.error("E101", new Where(model.source(), null, 0, t),
                                "the adaptive integrator failed (" + e.getMessage() + "): the model may be too stiff or"
                                        + " have an unbounded value here; try --method rk4 with a small --dt"));
                    }
                }
                t = end;
            }
            load(f, target, y, kernel);
            sim.limitOutflows(kernel, f, s.dt());
            double[] d = new double[n];
            kernel.rates(f, d);
            sim.checkFinite(d, target);
            rec.record(row++, f);
        }
        return row;
    }

    private void load(Frame f, double t, double[] state, Kernel kernel) {
        for (int i = 0; i < state.length; i++) {
            f.v[sim.stockSlots[i]] = state[i];
        }
        f.time = t;
        kernel.dynamic(f);
        sim.limitOutflows(kernel, f, s.dt());
    }

    /** Switch times of time functions whose times are constant numbers. */
    private TreeSet<Double> breakpoints() {
        TreeSet<Double> out = new TreeSet<>();
        for (CompiledModel.Assignment a : model.dynamicOrder()) {
            collectBreaks(a.expr(), out);
        }
        for (CompiledModel.StockRate r : model.stocks()) {
            collectBreaks(r.rate(), out);
        }
        out.add(s.stop());
        return out;
    }

    private void collectBreaks(LExpr e, TreeSet<Double> out) {
        if (e instanceof LExpr.Fn fn) {
            List<LExpr> a = fn.args();
            switch (fn.fn()) {
                case STEP:
                    constant(a.get(1), out, 0);
                    break;
                case RAMP:
                    constant(a.get(1), out, 0);
                    if (a.size() > 2) {
                        constant(a.get(2), out, 0);
                    }
                    break;
                case PULSE_VENSIM:
                    if (a.get(0) instanceof LExpr.Const st && a.get(1) instanceof LExpr.Const w) {
                        out.add(st.value());
                        out.add(st.value() + Math.max(w.value(), s.dt()));
                    }
                    break;
                case PULSE_XMILE:
                    if (a.get(1) instanceof LExpr.Const first) {
                        double every = a.size() > 2 && a.get(2) instanceof LExpr.Const iv ? iv.value() : 0;
                        for (double t = first.value(); t <= s.stop() && out.size() < 100000; t += every > 0 ? every : Double.POSITIVE_INFINITY) {
                            out.add(t - s.dt() / 2);
                            out.add(t + s.dt() / 2);
                        }
                    }
                    break;
                default:
                    break;
            }
            for (LExpr x : a) {
                collectBreaks(x, out);
            }
        } else if (e instanceof LExpr.Unary u) {
            collectBreaks(u.operand(), out);
        } else if (e instanceof LExpr.Binary b) {
            collectBreaks(b.left(), out);
            collectBreaks(b.right(), out);
        } else if (e instanceof LExpr.If i) {
            collectBreaks(i.condition(), out);
            collectBreaks(i.then(), out);
            collectBreaks(i.otherwise(), out);
        } else if (e instanceof LExpr.Lookup l) {
            collectBreaks(l.x(), out);
        } else if (e instanceof LExpr.ArrayFn a) {
            a.inputs().forEach(x -> collectBreaks(x, out));
            a.params().forEach(x -> collectBreaks(x, out));
        } else if (e instanceof LExpr.ElementAt at) {
            at.indices().forEach(x -> collectBreaks(x, out));
        }
    }

    private void constant(LExpr e, TreeSet<Double> out, double shift) {
        if (e instanceof LExpr.Const c && c.value() > s.start() && c.value() < s.stop()) {
            out.add(c.value() + shift);
        }
    }

    /** One detector per comparison in the changing equations: g = left - right. */
    private List<ODEEventDetector> detectors(Frame f, Kernel kernel) {
        List<LExpr.Binary> comparisons = new ArrayList<>();
        for (CompiledModel.Assignment a : model.dynamicOrder()) {
            collectComparisons(a.expr(), comparisons);
        }
        List<ODEEventDetector> out = new ArrayList<>();
        for (LExpr.Binary c : comparisons) {
            if (out.size() >= MAX_DETECTORS) {
                break;
            }
            Evaluator l = Interpreter.build(c.left());
            Evaluator r = Interpreter.build(c.right());
            out.add(new SwitchDetector(f, kernel, l, r));
        }
        return out;
    }

    private static void collectComparisons(LExpr e, List<LExpr.Binary> out) {
        if (e instanceof LExpr.Binary b) {
            if (b.op().isComparison() && !out.contains(b)) {
                out.add(b);
            }
            collectComparisons(b.left(), out);
            collectComparisons(b.right(), out);
        } else if (e instanceof LExpr.Unary u) {
            collectComparisons(u.operand(), out);
        } else if (e instanceof LExpr.If i) {
            collectComparisons(i.condition(), out);
            collectComparisons(i.then(), out);
            collectComparisons(i.otherwise(), out);
        } else if (e instanceof LExpr.Fn fn) {
            for (LExpr x : fn.args()) {
                collectComparisons(x, out);
            }
        }
    }

    /** Detects where the two sides of a comparison cross. */
    private final class SwitchDetector implements ODEEventDetector {
        private final Frame f;
        private final Kernel kernel;
        private final Evaluator left;
        private final Evaluator right;
        private final BracketedUnivariateSolver<UnivariateFunction> solver =
                new BracketingNthOrderBrentSolver(1e-12, 1e-10, 5);

        SwitchDetector(Frame f, Kernel kernel, Evaluator left, Evaluator right) {
            this.f = f;
            this.kernel = kernel;
            this.left = left;
            this.right = right;
        }

        @Override
        public AdaptableInterval getMaxCheckInterval() {
            return AdaptableInterval.of(Math.max(s.saveStep() / 4, 1e-9));
        }

        @Override
        public int getMaxIterationCount() {
            return 200;
        }

        @Override
        public BracketedUnivariateSolver<UnivariateFunction> getSolver() {
            return solver;
        }

        @Override
        public ODEEventHandler getHandler() {
            return (state, detector, increasing) -> Action.RESET_DERIVATIVES;
        }

        @Override
        public double g(ODEStateAndDerivative state) {
            load(f, state.getTime(), state.getPrimaryState(), kernel);
            return left.eval(f) - right.eval(f);
        }
    }
}
