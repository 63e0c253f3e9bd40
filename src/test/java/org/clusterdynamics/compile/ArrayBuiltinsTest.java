package org.clusterdynamics.compile;

import static org.clusterdynamics.compile.CompiledRuns.onlyError;
import static org.clusterdynamics.compile.CompiledRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModelBuilder;
import org.clusterdynamics.sim.Results;
import org.junit.jupiter.api.Test;

/** Vensim's array-valued builtins, from models built in code, with values worked out by hand. */
class ArrayBuiltinsTest {

    private static ModelBuilder threeElements() {
        return ModelBuilder.vensim().time(0, 2, 1).dimension("d", "a1", "a2", "a3")
                .arrayAux("x", List.of("d"), "10, 20, 30")
                .arrayAux("sel", List.of("d"), "0, 1, 2");
    }

    @Test
    void vectorSelectReducesOverTheSelectedElements() {
        Model m = threeElements()
                .arrayAux("none", List.of("d"), "0, 0, 0")
                .aux("weighted sum", "VECTOR SELECT(sel[d!], x[d!], -1, 0, 0)")
                .aux("weighted min", "VECTOR SELECT(sel[d!], x[d!], -1, 2, 0)")
                .aux("mean", "VECTOR SELECT(sel[d!], x[d!], -1, 10, 0)")
                .aux("power product", "VECTOR SELECT(sel[d!], x[d!], -1, 5, 0)")
                .aux("missing", "VECTOR SELECT(none[d!], x[d!], -1, 0, 0)")
                .aux("by time", "VECTOR SELECT(sel[d!], x[d!], -1, Time + 8, 0)")
                .build();
        Results r = run(m);
        assertEquals(20 + 2 * 30, r.finalValue("weighted sum"), 1e-12);
        assertEquals(20, r.finalValue("weighted min"), 1e-12);
        assertEquals(25, r.finalValue("mean"), 1e-12);
        assertEquals(20 * 30 * 30, r.finalValue("power product"), 1e-9); // x^s, as Vensim computes it
        assertEquals(-1, r.finalValue("missing"));
        // actions 8, 9, 10 at times 0, 1, 2: unweighted min, max and mean
        assertEquals(20, r.valueAt("by time", 0), 1e-12);
        assertEquals(30, r.valueAt("by time", 1), 1e-12);
        assertEquals(25, r.valueAt("by time", 2), 1e-12);
    }

    @Test
    void vectorSelectOverADimensionTheEquationAlsoBinds() {
        // d! runs over every element while the plain d stays the element being defined
        Model m = threeElements().arrayAux("w", List.of("d"), "1, 2, 3")
                .arrayAux("out", List.of("d"), "VECTOR SELECT(sel[d!], x[d] + w[d!], 0, 6, 0)").build();
        Results r = run(m);
        assertEquals((10 + 2) + (10 + 3), r.finalValue("out[a1]"), 1e-12);
        assertEquals((30 + 2) + (30 + 3), r.finalValue("out[a3]"), 1e-12);
    }

    @Test
    void vectorSelectErrorActionStopsTheRunWhenNothingIsSelected() {
        Model m = threeElements().arrayAux("none", List.of("d"), "0, 0, 0")
                .aux("strict", "VECTOR SELECT(none[d!], x[d!], -1, 0, 1)").build();
        ModelException e = assertThrows(ModelException.class, () -> run(m));
        assertEquals("strict", e.diagnostics().errors().get(0).where().variable());
    }

    @Test
    void sortOrderRankAndReorderWorkAlongTheLastSubscript() {
        Model m = ModelBuilder.vensim().time(0, 1, 1).dimension("d", "a1", "a2", "a3")
                .dimension("s", "s1", "s2", "s3").dimension("row", "r1", "r2")
                .arrayAux("x", List.of("d"), "30, 10, 20")
                .arrayAux("up", List.of("s"), "VECTOR SORT ORDER(x[d], 1)")
                .arrayAux("down", List.of("d"), "VECTOR SORT ORDER(x[d], 0)")
                .arrayAux("rank", List.of("d"), "VECTOR RANK(x[d], 1)")
                .arrayAux("sorted", List.of("s"), "VECTOR REORDER(x[d], up[s])")
                .arrayAux("m", List.of("row", "d"), "3, 1, 2; 5, 6, 4")
                .arrayAux("rows up", List.of("row", "d"), "VECTOR SORT ORDER(m[row, d], 1)")
                .build();
        Results r = run(m);
        assertEquals(1, r.finalValue("up[s1]")); // 0-based positions: x[a2] = 10 is smallest
        assertEquals(2, r.finalValue("up[s2]"));
        assertEquals(0, r.finalValue("up[s3]"));
        assertEquals(0, r.finalValue("down[a1]"));
        assertEquals(1, r.finalValue("down[a3]"));
        assertEquals(3, r.finalValue("rank[a1]")); // 1-based ranks
        assertEquals(1, r.finalValue("rank[a2]"));
        assertEquals(2, r.finalValue("rank[a3]"));
        assertEquals(10, r.finalValue("sorted[s1]"));
        assertEquals(30, r.finalValue("sorted[s3]"));
        assertEquals(1, r.finalValue("rows up[r1,a1]"));
        assertEquals(2, r.finalValue("rows up[r2,a1]")); // each row sorted on its own: 4 is at a3
        assertEquals(1, r.finalValue("rows up[r2,a3]"));
    }

    @Test
    void sortOrderFollowsValuesThatChangeDuringTheRun() {
        Model m = ModelBuilder.vensim().time(0, 2, 1).dimension("d", "a1", "a2")
                .arrayAux("x", List.of("d"), "IF THEN ELSE(d = 1, 1.5, Time)")
                .arrayAux("first", List.of("d"), "VECTOR SORT ORDER(x[d], 1)").build();
        Results r = run(m);
        assertEquals(1, r.valueAt("first[a1]", 0)); // 0 < 1.5
        assertEquals(1, r.valueAt("first[a1]", 1));
        assertEquals(0, r.valueAt("first[a1]", 2)); // 1.5 < 2
    }

    @Test
    void elmMapOffsetsFromTheNamedElement() {
        Model m = threeElements()
                .arrayAux("same", List.of("d"), "VECTOR ELM MAP(x[a1], d - 1)")
                .arrayAux("next", List.of("d"), "IF THEN ELSE(d = 3, 0, VECTOR ELM MAP(x[d], 1))").build();
        Results r = run(m);
        assertEquals(20, r.finalValue("same[a2]"));
        assertEquals(30, r.finalValue("same[a3]"));
        assertEquals(20, r.finalValue("next[a1]"));
        assertEquals(0, r.finalValue("next[a3]"));
    }

    @Test
    void allocateByPriorityServesHigherPrioritiesFirstWithinTheWidth() {
        // rectangular curves of width 3 around priorities 2, 4, 3: a2 alone until supply 2, then a2 and a3
        Model m = ModelBuilder.vensim().time(0, 25, 1).dimension("d", "a1", "a2", "a3")
                .arrayAux("request", List.of("d"), "10, 6, 3")
                .arrayAux("priority", List.of("d"), "2, 4, 3")
                .aux("supply", "IF THEN ELSE(Time = 1, 1, IF THEN ELSE(Time = 2, 5, Time))")
                .arrayAux("shipped", List.of("d"),
                        "ALLOCATE BY PRIORITY(request[d], priority[d], ELMCOUNT(d), 3, supply)")
                .aux("total", "SUM(shipped[d!])").build();
        Results r = run(m);
        assertEquals(1, r.valueAt("shipped[a2]", 1), 1e-9);
        assertEquals(0, r.valueAt("shipped[a3]", 1), 1e-9);
        // supply 5: 15.5 - 3x = 5 at market priority x = 3.5, where a1's curve starts
        assertEquals(4, r.valueAt("shipped[a2]", 2), 1e-9);
        assertEquals(1, r.valueAt("shipped[a3]", 2), 1e-9);
        assertEquals(0, r.valueAt("shipped[a1]", 2), 1e-9);
        for (double t = 1; t <= 19; t++) {
            assertEquals(r.valueAt("supply", t), r.valueAt("total", t), 1e-9, "supply is conserved at " + t);
        }
        assertEquals(10, r.valueAt("shipped[a1]", 25), 1e-12); // enough for every request
        assertEquals(19, r.valueAt("total", 25), 1e-12);
    }

    @Test
    void allocateAvailableReadsProfilesFromTheNamedFirstElement() {
        Model m = ModelBuilder.vensim().time(0, 2, 1).dimension("d", "a1", "a2", "a3")
                .dimension("pprofile", "ptype", "ppriority", "pwidth", "pextra")
                .arrayAux("request", List.of("d"), "10, 6, 3")
                .arrayAux("rect", List.of("d", "pprofile"), "1, 2, 3, 0; 1, 4, 3, 0; 1, 3, 3, 0")
                .arrayAux("normal", List.of("d", "pprofile"), "3, 5, 2, 0; 3, 5, 2, 0; 3, 8, 1, 0")
                .arrayAux("same as by priority", List.of("d"), "ALLOCATE AVAILABLE(request[d], rect[d, ptype], 5)")
                .arrayAux("by normal", List.of("d"), "ALLOCATE AVAILABLE(request[d], normal[d, ptype], 9)")
                .aux("normal total", "SUM(by normal[d!])").build();
        Results r = run(m);
        assertEquals(4, r.finalValue("same as by priority[a2]"), 1e-9);
        assertEquals(1, r.finalValue("same as by priority[a3]"), 1e-9);
        assertEquals(9, r.finalValue("normal total"), 1e-9);
        // equal profiles receive equal fractions of their requests
        assertEquals(r.finalValue("by normal[a1]") / 10, r.finalValue("by normal[a2]") / 6, 1e-12);
        assertTrue(r.finalValue("by normal[a3]") / 3 > r.finalValue("by normal[a1]") / 10, "a3 has priority");
    }

    @Test
    void allocateAvailableRejectsProfileTypesItCannotCompute() {
        Diagnostic d = onlyError(ModelBuilder.vensim().dimension("d", "a1", "a2")
                .dimension("pprofile", "ptype", "ppriority", "pwidth", "pextra")
                .arrayAux("request", List.of("d"), "1, 2")
                .arrayAux("fixed", List.of("d", "pprofile"), "0, 1, 1, 0; 0, 1, 1, 0")
                .arrayAux("out", List.of("d"), "ALLOCATE AVAILABLE(request[d], fixed[d, ptype], 1)").build());
        assertEquals("E012", d.code());
        assertTrue(d.message().contains("profile type 0"), d.message());
    }

    @Test
    void allocateByPriorityNeedsTheSizeOfItsVectors() {
        Diagnostic d = onlyError(ModelBuilder.vensim().dimension("d", "a1", "a2")
                .arrayAux("request", List.of("d"), "1, 2")
                .arrayAux("out", List.of("d"), "ALLOCATE BY PRIORITY(request[d], request[d], 3, 1, 1)").build());
        assertEquals("E012", d.code());
        assertTrue(d.message().contains("ELMCOUNT(d)"), d.message());
    }

    @Test
    void invertMatrixInvertsTheLastTwoSubscriptsOfEachMatrix() {
        Model m = ModelBuilder.vensim().time(0, 1, 1).dimension("k", "k1", "k2")
                .dimension("i", "i1", "i2").dimension("j", "j1", "j2")
                .arrayAux("m", List.of("k", "i", "j"), "4, 7; 2, 6; 1, 0; 0, 2")
                .arrayAux("inv", List.of("k", "i", "j"), "INVERT MATRIX(m[k, i, j], 2)").build();
        Results r = run(m);
        assertEquals(0.6, r.finalValue("inv[k1,i1,j1]"), 1e-12);
        assertEquals(-0.7, r.finalValue("inv[k1,i1,j2]"), 1e-12);
        assertEquals(-0.2, r.finalValue("inv[k1,i2,j1]"), 1e-12);
        assertEquals(0.4, r.finalValue("inv[k1,i2,j2]"), 1e-12);
        assertEquals(0.5, r.finalValue("inv[k2,i2,j2]"), 1e-12);
        assertEquals(0, r.finalValue("inv[k2,i1,j2]"), 1e-12);
    }

    @Test
    void invertMatrixNeedsTwoDimensions() {
        Diagnostic d = onlyError(ModelBuilder.vensim().dimension("i", "i1", "i2")
                .arrayAux("m", List.of("i"), "1, 2")
                .arrayAux("inv", List.of("i"), "INVERT MATRIX(m[i], 2)").build());
        assertEquals("E006", d.code());
    }

    @Test
    void getTimeValueIsTheCurrentOrInitialTimePlusTheOffset() {
        Model m = ModelBuilder.vensim().time(-2, 3, 0.5)
                .aux("now", "GET TIME VALUE(0, 1.5, 0)").aux("start", "GET TIME VALUE(1, 1.5, 0)").build();
        Results r = run(m);
        assertEquals(2.5, r.valueAt("now", 1), 1e-12);
        assertEquals(-0.5, r.valueAt("start", 1), 1e-12);
        Diagnostic d = onlyError(ModelBuilder.vensim().aux("month", "GET TIME VALUE(0, 0, 3)").build());
        assertEquals("E012", d.code());
    }

    @Test
    void elementsThatFeedOtherElementsOfTheSameArraysAreOrderedElementByElement() {
        // a supply chain as a beer game writes it: each stage's incoming orders are the orders placed
        // by the stage before, and a stage's orders follow its incoming orders; no element loops
        Model m = ModelBuilder.vensim().time(0, 2, 1).dimension("stage", "retailer", "wholesaler", "factory")
                .arrayAux("incoming", List.of("stage"),
                        "IF THEN ELSE(stage = 1, demand, VECTOR ELM MAP(placed[retailer], stage - 2))")
                .arrayAux("placed", List.of("stage"), "incoming[stage] + 1")
                .aux("demand", "4 + Time").build();
        Results r = run(m);
        assertEquals(6, r.valueAt("incoming[factory]", 0), 1e-12);
        assertEquals(7, r.valueAt("placed[factory]", 0), 1e-12);
        assertEquals(9, r.valueAt("placed[factory]", 2), 1e-12);
    }
}
