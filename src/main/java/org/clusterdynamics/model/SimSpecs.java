package org.clusterdynamics.model;

/**
 * Time settings of a run: start, stop, fixed step, save step, method and time units.
 *
 * <p>Vensim writes the control values as equations (they may reference constants), so each
 * number may instead be given as an {@link Equation}; the compiler evaluates those.
 */
public record SimSpecs(
        double start,
        double stop,
        double dt,
        double saveStep,
        Method method,
        String timeUnits) {

    public SimSpecs withStart(double v) {
        return new SimSpecs(v, stop, dt, saveStep, method, timeUnits);
    }

    public SimSpecs withStop(double v) {
        return new SimSpecs(start, v, dt, saveStep, method, timeUnits);
    }

    public SimSpecs withDt(double v) {
        return new SimSpecs(start, stop, v, saveStep, method, timeUnits);
    }

    public SimSpecs withSaveStep(double v) {
        return new SimSpecs(start, stop, dt, v, method, timeUnits);
    }

    public SimSpecs withMethod(Method m) {
        return new SimSpecs(start, stop, dt, saveStep, m, timeUnits);
    }
}
