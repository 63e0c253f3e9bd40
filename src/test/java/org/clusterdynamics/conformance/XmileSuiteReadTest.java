package org.clusterdynamics.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.io.xmile.XmileReader;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.Flow;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.Variable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads every XMILE file of the conformance suite with the reader alone: each must read, or
 * fail with the diagnostic its known defect calls for, and every equation must carry the line
 * of its {@code <eqn>} element.
 */
class XmileSuiteReadTest {
    /** Files that cannot be read, with the diagnostic code the reader must give. */
    private static final Map<String, String> UNREADABLE = Map.of(
            "tests/non_negative_flows/test_non_negative_flows.xmile", "XMILE_MALFORMED",
            "tests/non_negative_flows/test_non_negative_flows_behavior.xmile", "XMILE_MALFORMED",
            "samples/display/1style.stmx", "XMILE_NO_EQUATION",
            "samples/display/multipoint-connection.stmx", "XMILE_NO_EQUATION");

    @TestFactory
    Stream<DynamicTest> everyXmileFileReads() throws Exception {
        Optional<Path> root = Suite.root();
        assumeTrue(root.isPresent(), Suite::missingMessage);
        return Suite.cases(root.get()).stream()
                .filter(c -> c.format() == Suite.Format.XMILE)
                .map(c -> DynamicTest.dynamicTest(c.path(), () -> check(c)));
    }

    private static void check(Suite.Case c) throws Exception {
        String code = UNREADABLE.get(c.path());
        if (code != null) {
            ModelException e = assertThrows(ModelException.class, () -> XmileReader.read(c.file()));
            Diagnostic d = e.diagnostics().errors().get(0);
            assertEquals(code, d.code(), e.getMessage());
            assertEquals(c.file().toString(), d.where().file());
            assertTrue(d.where().line() > 0, "the diagnostic names the line: " + d);
            return;
        }
        Model m = XmileReader.read(c.file());
        assertFalse(m.variables().isEmpty(), "a model without variables");
        List<String> lines = Files.readAllLines(c.file(), StandardCharsets.UTF_8);
        List<Variable> all = new ArrayList<>(m.variables());
        m.subModels().values().forEach(s -> all.addAll(s.variables()));
        for (Variable v : all) {
            for (Equation eq : equations(v)) {
                int line = eq.line();
                // a module input's equation is its connection, given at the <module> that holds it
                assertTrue(line > 0 && line <= lines.size() && (lines.get(line - 1).contains("<eqn")
                                || lines.get(line - 1).contains("<module")),
                        () -> v.name() + ": equation '" + eq.text() + "' claims line " + line + ", which has no <eqn>");
            }
        }
    }

    private static List<Equation> equations(Variable v) {
        Definition d = null;
        if (v instanceof Stock s) {
            d = s.initial();
        } else if (v instanceof Flow f) {
            d = f.definition();
        } else if (v instanceof Aux a) {
            d = a.definition();
        }
        List<Equation> out = new ArrayList<>();
        if (d != null) {
            if (d.equation() != null) {
                out.add(d.equation());
            }
            for (ElementDefinition e : d.elements()) {
                if (e.equation() != null) {
                    out.add(e.equation());
                }
            }
        }
        return out;
    }
}
