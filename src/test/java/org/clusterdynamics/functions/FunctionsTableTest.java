package org.clusterdynamics.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.expr.Builtin;
import org.clusterdynamics.expr.RefusedFunctions;
import org.clusterdynamics.io.vensim.VensimReader;
import org.clusterdynamics.io.xmile.XmileReader;
import org.clusterdynamics.model.Model;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds {@code docs/functions.md} to the engine: every refused row, called in a small model of its
 * dialect, stops the model with an error naming the function; every supported row is a function the
 * engine knows; the totals in the document count the rows.
 */
class FunctionsTableTest {
    private static final Path DOC = Path.of("docs/functions.md");
    /** Vensim functions the reader handles itself, before the expression stage. */
    private static final Set<String> READER_FORMS = Set.of("if_then_else", "time_base", "get_direct_constants",
            "get_direct_data", "get_direct_lookups", "get_direct_subscript", "get_xls_constants", "get_xls_data",
            "get_xls_lookups", "get_xls_subscript", "tabbed_array");
    /** Names the compiler reads as keywords rather than as builtins (SELF inside PREVIOUS). */
    private static final Set<String> COMPILER_FORMS = Set.of("self");

    record Row(String dialect, String name, boolean refused, String example, String reason) {}

    static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        String dialect = null;
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                dialect = line.substring(3).strip();
                continue;
            }
            if (!line.startsWith("| ") || line.startsWith("| function") || dialect == null
                    || !(dialect.equals("Vensim") || dialect.equals("Stella"))) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            String status = f[2].strip();
            String example = f[4].strip().replace("`", "");
            out.add(new Row(dialect, f[1].strip(), status.equals("refused"), example, f[3].strip()));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> refusedFunctionsAreNamedInTheError() throws IOException {
        return rows().stream().filter(Row::refused).map(r -> DynamicTest.dynamicTest(r.dialect() + " " + r.name(),
                () -> {
                    try {
                        ModelCompiler.compile(model(r));
                        fail(r.name() + " now compiles: mark it supported in " + DOC + " and update the totals");
                    } catch (ModelException e) {
                        String said = e.getMessage().toLowerCase(Locale.ROOT).replace('_', ' ');
                        assertTrue(said.contains(r.name().toLowerCase(Locale.ROOT)), r.name()
                                + " is refused without being named: " + e.getMessage());
                        assertFalse(said.contains("exception"), e.getMessage());
                        assertTrue(e.getMessage().contains(r.reason()), r.name() + " is refused without its reason ("
                                + r.reason() + "): " + e.getMessage());
                    }
                }));
    }

    private static Model model(Row r) {
        if (r.dialect().equals("Vensim")) {
            return VensimReader.read("{UTF-8}\nx = 1 ~~|\nt((0,0),(1,1)) ~~|\ny = " + r.example() + " ~~|\n"
                    + "INITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n",
                    Path.of("functions.mdl"));
        }
        return XmileReader.read("<xmile version=\"1.0\"><sim_specs><start>0</start><stop>1</stop><dt>1</dt>"
                + "</sim_specs><model><variables><aux name=\"x\"><eqn>1</eqn></aux><aux name=\"y\"><eqn>"
                + r.example().replace("<", "&lt;") + "</eqn></aux></variables></model></xmile>", Path.of("functions.stmx"));
    }

    /** The document's reasons are the engine's: each refused row matches refused-functions.tsv, and back. */
    @Test
    void refusalReasonsComeFromTheEngine() throws IOException {
        Map<String, String> doc = new LinkedHashMap<>();
        for (Row r : rows()) {
            if (r.refused()) {
                doc.put(r.dialect() + ": " + r.name(), r.reason());
            }
        }
        Map<String, String> engine = new LinkedHashMap<>();
        for (RefusedFunctions.Refusal r : RefusedFunctions.all().values()) {
            engine.put(r.dialect() + ": " + r.written(), r.reason());
        }
        assertEquals(engine, doc, "docs/functions.md's refused rows and their reasons must be those of"
                + " src/main/resources/org/clusterdynamics/expr/refused-functions.tsv");
    }

    @Test
    void supportedFunctionsAreKnownToTheEngine() throws IOException {
        for (Row r : rows()) {
            if (!r.refused()) {
                String id = r.name().toLowerCase(Locale.ROOT).replace(' ', '_');
                assertTrue(Builtin.find(id).isPresent() || READER_FORMS.contains(id) || COMPILER_FORMS.contains(id), r.dialect() + " " + r.name()
                        + " is marked supported but the engine has no builtin of that name");
            }
        }
    }

    @Test
    void totalsCountTheRows() throws IOException {
        List<Row> rows = rows();
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        for (String d : List.of("Vensim", "Stella")) {
            long all = rows.stream().filter(r -> r.dialect().equals(d)).count();
            long refused = rows.stream().filter(r -> r.dialect().equals(d) && r.refused()).count();
            String line = "| " + d + " | " + all + " | " + (all - refused) + " | " + refused + " |";
            assertTrue(doc.contains(line), "the totals should read: " + line);
        }
        assertEquals(rows.size(), rows.stream().map(r -> r.dialect() + r.name()).distinct().count(), "a row twice");
    }
}
