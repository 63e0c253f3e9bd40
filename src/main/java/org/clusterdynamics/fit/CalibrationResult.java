package org.clusterdynamics.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clusterdynamics.scenario.Table;

/**
 * What a calibration found: the estimates with 95% intervals (from the covariance at the optimum,
 * and from the profile likelihood), their correlations, the payoff, per data variable the fit
 * statistics (and those after the holdout time), the series behind the data-against-fit chart, and
 * how many trial runs there were and failed.
 *
 * @param scale the variance the intervals assume: 1 for a likelihood with known scale, else the
 *              residual variance (minimised sum / (points - parameters))
 * @param profileAtBound per parameter {lower, upper}: true where the profile interval stops at the range's bound
 */
public record CalibrationResult(List<FitParameter> parameters, double[] fitted, double[] standardErrors,
                                double[] waldLo, double[] waldHi, double[] profileLo, double[] profileHi,
                                boolean[][] profileAtBound, double[][] correlation, Payoff payoff, double payoffValue,
                                double objective, int points, double scale, boolean scaleEstimated,
                                List<VariableFit> variables, double until, Calibration.Method method, boolean converged,
                                int runs, int failedRuns, String firstFailure, String dataSource, String modelFile) {

    /**
     * One data variable: its data, the fitted model's series, and the fit statistics before and after
     * the holdout time (null when nothing is held out).
     */
    public record VariableFit(String name, double weight, double[] dataTimes, double[] data, double[] modelTimes,
                              double[] model, double[] modelAtData, FitStatistics fit, FitStatistics holdout) {}

    /** The fitted values by parameter name. */
    public Map<String, Double> values() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int j = 0; j < parameters.size(); j++) {
            m.put(parameters.get(j).name(), fitted[j]);
        }
        return m;
    }

    public int index(String name) {
        for (int j = 0; j < parameters.size(); j++) {
            if (parameters.get(j).name().equalsIgnoreCase(name.strip())) {
                return j;
            }
        }
        throw new IllegalArgumentException("no fitted parameter '" + name + "'; fitted: "
                + String.join(", ", parameters.stream().map(FitParameter::name).toList()));
    }

    /** One row per parameter: range, estimate, standard error, both 95% intervals. */
    public Table parametersTable() {
        List<List<Object>> rows = new ArrayList<>();
        for (int j = 0; j < parameters.size(); j++) {
            FitParameter f = parameters.get(j);
            rows.add(List.of(f.name(), f.lo(), f.hi(), fitted[j], standardErrors[j], waldLo[j], waldHi[j],
                    profileLo[j], profileHi[j], profileAtBound[j][0] || profileAtBound[j][1]
                            ? (profileAtBound[j][0] ? "lower " : "") + (profileAtBound[j][1] ? "upper" : "") : ""));
        }
        return new Table(List.of("parameter", "lo", "hi", "estimate", "std error", "95% lo (covariance)",
                "95% hi (covariance)", "95% lo (profile)", "95% hi (profile)", "profile at bound"), rows);
    }

    /** The correlation matrix of the estimates. */
    public Table correlationTable() {
        List<String> cols = new ArrayList<>();
        cols.add("parameter");
        parameters.forEach(f -> cols.add(f.name()));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            List<Object> r = new ArrayList<>();
            r.add(parameters.get(i).name());
            for (int j = 0; j < parameters.size(); j++) {
                r.add(correlation[i][j]);
            }
            rows.add(r);
        }
        return new Table(cols, rows);
    }

    /** Per data variable and window (fit, holdout): n, R², RMSE, MAPE, Theil's U and UM/US/UC. */
    public Table statisticsTable() {
        List<List<Object>> rows = new ArrayList<>();
        for (VariableFit v : variables) {
            rows.add(row(v.name(), "fit", v.fit()));
            if (v.holdout() != null) {
                rows.add(row(v.name(), "holdout", v.holdout()));
            }
        }
        return new Table(List.of("variable", "window", "points", "R2", "RMSE", "MAPE %", "Theil U", "UM", "US", "UC",
                "mean error"), rows);
    }

    private static List<Object> row(String name, String window, FitStatistics s) {
        return List.of(name, window, (double) s.n(), s.r2(), s.rmse(), s.mape(), s.theilU(), s.um(), s.us(), s.uc(),
                s.meanError());
    }

    /** Data and fitted model at every data time: Time, then "X (data)" and "X (model)" per variable. */
    public Table seriesTable() {
        List<String> cols = new ArrayList<>();
        cols.add("Time");
        for (VariableFit v : variables) {
            cols.add(v.name() + " (data)");
            cols.add(v.name() + " (model)");
        }
        double[] t = variables.get(0).dataTimes();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            List<Object> r = new ArrayList<>();
            r.add(t[i]);
            for (VariableFit v : variables) {
                r.add(v.data()[i]);
                r.add(v.modelAtData()[i]);
            }
            rows.add(r);
        }
        return new Table(cols, rows);
    }

    /** The fitted values as a settings file for {@code cdyn run --set-file} and scripts. */
    public String settingsText() {
        return Settings.format(values(), List.of("calibrated by cdyn calibrate: model " + modelFile + ", data "
                + dataSource, "payoff " + payoff.label() + String.format(Locale.ROOT, " = %.8g", payoffValue)
                + ", method " + method.name().toLowerCase(Locale.ROOT) + (Double.isNaN(until) ? ""
                : ", fitted up to " + DataReader.format(until))));
    }

    /** A plain-text summary for the terminal. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "payoff (%s): %.8g   minimised sum: %.8g   points: %d%s%n",
                payoff.label(), payoffValue, objective, points, converged ? "" : "   (search stopped before converging)"));
        sb.append(String.format(Locale.ROOT, "trial runs: %d, failed: %d%s%n", runs, failedRuns,
                firstFailure == null ? "" : " (first: " + firstFailure + ")"));
        sb.append(parametersTable().format());
        sb.append(statisticsTable().format());
        if (parameters.size() > 1) {
            sb.append("correlation of the estimates:\n").append(correlationTable().format());
        }
        return sb.toString();
    }
}
