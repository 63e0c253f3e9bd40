package org.clusterdynamics.fit;

/**
 * How well a simulated series matches data (Sterman 1984): R² (the squared correlation), RMSE,
 * MAPE, Theil's inequality coefficient U and the decomposition of the mean squared error into
 * bias (UM), unequal variation (US) and unequal covariation (UC), which sum to 1.
 *
 * @param n data points compared
 * @param mape mean absolute percent error over the points whose data is not zero (percent)
 */
public record FitStatistics(int n, double r2, double rmse, double mape, double theilU, double um, double us,
                            double uc, double meanError) {

    /** Statistics of model values against data at the same points (NaN data points skipped). */
    public static FitStatistics of(double[] model, double[] data) {
        int n = 0;
        double sm = 0;
        double sd = 0;
        for (int i = 0; i < data.length; i++) {
            if (!Double.isNaN(data[i])) {
                n++;
                sm += model[i];
                sd += data[i];
            }
        }
        if (n == 0) {
            return new FitStatistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN);
        }
        double mm = sm / n;
        double md = sd / n;
        double vm = 0;
        double vd = 0;
        double cov = 0;
        double mse = 0;
        double m2 = 0;
        double d2 = 0;
        double ape = 0;
        int nape = 0;
        for (int i = 0; i < data.length; i++) {
            if (Double.isNaN(data[i])) {
                continue;
            }
            double a = model[i] - mm;
            double b = data[i] - md;
            vm += a * a;
            vd += b * b;
            cov += a * b;
            double e = model[i] - data[i];
            mse += e * e;
            m2 += model[i] * model[i];
            d2 += data[i] * data[i];
            if (data[i] != 0) {
                ape += Math.abs(e / data[i]);
                nape++;
            }
        }
        // population moments, as Theil's decomposition needs them to add up
        vm /= n;
        vd /= n;
        cov /= n;
        mse /= n;
        double sM = Math.sqrt(vm);
        double sD = Math.sqrt(vd);
        double r = sM > 0 && sD > 0 ? cov / (sM * sD) : Double.NaN;
        double um = mse > 0 ? (mm - md) * (mm - md) / mse : Double.NaN;
        double us = mse > 0 ? (sM - sD) * (sM - sD) / mse : Double.NaN;
        // UC from its definition 2(1 - r) sM sD / MSE; with r undefined (a flat series) the covariance term is zero
        double uc = mse > 0 ? 2 * ((Double.isNaN(r) ? 0 : sM * sD - cov)) / mse : Double.NaN;
        double denom = Math.sqrt(m2 / n) + Math.sqrt(d2 / n);
        return new FitStatistics(n, Double.isNaN(r) ? Double.NaN : r * r, Math.sqrt(mse),
                nape == 0 ? Double.NaN : 100 * ape / nape, denom > 0 ? Math.sqrt(mse) / denom : Double.NaN, um, us, uc,
                mm - md);
    }
}
