package org.clusterdynamics.cli;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.clusterdynamics.scenario.RunExecutor;

/**
 * The {@code --spark MASTER} option of script, calibrate and sensitivity: finds the Spark runner, which
 * only the jar built with the Maven profile {@code spark} holds, and starts it.
 */
final class SparkOption {
    static final String HELP = "Run batches on Apache Spark at MASTER (local[N], spark://HOST:PORT, yarn, or"
            + " 'submit' for the master given to spark-submit); needs cdyn-spark.jar (mvn -Pspark package)";

    private SparkOption() {}

    /** The Spark runner at {@code master}, or null without the option; a clear message when it cannot start. */
    static RunExecutor open(String master) {
        return open(master, Thread.currentThread().getContextClassLoader());
    }

    /** As {@link #open(String)}, looking for the runner with {@code loader}. */
    static RunExecutor open(String master, ClassLoader loader) {
        if (master == null) {
            return null;
        }
        if (master.isBlank()) {
            throw new IllegalArgumentException("--spark needs a master, e.g. local[2] or spark://host:7077");
        }
        RunExecutor.Provider found = find(loader);
        if (found == null) {
            throw new IllegalArgumentException("--spark needs the Spark runner, which this cdyn.jar does not hold:"
                    + " build target/cdyn-spark.jar with 'mvn -Pspark package -DskipTests' and start it with"
                    + " spark-submit (README, section 'Batches on Apache Spark')");
        }
        try {
            return found.open(master);
        } catch (LinkageError e) {
            throw new IllegalArgumentException("--spark: Spark's own classes are not on the class path; start"
                    + " cdyn-spark.jar with spark-submit (README, section 'Batches on Apache Spark')");
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--spark: Spark did not start at " + master + ": "
                    + (e.getMessage() == null ? "no reason given" : e.getMessage().lines().findFirst().orElse("")));
        }
    }

    /**
     * The Spark runner's provider, or null. A services file that names a class missing from the class
     * path (left in target/classes by an older build with the profile) is no runner, not an error.
     */
    static RunExecutor.Provider find(ClassLoader loader) {
        RunExecutor.Provider found = null;
        try {
            Iterator<RunExecutor.Provider> it = ServiceLoader.load(RunExecutor.Provider.class, loader).iterator();
            // ServiceLoader goes on to the next provider after a broken one; a bound keeps a bad loader finite
            for (int i = 0; i < 100; i++) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    RunExecutor.Provider p = it.next();
                    if (p.name().equals("spark")) {
                        found = p;
                    }
                } catch (ServiceConfigurationError | LinkageError e) {
                    // a provider that cannot load: look at the next
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            return found;
        }
        return found;
    }
}
