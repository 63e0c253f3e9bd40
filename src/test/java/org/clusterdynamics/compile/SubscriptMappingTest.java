package org.clusterdynamics.compile;

import static org.clusterdynamics.compile.CompiledRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.clusterdynamics.io.vensim.VensimReader;
import org.clusterdynamics.sim.Results;
import org.junit.jupiter.api.Test;

/**
 * Vensim's subscript mappings as its reference ("Mapping of Subscript Ranges") defines them: a range
 * that appears on the right of an equation but not on the left takes the element its mapping pairs
 * with the left's element, positionally, by listed elements, by listed subranges (many to one), and
 * with several mappings on one range; subranges of a larger dimension on both sides.
 */
class SubscriptMappingTest {

    private static Results runText(String equations) {
        return run(VensimReader.read("{UTF-8}\n" + equations + """
                INITIAL TIME = 0 ~~|
                FINAL TIME = 1 ~~|
                TIME STEP = 1 ~~|
                SAVEPER = TIME STEP ~~|
                """, Path.of("mapping.mdl")));
    }

    @Test
    void theReferencesGeneralMappingPairsElementsAsListed() {
        Results r = runText("""
                Rhsub: rh1, rh2 -> (Lhsub: lh1, lh2), (Lhbigger: Lhbsubr1, Lhbsubr2), (lhopposite: lho2, lho1) ~~|
                Lhsub: lh1, lh2 ~~|
                Lhbigger: lhb1, lhb2, lhb3, lhb4 ~~|
                Lhbsubr1: lhb1, lhb3 ~~|
                Lhbsubr2: lhb2, lhb4 ~~|
                lhopposite: lho1, lho2 ~~|
                y[Rhsub] = 1, 2 ~~|
                same[Lhsub] = y[Rhsub] * 100 ~~|
                bigger[Lhbigger] = y[Rhsub] ~~|
                opposite[lhopposite] = y[Rhsub] * 10 ~~|
                """);
        assertEquals(100, r.finalValue("same[lh1]"), 0);
        assertEquals(200, r.finalValue("same[lh2]"), 0);
        assertEquals(1, r.finalValue("bigger[lhb1]"), 0);
        assertEquals(2, r.finalValue("bigger[lhb2]"), 0);
        assertEquals(1, r.finalValue("bigger[lhb3]"), 0);
        assertEquals(2, r.finalValue("bigger[lhb4]"), 0);
        assertEquals(20, r.finalValue("opposite[lho1]"), 0);
        assertEquals(10, r.finalValue("opposite[lho2]"), 0);
    }

    @Test
    void severalMappingsOnTheRangeOfTheLeftSide() {
        Results r = runText("""
                DimA: A1, A2, A3 -> (DimB: B3, B2, B1), DimC ~~|
                DimB: B1, B2, B3 ~~|
                DimC: C1, C2, C3 ~~|
                b[DimB] = 1, 2, 3 ~~|
                c[DimC] = 10, 20, 30 ~~|
                a[DimA] = b[DimB] + c[DimC] ~~|
                """);
        assertEquals(13, r.finalValue("a[A1]"), 0);
        assertEquals(22, r.finalValue("a[A2]"), 0);
        assertEquals(31, r.finalValue("a[A3]"), 0);
    }

    @Test
    void subrangesInsideALargerDimension() {
        Results r = runText("""
                COP: C1, C2 ~~|
                ROW: R1 ~~|
                Region: COP, ROW ~~|
                RS CO2 FF[Region] = 1, 2, 3 ~~|
                share[COP] = RS CO2 FF[COP] / SUM(RS CO2 FF[COP!]) ~~|
                emissions[Region] = 0 ~~|
                emissions[COP] = RS CO2 FF[COP] * 10 ~~|
                """);
        assertEquals(2.0 / 3, r.finalValue("share[C2]"), 1e-15);
        assertEquals(20, r.finalValue("emissions[C2]"), 0);
        assertEquals(0, r.finalValue("emissions[R1]"), 0);
    }

    /**
     * C-LEARN's pattern (issue 13, "RS CO2 FF[COP]"): a lookup table defined element by element over a
     * dimension with subranges, called with an input over the whole dimension, over a subrange, inside SUM
     * with a bang (SUM(RS CO2 FF[COP!](Time))), and weighted by a variable defined subrange by subrange.
     */
    @Test
    void aSubscriptedLookupCalledOverADimensionItsSubrangesAndInsideSum() {
        Results r = runText("""
                COP: A1, A2, B1 ~~|
                COP Developed: A1, A2 ~~|
                Agg: Dev, Undev -> (COP: COP Developed, B1) ~~|
                RS CO2 FF[A1]((0,1),(10,11)) ~~|
                RS CO2 FF[A2]((0,2),(10,22)) ~~|
                RS CO2 FF[B1]((0,3),(10,33)) ~~|
                em[COP] = RS CO2 FF[COP](Time) ~~|
                glob = SUM(RS CO2 FF[COP!](Time)) ~~|
                share[COP] = ZIDZ(RS CO2 FF[COP](Time), glob) ~~|
                dev sum = SUM(RS CO2 FF[COP Developed!](Time)) ~~|
                weight[COP Developed] = 1 ~~|
                weight[B1] = 10 ~~|
                weighted total = SUM(weight[COP!] * RS CO2 FF[COP!](Time)) ~~|
                """);
        // at time 1 the tables give 2, 4 and 6
        assertEquals(4, r.finalValue("em[A2]"), 0);
        assertEquals(12, r.finalValue("glob"), 0);
        assertEquals(0.5, r.finalValue("share[B1]"), 0);
        assertEquals(6, r.finalValue("dev sum"), 0);
        assertEquals(2 + 4 + 60, r.finalValue("weighted total"), 0);
    }
}
