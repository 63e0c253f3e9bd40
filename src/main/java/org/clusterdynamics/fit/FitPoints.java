package org.clusterdynamics.fit;

import java.util.ArrayList;
import java.util.List;
import org.clusterdynamics.scenario.RunSeries;
import org.clusterdynamics.scenario.SeriesStats;

/**
 * The data points a calibration compares with the model: those inside the run and up to the holdout
 * time are fitted, those after it are kept to measure the error out of sample.
 */
final class FitPoints {
    final List<String> variables;
    final double[] times;
    final double[][] data;
    final double[] weights;
    final Payoff payoff;
    final int[] fitVar;
    final int[] fitTime;
    final int[] holdVar;
    final int[] holdTime;

    FitPoints(ObservedData observed, List<String> variables, double[] weights, Payoff payoff, double start, double stop,
              double until) {
        this.variables = List.copyOf(variables);
        this.times = observed.times();
        this.data = new double[variables.size()][];
        for (int v = 0; v < variables.size(); v++) {
            data[v] = observed.column(variables.get(v));
        }
        this.weights = weights.clone();
        this.payoff = payoff;
        List<int[]> fit = new ArrayList<>();
        List<int[]> hold = new ArrayList<>();
        double fitEnd = Double.isNaN(until) ? stop : Math.min(stop, until);
        for (int v = 0; v < data.length; v++) {
            for (int i = 0; i < times.length; i++) {
                double t = times[i];
                if (Double.isNaN(data[v][i]) || t < start - 1e-9 || t > stop + 1e-9) {
                    continue;
                }
                (t <= fitEnd + 1e-9 ? fit : hold).add(new int[] {v, i});
            }
        }
        fitVar = fit.stream().mapToInt(a -> a[0]).toArray();
        fitTime = fit.stream().mapToInt(a -> a[1]).toArray();
        holdVar = hold.stream().mapToInt(a -> a[0]).toArray();
        holdTime = hold.stream().mapToInt(a -> a[1]).toArray();
    }

    int size() {
        return fitVar.length;
    }

    /** The model's value of each variable at each data time, linear between save times. */
    double[][] modelAt(RunSeries rs) {
        double[][] out = new double[variables.size()][times.length];
        for (int v = 0; v < out.length; v++) {
            for (int i = 0; i < times.length; i++) {
                out[v][i] = SeriesStats.interpolate(rs.times(), rs.values()[v], times[i]);
            }
        }
        return out;
    }

    double[] residuals(RunSeries rs) {
        double[] r = new double[fitVar.length];
        double[] st = rs.times();
        for (int k = 0; k < r.length; k++) {
            int v = fitVar[k];
            int i = fitTime[k];
            double m = SeriesStats.interpolate(st, rs.values()[v], times[i]);
            r[k] = payoff.residual(m, data[v][i], weights[v]);
        }
        return r;
    }

    /** The payoff (larger is better) of the fitted points. */
    double payoff(RunSeries rs) {
        double s = 0;
        double[][] m = modelAt(rs);
        for (int k = 0; k < fitVar.length; k++) {
            s += payoff.term(m[fitVar[k]][fitTime[k]], data[fitVar[k]][fitTime[k]], weights[fitVar[k]]);
        }
        return s;
    }

    static double sumOfSquares(double[] r) {
        double s = 0;
        for (double x : r) {
            s += x * x;
        }
        return s;
    }

    /** Model and data of one variable at the fitted (holdout false) or held-out points. */
    double[][] pairs(double[][] model, int v, boolean holdout) {
        int[] vs = holdout ? holdVar : fitVar;
        int[] ts = holdout ? holdTime : fitTime;
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < vs.length; k++) {
            if (vs[k] == v) {
                out.add(new double[] {model[v][ts[k]], data[v][ts[k]]});
            }
        }
        double[][] md = new double[2][out.size()];
        for (int k = 0; k < out.size(); k++) {
            md[0][k] = out.get(k)[0];
            md[1][k] = out.get(k)[1];
        }
        return md;
    }
}
