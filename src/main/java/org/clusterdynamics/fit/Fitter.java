package org.clusterdynamics.fit;

import java.util.List;
import java.util.function.Consumer;
import org.clusterdynamics.scenario.RunSeries;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.random.MersenneTwister;
import org.hipparchus.util.Pair;

/**
 * The searches of a calibration: Levenberg-Marquardt on the deviance residuals (bounds kept by a
 * logistic map of each parameter onto its range, derivatives by forward differences run as one
 * parallel batch) and CMA-ES within the bounds. Any subset of the parameters may be held fixed
 * (profile likelihood).
 */
final class Fitter {
    /** A residual given to every point when a trial fails, so that the search steps back from it. */
    private static final double FAILED_RESIDUAL = 1e12;

    private final Trials trials;
    private final FitPoints points;
    private final List<FitParameter> params;
    private final Consumer<String> log;
    /** When progress was last logged: a line at most every few seconds, however many steps. */
    private long lastLog = System.nanoTime();

    /** The result of one search. */
    record Fit(double[] theta, double objective, boolean converged, int evaluations) {}

    Fitter(Trials trials, FitPoints points, List<FitParameter> params, Consumer<String> log) {
        this.trials = trials;
        this.points = points;
        this.params = params;
        this.log = log == null ? s -> { } : log;
    }

    /** The minimised sum (of squared deviance residuals) at a parameter vector; infinite when the run fails. */
    double objective(double[] theta) {
        RunSeries rs = trials.runOne(theta);
        return rs == null ? Double.POSITIVE_INFINITY : FitPoints.sumOfSquares(points.residuals(rs));
    }

    /** Levenberg-Marquardt from {@code start}, moving only the parameters marked free. */
    Fit leastSquares(double[] start, boolean[] free, String label, int maxIterations) {
        int[] idx = indices(free);
        int q = idx.length;
        double[] u0 = new double[q];
        for (int k = 0; k < q; k++) {
            u0[k] = params.get(idx[k]).toFree(start[idx[k]]);
        }
        double[] best = start.clone();
        double[] bestObj = {Double.POSITIVE_INFINITY};
        int[] evals = {0};
        if (q == 0) {
            double o = objective(start);
            return new Fit(start.clone(), o, true, 1);
        }
        int n = points.size();
        LeastSquaresBuilder b = new LeastSquaresBuilder().start(u0).target(new double[n])
                .maxEvaluations(Integer.MAX_VALUE).maxIterations(maxIterations).lazyEvaluation(false)
                .model(point -> {
                    double[] u = point.toArray();
                    double[][] thetas = new double[q + 1][];
                    double[] h = new double[q];
                    thetas[0] = theta(start, idx, u);
                    for (int k = 0; k < q; k++) {
                        double[] up = u.clone();
                        h[k] = 1e-7 * Math.max(1, Math.abs(u[k]));
                        up[k] += h[k];
                        thetas[k + 1] = theta(start, idx, up);
                    }
                    RunSeries[] rs = trials.run(label, thetas);
                    evals[0]++;
                    double[] r0;
                    double[][] jac = new double[n][q];
                    if (rs[0] == null) {
                        r0 = new double[n];
                        java.util.Arrays.fill(r0, FAILED_RESIDUAL);
                    } else {
                        r0 = points.residuals(rs[0]);
                        double obj = FitPoints.sumOfSquares(r0);
                        if (obj < bestObj[0]) {
                            bestObj[0] = obj;
                            System.arraycopy(thetas[0], 0, best, 0, best.length);
                        }
                        progress(label, evals[0], bestObj[0]);
                        for (int k = 0; k < q; k++) {
                            if (rs[k + 1] == null) {
                                continue;
                            }
                            double[] rk = points.residuals(rs[k + 1]);
                            for (int i = 0; i < n; i++) {
                                jac[i][k] = (rk[i] - r0[i]) / h[k];
                            }
                        }
                    }
                    return new Pair<RealVector, org.hipparchus.linear.RealMatrix>(new ArrayRealVector(r0, false),
                            new Array2DRowRealMatrix(jac, false));
                });
        boolean converged;
        try {
            LeastSquaresOptimizer.Optimum o = new LevenbergMarquardtOptimizer().optimize(b.build());
            converged = true;
            double[] th = theta(start, idx, o.getPoint().toArray());
            double obj = o.getCost() * o.getCost();
            if (obj <= bestObj[0]) {
                bestObj[0] = obj;
                System.arraycopy(th, 0, best, 0, best.length);
            }
        } catch (MathIllegalStateException e) {
            // tolerances below what the runs can resolve, or the iteration limit: keep the best point seen
            converged = e.getMessage() != null && !e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("exceed");
        }
        return new Fit(best, bestObj[0], converged, evals[0]);
    }

    /** CMA-ES within the bounds (scaled to the unit box), sequential trials, then the best point. */
    Fit cmaes(double[] start, long seed, int maxEvaluations) {
        int p = params.size();
        double[] x0 = new double[p];
        double[] sigma = new double[p];
        double[] lo = new double[p];
        double[] hi = new double[p];
        for (int j = 0; j < p; j++) {
            FitParameter f = params.get(j);
            x0[j] = Math.min(1, Math.max(0, (start[j] - f.lo()) / (f.hi() - f.lo())));
            sigma[j] = 0.3;
            hi[j] = 1;
        }
        int[] evals = {0};
        double[] bestObj = {Double.POSITIVE_INFINITY};
        double[] best = start.clone();
        ObjectiveFunction f = new ObjectiveFunction(x -> {
            double[] th = new double[p];
            for (int j = 0; j < p; j++) {
                th[j] = params.get(j).lo() + x[j] * (params.get(j).hi() - params.get(j).lo());
            }
            double o = objective(th);
            evals[0]++;
            if (o < bestObj[0]) {
                bestObj[0] = o;
                System.arraycopy(th, 0, best, 0, p);
            }
            progress("cmaes", evals[0], bestObj[0]);
            return Double.isFinite(o) ? o : 1e300;
        });
        int lambda = 4 + (int) (3 * Math.log(p));
        try {
            new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0, new MersenneTwister(seed), false,
                    new SimpleValueChecker(1e-12, 1e-14)).optimize(new MaxEval(maxEvaluations), new MaxIter(100_000), f,
                    GoalType.MINIMIZE, new InitialGuess(x0), new SimpleBounds(lo, hi),
                    new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(lambda));
        } catch (MathIllegalStateException e) {
            // the evaluation budget is spent: the best point seen stands
        }
        return new Fit(best, bestObj[0], true, evals[0]);
    }

    private synchronized void progress(String label, int step, double best) {
        long now = System.nanoTime();
        if (now - lastLog > 3_000_000_000L) {
            lastLog = now;
            log.accept(String.format(java.util.Locale.ROOT, "%s: step %d, best sum %.6g, %d trial runs so far", label,
                    step, best, trials.runs()));
        }
    }

    private double[] theta(double[] base, int[] idx, double[] u) {
        double[] th = base.clone();
        for (int k = 0; k < idx.length; k++) {
            th[idx[k]] = params.get(idx[k]).fromFree(u[k]);
        }
        return th;
    }

    private static int[] indices(boolean[] free) {
        int n = 0;
        for (boolean b : free) {
            n += b ? 1 : 0;
        }
        int[] idx = new int[n];
        for (int j = 0, k = 0; j < free.length; j++) {
            if (free[j]) {
                idx[k++] = j;
            }
        }
        return idx;
    }

}
