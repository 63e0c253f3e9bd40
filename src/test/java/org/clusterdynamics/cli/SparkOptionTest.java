package org.clusterdynamics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.clusterdynamics.scenario.RunExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --spark} in the ordinary build, which holds no Spark runner: a message on how to get it. */
class SparkOptionTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void withoutTheSparkRunnerTheOptionSaysHowToGetIt() {
        assumeFalse(sparkRunnerPresent(), "this build holds the Spark runner (profile spark); its own tests cover --spark");
        assertEquals(2, Main.commandLine().execute("sensitivity", "docs/examples/sir.xmile", "--vary",
                "Contact Rate=0.3..0.8", "--output", "Infected:max", "--spark", "local[2]"));
        assertEquals(2, Main.commandLine().execute("script", "scripts/baseline.js", "--spark", "local[2]"));
        assertEquals(2, Main.commandLine().execute("calibrate", "docs/examples/sir.xmile", "--data",
                "docs/examples/sir-daily.csv", "--fit", "Contact Rate=0.1..2", "--spark", "local[2]"));
        String err = console.err();
        assertTrue(err.contains("cdyn sensitivity: --spark needs the Spark runner, which this cdyn.jar does not hold:"
                + " build target/cdyn-spark.jar with 'mvn -Pspark package -DskipTests'"), err);
        assertTrue(err.contains("cdyn script: --spark needs the Spark runner"), err);
        assertTrue(err.contains("cdyn calibrate: --spark needs the Spark runner"), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }

    @Test
    void aServicesFileNamingAMissingClassGivesTheSameMessage(@TempDir Path dir) throws Exception {
        // what an ordinary build can keep in target/classes after a build with the profile spark
        Path services = dir.resolve("META-INF/services/" + RunExecutor.Provider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, "org.clusterdynamics.spark.NoSuchSparkProvider\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            assertThrows(java.util.ServiceConfigurationError.class,
                    () -> ServiceLoader.load(RunExecutor.Provider.class, loader).iterator().next());
            assertNull(SparkOption.find(loader));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SparkOption.open("local[2]", loader));
            assertTrue(e.getMessage().startsWith("--spark needs the Spark runner, which this cdyn.jar does not hold:"
                    + " build target/cdyn-spark.jar with 'mvn -Pspark package -DskipTests' and start it with"
                    + " spark-submit"), e.getMessage());
        }
    }

    private static boolean sparkRunnerPresent() {
        try {
            return ServiceLoader.load(RunExecutor.Provider.class).findFirst().isPresent();
        } catch (java.util.ServiceConfigurationError e) {
            // a services file left in target/classes by a build with the profile, without its classes
            return false;
        }
    }
}
