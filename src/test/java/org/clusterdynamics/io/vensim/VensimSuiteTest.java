package org.clusterdynamics.io.vensim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.model.Dialect;
import org.clusterdynamics.model.Model;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every .mdl file of the conformance suite, and World3, reads without error (or fails for a listed reason). */
class VensimSuiteTest {

    /** Files that cannot be read as shipped, with a fragment of the diagnostic that says why. */
    private static final Map<String, String> UNREADABLE = Map.of(
            // the model asks for data.xls and data.csv; the folder holds data.xlsx and 'data down.csv' only
            "tests/get_constants/test_get_constants.mdl", "data.csv",
            // data variables without equations: Vensim fills them from a run's data file (see the next test)
            "tests/data_from_other_model/test_data_from_other_model.mdl", "no data file has a column");

    private static Path suite() {
        String p = System.getProperty("cdyn.testModels");
        Path dir = p == null ? null : Path.of(p);
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "conformance suite not found: " + p);
        return dir;
    }

    @TestFactory
    Stream<DynamicTest> everySuiteModelReads() throws IOException {
        Path dir = suite();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(f -> f.toString().endsWith(".mdl")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no .mdl files under " + dir);
        return files.stream().map(f -> DynamicTest.dynamicTest(dir.relativize(f).toString(), () -> {
            String key = dir.relativize(f).toString().replace('\\', '/');
            String reason = UNREADABLE.get(key);
            if (reason != null) {
                ModelException e = assertThrows(ModelException.class, () -> VensimReader.read(f));
                assertTrue(e.getMessage().contains(reason), e.getMessage());
            } else {
                Model m = VensimReader.read(f);
                assertEquals(Dialect.VENSIM, m.dialect());
                assertFalse(m.variables().isEmpty());
            }
        }));
    }

    @Test
    void unreadableListNamesExistingFiles() {
        Path dir = suite();
        for (String f : UNREADABLE.keySet()) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), "listed as unreadable but missing: " + f);
        }
    }

    @Test
    void dataVariablesReadTheSuitesDataFile() {
        Path folder = suite().resolve("tests/data_from_other_model");
        Assumptions.assumeTrue(Files.isRegularFile(folder.resolve("data.tab")));
        Model m = VensimReader.read(folder.resolve("test_data_from_other_model.mdl"), List.of(folder.resolve("data.tab")));
        org.clusterdynamics.model.Aux v = assertInstanceOf(org.clusterdynamics.model.Aux.class,
                m.variable("var 3dim").orElseThrow());
        assertEquals(12, v.definition().elements().size(), "3 x 2 x 2 elements, each with its column");
    }

    @Test
    void world3Reads() {
        Path world3 = Path.of(System.getProperty("cdyn.testModels", "../shared/test-models"))
                .resolveSibling("bench/models/world3-03/wrld3-03.mdl");
        Assumptions.assumeTrue(Files.isRegularFile(world3), "World3 not found at " + world3);
        Model m = VensimReader.read(world3);
        assertTrue(m.variables().size() > 200, "World3 has a few hundred variables, got " + m.variables().size());
        assertEquals(1900.0, m.specs().start());
        assertTrue(m.specs().stop() > m.specs().start());
    }
}
