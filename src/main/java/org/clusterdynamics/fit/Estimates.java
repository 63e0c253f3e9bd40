package org.clusterdynamics.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.clusterdynamics.scenario.RunSeries;
import org.clusterdynamics.scenario.ScenarioModel;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * The uncertainty of a calibration's estimates: the covariance from the Jacobian at the optimum
 * (central differences, one parallel batch), Wald intervals, profile-likelihood intervals (each
 * parameter moved until the minimised sum rises by the 95% threshold with the others refitted), and
 * the fit statistics of every data variable.
 */
final class Estimates {
    private Estimates() {}

    private static final double Z95 = 1.959963984540054;

    static CalibrationResult of(Calibration.Spec spec, ScenarioModel sm, Trials trials, Fitter fitter, FitPoints points,
                                Fitter.Fit best, Consumer<String> say) {
        List<FitParameter> params = spec.parameters();
        int p = params.size();
        int n = points.size();
        double[] th = best.theta();
        double objMin = best.objective();
        boolean known = spec.payoff().isLikelihood() && (spec.payoff() != Payoff.GAUSSIAN
                || points.variables.stream().allMatch(v -> spec.weights().containsKey(v)));
        double s2 = known ? 1 : objMin / (n - p);
        double q = known ? Z95 : new TDistribution(n - p).inverseCumulativeProbability(0.975);

        // Jacobian of the residuals in the parameters' own units, by central differences
        double[][] thetas = new double[2 * p][];
        double[] h = new double[p];
        for (int j = 0; j < p; j++) {
            FitParameter f = params.get(j);
            double step = 1e-4 * Math.max(Math.abs(th[j]), 1e-3 * (f.hi() - f.lo()));
            // central where both sides lie in the range, one-sided at a bound (the model may not run beyond it)
            double up = Math.min(th[j] + step, f.hi());
            double down = Math.max(th[j] - step, f.lo());
            h[j] = (up - down) / 2;
            thetas[2 * j] = th.clone();
            thetas[2 * j][j] = up;
            thetas[2 * j + 1] = th.clone();
            thetas[2 * j + 1][j] = down;
        }
        RunSeries[] rs = trials.run("covariance", thetas);
        double[][] jac = new double[n][p];
        boolean jacOk = true;
        for (int j = 0; j < p; j++) {
            if (rs[2 * j] == null || rs[2 * j + 1] == null) {
                jacOk = false;
                continue;
            }
            double[] up = points.residuals(rs[2 * j]);
            double[] dn = points.residuals(rs[2 * j + 1]);
            for (int i = 0; i < n; i++) {
                jac[i][j] = (up[i] - dn[i]) / (2 * h[j]);
            }
        }
        double[] se = new double[p];
        double[][] corr = new double[p][p];
        Arrays.fill(se, Double.NaN);
        for (double[] r : corr) {
            Arrays.fill(r, Double.NaN);
        }
        if (jacOk) {
            RealMatrix jm = new Array2DRowRealMatrix(jac, false);
            RealMatrix info = jm.transpose().multiply(jm);
            SingularValueDecomposition svd = new SingularValueDecomposition(info);
            if (svd.getRank() == p) {
                RealMatrix cov = svd.getSolver().getInverse().scalarMultiply(s2);
                for (int i = 0; i < p; i++) {
                    se[i] = Math.sqrt(cov.getEntry(i, i));
                }
                for (int i = 0; i < p; i++) {
                    for (int j = 0; j < p; j++) {
                        corr[i][j] = cov.getEntry(i, j) / (se[i] * se[j]);
                    }
                }
            } else {
                say.accept("calibrate: the data cannot tell some parameters apart (the information matrix has rank "
                        + svd.getRank() + " of " + p + "); their covariance intervals are left empty");
            }
        }
        double[] wLo = new double[p];
        double[] wHi = new double[p];
        for (int j = 0; j < p; j++) {
            wLo[j] = th[j] - q * se[j];
            wHi[j] = th[j] + q * se[j];
        }

        double[] pLo = new double[p];
        double[] pHi = new double[p];
        Arrays.fill(pLo, Double.NaN);
        Arrays.fill(pHi, Double.NaN);
        boolean[][] atBound = new boolean[p][2];
        if (spec.profile()) {
            Profile prof = new Profile(fitter, params, th, objMin, s2, q * q);
            for (int j = 0; j < p; j++) {
                double step = Double.isFinite(se[j]) && se[j] > 0 ? se[j] : (params.get(j).hi() - params.get(j).lo()) / 20;
                double[] lo = prof.bound(j, -1, step);
                double[] hi = prof.bound(j, +1, step);
                pLo[j] = lo[0];
                atBound[j][0] = lo[1] > 0;
                pHi[j] = hi[0];
                atBound[j][1] = hi[1] > 0;
                say.accept(String.format(Locale.ROOT, "calibrate: profile of %s: %.6g .. %.6g", params.get(j).name(),
                        pLo[j], pHi[j]));
            }
            if (prof.better != null) {
                say.accept("calibrate: the profile found a better point than the search; its values are reported");
                th = prof.better;
                objMin = prof.betterObjective;
            }
        }

        RunSeries fin = trials.runOne(th);
        if (fin == null) {
            throw new IllegalArgumentException("the run with the fitted values failed: " + trials.firstFailure());
        }
        double[][] model = points.modelAt(fin);
        List<CalibrationResult.VariableFit> vars = new ArrayList<>();
        for (int v = 0; v < points.variables.size(); v++) {
            double[][] f = points.pairs(model, v, false);
            double[][] ho = points.pairs(model, v, true);
            vars.add(new CalibrationResult.VariableFit(points.variables.get(v), points.weights[v], points.times,
                    points.data[v], fin.times(), fin.values()[v], model[v], FitStatistics.of(f[0], f[1]),
                    Double.isNaN(spec.until()) || ho[0].length == 0 ? null : FitStatistics.of(ho[0], ho[1])));
        }
        return new CalibrationResult(params, th, se, wLo, wHi, pLo, pHi, atBound, corr, spec.payoff(),
                points.payoff(fin), objMin, n, s2, !known, vars, spec.until(), spec.method(), best.converged(),
                trials.runs(), trials.failed(), trials.firstFailure(), spec.data().source(), sm.file());
    }

    /** Profile-likelihood bounds: the values where the refitted minimised sum crosses the threshold. */
    private static final class Profile {
        private final Fitter fitter;
        private final List<FitParameter> params;
        private final double[] optimum;
        private final double objMin;
        private final double s2;
        private final double threshold;
        double[] better;
        double betterObjective = Double.POSITIVE_INFINITY;

        Profile(Fitter fitter, List<FitParameter> params, double[] optimum, double objMin, double s2, double threshold) {
            this.fitter = fitter;
            this.params = params;
            this.optimum = optimum;
            this.objMin = objMin;
            this.s2 = s2;
            this.threshold = threshold;
        }

        /** {bound, 1 when the range's bound was reached before the threshold} on one side of parameter j. */
        double[] bound(int j, int side, double step) {
            FitParameter f = params.get(j);
            double edge = side < 0 ? f.lo() : f.hi();
            double inside = optimum[j];
            double[] warm = optimum.clone();
            double c = inside;
            for (int k = 0; k < 40; k++) {
                c = optimum[j] + side * step * Math.pow(2, k);
                boolean last = side < 0 ? c <= edge : c >= edge;
                if (last) {
                    c = edge;
                }
                double[] at = warm.clone();
                at[j] = c;
                double[] res = rise(j, at);
                if (res[0] >= threshold) {
                    break;
                }
                warm = Arrays.copyOfRange(res, 1, res.length);
                inside = c;
                if (last) {
                    return new double[] {edge, 1};
                }
            }
            // bisection between inside (below the threshold) and c (above)
            double a = inside;
            double b = c;
            for (int k = 0; k < 14; k++) {
                double m = (a + b) / 2;
                double[] at = warm.clone();
                at[j] = m;
                double[] res = rise(j, at);
                if (res[0] >= threshold) {
                    b = m;
                } else {
                    a = m;
                    warm = Arrays.copyOfRange(res, 1, res.length);
                }
            }
            return new double[] {(a + b) / 2, 0};
        }

        /** {rise of the minimised sum over its minimum in units of s2, then the refitted parameters}. */
        private double[] rise(int j, double[] at) {
            boolean[] free = new boolean[params.size()];
            Arrays.fill(free, true);
            free[j] = false;
            Fitter.Fit fit = fitter.leastSquares(at, free, "profile", 60);
            if (fit.objective() < objMin - 1e-9 * Math.max(1, objMin) && fit.objective() < betterObjective) {
                better = fit.theta();
                betterObjective = fit.objective();
            }
            double[] out = new double[1 + at.length];
            out[0] = Double.isFinite(fit.objective()) ? (fit.objective() - objMin) / s2 : Double.POSITIVE_INFINITY;
            System.arraycopy(fit.theta(), 0, out, 1, at.length);
            return out;
        }
    }
}
