package org.clusterdynamics.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clusterdynamics.model.Method;

/**
 * Settings of one run that override the model's: method, time span, step, save step, and the
 * values of constants (by name as written or canonical; array elements as {@code name[elem]}).
 * NaN or null means "as in the model".
 */
public record RunOptions(
        Method method,
        double start,
        double stop,
        double dt,
        double saveStep,
        Map<String, Double> constants,
        long seed) implements java.io.Serializable {

    public RunOptions {
        constants = constants == null ? Map.of() : Map.copyOf(constants);
    }

    public static RunOptions defaults() {
        return new RunOptions(null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Map.of(), 0L);
    }

    public RunOptions withMethod(Method m) {
        return new RunOptions(m, start, stop, dt, saveStep, constants, seed);
    }

    public RunOptions withStart(double v) {
        return new RunOptions(method, v, stop, dt, saveStep, constants, seed);
    }

    public RunOptions withStop(double v) {
        return new RunOptions(method, start, v, dt, saveStep, constants, seed);
    }

    public RunOptions withDt(double v) {
        return new RunOptions(method, start, stop, v, saveStep, constants, seed);
    }

    public RunOptions withSaveStep(double v) {
        return new RunOptions(method, start, stop, dt, v, constants, seed);
    }

    public RunOptions withSeed(long s) {
        return new RunOptions(method, start, stop, dt, saveStep, constants, s);
    }

    public RunOptions withConstant(String name, double value) {
        Map<String, Double> m = new LinkedHashMap<>(constants);
        m.put(name, value);
        return new RunOptions(method, start, stop, dt, saveStep, m, seed);
    }

    public RunOptions withConstants(Map<String, Double> more) {
        Map<String, Double> m = new LinkedHashMap<>(constants);
        m.putAll(more);
        return new RunOptions(method, start, stop, dt, saveStep, m, seed);
    }
}
