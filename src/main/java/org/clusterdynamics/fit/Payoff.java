package org.clusterdynamics.fit;

import java.util.Locale;
import org.hipparchus.special.Gamma;

/**
 * How model values are compared with data, after Vensim's calibration payoffs: a payoff to maximise
 * (a negative sum of squares, or a log-likelihood) and, per data point, a deviance residual whose
 * squares sum to the quantity minimised (the sum of squares, or twice the log-likelihood lost
 * against a perfect fit). The weight W of a variable means, per payoff:
 * <ul>
 * <li>{@code sse}: ignored; payoff = -sum (m - d)^2 (Vensim *C with weight 1);</li>
 * <li>{@code wsse}: a scale; payoff = -sum (W (m - d))^2 (Vensim *C);</li>
 * <li>{@code gaussian}: W = 1/sigma; payoff = sum [-(W (m - d))^2 / 2 + ln W - ln sqrt(2 pi)], the normal
 * log-likelihood (Vensim *CG);</li>
 * <li>{@code poisson}: multiplies each term; payoff = sum W [d ln m - m - ln d!] (counts);</li>
 * <li>{@code negbin}: W = the dispersion alpha (variance m + alpha m^2); payoff = sum [ln G(d + 1/alpha) -
 * ln G(1/alpha) - ln d! + d ln(alpha m / (1 + alpha m)) - ln(1 + alpha m) / alpha].</li>
 * </ul>
 */
public enum Payoff {
    SSE, WSSE, GAUSSIAN, POISSON, NEGBIN;

    private static final double LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    /** Model values of count payoffs are kept above this, as a rate of zero makes any count impossible. */
    private static final double TINY = 1e-10;

    public static Payoff parse(String s) {
        for (Payoff p : values()) {
            if (p.name().equalsIgnoreCase(s.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown payoff '" + s + "'; use sse, wsse, gaussian, poisson or negbin");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the payoff is a log-likelihood with a known scale, so intervals need no estimated variance. */
    public boolean isLikelihood() {
        return this == GAUSSIAN || this == POISSON || this == NEGBIN;
    }

    /** True when data must be counts (non-negative). */
    public boolean needsCounts() {
        return this == POISSON || this == NEGBIN;
    }

    /** One data point's contribution to the payoff (larger is better). */
    public double term(double m, double d, double w) {
        switch (this) {
            case SSE: return -(m - d) * (m - d);
            case WSSE: return -(w * (m - d)) * (w * (m - d));
            case GAUSSIAN: {
                double z = w * (m - d);
                return -z * z / 2 + Math.log(w) - LN_SQRT_2PI;
            }
            case POISSON: {
                double mu = Math.max(m, TINY);
                return w * (d * Math.log(mu) - mu - Gamma.logGamma(d + 1));
            }
            default: {
                double mu = Math.max(m, TINY);
                double k = 1 / w;
                return Gamma.logGamma(d + k) - Gamma.logGamma(k) - Gamma.logGamma(d + 1)
                        + d * Math.log(w * mu / (1 + w * mu)) - k * Math.log1p(w * mu);
            }
        }
    }

    /** The signed deviance residual of one point: its square is what the point adds to the minimised sum. */
    public double residual(double m, double d, double w) {
        switch (this) {
            case SSE: return m - d;
            case WSSE:
            case GAUSSIAN: return w * (m - d);
            case POISSON: {
                double mu = Math.max(m, TINY);
                double dev = 2 * w * ((d > 0 ? d * Math.log(d / mu) : 0) - (d - mu));
                return Math.copySign(Math.sqrt(Math.max(0, dev)), m - d);
            }
            default: {
                double mu = Math.max(m, TINY);
                double dev = 2 * ((d > 0 ? d * Math.log(d / mu) : 0)
                        - (d + 1 / w) * Math.log((1 + w * d) / (1 + w * mu)));
                return Math.copySign(Math.sqrt(Math.max(0, dev)), m - d);
            }
        }
    }
}
