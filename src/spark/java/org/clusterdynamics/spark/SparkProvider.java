package org.clusterdynamics.spark;

import org.clusterdynamics.scenario.RunExecutor;

/**
 * Finds the Spark runner for {@code --spark MASTER}; it names no Spark type itself, so that it loads
 * even where Spark's classes are missing and the command can say so.
 */
public final class SparkProvider implements RunExecutor.Provider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public RunExecutor open(String master) {
        return SparkRunExecutor.start(master);
    }
}
