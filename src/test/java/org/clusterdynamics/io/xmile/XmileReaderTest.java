package org.clusterdynamics.io.xmile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.Dialect;
import org.clusterdynamics.model.Dimension;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.Flow;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.Macro;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmileReaderTest {
    private static final Path SRC = Path.of("in-memory.xmile");

    private static final String SPECS = """
            <sim_specs method="Euler" time_units="Months">
                <start>0</start>
                <stop>10</stop>
                <dt>0.5</dt>
            </sim_specs>
            """;

    /** A whole XMILE document around the given top-level and variables text. */
    private static String doc(String topLevel, String variables) {
        return "<xmile xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" version=\"1.0\">\n"
                + topLevel + "<model>\n<variables>\n" + variables + "</variables>\n</model>\n</xmile>\n";
    }

    private static Model read(String variables) {
        return XmileReader.read(doc(SPECS, variables), SRC);
    }

    private static <T extends Variable> T var(Model m, String name, Class<T> type) {
        return assertInstanceOf(type, m.variable(name).orElseThrow(() -> new AssertionError("no " + name)));
    }

    private static Diagnostic onlyError(ModelException e) {
        assertEquals(1, e.diagnostics().errors().size(), e.getMessage());
        return e.diagnostics().errors().get(0);
    }

    private static ModelException failing(String xml) {
        return assertThrows(ModelException.class, () -> XmileReader.read(xml, SRC));
    }

    // ---- sim specs

    @Test
    void readsSimSpecs() {
        Model m = read("<aux name=\"a\"><eqn>1</eqn></aux>");
        assertEquals(0, m.specs().start());
        assertEquals(10, m.specs().stop());
        assertEquals(0.5, m.specs().dt());
        assertEquals(0.5, m.specs().saveStep(), "without a save interval every dt is saved");
        assertEquals(Method.EULER, m.specs().method());
        assertEquals("Months", m.specs().timeUnits());
        assertEquals(Dialect.XMILE, m.dialect());
    }

    @Test
    void reciprocalDtAndUndeclaredIseeSaveInterval() {
        String specs = """
                <sim_specs method="RK4" isee:save_interval="2">
                    <start>1</start><stop>13</stop><dt reciprocal="true">4</dt>
                </sim_specs>
                """;
        Model m = XmileReader.read(doc(specs, "<aux name=\"a\"><eqn>1</eqn></aux>"), SRC);
        assertEquals(0.25, m.specs().dt());
        assertEquals(2, m.specs().saveStep());
        assertEquals(Method.RK4, m.specs().method());
    }

    @Test
    void saveStepChildAndMethodFallbackList() {
        String specs = "<sim_specs method=\"fancy, rk4\"><start>0</start><stop>4</stop><dt>0.25</dt>"
                + "<savestep>1</savestep></sim_specs>";
        Model m = XmileReader.read(doc(specs, "<aux name=\"a\"><eqn>1</eqn></aux>"), SRC);
        assertEquals(1, m.specs().saveStep());
        assertEquals(Method.RK4, m.specs().method(), "the first method this engine knows is used");
    }

    @Test
    void badSimSpecsNameTheLine() {
        String specs = "<sim_specs>\n<start>0</start>\n<stop>ten</stop>\n</sim_specs>\n";
        Diagnostic d = onlyError(failing(doc(specs, "<aux name=\"a\"><eqn>1</eqn></aux>")));
        assertEquals("XMILE_BAD_NUMBER", d.code());
        assertEquals(4, d.where().line());
        assertTrue(d.message().contains("ten"), d.message());
    }

    @Test
    void unknownMethodIsAnError() {
        String specs = "<sim_specs method=\"leapfrog\"><start>0</start><stop>1</stop></sim_specs>";
        Diagnostic d = onlyError(failing(doc(specs, "<aux name=\"a\"><eqn>1</eqn></aux>")));
        assertEquals("XMILE_BAD_METHOD", d.code());
        assertTrue(d.message().contains("leapfrog") && d.message().contains("RK4"), d.message());
    }

    @Test
    void modelLevelSimSpecsOverrideTheFile() {
        String xml = "<xmile>" + SPECS + "<model><sim_specs><start>5</start><stop>6</stop></sim_specs>"
                + "<variables><aux name=\"a\"><eqn>1</eqn></aux></variables></model></xmile>";
        Model m = XmileReader.read(xml, SRC);
        assertEquals(5, m.specs().start());
        assertEquals(1, m.specs().dt(), "dt defaults to 1");
    }

    // ---- variables

    @Test
    void stockWithFlowsUnitsDocAndEquationLines() {
        Model m = read("""
                <stock name="Population">
                    <eqn>100</eqn>
                    <inflow>births</inflow>
                    <outflow>deaths</outflow>
                    <outflow>Net_Migration</outflow>
                    <non_negative/>
                    <units>people</units>
                    <doc>How many live here.</doc>
                </stock>
                <flow name="births"><eqn>Population * 0.1</eqn></flow>
                """);
        Stock s = var(m, "population", Stock.class);
        assertEquals("100", s.initial().equation().text());
        // the document starts with the <xmile> line, then five lines of sim specs, <model>, <variables>
        assertEquals(9, s.line());
        assertEquals(10, s.initial().equation().line());
        assertEquals(List.of(VarName.of("births")), s.inflows());
        assertEquals(List.of("deaths", "net_migration"), s.outflows().stream().map(VarName::id).toList());
        assertTrue(s.nonNegative());
        assertNull(s.netRate(), "XMILE stocks name their flows instead");
        assertEquals("people", s.units());
        assertEquals("How many live here.", s.documentation());
        Flow f = var(m, "births", Flow.class);
        assertEquals("Population * 0.1", f.definition().equation().text());
        assertEquals(18, f.definition().equation().line());
        assertFalse(f.nonNegative());
    }

    @Test
    void equationTextIsKeptAsWrittenWithEntitiesDecoded() {
        Model m = read("<aux name=\"x\"><eqn>IF Time &gt; 10 THEN\n  \"a b\" ELSE 0</eqn></aux>");
        assertEquals("IF Time > 10 THEN\n  \"a b\" ELSE 0", var(m, "x", Aux.class).definition().equation().text());
    }

    @Test
    void initialEquationBecomesActiveInitial() {
        Model m = read("<aux name=\"capacity\">\n<eqn>demand * 2</eqn>\n<init_eqn>100</init_eqn>\n</aux>");
        Equation eq = var(m, "capacity", Aux.class).definition().equation();
        assertEquals("ACTIVE_INITIAL((demand * 2), (100))", eq.text());
        assertEquals(10, eq.line());
    }

    @Test
    void nonNegativeTextAndBehaviorDefaults() {
        String behavior = "<behavior><flow><non_negative/></flow></behavior>";
        String vars = """
                <flow name="a"><eqn>1</eqn></flow>
                <flow name="b"><eqn>1</eqn><non_negative> FalsE </non_negative></flow>
                <stock name="s"><eqn>1</eqn><outflow>a</outflow></stock>
                <stock name="t"><eqn>1</eqn><non_negative> TRUE</non_negative></stock>
                """;
        Model m = XmileReader.read(doc(SPECS + behavior, vars), SRC);
        assertTrue(var(m, "a", Flow.class).nonNegative(), "flows default to non-negative here");
        assertFalse(var(m, "b", Flow.class).nonNegative(), "a variable's own setting wins");
        assertFalse(var(m, "s", Stock.class).nonNegative(), "the behavior named flows only");
        assertTrue(var(m, "t", Stock.class).nonNegative());

        Model all = XmileReader.read(doc(SPECS + "<behavior><non_negative/></behavior>", vars), SRC);
        assertTrue(var(all, "s", Stock.class).nonNegative());
        assertTrue(var(all, "a", Flow.class).nonNegative());
    }

    @Test
    void badNonNegativeValueIsAnError() {
        Diagnostic d = onlyError(failing(doc(SPECS, "<flow name=\"f\"><eqn>1</eqn><non_negative>yes</non_negative></flow>")));
        assertEquals("XMILE_BAD_VALUE", d.code());
        assertEquals("f", d.where().variable());
    }

    @Test
    void namesKeepNewlinesQuotesAndUnicode() {
        Model m = read("""
                <aux name="size_of_one\\ntime harvest"><eqn>1</eqn></aux>
                <aux name="&quot;Aux 1&quot;"><eqn>2</eqn></aux>
                <aux name="Überschuss €"><eqn>3</eqn></aux>
                """);
        assertEquals("size_of_one time harvest", m.variables().get(0).name().asWritten());
        assertEquals("size_of_one_time_harvest", m.variables().get(0).name().id());
        assertEquals("Aux 1", m.variables().get(1).name().asWritten());
        assertEquals("überschuss_€", m.variables().get(2).name().id());
    }

    @Test
    void duplicateNamesAreReportedWithBothLines() {
        Diagnostic d = onlyError(failing(doc(SPECS, "<aux name=\"Net Flow\"><eqn>1</eqn></aux>\n"
                + "<aux name=\"net_flow\"><eqn>2</eqn></aux>\n")));
        assertEquals("XMILE_DUPLICATE", d.code());
        assertEquals(10, d.where().line());
        assertTrue(d.message().contains("line 9"), d.message());
    }

    @Test
    void missingEquationIsAnError() {
        Diagnostic d = onlyError(failing(doc(SPECS, "<aux name=\"lonely\"><units>kg</units></aux>")));
        assertEquals("XMILE_NO_EQUATION", d.code());
        assertEquals("lonely", d.where().variable());
        assertEquals("in-memory.xmile", d.where().file());
    }

    @Test
    void diagramAndVendorElementsAreIgnored() {
        String xml = """
                <xmile version="1.0">
                    <isee:prefs show_module_prefix="true"/>
                    <sim_specs><start>0</start><stop>1</stop></sim_specs>
                    <model>
                        <variables>
                            <aux name="a"><eqn>1</eqn><isee:summing/></aux>
                            <isee:dependencies><var name="a"/></isee:dependencies>
                        </variables>
                        <views><view><aux name="ghost" x="1" y="2"/><stock name="ghost2"/></view></views>
                    </model>
                </xmile>
                """;
        Model m = XmileReader.read(xml, SRC);
        assertEquals(List.of("a"), m.variables().stream().map(v -> v.name().id()).toList());
    }

    @Test
    void variablesDirectlyUnderModelAsInOldStellaFiles() {
        String xml = "<xmile>" + SPECS + "<model><stock name=\"s\"><eqn>5</eqn><display x=\"1\" y=\"2\"/></stock>"
                + "<aux name=\"a\"><eqn>s</eqn></aux></model></xmile>";
        Model m = XmileReader.read(xml, SRC);
        assertEquals(2, m.variables().size());
        assertEquals("5", var(m, "s", Stock.class).initial().equation().text());
    }

    @Test
    void queuesAreRefused() {
        Diagnostic d = onlyError(failing(doc(SPECS, "<stock name=\"q\"><eqn>0</eqn><queue/></stock>")));
        assertEquals("XMILE_UNSUPPORTED", d.code());
        assertTrue(d.message().contains("queue"), d.message());
    }

    // ---- graphical functions

    @Test
    void graphicalFunctionWithPointsReadsItsEquation() {
        Model m = read("""
                <aux name="effect">
                    <eqn>density</eqn>
                    <gf>
                        <xscale min="0" max="0"/>
                        <yscale min="0" max="1"/>
                        <xpts>0,1,3</xpts>
                        <ypts>1, 0.5 ,0</ypts>
                    </gf>
                </aux>
                """);
        Definition d = var(m, "effect", Aux.class).definition();
        assertEquals("density", d.equation().text());
        assertArrayEquals(new double[] {0, 1, 3}, d.graphicalFunction().xs());
        assertArrayEquals(new double[] {1, 0.5, 0}, d.graphicalFunction().ys());
        assertEquals(GraphicalFunction.Kind.CONTINUOUS, d.graphicalFunction().kind());
    }

    @Test
    void standaloneGraphicalFunctionIsEvenlySpacedOverXscale() {
        Model m = read("""
                <gf name="table" type="extrapolate">
                    <xscale min="10" max="20"/>
                    <ypts>0,1,4</ypts>
                </gf>
                """);
        Aux a = var(m, "table", Aux.class);
        assertNull(a.definition().equation(), "called like a function, so no equation");
        assertArrayEquals(new double[] {10, 15, 20}, a.definition().graphicalFunction().xs());
        assertEquals(GraphicalFunction.Kind.EXTRAPOLATE, a.definition().graphicalFunction().kind());
    }

    @Test
    void discreteGraphicalFunctions() {
        Model m = read("""
                <aux name="a"><eqn>1</eqn><gf type="Discrete"><xpts>0,1</xpts><ypts>0,1</ypts></gf></aux>
                <aux name="b"><eqn>1</eqn><gf discrete="true"><xpts>0,1</xpts><ypts>0,1</ypts></gf></aux>
                <aux name="c"><eqn>1</eqn><gf discrete="false"><xpts>0,1</xpts><ypts>0,1</ypts></gf></aux>
                """);
        assertEquals(GraphicalFunction.Kind.DISCRETE, var(m, "a", Aux.class).definition().graphicalFunction().kind());
        assertEquals(GraphicalFunction.Kind.DISCRETE, var(m, "b", Aux.class).definition().graphicalFunction().kind());
        assertEquals(GraphicalFunction.Kind.CONTINUOUS, var(m, "c", Aux.class).definition().graphicalFunction().kind());
    }

    @Test
    void graphicalFunctionProblemsAreReported() {
        Diagnostic count = onlyError(failing(doc(SPECS,
                "<aux name=\"g\"><eqn>1</eqn><gf><xpts>0,1,2</xpts><ypts>0,1</ypts></gf></aux>")));
        assertEquals("XMILE_BAD_GF", count.code());
        assertTrue(count.message().contains("3") && count.message().contains("2"), count.message());

        Diagnostic order = onlyError(failing(doc(SPECS,
                "<aux name=\"g\"><eqn>1</eqn><gf><xpts>0,2,1</xpts><ypts>0,1,2</ypts></gf></aux>")));
        assertEquals("XMILE_BAD_GF", order.code());

        Diagnostic noX = onlyError(failing(doc(SPECS, "<aux name=\"g\"><eqn>1</eqn><gf><ypts>0,1</ypts></gf></aux>")));
        assertTrue(noX.message().contains("xscale"), noX.message());

        Diagnostic number = onlyError(failing(doc(SPECS,
                "<aux name=\"g\"><eqn>1</eqn><gf><xpts>0,1d</xpts><ypts>0,1</ypts></gf></aux>")));
        assertEquals("XMILE_BAD_NUMBER", number.code());
        assertEquals("g", number.where().variable());
    }

    // ---- arrays

    @Test
    void dimensionsBySizeAndByElementNames() {
        String dims = """
                <dimensions>
                    <dim name="Region"><elem name="North"/><elem name="South"/></dim>
                    <dim name="Age" size="3"/>
                </dimensions>
                """;
        Model m = XmileReader.read(doc(SPECS + dims, "<aux name=\"a\"><eqn>1</eqn></aux>"), SRC);
        assertEquals(List.of(new Dimension(VarName.of("Region"), List.of("North", "South")),
                new Dimension(VarName.of("Age"), List.of("1", "2", "3"))), m.dimensions());
    }

    @Test
    void badDimensionSizeIsAnError() {
        Diagnostic d = onlyError(failing(doc(SPECS + "<dimensions><dim name=\"D\" size=\"many\"/></dimensions>",
                "<aux name=\"a\"><eqn>1</eqn></aux>")));
        assertEquals("XMILE_BAD_DIMENSION", d.code());
        Diagnostic huge = onlyError(failing(doc(SPECS + "<dimensions><dim name=\"D\" size=\"2000000000\"/></dimensions>",
                "<aux name=\"a\"><eqn>1</eqn></aux>")));
        assertTrue(huge.message().contains("more than the 100000 elements a dimension may have"), huge.message());
    }

    @Test
    void applyToAllAndPerElementDefinitions() {
        String dims = "<dimensions><dim name=\"A\" size=\"2\"/><dim name=\"B\"><elem name=\"x\"/><elem name=\"y\"/></dim></dimensions>";
        String vars = """
                <aux name="all"><dimensions><dim name="A"/><dim name="B"/></dimensions><eqn>A * 2</eqn></aux>
                <aux name="each">
                    <dimensions><dim name="A"/><dim name="B"/></dimensions>
                    <element subscript="1, x"><eqn>1</eqn></element>
                    <element subscript="1,y"><eqn>2</eqn></element>
                    <element subscript=" 2 , x "><gf><xpts>0,1</xpts><ypts>5,6</ypts></gf></element>
                    <element subscript="2, y"><eqn>9</eqn><gf><xpts>0,1</xpts><ypts>7,8</ypts></gf></element>
                    <eqn>Time</eqn>
                </aux>
                """;
        Model m = XmileReader.read(doc(SPECS + dims, vars), SRC);
        Aux all = var(m, "all", Aux.class);
        assertEquals(List.of("A", "B"), all.dimensions());
        assertFalse(all.definition().isPerElement());
        assertEquals("A * 2", all.definition().equation().text());

        Aux each = var(m, "each", Aux.class);
        assertTrue(each.definition().isPerElement());
        List<ElementDefinition> es = each.definition().elements();
        assertEquals(4, es.size());
        assertEquals(List.of("1", "x"), es.get(0).subscripts());
        assertEquals("1", es.get(0).equation().text());
        assertEquals(List.of("2", "x"), es.get(2).subscripts());
        assertEquals("Time", es.get(2).equation().text(), "an element without eqn reads the shared one");
        assertArrayEquals(new double[] {5, 6}, es.get(2).graphicalFunction().ys());
        assertEquals("9", es.get(3).equation().text());
        assertNull(es.get(0).graphicalFunction());
    }

    @Test
    void valueListsAreSpreadOverElementsInOrder() {
        String dims = "<dimensions><dim name=\"A\" size=\"2\"/><dim name=\"B\"><elem name=\"x\"/><elem name=\"y\"/>"
                + "<elem name=\"z\"/></dim></dimensions>";
        String vars = """
                <aux name="numbers"><dimensions><dim name="B"/></dimensions>
                    <eqn>0.1, -2 ,3e1</eqn></aux>
                <aux name="eqns"><dimensions><dim name="A"/><dim name="B"/></dimensions>
                    <eqn>Time</eqn><eqn>1</eqn><eqn>2</eqn>
                    <eqn>3</eqn><eqn>4</eqn><eqn>-Time</eqn>
                </aux>
                <aux name="call"><dimensions><dim name="B"/></dimensions><eqn>MAX(1, 2)</eqn></aux>
                <aux name="rows"><dimensions><dim name="A"/><dim name="B"/></dimensions>
                    <eqn>1,2,3; 4,5,6;</eqn></aux>
                """;
        Model m = XmileReader.read(doc(SPECS + dims, vars), SRC);
        List<ElementDefinition> numbers = var(m, "numbers", Aux.class).definition().elements();
        assertEquals(List.of("0.1", "-2", "3e1"), numbers.stream().map(e -> e.equation().text()).toList());
        assertEquals(List.of(List.of("x"), List.of("y"), List.of("z")),
                numbers.stream().map(ElementDefinition::subscripts).toList());

        List<ElementDefinition> eqns = var(m, "eqns", Aux.class).definition().elements();
        assertEquals(6, eqns.size());
        assertEquals(List.of("1", "y"), eqns.get(1).subscripts(), "the last dimension varies fastest");
        assertEquals("1", eqns.get(1).equation().text());
        assertEquals(List.of("2", "z"), eqns.get(5).subscripts());
        assertEquals("-Time", eqns.get(5).equation().text());
        assertEquals(13, eqns.get(5).equation().line());

        List<ElementDefinition> rows = var(m, "rows", Aux.class).definition().elements();
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), rows.stream().map(e -> e.equation().text()).toList());
        assertEquals(List.of("2", "x"), rows.get(3).subscripts());

        Definition call = var(m, "call", Aux.class).definition();
        assertFalse(call.isPerElement(), "commas inside a call are not a value list");
        assertEquals("MAX(1, 2)", call.equation().text());
    }

    @Test
    void valueListOfTheWrongLengthIsAnError() {
        Diagnostic d = onlyError(failing(doc(SPECS + "<dimensions><dim name=\"A\" size=\"3\"/></dimensions>",
                "<aux name=\"v\"><dimensions><dim name=\"A\"/></dimensions><eqn>1, 2</eqn></aux>")));
        assertEquals("XMILE_BAD_EQUATION", d.code());
        assertTrue(d.message().contains("2 values") && d.message().contains("3 elements"), d.message());
    }

    @Test
    void elementsWithoutDimensionsAreAnError() {
        Diagnostic d = onlyError(failing(doc(SPECS, "<aux name=\"a\"><element subscript=\"1\"><eqn>1</eqn></element></aux>")));
        assertEquals("XMILE_BAD_ELEMENT", d.code());
    }

    // ---- modules, macros, units

    @Test
    void modulesAreFlattenedIntoQualifiedVariables() {
        String xml = "<xmile>" + SPECS + """
                <model>
                    <variables>
                        <module name="Hares">
                            <connect to="area" from=".area"/>
                        </module>
                        <aux name="area"><eqn>1000</eqn></aux>
                    </variables>
                </model>
                <model name="Hares">
                    <variables>
                        <aux name="area" access="input"/>
                        <stock name="hares"><eqn>5 * area</eqn></stock>
                    </variables>
                </model>
                </xmile>
                """;
        Model m = XmileReader.read(xml, SRC);
        assertTrue(m.subModels().isEmpty());
        assertEquals("\"area\"", var(m, "Hares.area", Aux.class).definition().equation().text());
        assertEquals("5 * \"Hares.area\"", var(m, "Hares.hares", Stock.class).initial().equation().text());
    }

    @Test
    void moduleOfAnUnknownModelIsAnError() {
        Diagnostic d = onlyError(failing(doc(SPECS, "<module name=\"ghost\"/>")));
        assertEquals("XMILE_UNKNOWN_MODEL", d.code());
        assertEquals("ghost", d.where().variable());
    }

    @Test
    void macrosKeepParametersBodyAndResult() {
        String macro = """
                <macro name="ratio">
                    <parm>a</parm>
                    <parm>b</parm>
                    <eqn>a / b</eqn>
                    <variables><aux name="helper"><eqn>a</eqn></aux></variables>
                </macro>
                """;
        Model m = XmileReader.read(doc(SPECS + macro, "<aux name=\"x\"><eqn>ratio(1, 2)</eqn></aux>"), SRC);
        Macro mac = m.macros().get(0);
        assertEquals("ratio", mac.name().id());
        assertEquals(List.of("a", "b"), mac.parameters());
        assertEquals(List.of("helper", "ratio"), mac.body().stream().map(v -> v.name().id()).toList());
        Aux result = assertInstanceOf(Aux.class, mac.body().get(1));
        assertEquals("a / b", result.definition().equation().text());
    }

    @Test
    void unitAliases() {
        String units = """
                <model_units>
                    <unit name="People"><eqn/><alias>person</alias><alias>Persons</alias></unit>
                    <unit name="Dozen"><eqn>12 * units</eqn></unit>
                    <units><eqn>person/time</eqn></units>
                </model_units>
                """;
        Model m = XmileReader.read(doc(SPECS + units, "<aux name=\"a\"><eqn>1</eqn></aux>"), SRC);
        assertEquals("People", m.unitAliases().get("person"));
        assertEquals("People", m.unitAliases().get("persons"));
        assertEquals("12 * units", m.unitAliases().get("dozen"));
        assertEquals(3, m.unitAliases().size());
    }

    @Test
    void modelNameComesFromTheHeaderOrTheFile() {
        String xml = "<xmile><header><name>Teacup</name></header>" + SPECS
                + "<model><variables><aux name=\"a\"><eqn>1</eqn></aux></variables></model></xmile>";
        assertEquals("Teacup", XmileReader.read(xml, SRC).name());
        assertEquals("in-memory", read("<aux name=\"a\"><eqn>1</eqn></aux>").name());
    }

    // ---- hardened, malformed and oversized input

    @Test
    void malformedXmlNamesFileLineAndTheUnclosedElement() {
        String xml = doc(SPECS, """
                <flow name="f">
                    <eqn>1</eqn>
                <stock name="s"><eqn>1</eqn></stock>
                """);
        Diagnostic d = onlyError(failing(xml));
        assertEquals("XMILE_MALFORMED", d.code());
        assertEquals("in-memory.xmile", d.where().file());
        assertEquals(12, d.where().line(), "where the parser noticed: </variables>");
        assertTrue(d.message().contains("<flow> from line 9"), d.message());
        assertTrue(d.message().contains("end tag"), d.message());
    }

    @Test
    void doctypesAndEntitiesAreRefused(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP SECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE xmile [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>\n"
                + doc(SPECS, "<aux name=\"a\"><eqn>&s;</eqn></aux>");
        Diagnostic d = onlyError(failing(xxe));
        assertEquals("XMILE_DOCTYPE", d.code());
        assertFalse(d.message().contains("TOP SECRET"));

        String laughs = "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + doc(SPECS, "<aux name=\"a\"><eqn>&b;</eqn></aux>");
        assertEquals("XMILE_DOCTYPE", onlyError(failing(laughs)).code());
    }

    @Test
    void oversizedFilesAreRefusedBeforeParsing(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.xmile");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(XmileReader.MAX_BYTES + 1); // sparse: no real disk use
        }
        ModelException e = assertThrows(ModelException.class, () -> XmileReader.read(big));
        Diagnostic d = onlyError(e);
        assertEquals("XMILE_TOO_LARGE", d.code());
        assertTrue(d.message().contains("64 MiB"), d.message());
    }

    @Test
    void readsFilesAndReportsMissingOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.stmx");
        String text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + doc(SPECS, "<aux name=\"Größe\"><eqn>1</eqn></aux>");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        Model m = XmileReader.read(file);
        assertEquals(file, m.source());
        assertNotNull(m.variable("größe").orElse(null));

        Diagnostic d = onlyError(assertThrows(ModelException.class, () -> XmileReader.read(dir.resolve("nope.xmile"))));
        assertEquals("XMILE_NO_FILE", d.code());
    }

    @Test
    void notAnXmileDocument() {
        Diagnostic d = onlyError(failing("<html><body/></html>"));
        assertEquals("XMILE_NOT_XMILE", d.code());
    }
}
