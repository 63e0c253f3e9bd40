package org.clusterdynamics.io.vensim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.Dialect;
import org.clusterdynamics.model.Dimension;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.Macro;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.Variable;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;
import org.junit.jupiter.api.Test;

class VensimReaderTest {

    static final String CONTROL = """
            ********************************************************
            \t.Control
            ********************************************************~
            \t\tSimulation Control Parameters
            \t|

            FINAL TIME  = 20
            \t~\tMonth
            \t~\tThe final time for the simulation.
            \t|

            INITIAL TIME  = 2
            \t~\tMonth
            \t~\tThe initial time for the simulation.
            \t|

            SAVEPER  =\s
                    TIME STEP * 2
            \t~\tMonth [0,?]
            \t~\tThe frequency with which output is stored.
            \t|

            TIME STEP  = 0.25
            \t~\tMonth [0,?]
            \t~\tThe time step for the simulation.
            \t|

            \\\\\\---/// Sketch information - do not modify anything except names
            V300  Do not put anything below this section - it will be ignored
            *View 1
            $192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|96,96,100,0
            10,1,a ~ b | c,481,197,40,20,3,3,0,0,0,0,0,0
            ///---\\\\\\
            """;

    static Model read(String equations) {
        return VensimReader.read("{UTF-8}\n" + equations + "\n" + CONTROL, Path.of("inline.mdl"));
    }

    static Aux aux(Model m, String name) {
        return assertInstanceOf(Aux.class, m.variable(name).orElseThrow(() -> new AssertionError("no " + name)));
    }

    static Stock stock(Model m, String name) {
        return assertInstanceOf(Stock.class, m.variable(name).orElseThrow(() -> new AssertionError("no " + name)));
    }

    static List<Diagnostic> errors(String equations) {
        ModelException e = assertThrows(ModelException.class, () -> read(equations));
        return e.diagnostics().errors();
    }

    @Test
    void auxiliaryKeepsVensimTextUnitsDocumentationAndLine() {
        Model m = read("""
                Births =
                \tPopulation * "birth rate"
                \t~\tPeople/Month [0, 100, 1]
                \t~\tChildren born
                \t\tper month.
                \t|

                "birth rate" = 0.1 ~ 1/Month ~ |
                """);
        assertEquals(Dialect.VENSIM, m.dialect());
        Aux births = aux(m, "births");
        assertEquals("Population * \"birth rate\"", births.definition().equation().text());
        assertEquals(2, births.line(), "the record starts on line 2 after {UTF-8}");
        assertEquals(2, births.definition().equation().line());
        assertEquals("People/Month", births.units());
        assertTrue(births.documentation().startsWith("Children born"));
        assertEquals("birth rate", aux(m, "birth_rate").name().asWritten());
        assertEquals(9, aux(m, "birth rate").line());
    }

    @Test
    void timeBaseIsStartPlusTimeTimesSlopeAndReinitialHoldsTheStartValue() {
        // the control section runs from 2 to 20 with TIME STEP 0.25
        Model m = read("""
                decimal year = TIME BASE(1970, 1/12) ~ Year ~|
                level = INTEG(1, 0) ~~|
                first level = REINITIAL(level + 5) ~~|
                """);
        assertEquals("(1970) + Time * (1/12)", aux(m, "decimal year").definition().equation().text());
        Results r = Simulator.run(ModelCompiler.compile(m), RunOptions.defaults());
        assertEquals(1970 + 2 / 12.0, r.valueAt("decimal year", 2), 1e-12);
        assertEquals(1970 + 20 / 12.0, r.valueAt("decimal year", 20), 1e-12);
        assertEquals(5, r.valueAt("first level", 20), 0, "the value at the start, not re-evaluated");
        assertEquals(18, r.valueAt("level", 20), 1e-9);
    }

    @Test
    void theSavedSettingsGiveTheIntegrationMethodAndUnitEquivalences() {
        String equations = """
                stock = INTEG(inflow, 0) ~ Widget ~|
                inflow = 2 ~ Widgets/Months ~|
                """;
        Model plain = read(equations);
        assertEquals(Method.EULER, plain.specs().method(), "no settings block: Vensim's default");
        assertTrue(plain.unitAliases().isEmpty());
        // the block Vensim writes after the sketch; a DEL character may follow ':L'
        Model saved = VensimReader.read("{UTF-8}\n" + equations + "\n" + CONTROL
                + ":L\u007f<%^E!@\n1:Current.vdfx\n9:Z:\\models\\Current\n15:0,0,0,5,0,0\n22:$,Dollar,Dollars,$s\n"
                + "22:Month,Months\n22:Widget,Widgets\n", Path.of("saved.mdl"));
        assertEquals(Method.RK4, saved.specs().method());
        assertEquals("Month", saved.unitAliases().get("months"));
        assertEquals("Dollar", saved.unitAliases().get("$s"));
        assertFalse(saved.unitAliases().containsKey("month"), "a unit is not its own alias");
        for (String[] c : new String[][] {{"0", "EULER"}, {"2", "EULER"}, {"1", "RK4"}, {"3", "RK2"}, {"4", "RK2"}}) {
            Model m = VensimReader.read("{UTF-8}\n" + equations + "\n" + CONTROL + ":L<%^E!@\n15:0,0,0," + c[0]
                    + ",0,0\n", Path.of("m.mdl"));
            assertEquals(Method.valueOf(c[1]), m.specs().method(), "method code " + c[0]);
        }
        // with the equivalences, Widgets/Months is the stock's units (Widget) per unit of time (Month)
        org.clusterdynamics.diag.Diagnostics withAliases = new org.clusterdynamics.diag.Diagnostics();
        org.clusterdynamics.check.UnitChecker.check(saved, withAliases);
        assertTrue(withAliases.all().isEmpty(), withAliases.all().toString());
        org.clusterdynamics.diag.Diagnostics without = new org.clusterdynamics.diag.Diagnostics();
        org.clusterdynamics.check.UnitChecker.check(plain, without);
        assertFalse(without.all().isEmpty(), "without them Widgets and Widget differ");
    }

    @Test
    void dimensionsAndArraysTooLargeToHoldAreRefusedBeforeTheyAreListed() {
        List<Diagnostic> range = errors("d: (x1-x100000000) ~~|\nv[d] = 1 ~~|\n");
        assertTrue(range.get(0).message().contains("has 100000000 elements, more than the 100000 a range may have"),
                range.toString());
        // each dimension is allowed, their product is not
        Model m = read("d: (x1-x3000) ~~|\ne: (y1-y3000) ~~|\nv[d, e] = 1 ~~|\n");
        ModelException e = assertThrows(ModelException.class, () -> ModelCompiler.compile(m));
        Diagnostic d = e.diagnostics().errors().get(0);
        assertEquals("E014", d.code());
        assertTrue(d.message().contains("'v' has 9000000 elements"), d.message());
    }

    @Test
    void vensimsPlaceholderEquationIsNamedAsSuch() {
        Model m = read("x = A FUNCTION OF(y) ~~|\ny = 1 ~~|\n");
        ModelException e = assertThrows(ModelException.class, () -> ModelCompiler.compile(m));
        Diagnostic d = e.diagnostics().errors().get(0);
        assertEquals("x", d.where().variable());
        assertTrue(d.message().contains("still Vensim's placeholder 'A FUNCTION OF(...)'"), d.message());
    }

    @Test
    void controlSectionGivesSimSpecsAndStaysVariables() {
        Model m = read("x = 1 ~~|");
        assertEquals(2.0, m.specs().start());
        assertEquals(20.0, m.specs().stop());
        assertEquals(0.25, m.specs().dt());
        assertEquals(0.5, m.specs().saveStep(), "SAVEPER = TIME STEP * 2 is folded");
        assertEquals(Method.EULER, m.specs().method());
        assertEquals("Month", m.specs().timeUnits());
        assertEquals("TIME STEP * 2", aux(m, "SAVEPER").definition().equation().text());
        assertTrue(m.variable("TIME STEP").isPresent());
    }

    @Test
    void controlValueThatIsNotArithmeticIsNaN() {
        String text = CONTROL.replace("FINAL TIME  = 20", "FINAL TIME  = MAX(horizon, 3)");
        Model m = VensimReader.read("horizon = 30 ~~|\n" + text, Path.of("x.mdl"));
        assertTrue(Double.isNaN(m.specs().stop()));
        assertEquals(2.0, m.specs().start());
    }

    @Test
    void integBecomesStockWithNetRateAndInitial() {
        Model m = read("""
                Level[r] = INTEG (MAX(inflow[r], 0) - "out, flow"[r],
                \t\tinit level * SUM(w[r!])) ~ Widgets ~ |
                r: (r1-r3) ~~|
                """);
        Stock s = stock(m, "level");
        assertEquals("MAX(inflow[r], 0) - \"out, flow\"[r]", s.netRate().equation().text());
        assertEquals("init level * SUM(w[r!])", s.initial().equation().text());
        assertTrue(s.inflows().isEmpty() && s.outflows().isEmpty());
        assertEquals(List.of("r"), s.dimensions());
        assertEquals("Widgets", s.units());
    }

    @Test
    void integWithWrongArgumentCountIsAnError() {
        List<Diagnostic> errs = errors("s = INTEG(a) ~~|");
        assertEquals(1, errs.size());
        assertTrue(errs.get(0).message().contains("INTEG takes two arguments"), errs.get(0).message());
        assertEquals(2, errs.get(0).where().line());
    }

    @Test
    void lookupDefinitionsInAllThreeForms() {
        Model m = read("""
                with range(
                \t[(0,0)-(10,10)],(0,1),(5,\\
                \t\t2),(10,4)) ~~|
                old style((0,1),(5,2),(10,4)) ~~|
                flat(0, 5, 10, 1, 2, 4) ~~|
                unsorted((10,4),(0,1),(5,2)) ~~|
                """);
        for (String n : List.of("with range", "old style", "flat", "unsorted")) {
            Definition d = aux(m, n).definition();
            assertNull(d.equation(), n + " is a standalone table");
            GraphicalFunction gf = d.graphicalFunction();
            assertArrayEquals(new double[] {0, 5, 10}, gf.xs(), n);
            assertArrayEquals(new double[] {1, 2, 4}, gf.ys(), n);
            assertEquals(1.5, gf.lookup(2.5), 1e-12, n);
        }
    }

    @Test
    void malformedLookupSaysHowToWriteIt() {
        List<Diagnostic> errs = errors("t((0,1),(5)) ~~|");
        assertTrue(errs.get(0).message().contains("(x,y)"), errs.get(0).message());
        assertEquals("t", errs.get(0).where().variable());
    }

    @Test
    void withLookupAndOtherCallsStayInTheEquation() {
        Model m = read("y = WITH LOOKUP(Time, ([(0,0)-(2,2)],(0,0),(2,2))) ~~|\n"
                + "z = IF THEN ELSE(a :AND: b, DELAY FIXED(x, 1, 0), 0) ~~|");
        assertEquals("WITH LOOKUP(Time, ([(0,0)-(2,2)],(0,0),(2,2)))", aux(m, "y").definition().equation().text());
        assertEquals("IF THEN ELSE(a :AND: b, DELAY FIXED(x, 1, 0), 0)", aux(m, "z").definition().equation().text());
    }

    @Test
    void constantListsBecomeElementDefinitions() {
        Model m = read("""
                a[d2] = 1, 2.5, -3 ~~|
                b[d1, d2] = 1, 2, 3;
                \t4, 5, 6; ~~|
                d1: x, y ~~|
                d2: p, q, r ~~|
                """);
        List<ElementDefinition> a = aux(m, "a").definition().elements();
        assertEquals(3, a.size());
        assertEquals(List.of("r"), a.get(2).subscripts());
        assertEquals("-3", a.get(2).equation().text());
        List<ElementDefinition> b = aux(m, "b").definition().elements();
        assertEquals(6, b.size());
        assertEquals(List.of("y", "p"), b.get(3).subscripts());
        assertEquals("4", b.get(3).equation().text());
        assertEquals(List.of("d1", "d2"), aux(m, "b").dimensions());
    }

    @Test
    void tabbedArrayIsAConstantList() {
        Model m = read("t[d1, d2] = TABBED ARRAY(\n\t1\t2\t3\n\t4\t5\t-6) ~~|\nd1: x, y ~~|\nd2: p, q, r ~~|");
        List<ElementDefinition> t = aux(m, "t").definition().elements();
        assertEquals(6, t.size());
        assertEquals(List.of("y", "r"), t.get(5).subscripts());
        assertEquals("-6", t.get(5).equation().text());
    }

    @Test
    void constantListOfWrongLengthIsAnError() {
        List<Diagnostic> errs = errors("a[d] = 1, 2, 3 ~~|\nd: (e1-e2) ~~|");
        assertTrue(errs.get(0).message().contains("3 values"), errs.get(0).message());
    }

    @Test
    void subscriptRangesResolveNumericSubrangesMappingsAndEquivalences() {
        Model m = read("""
                x = 1 ~~|
                all: first, sub, (e08-e10) ~~|
                sub: s1, s2 ~~|
                other: o1, o2 -> sub ~~|
                alias <-> sub ~~|
                copy: sub ~~|
                """);
        assertEquals(List.of("first", "s1", "s2", "e08", "e09", "e10"), m.dimension("all").orElseThrow().elements());
        Dimension other = m.dimension("other").orElseThrow();
        assertEquals(List.of("sub"), other.mapsTo());
        assertEquals(List.of("s1", "s2"), m.dimension("alias").orElseThrow().elements());
        assertEquals(List.of("sub"), m.dimension("alias").orElseThrow().mapsTo());
        assertEquals(List.of("s1", "s2"), m.dimension("copy").orElseThrow().elements());
    }

    @Test
    void badNumericRangeIsAnErrorWithTheLine() {
        List<Diagnostic> errs = errors("x = 1 ~~|\nd: (a5-b9) ~~|");
        assertEquals(3, errs.get(0).where().line());
        assertTrue(errs.get(0).message().contains("(a5-b9)"));
    }

    @Test
    void elementDefinitionsExceptAndInferredDimension() {
        Model m = read("""
                v[region, sec] :EXCEPT: [c, sec a], [a, y] = 1 ~~|
                v[c, sec a] = 2 ~~|
                v[a, y] = 3 ~~|
                p[x] = 1 ~~|
                p[z] = 2 ~~|
                region: a, b, c ~~|
                sec: x, y, z, w ~~|
                sec a: x, z ~~|
                """);
        Aux v = aux(m, "v");
        assertEquals(List.of("region", "sec"), v.dimensions());
        List<ElementDefinition> els = v.definition().elements();
        assertEquals(3, els.size());
        assertEquals(List.of(List.of("c", "x"), List.of("c", "z"), List.of("a", "y")), els.get(0).except());
        assertEquals(List.of("c", "sec a"), els.get(1).subscripts());
        assertEquals(List.of("sec a"), aux(m, "p").dimensions(), "the smallest range holding x and z");
    }

    @Test
    void elementwiseStocks() {
        Model m = read("""
                pop[young] = INTEG(births - aging[young], 10) ~~|
                pop[older] = INTEG(aging[prev] - aging[older], 5) ~ People ~ |
                age: young, mid, old ~~|
                older: mid, old ~~|
                prev: young, mid -> older ~~|
                """);
        Stock s = stock(m, "pop");
        assertEquals(List.of("age"), s.dimensions());
        assertEquals(2, s.initial().elements().size());
        assertEquals("aging[prev] - aging[older]", s.netRate().elements().get(1).equation().text());
        assertEquals("People", s.units());
    }

    @Test
    void mixingStockAndNonStockElementsIsAnError() {
        List<Diagnostic> errs = errors("s[a] = INTEG(1, 0) ~~|\ns[b] = 3 ~~|\nd: a, b ~~|");
        assertTrue(errs.get(0).message().contains("INTEG"), errs.get(0).message());
    }

    @Test
    void unknownSubscriptIsAnError() {
        List<Diagnostic> errs = errors("s[nowhere] = 1 ~~|");
        assertTrue(errs.get(0).message().contains("nowhere"), errs.get(0).message());
    }

    @Test
    void macrosKeepParametersOutputsAndBody() {
        Model m = read("""
                :MACRO: SMOOTHIT(input, delay time : level)
                SMOOTHIT = level ~ ~ |
                level = INTEG((input - level) / delay time, input) ~~|
                :END OF MACRO:
                out = SMOOTHIT(Time, 2 : lev) ~~|
                """);
        assertEquals(1, m.macros().size());
        Macro mac = m.macros().get(0);
        assertEquals("SMOOTHIT", mac.name().asWritten());
        assertEquals(List.of("input", "delay time"), mac.parameters());
        assertEquals(List.of("level"), mac.extraOutputs());
        assertEquals(2, mac.body().size());
        assertInstanceOf(Stock.class, mac.body().get(1));
        assertFalse(m.variable("level").isPresent(), "macro variables stay inside the macro");
        assertTrue(m.variable("out").isPresent());
    }

    @Test
    void quotedNamesCommentsAndContinuations() {
        Model m = read("""
                {a comment before} "odd | name ~ here" = 4 ~~|
                "Stock with \\n Newline" = INTEG ( "odd | name ~ here" {inline note} \\
                \t\t+ 1, 2) ~~|
                "say \\"hi\\"" = 1 ~~|
                """);
        assertEquals("4", aux(m, "\"odd | name ~ here\"").definition().equation().text());
        Stock s = stock(m, "Stock with \\n Newline");
        assertEquals("\"odd | name ~ here\" + 1", s.netRate().equation().text());
        assertTrue(m.variable("\"say \\\"hi\\\"\"").isPresent());
    }

    @Test
    void realityChecksAreSkippedAndUnitRangesDropped() {
        Model m = read("""
                cond:THE CONDITION: x = 0 :IMPLIES: y = 0 ~~|
                probe[r]:TEST INPUT: x[r] = 0 ~~|
                r: a, b ~~|
                u = 1 ~ Month [0, 10] ~ |
                """);
        assertFalse(m.variable("cond").isPresent());
        assertFalse(m.variable("probe").isPresent());
        assertEquals("Month", aux(m, "u").units());
    }

    @Test
    void dataVariableWithoutEquationNeedsADataFile() {
        List<Diagnostic> errs = errors("d[r]:HOLD BACKWARD: ~~|\nr: a, b ~~|");
        assertTrue(errs.get(0).message().contains("d[a]"), errs.get(0).message());
    }

    @Test
    void unterminatedEquationFailsWithLineAndNoModel() {
        ModelException e = assertThrows(ModelException.class,
                () -> VensimReader.read("a = 1 ~~|\n\nb = a +\n 2 ~ units", Path.of("bad.mdl")));
        Diagnostic d = e.diagnostics().errors().get(0);
        assertEquals(3, d.where().line());
        assertEquals("bad.mdl", d.where().file());
        assertTrue(d.message().contains("'|'"), d.message());
    }

    @Test
    void unclosedQuoteIsReported() {
        ModelException e = assertThrows(ModelException.class,
                () -> VensimReader.read("a = 1 ~~|\n\"b = 2 ~~|\n", Path.of("q.mdl")));
        assertTrue(e.getMessage().contains("quote"), e.getMessage());
    }

    @Test
    void unknownKeywordIsAnError() {
        List<Diagnostic> errs = errors("x :SOMETHING: = 1 ~~|");
        assertTrue(errs.get(0).message().contains("SOMETHING"), errs.get(0).message());
    }

    @Test
    void missingControlVariableIsAnError() {
        ModelException e = assertThrows(ModelException.class,
                () -> VensimReader.read("x = 1 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|", Path.of("c.mdl")));
        assertTrue(e.getMessage().contains("INITIAL TIME"), e.getMessage());
    }

    @Test
    void scalarDefinedTwiceIsAnError() {
        List<Diagnostic> errs = errors("x = 1 ~~|\nx = 2 ~~|");
        assertEquals(3, errs.get(0).where().line());
    }

    @Test
    void variablesKeepFileOrder() {
        Model m = read("b = 1 ~~|\na = 2 ~~|");
        List<String> names = m.variables().stream().map(Variable::name).map(Object::toString).toList();
        assertTrue(names.indexOf("b") < names.indexOf("a"));
    }
}
