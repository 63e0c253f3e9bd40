package org.clusterdynamics.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModelBuilder;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.SimSpecs;
import org.junit.jupiter.api.Test;

/** Unit inference over equations and the warnings it gives. */
class UnitCheckerTest {

    private static List<Diagnostic> check(ModelBuilder b) {
        Model m = b.build();
        m = m.withSpecs(new SimSpecs(0, 10, 1, 1, Method.EULER, "years"));
        Diagnostics d = new Diagnostics();
        UnitChecker.check(m, d);
        return d.all();
    }

    @Test
    void consistentStockAndFlowsGiveNoWarning() {
        assertTrue(check(ModelBuilder.xmile()
                .stock("firms", "30", List.of("entry"), List.of(), "firms")
                .flow("entry", "firms * entry_rate + 2", "firms/year")
                .aux("entry rate", "0.05", "1/year")).isEmpty());
    }

    @Test
    void flowInWrongUnitsNamesBothUnits() {
        List<Diagnostic> d = check(ModelBuilder.xmile()
                .stock("firms", "30", List.of("entry"), List.of(), "firms")
                .flow("entry", "firms * 2", "firms"));
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).message().contains("firms/year"), d.get(0).message());
        assertEquals("firms", d.get(0).where().variable());
    }

    @Test
    void sumsOfDifferentUnitsAndDimensionedExponentsAreFlagged() {
        List<Diagnostic> d = check(ModelBuilder.xmile()
                .aux("cost", "10", "Rs")
                .aux("count", "3", "products")
                .aux("bad sum", "cost + count", "Rs")
                .aux("bad exp", "EXP(cost)", "dmnl"));
        assertEquals(2, d.size(), d.toString());
        assertTrue(d.get(0).message().contains("Rs vs products"), d.get(0).message());
        assertTrue(d.get(1).message().contains("EXP"), d.get(1).message());
    }

    @Test
    void aliasesPluralsAndPowersAreUnderstood() {
        assertEquals(Units.DIMENSIONLESS, UnitParser.parse("dmnl", java.util.Map.of()));
        Units perYear = UnitParser.parse("1/years", java.util.Map.of());
        assertEquals(UnitParser.parse("yr^-1", java.util.Map.of()), perYear);
        assertEquals(UnitParser.parse("Rs/(SEU*year)", java.util.Map.of()),
                UnitParser.parse("Rs/SEU/year", java.util.Map.of()));
        assertEquals(UnitParser.parse("person", java.util.Map.of()), UnitParser.parse("people",
                java.util.Map.of("people", "person")));
    }
}
