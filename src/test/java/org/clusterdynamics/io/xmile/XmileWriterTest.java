package org.clusterdynamics.io.xmile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.io.vensim.VensimReader;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Flow;
import org.clusterdynamics.model.Macro;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.ModelBuilder;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmileWriterTest {
    private static final Set<String> CONTROLS = Set.of("initial time", "final time", "time step", "saveper");

    @TempDir
    Path dir;

    /** A Vensim model of the given equations run from 0 to 10 by 0.25, saving every 0.5. */
    static Model vensim(String equations) {
        return VensimReader.read("{UTF-8}\n" + equations + """

                INITIAL TIME = 0 ~ Month ~ |
                FINAL TIME = 10 ~ Month ~ |
                TIME STEP = 0.25 ~ Month ~ |
                SAVEPER = 0.5 ~ Month ~ |
                \\\\\\---/// Sketch information - do not modify anything except names
                """, null);
    }

    static Model roundTrip(Model m) {
        return XmileReader.read(XmileWriter.write(m), null);
    }

    static Results run(Model m) {
        return Simulator.run(ModelCompiler.compile(m), RunOptions.defaults());
    }

    /** Every column of the original run but Vensim's control variables, unchanged after conversion. */
    static void assertSameResults(Model original, Model converted) {
        Results a = run(original);
        Results b = run(converted);
        assertArrayEquals(a.times(), b.times(), 1e-12, "save times");
        int compared = 0;
        for (String n : a.names()) {
            if (CONTROLS.contains(VarName.outputKey(n))) {
                continue;
            }
            assertTrue(b.has(n), "converted run lacks column " + n + "; it has " + b.names());
            assertArrayEquals(a.column(n), b.column(n), 1e-9 * (1 + Math.abs(a.finalValue(n))), n);
            compared++;
        }
        assertTrue(compared > 0, "no column compared");
    }

    static List<String> ids(List<VarName> names) {
        return names.stream().map(VarName::id).toList();
    }

    @Test
    void vensimFunctionsKeepTheirMeaningUnderXmileNames() {
        Model m = vensim("""
                input = 10 + 5 * SIN(Time) + Time ~~|
                tau = 2 ~~|
                order = 3 ~~|
                s1 = SMOOTH(input, tau) ~~|
                s1i = SMOOTHI(input, tau, 4) ~~|
                s3 = SMOOTH3(input, tau) ~~|
                s3i = SMOOTH3I(input, tau, 4) ~~|
                sn = SMOOTH N(input, tau, 5, order) ~~|
                d1 = DELAY1(input, tau) ~~|
                d1i = DELAY1I(input, tau, 3) ~~|
                d3 = DELAY3(input, tau) ~~|
                d3i = DELAY3I(input, tau, 3) ~~|
                dn = DELAY N(input, tau, 2, order) ~~|
                df = DELAY FIXED(input, 1.5, 7) ~~|
                z = ZIDZ(input, Time - 3) ~~|
                x = XIDZ(input, Time - 3, -1) ~~|
                p = POWER(input, 0.5) ~~|
                first = INITIAL(input) ~~|
                pulse a = PULSE(2, 1.5) ~~|
                pulse b = PULSE(3, 0) ~~|
                pulse c = PULSE(1, Time - 4) ~~|
                truncated = INTEGER(input - 15) ~~|
                remainder = MODULO(input - 20, 3) ~~|
                tr = TREND(input, tau, 0) ~~|
                fc = FORECAST(input, tau, 3) ~~|
                sampled = SAMPLE IF TRUE(Time > 2 :AND: :NOT: Time > 6, input, 0) ~~|
                train = PULSE TRAIN(1, 0.5, 2, 8) ~~|
                ramped = RAMP(2, 1, 5) ~~|
                stepped = STEP(3, 2) ~~|
                logic = IF THEN ELSE(input > 12 :OR: Time < 1, 1, 0) ~~|
                rounded = QUANTUM(input, 0.7) + LN(input) + EXP(-Time) + ABS(SIN(Time)) + MIN(input, 12) ~~|
                logarithm = LOG(input, 3) ~~|
                """);
        String xml = XmileWriter.write(m);
        for (String spelling : List.of("SMTH1(input, tau)", "SMTH1(input, tau, 4)", "SMTH3(input, tau)",
                "SMTH3(input, tau, 4)", "SMTHN(input, tau, order, 5)", "DELAY1(input, tau, 3)",
                "DELAY3(input, tau, 3)", "DELAY_N(input, tau, 2, order)", "DELAY(input, 1.5, 7)",
                "SAFEDIV(input, TIME - 3)", "SAFEDIV(input, TIME - 3, -1)", "input ^ 0.5", "INIT(input)",
                "STEP(1, 2) - STEP(1, 2 + 1.5)", "STEP(1, 3) - STEP(1, 3 + DT)",
                "STEP(1, 1) - STEP(1, 1 + (IF TIME - 4 &lt;= 0 THEN DT ELSE TIME - 4))",
                "INTEGER(input - 15)", "MODULO(input - 20, 3)", "LN(input) / LN(3)", "TIME &gt; 2 AND NOT (TIME &gt; 6)",
                "IF input &gt; 12 OR TIME &lt; 1 THEN 1 ELSE 0")) {
            assertTrue(xml.contains(spelling), spelling + " not in\n" + xml);
        }
        assertSameResults(m, XmileReader.read(xml, null));
    }

    @Test
    void controlVariablesBecomeSimSpecsAndTheirReferencesXmileBuiltins() {
        Model m = vensim("""
                horizon = TIME STEP * 4 + INITIAL TIME + FINAL TIME ~~|
                interval = SAVEPER * 2 ~~|
                """);
        String xml = XmileWriter.write(m);
        assertTrue(xml.contains("<sim_specs method=\"Euler\" time_units=\"Month\">"), xml);
        assertTrue(xml.contains("<start>0</start>") && xml.contains("<stop>10</stop>") && xml.contains("<dt>0.25</dt>")
                && xml.contains("<savestep>0.5</savestep>"), xml);
        assertTrue(xml.contains("<eqn>DT * 4 + STARTTIME + STOPTIME</eqn>"), xml);
        Model back = XmileReader.read(xml, null);
        assertEquals(Set.of("horizon", "interval", "saveper"),
                Set.copyOf(back.variables().stream().map(v -> v.name().id()).toList()),
                "the control variables are gone but SAVEPER, which XMILE lacks, is a constant");
        assertEquals("0.5", ((Aux) back.variable("SAVEPER").orElseThrow()).definition().equation().text());
        assertEquals(0.25, back.specs().dt());
        assertEquals(0.5, back.specs().saveStep());
        assertSameResults(m, back);
    }

    @Test
    void aStockWhoseRateAddsAndSubtractsAuxiliariesGetsThemAsFlows() {
        Model m = vensim("""
                Population = INTEG(births - deaths, 100) ~ people ~ |
                births = Population * 0.1 ~ people/Month ~ |
                deaths = Population / life ~ people/Month ~ |
                life = 20 ~ Month ~ |
                Graveyard = INTEG(deaths, 0) ~ people ~ |
                """);
        Model back = roundTrip(m);
        Stock pop = (Stock) back.variable("Population").orElseThrow();
        assertEquals(List.of("births"), ids(pop.inflows()));
        assertEquals(List.of("deaths"), ids(pop.outflows()));
        assertEquals(List.of("deaths"), ids(((Stock) back.variable("Graveyard").orElseThrow()).inflows()),
                "a flow may drain one stock and fill another");
        assertInstanceOf(Flow.class, back.variable("births").orElseThrow());
        assertInstanceOf(Aux.class, back.variable("life").orElseThrow());
        assertEquals(5, back.variables().size(), "no flow added");
        assertSameResults(m, back);
    }

    @Test
    void anyOtherRateBecomesOneAddedNetFlowWithAFreshName() {
        Model m = vensim("""
                S = INTEG(-S / tau + 1, 10) ~ widgets ~ |
                tau = 3 ~~|
                S net flow = 7 ~~|
                T = INTEG(x - x, 1) ~~|
                x = 2 ~~|
                """);
        String xml = XmileWriter.write(m);
        Model back = XmileReader.read(xml, null);
        Stock s = (Stock) back.variable("S").orElseThrow();
        assertEquals(List.of("s_net_flow_2"), ids(s.inflows()), "'S net flow' is taken");
        Flow net = (Flow) back.variable("S net flow 2").orElseThrow();
        assertEquals("-S / tau + 1", net.definition().equation().text());
        assertEquals("widgets/Month", net.units());
        assertTrue(net.documentation().contains("Added by cdyn convert"), net.documentation());
        assertEquals(List.of("t_net_flow"), ids(((Stock) back.variable("T").orElseThrow()).inflows()),
                "a flow cannot both fill and drain one stock");
        assertInstanceOf(Aux.class, back.variable("x").orElseThrow());
        assertSameResults(m, back);
    }

    @Test
    void arraysAreWrittenElementByElementWhereVensimUsesSubrangesAndExcept() {
        Model m = vensim("""
                dim: a1, a2, a3 ~~|
                sub: a2, a3 ~~|
                other: b1, b2, b3 ~~|
                base[dim] = 1, 2, 3 ~~|
                grow[dim] = base[dim] * Time ~~|
                total = SUM(grow[dim!]) + VMIN(grow[dim!]) * VMAX(grow[dim!]) ~~|
                part = SUM(grow[sub!]) ~~|
                position[dim] = dim * 10 ~~|
                mixed[dim] :EXCEPT: [a2] = grow[dim] + position[dim] ~~|
                mixed[a2] = -1 ~~|
                over sub[sub] = grow[sub] * 2 ~~|
                partial[dim] :EXCEPT: [sub] = 0 ~~|
                partial[sub] = grow[sub] + position[sub] + sub ~~|
                twisted[other] :EXCEPT: [b1] = grow[other] ~~|
                twisted[b1] = 5 ~~|
                grid[dim, other] = base[dim] * Time + other ~~|
                grid total[other] = SUM(grid[dim!, other]) ~~|
                level[dim] = INTEG(grow[dim], base[dim]) ~~|
                """);
        Diagnostics notes = new Diagnostics();
        String xml = XmileWriter.write(m, notes);
        assertFalse(xml.contains("EXCEPT"), xml);
        assertTrue(xml.contains("<element subscript=\"a2\">"), xml);
        assertTrue(xml.contains("<eqn>grow[a3] + position[a3] + 3</eqn>"), "subrange element named, position as"
                + " a number:\n" + xml);
        assertTrue(xml.contains("<eqn>grow[2]</eqn>"), "other matches dim by position:\n" + xml);
        assertTrue(xml.contains("SUM(grow[*])") && xml.contains("SUM(grid[*, other])"), xml);
        assertTrue(xml.contains("SUM(grow[sub!])"), "a sum over a subrange has no XMILE form:\n" + xml);
        assertTrue(notes.all().stream().anyMatch(d -> d.code().equals("XMILE_WRITE_BANG")), notes.toString());
        assertSameResults(m, XmileReader.read(xml, null));
    }

    @Test
    void subscriptMappingsBecomeTheDimensionMappedOntoOrTheElement() {
        Model m = vensim("""
                DimA: a1, a2, a3 -> DimB ~~|
                DimB: b1, b2, b3 ~~|
                source[DimB] = 1, 2, 3 ~~|
                mapped[DimA] = source[DimB] * Time + DimB ~~|
                implicit[DimA] = source * 2 ~~|
                per[DimA] :EXCEPT: [a1] = source[DimB] + DimB ~~|
                per[a1] = 0 ~~|
                """);
        Diagnostics notes = new Diagnostics();
        String xml = XmileWriter.write(m, notes);
        assertTrue(xml.contains("<eqn>source[DimA] * TIME + DimA</eqn>"), xml);
        assertTrue(xml.contains("<eqn>source[DimA] * 2</eqn>"), xml);
        assertTrue(xml.contains("<eqn>source[b3] + 3</eqn>"), xml);
        assertTrue(notes.all().stream().anyMatch(d -> d.code().equals("XMILE_WRITE_MAPPING")), notes.toString());
        assertSameResults(m, XmileReader.read(xml, null));
    }

    @Test
    void elementsVensimLeavesUndefinedAreZero() {
        Model m = vensim("""
                dim: b1, b2, b3 ~~|
                partial[b1] = 5 ~~|
                partial[b3] = Time ~~|
                total = SUM(partial[dim!]) ~~|
                """);
        Diagnostics notes = new Diagnostics();
        String xml = XmileWriter.write(m, notes);
        assertTrue(xml.contains("<element subscript=\"b2\">\n          <eqn>0</eqn>"), xml);
        assertTrue(notes.all().stream().anyMatch(d -> d.code().equals("XMILE_WRITE_UNDEFINED")
                && d.message().contains("partial[b2]")), notes.toString());
        assertSameResults(m, XmileReader.read(xml, null));
    }

    @Test
    void elementNamesReadAsValuesBecomeTheirPositions() {
        Model m = vensim("""
                dim: b1, b2, b3 ~~|
                sub: b2, b3 ~~|
                which[dim] = IF THEN ELSE(dim = b2, 10, 0) + IF THEN ELSE(b3 > 2, 1, 0) ~~|
                """);
        String xml = XmileWriter.write(m);
        assertTrue(xml.contains("<eqn>(IF dim = 2 THEN 10 ELSE 0) + (IF 3 &gt; 2 THEN 1 ELSE 0)</eqn>"), xml);
        assertSameResults(m, XmileReader.read(xml, null));
    }

    @Test
    void vectorBuiltinsKeepTheirDimensionNames() {
        Model m = vensim("""
                dim: b1, b2, b3 ~~|
                values[dim] = MODULO(Time * dim, 4) ~~|
                order[dim] = VECTOR SORT ORDER(values[dim], 1) ~~|
                ranked[dim] :EXCEPT: [b1] = VECTOR RANK(values[dim], -1) ~~|
                ranked[b1] = 0 ~~|
                """);
        Diagnostics notes = new Diagnostics();
        String xml = XmileWriter.write(m, notes);
        assertTrue(xml.contains("<eqn>VECTOR_SORT_ORDER(values[dim], 1)</eqn>"), xml);
        assertTrue(xml.contains("<eqn>VECTOR_RANK(values[dim], -1)</eqn>"), xml);
        assertSameResults(m, XmileReader.read(xml, null));
    }

    @Test
    void lookupsAreGraphicalFunctions() {
        Model m = vensim("""
                table((0,0),(4,8),(8,0)) ~~|
                read table = table(Time) + LOOKUP EXTRAPOLATE(table, Time + 2) ~~|
                whole = WITH LOOKUP(Time, ([(0,0)-(10,10)],(0,0),(5,10),(10,0))) ~~|
                nested = 2 * WITH LOOKUP(Time, ((0,1),(10,3))) + WITH LOOKUP(Time, ((0,1),(10,3))) ~~|
                dim: a1, a2 ~~|
                tables[a1]((0,0),(10,10)) ~~|
                tables[a2]((0,5),(10,-5)) ~~|
                per element[dim] = tables[dim](Time) ~~|
                """);
        String xml = XmileWriter.write(m);
        Model back = XmileReader.read(xml, null);
        assertTrue(xml.contains("<gf name=\"table\" type=\"continuous\">"), xml);
        Aux whole = (Aux) back.variable("whole").orElseThrow();
        assertEquals("TIME", whole.definition().equation().text());
        assertArrayEquals(new double[] {0, 10, 0}, whole.definition().graphicalFunction().ys());
        assertTrue(xml.contains("<eqn>2 * nested_lookup(TIME) + nested_lookup(TIME)</eqn>"),
                "one table for the same inline table twice:\n" + xml);
        assertTrue(back.variable("nested lookup").isPresent());
        assertTrue(xml.contains("<eqn>LOOKUP(tables[dim], TIME)</eqn>"), xml);
        assertSameResults(m, back);
    }

    @Test
    void activeInitialIsAnEquationWithAnInitialEquation() {
        Model m = vensim("""
                x = ACTIVE INITIAL(Time * 2, 5) ~~|
                y = INTEG(x, 0) ~~|
                """);
        String xml = XmileWriter.write(m);
        assertTrue(xml.contains("<eqn>TIME * 2</eqn>") && xml.contains("<init_eqn>5</init_eqn>"), xml);
        assertSameResults(m, XmileReader.read(xml, null));
    }

    @Test
    void macrosBecomeXmileMacros() {
        Model m = vensim("""
                :MACRO: TWICE(x)
                TWICE = 2 * helper ~~|
                helper = x + 0 * TIME STEP ~~|
                :END OF MACRO:
                :MACRO: ACCUM(x, init)
                ACCUM = INTEG(x - ACCUM / 4, init) ~~|
                :END OF MACRO:
                y = TWICE(Time) ~~|
                acc = ACCUM(Time, 1) ~~|
                """);
        String xml = XmileWriter.write(m);
        assertTrue(xml.contains("<eqn>x + 0 * DT</eqn>"), xml);
        Model back = XmileReader.read(xml, null);
        Macro twice = back.macros().stream().filter(x -> x.name().id().equals("twice")).findFirst().orElseThrow();
        assertEquals(List.of("x"), twice.parameters());
        assertEquals("2 * helper", ((Aux) twice.body().stream().filter(v -> v.name().id().equals("twice"))
                .findFirst().orElseThrow()).definition().equation().text());
        Macro accum = back.macros().stream().filter(x -> x.name().id().equals("accum")).findFirst().orElseThrow();
        // the result is a stock: the macro returns it through its equation
        assertEquals("ACCUM_value", ((Aux) accum.body().stream().filter(v -> v.name().id().equals("accum"))
                .findFirst().orElseThrow()).definition().equation().text());
        Stock stock = (Stock) accum.body().stream().filter(v -> v.name().id().equals("accum_value")).findFirst()
                .orElseThrow();
        assertEquals(List.of("accum_value_net_flow"), ids(stock.inflows()));
        assertTrue(xml.contains("<eqn>x - ACCUM_value / 4</eqn>"), xml);
        Results a = run(m);
        Results b = run(back);
        assertArrayEquals(a.column("y"), b.column("y"), 1e-12);
    }

    @Test
    void namesAndTextAreEscaped() {
        Model m = ModelBuilder.xmile().time(0, 2, 1)
                .aux("Profit & <Loss>", "3", "\"dollars\"")
                .aux("say \"hi\"", "\"Profit & <Loss>\" * 2")
                .build();
        String xml = XmileWriter.write(m);
        assertTrue(xml.contains("name=\"Profit &amp; &lt;Loss&gt;\""), xml);
        assertTrue(xml.contains("<eqn>\"Profit &amp; &lt;Loss&gt;\" * 2</eqn>"), xml);
        Model back = XmileReader.read(xml, null);
        assertEquals("\"dollars\"", back.variable("Profit & <Loss>").orElseThrow().units());
        assertEquals(6, run(back).finalValue("say \"hi\""));
    }

    @Test
    void xmileModelsSurviveTooWithTheirFlowsAndOptions() {
        Model m = XmileReader.read("""
                <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
                  <header><vendor>t</vendor><product version="1">t</product></header>
                  <sim_specs method="RK4" time_units="year"><start>0</start><stop>8</stop><dt>0.5</dt></sim_specs>
                  <dimensions><dim name="region"><elem name="north"/><elem name="south"/></dim></dimensions>
                  <model><variables>
                    <stock name="Water"><dimensions><dim name="region"/></dimensions><eqn>10</eqn>
                      <inflow>rain</inflow><outflow>drain</outflow><non_negative/></stock>
                    <flow name="rain"><dimensions><dim name="region"/></dimensions>
                      <element subscript="north"><eqn>PULSE(5, 2, 3)</eqn></element>
                      <element subscript="south"><eqn>1</eqn></element></flow>
                    <flow name="drain"><dimensions><dim name="region"/></dimensions><eqn>effect(TIME) * 3</eqn></flow>
                    <gf name="effect"><xscale min="0" max="8"/><ypts>0,1,4</ypts></gf>
                  </variables></model>
                </xmile>
                """, null);
        Model back = roundTrip(m);
        assertEquals(org.clusterdynamics.model.Method.RK4, back.specs().method());
        Stock water = (Stock) back.variable("Water").orElseThrow();
        assertTrue(water.nonNegative());
        assertEquals(List.of("drain"), ids(water.outflows()));
        assertTrue(XmileWriter.write(m).contains("<eqn>PULSE(5, 2, 3)</eqn>"), "XMILE's PULSE stays XMILE's");
        assertSameResults(m, back);
    }

    @Test
    void warningsNameWhatOnlyThisEngineReadsBack() {
        Diagnostics notes = new Diagnostics();
        XmileWriter.write(vensim("a = PULSE TRAIN(1, 1, 2, 5) + INTEGER(Time) ~~|\n"), notes);
        List<Diagnostic> w = notes.all();
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).message().contains("INTEGER, PULSE_TRAIN"), w.get(0).message());
        assertFalse(w.get(0).isError());
    }

    @Test
    void vensimRandomFunctionsAreWrittenWithThisEngineNamesAndDrawAlikeAfterwards() {
        Model m = vensim("""
                a = RANDOM POISSON(0, 20, 4, 0, 1, 0) ~~|
                b = RANDOM TRIANGULAR(0, 10, 1, 2, 6, 0) ~~|
                c = RANDOM GAMMA(0, 100, 3, 1, 2, 0) ~~|
                d = RANDOM BETA(0, 10, 2, 6, 0, 8, 0) ~~|
                e = RANDOM WEIBULL(0, 100, 1.5, 0, 3, 0) ~~|
                f = RANDOM BINOMIAL(0, 100, 0.25, 40, 0, 1, 0) ~~|
                g = RANDOM NEGATIVE BINOMIAL(0, 1000, 0.5, 4, 0, 1, 0) ~~|
                """);
        Diagnostics notes = new Diagnostics();
        String xml = XmileWriter.write(m, notes);
        for (String spelling : List.of("RANDOM_POISSON(0, 20, 4, 0, 1, 0)", "RANDOM_TRIANGULAR(0, 10, 1, 2, 6, 0)",
                "RANDOM_GAMMA(0, 100, 3, 1, 2, 0)", "RANDOM_BETA(0, 10, 2, 6, 0, 8, 0)",
                "RANDOM_WEIBULL(0, 100, 1.5, 0, 3, 0)", "RANDOM_BINOMIAL(0, 100, 0.25, 40, 0, 1, 0)",
                "RANDOM_NEGATIVE_BINOMIAL(0, 1000, 0.5, 4, 0, 1, 0)")) {
            assertTrue(xml.contains(spelling), spelling + " not in\n" + xml);
        }
        // XMILE 1.0 has none of them: the warning names them all
        assertTrue(notes.all().get(0).message().contains("RANDOM_BETA, RANDOM_BINOMIAL, RANDOM_GAMMA,"
                + " RANDOM_NEGATIVE_BINOMIAL, RANDOM_POISSON, RANDOM_TRIANGULAR, RANDOM_WEIBULL"), notes.all().toString());
        assertSameResults(m, XmileReader.read(xml, null));
    }

    @Test
    void stellaRandomFunctionsAreReadFromXmileAndWrittenBack() {
        Model m = XmileReader.read("""
                <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
                  <header><vendor>t</vendor><product version="1">t</product></header>
                  <sim_specs><start>0</start><stop>20</stop><dt>0.5</dt></sim_specs>
                  <model><variables>
                    <aux name="arrivals"><eqn>POISSON(4, 17)</eqn></aux>
                    <aux name="size"><eqn>LOGNORMAL(10, 2)</eqn></aux>
                    <aux name="others"><eqn>TRIANGULAR(1, 2, 6) + GAMMA(2, 3) + BETA(2, 6) + WEIBULL(1.5, 2)
                      + BINOMIAL(40, 0.25)</eqn></aux>
                  </variables></model>
                </xmile>
                """, null);
        Diagnostics notes = new Diagnostics();
        String xml = XmileWriter.write(m, notes);
        assertTrue(xml.contains("<eqn>POISSON(4, 17)</eqn>") && xml.contains("<eqn>LOGNORMAL(10, 2)</eqn>"), xml);
        // POISSON and LOGNORMAL are XMILE 1.0; Stella's others are not
        String warning = notes.all().get(0).message();
        assertTrue(warning.contains("BETA, BINOMIAL, GAMMA, TRIANGULAR, WEIBULL;"), warning);
        assertSameResults(m, roundTrip(m));
        for (double arrivals : run(m).column("arrivals")) {
            assertEquals(Math.rint(arrivals), arrivals, 0, "a count of arrivals");
        }
    }

    @Test
    void anUnreadableEquationIsAnErrorThatNamesTheVariable() {
        Model m = ModelBuilder.vensim().aux("good", "1").aux("bad", "1 + * 2").build();
        ModelException e = assertThrows(ModelException.class, () -> XmileWriter.write(m));
        Diagnostic d = e.diagnostics().errors().get(0);
        assertEquals("XMILE_WRITE_EQUATION", d.code());
        assertEquals("bad", d.where().variable());
    }

    @Test
    void anUnreadableXmileEquationIsKeptAsWrittenWithAWarning() {
        Model m = ModelBuilder.xmile().aux("input", "{connected from outside}").aux("y", "2").build();
        Diagnostics notes = new Diagnostics();
        String xml = XmileWriter.write(m, notes);
        assertTrue(xml.contains("<eqn>{connected from outside}</eqn>"), xml);
        assertEquals("XMILE_WRITE_EQUATION", notes.all().get(0).code());
        assertFalse(notes.hasErrors());
    }

    @Test
    void writingAFileReplacesItWholeOrNotAtAll() throws IOException {
        Path target = dir.resolve("model.xmile");
        Files.writeString(target, "previous content");
        Model bad = ModelBuilder.vensim().aux("bad", "(").build();
        assertThrows(ModelException.class, () -> XmileWriter.write(bad, target, new Diagnostics()));
        assertEquals("previous content", Files.readString(target));
        Model good = vensim("x = Time ~~|\n");
        XmileWriter.write(good, target, new Diagnostics());
        assertSameResults(good, XmileReader.read(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void controlVariablesThatFollowTheRunCannotBeWritten() {
        Model m = VensimReader.read("""
                {UTF-8}
                x = Time ~~|
                INITIAL TIME = 0 ~~|
                FINAL TIME = IF THEN ELSE(x > 5, Time, 20) ~~|
                TIME STEP = 1 ~~|
                \\\\\\---/// Sketch information
                """, null);
        ModelException e = assertThrows(ModelException.class, () -> XmileWriter.write(m));
        Diagnostic d = e.diagnostics().errors().get(0);
        assertEquals("XMILE_WRITE_SPECS", d.code());
        assertTrue(d.message().contains("FINAL TIME = IF THEN ELSE(x > 5, Time, 20)"), d.message());
    }

    @Test
    void controlValuesThatAreNotNumbersCannotBeWritten() {
        Model m = ModelBuilder.vensim().aux("x", "1").build();
        Model nan = m.withSpecs(m.specs().withStop(Double.NaN));
        ModelException e = assertThrows(ModelException.class, () -> XmileWriter.write(nan));
        assertEquals("XMILE_WRITE_SPECS", e.diagnostics().errors().get(0).code());
        assertTrue(e.getMessage().contains("FINAL TIME"), e.getMessage());
    }
}
